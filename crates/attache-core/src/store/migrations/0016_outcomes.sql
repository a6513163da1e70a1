-- What a mission brought beyond its MoUs (issue 14): deals and contracts, joint ventures,
-- letters of intent, new suppliers or buyers, each with its status (a prospect, agreed, or
-- confirmed by the company), the companies and the person concerned, the sector, and the
-- company's own estimate of how much the visit's help counted. Its value is given year by year
-- (export agencies count a "win" by the year it earns), in one currency, in `outcome_values`:
-- a link table, audited as one field of the outcome. An outcome belongs to its visit; the action
-- it was raised from, the organizations, the person and the sector are links.
CREATE TABLE outcomes (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits (id),
    action_id TEXT REFERENCES actions (id),
    kind TEXT NOT NULL CHECK (kind IN ('deal', 'joint_venture', 'letter_of_intent', 'new_supplier', 'new_buyer')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status TEXT NOT NULL CHECK (status IN ('prospect', 'agreed', 'confirmed')),
    organization_id TEXT REFERENCES organizations (id),
    partner_organization_id TEXT REFERENCES organizations (id),
    person_id TEXT REFERENCES people (id),
    sector_id TEXT REFERENCES sectors (id),
    currency TEXT,
    help_percent INTEGER CHECK (help_percent IS NULL OR help_percent BETWEEN 0 AND 100),
    reported_on TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version TEXT NOT NULL DEFAULT ''
);
-- The KPIs read a visit's outcomes from this index alone.
CREATE INDEX outcomes_visit ON outcomes (visit_id, status, kind, currency, id) WHERE deleted_at IS NULL;
CREATE INDEX outcomes_reported ON outcomes (reported_on, id) WHERE deleted_at IS NULL;

CREATE TABLE outcome_values (
    outcome_id TEXT NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    amount REAL NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (outcome_id, year)
) WITHOUT ROWID;

-- The KPIs count a period's meetings, participations and follow-up actions from these indexes
-- alone, without reading the rows (migration 1's indexes lack the kind, the visit, the status).
CREATE INDEX engagements_visit_kind ON engagements (visit_id, kind, deleted_at);
CREATE INDEX actions_visit_status ON actions (visit_id, status, completed_at, deleted_at);
CREATE INDEX participants_person_visit ON participants (person_id, visit_id, rsvp) WHERE deleted_at IS NULL;
