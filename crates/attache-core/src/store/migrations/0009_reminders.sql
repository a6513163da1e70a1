-- Reminders (issue 8): what was announced, so that nothing is announced twice. An action due
-- today or overdue is announced once a day (its key with that day); an agreement entering its
-- renewal window once per period (its key carries the expiry date, and the day it was first
-- announced is only kept for the record).
CREATE TABLE reminders_sent (
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (key, day)
) WITHOUT ROWID;
