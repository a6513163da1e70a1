-- Meals and special needs (issue 14): what one attendee eats, or needs to reach their seat, at
-- one meal, when it differs from what their person record says (a guest fasting that day, a
-- wheelchair for the banquet hall's stairs). Kept on the programme item as one JSON object
-- ({personId: {dietary, access}}), so the item's audit records each change like any other
-- field. No value: everybody's needs are those of their person record.
ALTER TABLE engagements ADD COLUMN meal_needs TEXT;
