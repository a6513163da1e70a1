-- Attaché schema 3: records ready for sharing between desktops, and what the sample needed.
--
-- Every record gets `version`, a hybrid-logical-clock stamp `<ms>.<counter>.<device>` (see
-- kernel/clock.rs) that orders edits across machines; every change through the core sets it,
-- and the audit entry of the change records it too. This desktop gets a stable device id.
-- Existing rows get a version from their `updated_at`, with counter 0 and this device.
-- The default sectors get fixed ids (the same on every desktop, so shared links agree), and
-- every stored instant is written the one way: UTC, milliseconds (`2026-01-28T05:30:00.000Z`).

INSERT INTO settings (key, value, updated_at)
VALUES ('device.id', substr(lower(hex(randomblob(8))), 1, 16), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
ON CONFLICT (key) DO NOTHING;

ALTER TABLE sectors ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE sectors SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE organizations ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE organizations SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE people ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE people SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE venues ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE venues SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE vehicles ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE vehicles SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE visits ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE visits SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE engagements ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE engagements SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE participants ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE participants SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE agreements ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE agreements SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE actions ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE actions SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));
ALTER TABLE attachments ADD COLUMN version TEXT NOT NULL DEFAULT '';
UPDATE attachments SET version = printf('%015d.%05d.%s',
    CAST(round((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER), 0,
    (SELECT value FROM settings WHERE key = 'device.id'));

-- The clock resumes after the newest version in the audit log; these stamps have no audit entry,
-- so the newest of them is kept as the clock's floor.
INSERT INTO settings (key, value, updated_at)
SELECT 'clock.floor', newest, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
    SELECT max(version) AS newest FROM (
        SELECT version FROM sectors
        UNION ALL SELECT version FROM organizations
        UNION ALL SELECT version FROM people
        UNION ALL SELECT version FROM venues
        UNION ALL SELECT version FROM vehicles
        UNION ALL SELECT version FROM visits
        UNION ALL SELECT version FROM engagements
        UNION ALL SELECT version FROM participants
        UNION ALL SELECT version FROM agreements
        UNION ALL SELECT version FROM actions
        UNION ALL SELECT version FROM attachments
    )
) WHERE newest IS NOT NULL
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

ALTER TABLE audit_log ADD COLUMN version TEXT;
CREATE INDEX audit_log_version ON audit_log (version) WHERE version IS NOT NULL;

UPDATE engagements SET starts_at = strftime('%Y-%m-%dT%H:%M:%fZ', starts_at),
    ends_at = strftime('%Y-%m-%dT%H:%M:%fZ', ends_at);
UPDATE participants SET arrival_at = strftime('%Y-%m-%dT%H:%M:%fZ', arrival_at)
    WHERE arrival_at IS NOT NULL;
UPDATE participants SET departure_at = strftime('%Y-%m-%dT%H:%M:%fZ', departure_at)
    WHERE departure_at IS NOT NULL;
UPDATE participants SET checked_in_at = strftime('%Y-%m-%dT%H:%M:%fZ', checked_in_at)
    WHERE checked_in_at IS NOT NULL;

-- Fixed ids for the default sectors; the links follow (checked at commit).
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE fixed_sector_ids (code TEXT PRIMARY KEY, id TEXT NOT NULL);
INSERT INTO temp.fixed_sector_ids (code, id) VALUES
    ('energy', '00000000-0000-7000-8000-5ec700000001'),
    ('agriculture', '00000000-0000-7000-8000-5ec700000002'),
    ('pharmaceuticals', '00000000-0000-7000-8000-5ec700000003'),
    ('engineering_goods', '00000000-0000-7000-8000-5ec700000004'),
    ('it', '00000000-0000-7000-8000-5ec700000005'),
    ('sports_goods', '00000000-0000-7000-8000-5ec700000006'),
    ('surgical_instruments', '00000000-0000-7000-8000-5ec700000007'),
    ('leather', '00000000-0000-7000-8000-5ec700000008'),
    ('textiles', '00000000-0000-7000-8000-5ec700000009'),
    ('education', '00000000-0000-7000-8000-5ec700000010'),
    ('trade_facilitation', '00000000-0000-7000-8000-5ec700000011');
UPDATE organization_sectors SET sector_id =
    (SELECT f.id FROM sectors s JOIN temp.fixed_sector_ids f ON f.code = s.code WHERE s.id = organization_sectors.sector_id)
    WHERE sector_id IN (SELECT s.id FROM sectors s JOIN temp.fixed_sector_ids f ON f.code = s.code);
UPDATE agreement_sectors SET sector_id =
    (SELECT f.id FROM sectors s JOIN temp.fixed_sector_ids f ON f.code = s.code WHERE s.id = agreement_sectors.sector_id)
    WHERE sector_id IN (SELECT s.id FROM sectors s JOIN temp.fixed_sector_ids f ON f.code = s.code);
UPDATE sectors SET id = (SELECT f.id FROM temp.fixed_sector_ids f WHERE f.code = sectors.code)
    WHERE code IN (SELECT code FROM temp.fixed_sector_ids);
DROP TABLE temp.fixed_sector_ids;

-- Follow-up actions carry the sectors they serve, as links (the sample's four do).
CREATE TABLE action_sectors (
    action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    sector_id TEXT NOT NULL REFERENCES sectors (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, sector_id)
) WITHOUT ROWID;
CREATE INDEX action_sectors_sector ON action_sectors (sector_id);

-- A visit whose exact days are not known (a report gives only the month): its dates span the
-- month, and the UI does not lay its programme out day by day.
ALTER TABLE visits ADD COLUMN exact_dates_unknown INTEGER NOT NULL DEFAULT 0
    CHECK (exact_dates_unknown IN (0, 1));
