-- Members vote themselves, in session. The secretary opens the vote on an item of a held meeting; each
-- present voting member who is not recused casts a ballot on their own device and may change it until the
-- vote closes. Closing copies the ballots into the immutable `votes` and decides the item (decided_at).
ALTER TABLE agenda_items ADD COLUMN vote_opened_at TEXT;
ALTER TABLE agenda_items ADD COLUMN vote_opened_by INTEGER REFERENCES users(id);

-- One ballot per member per item: a second one cannot exist (primary key); a change replaces the first.
-- cast_by is the member, or the secretary recording a show of hands for them.
CREATE TABLE ballots (
    item_id  INTEGER NOT NULL REFERENCES agenda_items(id),
    user_id  INTEGER NOT NULL REFERENCES users(id),
    choice   TEXT    NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    dissent  TEXT    NOT NULL DEFAULT '' CHECK (length(dissent) <= 2000),
    cast_by  INTEGER NOT NULL REFERENCES users(id),
    cast_at  TEXT    NOT NULL,
    PRIMARY KEY (item_id, user_id)
) WITHOUT ROWID;

-- Ballots exist and change only while their item's vote is open: opened and not yet decided.
CREATE TRIGGER ballots_open_insert BEFORE INSERT ON ballots
WHEN NOT EXISTS (SELECT 1 FROM agenda_items WHERE id = NEW.item_id AND vote_opened_at IS NOT NULL AND decided_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'the vote on this item is not open'); END;
CREATE TRIGGER ballots_open_update BEFORE UPDATE ON ballots
WHEN NOT EXISTS (SELECT 1 FROM agenda_items WHERE id = OLD.item_id AND vote_opened_at IS NOT NULL AND decided_at IS NULL)
  OR NEW.item_id <> OLD.item_id OR NEW.user_id <> OLD.user_id
BEGIN SELECT RAISE(ABORT, 'the vote on this item is not open'); END;
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN SELECT RAISE(ABORT, 'a ballot is never deleted'); END;

-- A vote is opened once, on an undecided item; the opening never changes afterwards.
CREATE TRIGGER agenda_items_vote_opened_once BEFORE UPDATE OF vote_opened_at ON agenda_items
WHEN OLD.vote_opened_at IS NOT NULL AND NEW.vote_opened_at IS NOT OLD.vote_opened_at
BEGIN SELECT RAISE(ABORT, 'a vote is opened once'); END;
