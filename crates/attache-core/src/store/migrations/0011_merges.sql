-- Merging two people (issue 9) moves an attendance from one to the other by updating its row:
-- the item's derived attendee list (migration 6) follows updates as it follows inserts and
-- deletes.
CREATE TRIGGER engagement_attendees_list_update AFTER UPDATE OF person_id ON engagement_attendees BEGIN
    UPDATE engagements SET attendee_list = (
        SELECT json_group_array(person_id) FROM (
            SELECT person_id FROM engagement_attendees a WHERE a.engagement_id = NEW.engagement_id ORDER BY created_at, person_id))
    WHERE id = NEW.engagement_id;
END;
