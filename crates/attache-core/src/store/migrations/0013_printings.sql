-- Reprint flags (issue 14): the last time each of a visit's documents was saved as PDF, with a
-- hash of what it printed, so the window can say when a change has made the paper out of date.
-- `scope` tells apart documents of one kind (a run-sheet's day, a seating plan's item, the
-- people chosen for badges); `content_hash` is of the document's data, not of the PDF bytes.
CREATE TABLE printings (
    visit_id TEXT NOT NULL REFERENCES visits (id),
    document TEXT NOT NULL,
    scope TEXT NOT NULL,
    lang TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    PRIMARY KEY (visit_id, document, scope)
);
