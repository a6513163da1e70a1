-- The conflict check (visits::conflicts) reads every attendee of a visit's items and walks the
-- items of the days around them, across every visit, for the same people, venues and vehicles;
-- a calendar month lists hundreds of items with their attendees. Looking up each item's
-- attendees one by one was most of that time on a large store, so each item also keeps them
-- as a JSON array of person ids, in the order they were added: derived from
-- engagement_attendees by the triggers below (never written otherwise, not audited, not a
-- field of its own), and carried in the window's index so that the check's walk reads only
-- the index; an item's row is read only for a match.
ALTER TABLE engagements ADD COLUMN attendee_list TEXT NOT NULL DEFAULT '[]';

UPDATE engagements SET attendee_list = (
    SELECT json_group_array(person_id) FROM (
        SELECT person_id FROM engagement_attendees a WHERE a.engagement_id = engagements.id ORDER BY created_at, person_id))
WHERE id IN (SELECT engagement_id FROM engagement_attendees);

CREATE TRIGGER engagement_attendees_list_insert AFTER INSERT ON engagement_attendees BEGIN
    UPDATE engagements SET attendee_list = (
        SELECT json_group_array(person_id) FROM (
            SELECT person_id FROM engagement_attendees a WHERE a.engagement_id = NEW.engagement_id ORDER BY created_at, person_id))
    WHERE id = NEW.engagement_id;
END;

CREATE TRIGGER engagement_attendees_list_delete AFTER DELETE ON engagement_attendees BEGIN
    UPDATE engagements SET attendee_list = (
        SELECT json_group_array(person_id) FROM (
            SELECT person_id FROM engagement_attendees a WHERE a.engagement_id = OLD.engagement_id ORDER BY created_at, person_id))
    WHERE id = OLD.engagement_id;
END;

DROP INDEX engagements_window;
CREATE INDEX engagements_window ON engagements (starts_at, ends_at, visit_id, id, attendee_list)
    WHERE deleted_at IS NULL;
DROP INDEX engagements_venue;
CREATE INDEX engagements_venue ON engagements (venue_id, starts_at, ends_at, visit_id) WHERE deleted_at IS NULL;
DROP INDEX engagements_vehicle;
CREATE INDEX engagements_vehicle ON engagements (vehicle_id, starts_at, ends_at, visit_id) WHERE deleted_at IS NULL;

-- The few deleted visits, and each item's visit beside its start: a calendar month's items are
-- counted, and told apart from those of deleted visits, on the index alone.
CREATE INDEX visits_deleted ON visits (id) WHERE deleted_at IS NOT NULL;
DROP INDEX engagements_starts;
CREATE INDEX engagements_starts ON engagements (starts_at, id, visit_id) WHERE deleted_at IS NULL;
