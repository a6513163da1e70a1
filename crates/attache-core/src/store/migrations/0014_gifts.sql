-- The gift register (issue 14): gifts given and received at a visit or one of its programme
-- items, with who gave them to whom, their estimated value and what became of them. Many
-- countries require a public register of official gifts (Pakistan's Toshakhana among them);
-- the register is printed by the year of `given_on`. A gift belongs to its visit (hidden with
-- it); the item, people and organizations are links. A photo or a receipt is an attachment.
CREATE TABLE gifts (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits (id),
    engagement_id TEXT REFERENCES engagements (id),
    direction TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    given_on TEXT NOT NULL,
    giver_person_id TEXT REFERENCES people (id),
    giver_organization_id TEXT REFERENCES organizations (id),
    receiver_person_id TEXT REFERENCES people (id),
    receiver_organization_id TEXT REFERENCES organizations (id),
    value_amount REAL CHECK (value_amount IS NULL OR value_amount >= 0),
    value_currency TEXT,
    disposition TEXT NOT NULL DEFAULT 'pending'
        CHECK (disposition IN ('pending', 'kept', 'displayed', 'deposited', 'purchased')),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gifts_visit ON gifts (visit_id, given_on);
CREATE INDEX gifts_given_on ON gifts (given_on, id) WHERE deleted_at IS NULL;
