-- Follow-up (issue 8). An agreement has an owner: the person who follows it up, to whom its
-- renewal action goes. Like every reference, it may be left empty.
ALTER TABLE agreements ADD COLUMN owner_person_id TEXT REFERENCES people (id);
CREATE INDEX agreements_owner ON agreements (owner_person_id) WHERE deleted_at IS NULL;

-- The renewal actions raised: one per agreement and period, a period being known by the expiry
-- date it leads up to. The key makes "only once" hold even if two windows raise at once, and
-- a row stays when its action is deleted, so a deleted renewal action is not raised again;
-- a new expiry date (the agreement renewed) opens a new period.
CREATE TABLE agreement_renewals (
    agreement_id TEXT NOT NULL REFERENCES agreements (id),
    expires_on   TEXT NOT NULL,
    action_id    TEXT NOT NULL REFERENCES actions (id),
    raised_on    TEXT NOT NULL,
    PRIMARY KEY (agreement_id, expires_on)
) WITHOUT ROWID;
CREATE UNIQUE INDEX agreement_renewals_action ON agreement_renewals (action_id);

-- Who completed an action, beside when (`completed_at`): the actor of the write that made it done.
ALTER TABLE actions ADD COLUMN completed_by TEXT;
UPDATE actions SET completed_by = (
    SELECT l.actor FROM audit_log l WHERE l.record_kind = 'action' AND l.record_id = actions.id
    AND json_extract(l.changes, '$.status.after') = 'done' ORDER BY l.at DESC LIMIT 1)
WHERE completed_at IS NOT NULL;
