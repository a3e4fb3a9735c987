-- Full-text search (FTS5) over what people write: cases (with their readiness notes, opinion and
-- conditions), the questions to the project owner and their answers, reviews, internal comments, the
-- parts of the minutes (one per agenda item, so a hidden item's part is a separate document that access
-- filtering can leave out), published governance versions and deliverables.
--
-- One index, so results from every kind are ranked together and paged by one query. Its rowid encodes
-- the kind and the source row (key * 8 + kind code: 1 case, 2 question, 3 review, 4 comment, 5 minutes
-- part with key meeting * 2^20 + ordinal, 6 governance version, 7 deliverable), so a trigger finds a
-- document without a scan, and the access rule (SearchStore) reaches the live source row, its case and
-- its meeting by primary key from the rowid alone, without reading the index's stored text: a case made
-- confidential or a reviewer recused is hidden at once. `unicode61 remove_diacritics 2` makes "ethique"
-- find "éthique".
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, kind UNINDEXED, at UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What each source row contributes (doc_id is the rowid; ref and the other keys let the triggers find
-- one row). The triggers and the first fill below select from these views, so each document is defined once.

-- A case: its title; team, vendor, description, the notes of readiness answers other than "yes", the
-- opinion and the conditions (what the case page shows whoever may open it).
CREATE VIEW search_case_documents AS
SELECT c.id * 8 + 1 AS doc_id, c.title AS title,
       c.team || char(10) || c.vendor || char(10) || c.description
       || COALESCE(char(10) || (SELECT group_concat(a.note, char(10)) FROM case_answers a WHERE a.case_id = c.id AND a.answer <> 'yes' AND a.note <> ''), '')
       || COALESCE(char(10) || (SELECT d.opinion FROM case_decisions d WHERE d.case_id = c.id), '')
       || COALESCE(char(10) || (SELECT group_concat(k.text, char(10)) FROM case_conditions k WHERE k.case_id = c.id), '') AS body,
       'case' AS kind, c.id AS ref, c.id AS case_id, NULL AS meeting_id, NULL AS owner_id, c.created_at AS at
FROM cases c;

CREATE VIEW search_question_documents AS
SELECT q.id * 8 + 2 AS doc_id, '' AS title, q.question || COALESCE(char(10) || q.answer, '') AS body,
       'question' AS kind, q.id AS ref, q.case_id AS case_id, NULL AS meeting_id, NULL AS owner_id, q.asked_at AS at
FROM case_questions q;

CREATE VIEW search_review_documents AS
SELECT v.id * 8 + 3 AS doc_id, '' AS title, v.reasoning AS body,
       'review' AS kind, v.id AS ref, v.case_id AS case_id, NULL AS meeting_id, NULL AS owner_id, v.submitted_at AS at
FROM reviews v;

CREATE VIEW search_comment_documents AS
SELECT m.id * 8 + 4 AS doc_id, '' AS title, m.body AS body,
       'comment' AS kind, m.id AS ref, m.case_id AS case_id, NULL AS meeting_id, NULL AS owner_id, m.created_at AS at
FROM case_comments m;

-- A part of the minutes: only its HTML is stored (rendered by libcmark in safe mode, so the tags are a
-- known few); they are taken out here, since the tokenizer would otherwise index "strong", "li"… as
-- words. A link's address stays in the text. The part's case is its agenda item's.
-- (Two views, because SQLite's parser refuses more than about thirty nested calls in one expression.)
CREATE VIEW search_minutes_tags AS
SELECT p.meeting_id, p.ordinal, p.item_id,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
       replace(replace(replace(replace(replace(replace(replace(
           p.html,
           '<p>', ''), '</p>', ' '), '<h1>', ''), '</h1>', ' '), '<h2>', ''), '</h2>', ' '), '<h3>', ''), '</h3>', ' '),
           '<h4>', ''), '</h4>', ' '), '<h5>', ''), '</h5>', ' '), '<h6>', ''), '</h6>', ' '),
           '<em>', ''), '</em>', ''), '<strong>', ''), '</strong>', ''), '<code>', ''), '</code>', ''), '<br />', ' ') AS text
FROM meeting_minutes_parts p;
CREATE VIEW search_minutes_documents AS
SELECT (p.meeting_id * 1048576 + p.ordinal) * 8 + 5 AS doc_id, '' AS title,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
       replace(replace(replace(replace(replace(replace(replace(
           p.text,
           '<ul>', ''), '</ul>', ' '), '<ol>', ''), '</ol>', ' '), '<li>', ''), '</li>', ' '),
           '<blockquote>', ''), '</blockquote>', ' '), '<pre>', ''), '</pre>', ' '), '<hr />', ' '),
           '<ol start="', ' '), '<code class="language-', ' '), '<a href="', ' '), '</a>', ''), '">', ' '),
           '&quot;', '"'), '&lt;', '<'), '&gt;', '>'), '&#39;', ''''), '&amp;', '&') AS body,
       'minutes' AS kind, p.ordinal AS ref, (SELECT i.case_id FROM agenda_items i WHERE i.id = p.item_id) AS case_id,
       p.meeting_id AS meeting_id, NULL AS owner_id, (SELECT g.starts_at FROM meetings g WHERE g.id = p.meeting_id) AS at
FROM search_minutes_tags p;

CREATE VIEW search_charter_documents AS
SELECT v.id * 8 + 6 AS doc_id, v.change_note AS title, v.markdown AS body,
       'charter' AS kind, v.id AS ref, NULL AS case_id, NULL AS meeting_id, NULL AS owner_id, v.published_at AS at
FROM governance_versions v;

CREATE VIEW search_deliverable_documents AS
SELECT d.id * 8 + 7 AS doc_id, d.title AS title, d.body AS body,
       'deliverable' AS kind, d.id AS ref, d.case_id AS case_id, NULL AS meeting_id, d.owner_id AS owner_id, d.created_at AS at
FROM deliverables d;

-- The first fill: databases already hold data.
INSERT INTO search_index (rowid, title, body, kind, at)
SELECT doc_id, title, body, kind, at FROM search_case_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_question_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_review_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_comment_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_minutes_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_charter_documents
UNION ALL SELECT doc_id, title, body, kind, at FROM search_deliverable_documents;

-- Kept in sync by triggers. Cases: the text fields (not every status change), and the rows the case
-- document gathers (only notes that say something, so saving a form's empty answers costs nothing).
CREATE TRIGGER search_cases_insert AFTER INSERT ON cases BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_cases_update AFTER UPDATE OF title, team, vendor, description ON cases BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_cases_delete AFTER DELETE ON cases BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
END;
CREATE TRIGGER search_case_answers_insert AFTER INSERT ON case_answers WHEN NEW.note <> '' BEGIN
    DELETE FROM search_index WHERE rowid = NEW.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.case_id;
END;
CREATE TRIGGER search_case_answers_update AFTER UPDATE OF answer, note ON case_answers
WHEN NEW.note <> OLD.note OR NEW.answer <> OLD.answer BEGIN
    DELETE FROM search_index WHERE rowid = NEW.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.case_id;
END;
CREATE TRIGGER search_case_answers_delete AFTER DELETE ON case_answers WHEN OLD.note <> '' BEGIN
    DELETE FROM search_index WHERE rowid = OLD.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = OLD.case_id;
END;
-- A decision never changes (a trigger of 0005 refuses it): inserted, or deleted with its case.
CREATE TRIGGER search_case_decisions_insert AFTER INSERT ON case_decisions BEGIN
    DELETE FROM search_index WHERE rowid = NEW.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.case_id;
END;
CREATE TRIGGER search_case_decisions_delete AFTER DELETE ON case_decisions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = OLD.case_id;
END;
CREATE TRIGGER search_case_conditions_insert AFTER INSERT ON case_conditions BEGIN
    DELETE FROM search_index WHERE rowid = NEW.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.case_id;
END;
CREATE TRIGGER search_case_conditions_update AFTER UPDATE OF text ON case_conditions BEGIN
    DELETE FROM search_index WHERE rowid = NEW.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = NEW.case_id;
END;
CREATE TRIGGER search_case_conditions_delete AFTER DELETE ON case_conditions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.case_id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_case_documents WHERE ref = OLD.case_id;
END;

CREATE TRIGGER search_questions_insert AFTER INSERT ON case_questions BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_question_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_questions_update AFTER UPDATE OF question, answer ON case_questions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_question_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_questions_delete AFTER DELETE ON case_questions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

CREATE TRIGGER search_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_review_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_reviews_update AFTER UPDATE OF reasoning ON reviews BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_review_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_reviews_delete AFTER DELETE ON reviews BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END;

CREATE TRIGGER search_comments_insert AFTER INSERT ON case_comments BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_comment_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_comments_update AFTER UPDATE OF body ON case_comments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_comment_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_comments_delete AFTER DELETE ON case_comments BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END;

-- The minutes' parts are deleted and written again at each save.
CREATE TRIGGER search_minutes_parts_insert AFTER INSERT ON meeting_minutes_parts BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_minutes_documents WHERE meeting_id = NEW.meeting_id AND ref = NEW.ordinal;
END;
CREATE TRIGGER search_minutes_parts_update AFTER UPDATE ON meeting_minutes_parts BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 1048576 + OLD.ordinal) * 8 + 5;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_minutes_documents WHERE meeting_id = NEW.meeting_id AND ref = NEW.ordinal;
END;
CREATE TRIGGER search_minutes_parts_delete AFTER DELETE ON meeting_minutes_parts BEGIN
    DELETE FROM search_index WHERE rowid = (OLD.meeting_id * 1048576 + OLD.ordinal) * 8 + 5;
END;

-- Published versions never change (triggers of 0004 refuse UPDATE and DELETE): inserted only.
CREATE TRIGGER search_charter_insert AFTER INSERT ON governance_versions BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_charter_documents WHERE ref = NEW.id;
END;

-- Deliverables are never deleted (a trigger of 0008 refuses it); edits may change the text, the owner
-- or the linked case.
CREATE TRIGGER search_deliverables_insert AFTER INSERT ON deliverables BEGIN
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_deliverable_documents WHERE ref = NEW.id;
END;
CREATE TRIGGER search_deliverables_update AFTER UPDATE OF title, body, owner_id, case_id ON deliverables BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
    INSERT INTO search_index (rowid, title, body, kind, at)
    SELECT doc_id, title, body, kind, at FROM search_deliverable_documents WHERE ref = NEW.id;
END;
