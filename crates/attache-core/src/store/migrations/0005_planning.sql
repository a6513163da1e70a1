-- Visit planning: what the conflict checks, the workflow and calendar files need.
--
-- A venue gets a contact; a vehicle a kind and its driver's phone. A visit gets the time its
-- people need to get from one venue to the next (travel buffer, default 30 minutes); a pair of
-- venues can have its own travel time, which then wins for every visit. A conflict that the
-- office accepts (the ambassador leaves a dinner early on purpose) is acknowledged with a reason,
-- keyed by what it is about, so an unrelated edit leaves it acknowledged. A programme item
-- remembers the UID of the calendar event it was imported from, so a second import updates it
-- instead of adding it again.

ALTER TABLE venues ADD COLUMN contact TEXT;
ALTER TABLE vehicles ADD COLUMN kind TEXT NOT NULL DEFAULT 'car'
    CHECK (kind IN ('car','van','minibus','coach','other'));
ALTER TABLE vehicles ADD COLUMN phone TEXT;
ALTER TABLE visits ADD COLUMN travel_buffer_minutes INTEGER NOT NULL DEFAULT 30
    CHECK (travel_buffer_minutes >= 0);
ALTER TABLE engagements ADD COLUMN ical_uid TEXT;
CREATE UNIQUE INDEX engagements_ical_uid ON engagements (visit_id, ical_uid)
    WHERE ical_uid IS NOT NULL AND deleted_at IS NULL;
-- Item windows across all visits, for the double-booking checks of a person.
CREATE INDEX engagements_window ON engagements (starts_at, ends_at) WHERE deleted_at IS NULL;

CREATE TABLE travel_times (
    venue_a    TEXT NOT NULL REFERENCES venues (id),
    venue_b    TEXT NOT NULL REFERENCES venues (id),
    minutes    INTEGER NOT NULL CHECK (minutes >= 0),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (venue_a, venue_b),
    CHECK (venue_a < venue_b)
) WITHOUT ROWID;

CREATE TABLE conflict_acknowledgements (
    key             TEXT PRIMARY KEY,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    acknowledged_at TEXT NOT NULL,
    actor           TEXT NOT NULL
) WITHOUT ROWID;
