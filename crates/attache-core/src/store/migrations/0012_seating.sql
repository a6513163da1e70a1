-- Seating plans (issue 10): a programme item's table layout and who sits where, kept on the item
-- as one JSON value ({layout, tables, seatsPerTable, seats: [[personId|null, …] per table]}), so
-- the item's audit records each change of the plan like any other field. No value: the plan is
-- proposed from the order of precedence each time it is read.
ALTER TABLE engagements ADD COLUMN seating TEXT;
