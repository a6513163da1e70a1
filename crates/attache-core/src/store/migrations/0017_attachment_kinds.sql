-- Documents attached to gifts (a photo, a receipt) and to outcomes (a contract's letter), and
-- to vehicles, which the first schema's list of record kinds left out. SQLite cannot change a
-- CHECK constraint, so the table is made again with the longer list and its rows copied over.
CREATE TABLE attachments_new (
    id          TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('organization', 'person', 'venue', 'vehicle', 'visit',
        'engagement', 'participant', 'agreement', 'action', 'gift', 'outcome')),
    record_id   TEXT NOT NULL,
    file_name   TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     TEXT NOT NULL DEFAULT ''
);
INSERT INTO attachments_new (id, record_kind, record_id, file_name, media_type, size_bytes, sha256, created_at,
    updated_at, deleted_at, version)
SELECT id, record_kind, record_id, file_name, media_type, size_bytes, sha256, created_at, updated_at, deleted_at, version
FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_record ON attachments (record_kind, record_id) WHERE deleted_at IS NULL;
CREATE INDEX attachments_hash ON attachments (sha256);
