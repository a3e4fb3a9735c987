-- The EU AI Act section of a case (issue 17): the questionnaire answers, the questionnaire version that
-- classified the case, the labels computed from the answers (stored so lists, filters and figures read
-- them in SQL), and when each obligation applies (dates as data: amending acts move them).

-- One answer per question asked, as the questionnaire defines it (yes / no / a choice / a justification).
CREATE TABLE case_ai_act_answers (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    question TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 100),
    answer   TEXT    NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
    PRIMARY KEY (case_id, question)
) WITHOUT ROWID;

-- The classification of a case: the questionnaire version, and the class once every question asked is
-- answered (NULL while incomplete).
CREATE TABLE case_ai_act (
    case_id               INTEGER PRIMARY KEY REFERENCES cases(id),
    questionnaire_version INTEGER NOT NULL CHECK (questionnaire_version >= 1),
    risk_class            TEXT CHECK (risk_class IN ('prohibited', 'high_risk', 'transparency', 'minimal', 'out_of_scope')),
    classified_at         TEXT    NOT NULL
);
CREATE INDEX case_ai_act_by_class ON case_ai_act(risk_class, case_id);

-- The labels, in order, each with the articles and answers (question ids) that produced it.
CREATE TABLE case_ai_act_labels (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    position INTEGER NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('scope', 'role', 'class', 'gpai', 'fria')),
    code     TEXT    NOT NULL,
    point    TEXT    NOT NULL DEFAULT '',
    articles TEXT    NOT NULL,
    answers  TEXT    NOT NULL,
    PRIMARY KEY (case_id, position)
) WITHOUT ROWID;
CREATE INDEX case_ai_act_labels_by_code ON case_ai_act_labels(code, case_id);

-- From when each group of obligations applies, with its source. Seeded from Art. 113 of the Regulation
-- as published; the administrator updates a date when an amending act moves it.
CREATE TABLE ai_act_obligation_dates (
    code       TEXT PRIMARY KEY,
    applies_on TEXT NOT NULL CHECK (applies_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    source     TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
) WITHOUT ROWID;
INSERT INTO ai_act_obligation_dates (code, applies_on, source, updated_at) VALUES
    ('prohibitions', '2025-02-02', 'Regulation (EU) 2024/1689, Art. 113(a) (Chapters I and II)', '2024-07-12T00:00:00.000Z'),
    ('ai_literacy', '2025-02-02', 'Regulation (EU) 2024/1689, Art. 113(a) (Chapters I and II)', '2024-07-12T00:00:00.000Z'),
    ('gpai', '2025-08-02', 'Regulation (EU) 2024/1689, Art. 113(b) (Chapter V); models placed on the market before that date: Art. 111(3)', '2024-07-12T00:00:00.000Z'),
    ('transparency', '2026-08-02', 'Regulation (EU) 2024/1689, Art. 113, second paragraph', '2024-07-12T00:00:00.000Z'),
    ('high_risk_annex3', '2026-08-02', 'Regulation (EU) 2024/1689, Art. 113, second paragraph', '2024-07-12T00:00:00.000Z'),
    ('high_risk_annex1', '2027-08-02', 'Regulation (EU) 2024/1689, Art. 113(c) (Art. 6(1))', '2024-07-12T00:00:00.000Z');
