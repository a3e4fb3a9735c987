-- How a member's position is written in French (Présidente, Président, or the neutral Présidence): the
-- person's own choice on their profile. English has one form ("Chair").
ALTER TABLE member_profiles ADD COLUMN title_form TEXT NOT NULL DEFAULT 'neutral'
    CHECK (title_form IN ('neutral', 'feminine', 'masculine'));
