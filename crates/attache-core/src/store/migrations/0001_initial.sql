-- Attaché schema 1: the whole domain of DESIGN.md.
-- Every record: UUIDv7 text id, created_at/updated_at (UTC RFC 3339), deleted_at (soft delete).
-- Enumerated columns carry CHECK constraints; every list filter and sort has an index.

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE sectors (
    id         TEXT PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name TEXT,
    kind       TEXT NOT NULL CHECK (kind IN ('chamber','embassy','ministry','company','university','association','media','other')),
    country    TEXT CHECK (country IS NULL OR length(country) = 2),
    city       TEXT,
    website    TEXT,
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX organizations_name ON organizations (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX organizations_kind ON organizations (kind, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX organizations_country ON organizations (country, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX organizations_city ON organizations (city COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX organizations_updated ON organizations (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX organizations_deleted ON organizations (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE organization_sectors (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    sector_id       TEXT NOT NULL REFERENCES sectors (id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, sector_id)
) WITHOUT ROWID;
CREATE INDEX organization_sectors_sector ON organization_sectors (sector_id);

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    honorific       TEXT,
    given_name      TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
    family_name     TEXT,
    native_name     TEXT,
    position        TEXT,
    organization_id TEXT REFERENCES organizations (id),
    country         TEXT CHECK (country IS NULL OR length(country) = 2),
    email           TEXT,
    phone           TEXT,
    languages       TEXT,
    protocol_rank   INTEGER,
    dietary_needs   TEXT,
    access_needs    TEXT,
    bio             TEXT,
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX people_family_name ON people (family_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX people_given_name ON people (given_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX people_organization ON people (organization_id, family_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX people_country ON people (country, family_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX people_rank ON people (protocol_rank, id) WHERE deleted_at IS NULL;
CREATE INDEX people_email ON people (email COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX people_updated ON people (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX people_deleted ON people (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE venues (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address    TEXT,
    city       TEXT,
    country    TEXT CHECK (country IS NULL OR length(country) = 2),
    capacity   INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX venues_name ON venues (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX venues_city ON venues (city COLLATE NOCASE, id) WHERE deleted_at IS NULL;

-- Cars and other transport, so the conflict checks of visit planning can find a double booking.
CREATE TABLE vehicles (
    id           TEXT PRIMARY KEY,
    label        TEXT NOT NULL CHECK (length(trim(label)) > 0),
    registration TEXT,
    seats        INTEGER CHECK (seats IS NULL OR seats >= 0),
    driver       TEXT,
    notes        TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX vehicles_label ON vehicles (label COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE visits (
    id                    TEXT PRIMARY KEY,
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    direction             TEXT NOT NULL CHECK (direction IN ('incoming','outgoing','hosted')),
    status                TEXT NOT NULL CHECK (status IN ('draft','planned','confirmed','in_progress','completed','cancelled')),
    host_organization_id  TEXT REFERENCES organizations (id),
    guest_organization_id TEXT REFERENCES organizations (id),
    city                  TEXT,
    country               TEXT CHECK (country IS NULL OR length(country) = 2),
    time_zone             TEXT NOT NULL,
    start_date            TEXT NOT NULL,
    end_date              TEXT NOT NULL CHECK (end_date >= start_date),
    objectives            TEXT,
    security_level        TEXT NOT NULL CHECK (security_level IN ('standard','elevated','high')),
    security_notes        TEXT,
    outcome_summary       TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted_at            TEXT
);
CREATE INDEX visits_start ON visits (start_date, id) WHERE deleted_at IS NULL;
CREATE INDEX visits_end ON visits (end_date) WHERE deleted_at IS NULL;
CREATE INDEX visits_status ON visits (status, start_date, id) WHERE deleted_at IS NULL;
CREATE INDEX visits_direction ON visits (direction, start_date, id) WHERE deleted_at IS NULL;
CREATE INDEX visits_title ON visits (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX visits_city ON visits (city COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX visits_host ON visits (host_organization_id) WHERE deleted_at IS NULL;
CREATE INDEX visits_guest ON visits (guest_organization_id) WHERE deleted_at IS NULL;
CREATE INDEX visits_updated ON visits (updated_at, id) WHERE deleted_at IS NULL;

CREATE TABLE engagements (
    id                    TEXT PRIMARY KEY,
    visit_id              TEXT NOT NULL REFERENCES visits (id),
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind                  TEXT NOT NULL CHECK (kind IN ('meeting','site_visit','meal','ceremony','signing','transfer','press','free_time')),
    starts_at             TEXT NOT NULL,
    ends_at               TEXT NOT NULL CHECK (ends_at >= starts_at),
    venue_id              TEXT REFERENCES venues (id),
    responsible_person_id TEXT REFERENCES people (id),
    vehicle_id            TEXT REFERENCES vehicles (id),
    security_notes        TEXT,
    notes                 TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted_at            TEXT
);
CREATE INDEX engagements_visit ON engagements (visit_id, starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX engagements_starts ON engagements (starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX engagements_venue ON engagements (venue_id, starts_at) WHERE deleted_at IS NULL;
CREATE INDEX engagements_vehicle ON engagements (vehicle_id, starts_at) WHERE deleted_at IS NULL;
CREATE INDEX engagements_responsible ON engagements (responsible_person_id) WHERE deleted_at IS NULL;

CREATE TABLE engagement_attendees (
    engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL REFERENCES people (id),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (engagement_id, person_id)
) WITHOUT ROWID;
CREATE INDEX engagement_attendees_person ON engagement_attendees (person_id);

CREATE TABLE participants (
    id                  TEXT PRIMARY KEY,
    visit_id            TEXT NOT NULL REFERENCES visits (id),
    person_id           TEXT NOT NULL REFERENCES people (id),
    side                TEXT NOT NULL CHECK (side IN ('host','guest','third_party')),
    role                TEXT NOT NULL CHECK (role IN ('head_of_delegation','member','host','speaker','interpreter','security','media','staff')),
    rsvp                TEXT NOT NULL CHECK (rsvp IN ('invited','accepted','tentative','declined')),
    checked_in_at       TEXT,
    arrival_at          TEXT,
    departure_at        TEXT,
    hotel               TEXT,
    precedence_override INTEGER,
    notes               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE UNIQUE INDEX participants_visit_person ON participants (visit_id, person_id) WHERE deleted_at IS NULL;
CREATE INDEX participants_person ON participants (person_id) WHERE deleted_at IS NULL;
CREATE INDEX participants_visit_side ON participants (visit_id, side) WHERE deleted_at IS NULL;

CREATE TABLE agreements (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind                TEXT NOT NULL CHECK (kind IN ('mou','loi','agreement','contract','protocol')),
    status              TEXT NOT NULL CHECK (status IN ('draft','negotiating','signed','in_force','expired','terminated')),
    signed_on           TEXT,
    signed_place        TEXT,
    signed_visit_id     TEXT REFERENCES visits (id),
    effective_on        TEXT,
    expires_on          TEXT,
    renewal_notice_days INTEGER CHECK (renewal_notice_days IS NULL OR renewal_notice_days >= 0),
    value_amount        REAL,
    value_currency      TEXT CHECK (value_currency IS NULL OR length(value_currency) = 3),
    summary             TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX agreements_title ON agreements (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX agreements_status ON agreements (status, expires_on) WHERE deleted_at IS NULL;
CREATE INDEX agreements_kind ON agreements (kind) WHERE deleted_at IS NULL;
CREATE INDEX agreements_signed ON agreements (signed_on, id) WHERE deleted_at IS NULL;
CREATE INDEX agreements_expires ON agreements (expires_on, id) WHERE deleted_at IS NULL;
CREATE INDEX agreements_visit ON agreements (signed_visit_id) WHERE deleted_at IS NULL;

CREATE TABLE agreement_parties (
    agreement_id        TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    organization_id     TEXT NOT NULL REFERENCES organizations (id),
    signatory_person_id TEXT REFERENCES people (id),
    PRIMARY KEY (agreement_id, position)
) WITHOUT ROWID;
CREATE INDEX agreement_parties_organization ON agreement_parties (organization_id);
CREATE INDEX agreement_parties_signatory ON agreement_parties (signatory_person_id);

CREATE TABLE agreement_sectors (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    sector_id    TEXT NOT NULL REFERENCES sectors (id),
    PRIMARY KEY (agreement_id, sector_id)
) WITHOUT ROWID;
CREATE INDEX agreement_sectors_sector ON agreement_sectors (sector_id);

CREATE TABLE actions (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    details         TEXT,
    owner_person_id TEXT REFERENCES people (id),
    due_on          TEXT,
    priority        TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
    status          TEXT NOT NULL CHECK (status IN ('open','in_progress','blocked','done','dropped')),
    visit_id        TEXT REFERENCES visits (id),
    agreement_id    TEXT REFERENCES agreements (id),
    organization_id TEXT REFERENCES organizations (id),
    person_id       TEXT REFERENCES people (id),
    completed_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
-- Undated actions sort after every dated one; the list orders by exactly this expression.
CREATE INDEX actions_due ON actions (coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL;
CREATE INDEX actions_status_due ON actions (status, coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL;
CREATE INDEX actions_priority ON actions ((CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), id) WHERE deleted_at IS NULL;
CREATE INDEX actions_title ON actions (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX actions_owner ON actions (owner_person_id, coalesce(due_on, '9999-12-31'), id) WHERE deleted_at IS NULL;
CREATE INDEX actions_visit ON actions (visit_id) WHERE deleted_at IS NULL;
CREATE INDEX actions_agreement ON actions (agreement_id) WHERE deleted_at IS NULL;
CREATE INDEX actions_organization ON actions (organization_id) WHERE deleted_at IS NULL;
CREATE INDEX actions_person ON actions (person_id) WHERE deleted_at IS NULL;
CREATE INDEX actions_updated ON actions (updated_at, id) WHERE deleted_at IS NULL;

-- File contents live in the app data folder under their SHA-256; this is the metadata.
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('organization','person','venue','visit','engagement','participant','agreement','action')),
    record_id   TEXT NOT NULL,
    file_name   TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX attachments_record ON attachments (record_kind, record_id) WHERE deleted_at IS NULL;
CREATE INDEX attachments_hash ON attachments (sha256);

-- Field-level history of every change: `changes` is a JSON object {field: {before, after}}.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    operation   TEXT NOT NULL CHECK (operation IN ('create','update','delete','restore')),
    changes     TEXT NOT NULL CHECK (json_valid(changes))
);
CREATE INDEX audit_log_record ON audit_log (record_kind, record_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);
