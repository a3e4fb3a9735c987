-- Reviews owed (issue 19): a reviewer owes a review while not recused, without a review, on a case in review. The
-- secretary's "late reviews" and the due-date sweep asked it of every case in review (879 on the large demo, ten times
-- that on the ten-times one), probing each one's reviewers and reviews. The answer is kept on the reviewer's row by the
-- triggers below, so a partial index holds only the reviews owed, in due-date order, and a list stops after its lines.
ALTER TABLE case_reviewers ADD COLUMN owed INTEGER NOT NULL DEFAULT 0 CHECK (owed IN (0, 1));

UPDATE case_reviewers SET owed = (
    recused_at IS NULL
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_reviewers.case_id AND c.status = 'in_review')
    AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id));

CREATE INDEX case_reviewers_owed_by_due ON case_reviewers(due_on, case_id) WHERE owed = 1;

-- Every change that can alter the answer recomputes it for the rows concerned, with the same expression.
CREATE TRIGGER case_reviewers_owed_on_assign AFTER INSERT ON case_reviewers BEGIN
    UPDATE case_reviewers SET owed = (
        recused_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_reviewers.case_id AND c.status = 'in_review')
        AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id))
    WHERE case_id = NEW.case_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER case_reviewers_owed_on_change AFTER UPDATE OF case_id, user_id, recused_at ON case_reviewers BEGIN
    UPDATE case_reviewers SET owed = (
        recused_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_reviewers.case_id AND c.status = 'in_review')
        AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id))
    WHERE case_id = NEW.case_id AND user_id = NEW.user_id;
END;

CREATE TRIGGER case_reviewers_owed_on_review AFTER INSERT ON reviews BEGIN
    UPDATE case_reviewers SET owed = 0 WHERE case_id = NEW.case_id AND user_id = NEW.reviewer_id AND owed = 1;
END;

CREATE TRIGGER case_reviewers_owed_on_review_change AFTER UPDATE OF case_id, reviewer_id ON reviews BEGIN
    UPDATE case_reviewers SET owed = (
        recused_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_reviewers.case_id AND c.status = 'in_review')
        AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id))
    WHERE (case_id = OLD.case_id AND user_id = OLD.reviewer_id) OR (case_id = NEW.case_id AND user_id = NEW.reviewer_id);
END;

CREATE TRIGGER case_reviewers_owed_on_review_delete AFTER DELETE ON reviews BEGIN
    UPDATE case_reviewers SET owed = (
        recused_at IS NULL
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_reviewers.case_id AND c.status = 'in_review')
        AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id))
    WHERE case_id = OLD.case_id AND user_id = OLD.reviewer_id;
END;

CREATE TRIGGER case_reviewers_owed_on_status AFTER UPDATE OF status ON cases WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE case_reviewers SET owed = (
        recused_at IS NULL
        AND NEW.status = 'in_review'
        AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.case_id = case_reviewers.case_id AND v.reviewer_id = case_reviewers.user_id))
    WHERE case_id = NEW.id;
END;
