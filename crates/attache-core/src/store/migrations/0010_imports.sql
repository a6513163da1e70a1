-- Contact imports (issue 9): each import, and what it did to which record, so that the last
-- one can be undone. A created record is removed again; a merged one gets back the fields it
-- had before (`before`, a JSON object of column → value), as long as nothing has changed
-- either since.
CREATE TABLE imports (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL CHECK (target IN ('people', 'organizations')),
    imported_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    created     INTEGER NOT NULL,
    merged      INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    refused     INTEGER NOT NULL,
    undone_at   TEXT
);
CREATE INDEX imports_latest ON imports (imported_at);

CREATE TABLE import_records (
    import_id   TEXT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('person', 'organization')),
    record_id   TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('created', 'merged')),
    before      TEXT,
    PRIMARY KEY (import_id, record_kind, record_id)
) WITHOUT ROWID;
