-- Post-visit outcomes (issue 8). A visit is completed only with its outcome summary written, or
-- with the summary waived on purpose (a courtesy call with nothing to report): the waiver is
-- recorded, so "no summary" is never mistaken for "forgot".
ALTER TABLE visits ADD COLUMN outcome_waived INTEGER NOT NULL DEFAULT 0 CHECK (outcome_waived IN (0, 1));
