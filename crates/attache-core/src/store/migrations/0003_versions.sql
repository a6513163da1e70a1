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

-- An action is hidden with its visit, its agreement, or the visit that agreement was signed at
-- (the owner rule for deleted records, see the core's docs). The lists of actions are the
-- largest, and checking each row's owners while counting 10,000 of them cost ~15 ms at full
-- scale, so the answer is kept on the row, `hidden_by_owner`, by triggers (derived, like the
-- search index: not a change to the action, not audited, not versioned), and the list indexes
-- cover only actions that are neither deleted nor hidden.
ALTER TABLE actions ADD COLUMN hidden_by_owner INTEGER NOT NULL DEFAULT 0 CHECK (hidden_by_owner IN (0, 1));
UPDATE actions SET hidden_by_owner = (EXISTS (SELECT 1 FROM visits v WHERE v.id = actions.visit_id AND v.deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM agreements a LEFT JOIN visits av ON av.id = a.signed_visit_id
            WHERE a.id = actions.agreement_id AND (a.deleted_at IS NOT NULL OR av.deleted_at IS NOT NULL)));

CREATE TRIGGER actions_owner_insert AFTER INSERT ON actions BEGIN
    UPDATE actions SET hidden_by_owner = (EXISTS (SELECT 1 FROM visits v WHERE v.id = actions.visit_id AND v.deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM agreements a LEFT JOIN visits av ON av.id = a.signed_visit_id
            WHERE a.id = actions.agreement_id AND (a.deleted_at IS NOT NULL OR av.deleted_at IS NOT NULL))) WHERE id = new.id;
END;
CREATE TRIGGER actions_owner_relink AFTER UPDATE OF visit_id, agreement_id ON actions BEGIN
    UPDATE actions SET hidden_by_owner = (EXISTS (SELECT 1 FROM visits v WHERE v.id = actions.visit_id AND v.deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM agreements a LEFT JOIN visits av ON av.id = a.signed_visit_id
            WHERE a.id = actions.agreement_id AND (a.deleted_at IS NOT NULL OR av.deleted_at IS NOT NULL))) WHERE id = new.id;
END;
CREATE TRIGGER visits_hide_actions AFTER UPDATE OF deleted_at ON visits BEGIN
    UPDATE actions SET hidden_by_owner = (EXISTS (SELECT 1 FROM visits v WHERE v.id = actions.visit_id AND v.deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM agreements a LEFT JOIN visits av ON av.id = a.signed_visit_id
            WHERE a.id = actions.agreement_id AND (a.deleted_at IS NOT NULL OR av.deleted_at IS NOT NULL)))
    WHERE visit_id = new.id OR agreement_id IN (SELECT id FROM agreements WHERE signed_visit_id = new.id);
END;
CREATE TRIGGER agreements_hide_actions AFTER UPDATE OF deleted_at, signed_visit_id ON agreements BEGIN
    UPDATE actions SET hidden_by_owner = (EXISTS (SELECT 1 FROM visits v WHERE v.id = actions.visit_id AND v.deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM agreements a LEFT JOIN visits av ON av.id = a.signed_visit_id
            WHERE a.id = actions.agreement_id AND (a.deleted_at IS NOT NULL OR av.deleted_at IS NOT NULL))) WHERE agreement_id = new.id;
END;

-- The triggers find an owner's actions (deleted ones too, so a restored action is right).
DROP INDEX actions_visit;
DROP INDEX actions_agreement;
DROP INDEX agreements_visit;
CREATE INDEX actions_visit ON actions (visit_id);
CREATE INDEX actions_agreement ON actions (agreement_id);
CREATE INDEX agreements_visit ON agreements (signed_visit_id);
DROP INDEX actions_due;
CREATE INDEX actions_due ON actions (coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_status_due;
CREATE INDEX actions_status_due ON actions (status, coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_priority;
CREATE INDEX actions_priority ON actions ((CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_title;
CREATE INDEX actions_title ON actions (title COLLATE NOCASE, id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_owner;
CREATE INDEX actions_owner ON actions (owner_person_id, coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_organization;
CREATE INDEX actions_organization ON actions (organization_id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_person;
CREATE INDEX actions_person ON actions (person_id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX actions_updated;
CREATE INDEX actions_updated ON actions (updated_at, id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;

-- Agreements follow the visit they were signed at: the same, kept on the row.
ALTER TABLE agreements ADD COLUMN hidden_by_owner INTEGER NOT NULL DEFAULT 0 CHECK (hidden_by_owner IN (0, 1));
UPDATE agreements SET hidden_by_owner =
    EXISTS (SELECT 1 FROM visits v WHERE v.id = agreements.signed_visit_id AND v.deleted_at IS NOT NULL);
CREATE TRIGGER agreements_owner_insert AFTER INSERT ON agreements BEGIN
    UPDATE agreements SET hidden_by_owner =
        EXISTS (SELECT 1 FROM visits v WHERE v.id = agreements.signed_visit_id AND v.deleted_at IS NOT NULL)
    WHERE id = new.id;
END;
CREATE TRIGGER agreements_owner_relink AFTER UPDATE OF signed_visit_id ON agreements BEGIN
    UPDATE agreements SET hidden_by_owner =
        EXISTS (SELECT 1 FROM visits v WHERE v.id = agreements.signed_visit_id AND v.deleted_at IS NOT NULL)
    WHERE id = new.id;
END;
CREATE TRIGGER visits_hide_agreements AFTER UPDATE OF deleted_at ON visits BEGIN
    UPDATE agreements SET hidden_by_owner = new.deleted_at IS NOT NULL WHERE signed_visit_id = new.id;
END;
DROP INDEX agreements_title;
CREATE INDEX agreements_title ON agreements (title COLLATE NOCASE, id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX agreements_status;
CREATE INDEX agreements_status ON agreements (status, expires_on) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX agreements_kind;
CREATE INDEX agreements_kind ON agreements (kind) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX agreements_signed;
CREATE INDEX agreements_signed ON agreements (signed_on, id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
DROP INDEX agreements_expires;
CREATE INDEX agreements_expires ON agreements (expires_on, id) WHERE deleted_at IS NULL AND hidden_by_owner = 0;
