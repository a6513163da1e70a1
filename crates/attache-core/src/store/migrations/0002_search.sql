-- Substring search that stays fast at 100k people and 200k actions: FTS5 trigram indexes
-- over the text columns the lists search, kept in step with their tables by triggers.
-- (Words shorter than three characters cannot use a trigram index; the lists fall back to LIKE.)

CREATE VIRTUAL TABLE people_search USING fts5(
    given_name, family_name, native_name, position, email,
    content = 'people', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_search (rowid, given_name, family_name, native_name, position, email)
    VALUES (new.rowid, new.given_name, new.family_name, new.native_name, new.position, new.email);
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_search (people_search, rowid, given_name, family_name, native_name, position, email)
    VALUES ('delete', old.rowid, old.given_name, old.family_name, old.native_name, old.position, old.email);
END;
CREATE TRIGGER people_search_update AFTER UPDATE OF given_name, family_name, native_name, position, email ON people BEGIN
    INSERT INTO people_search (people_search, rowid, given_name, family_name, native_name, position, email)
    VALUES ('delete', old.rowid, old.given_name, old.family_name, old.native_name, old.position, old.email);
    INSERT INTO people_search (rowid, given_name, family_name, native_name, position, email)
    VALUES (new.rowid, new.given_name, new.family_name, new.native_name, new.position, new.email);
END;
INSERT INTO people_search (people_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE organizations_search USING fts5(
    name, short_name, city,
    content = 'organizations', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO organizations_search (rowid, name, short_name, city) VALUES (new.rowid, new.name, new.short_name, new.city);
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations BEGIN
    INSERT INTO organizations_search (organizations_search, rowid, name, short_name, city)
    VALUES ('delete', old.rowid, old.name, old.short_name, old.city);
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE OF name, short_name, city ON organizations BEGIN
    INSERT INTO organizations_search (organizations_search, rowid, name, short_name, city)
    VALUES ('delete', old.rowid, old.name, old.short_name, old.city);
    INSERT INTO organizations_search (rowid, name, short_name, city) VALUES (new.rowid, new.name, new.short_name, new.city);
END;
INSERT INTO organizations_search (organizations_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE actions_search USING fts5(
    title, details,
    content = 'actions', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER actions_search_insert AFTER INSERT ON actions BEGIN
    INSERT INTO actions_search (rowid, title, details) VALUES (new.rowid, new.title, new.details);
END;
CREATE TRIGGER actions_search_delete AFTER DELETE ON actions BEGIN
    INSERT INTO actions_search (actions_search, rowid, title, details) VALUES ('delete', old.rowid, old.title, old.details);
END;
CREATE TRIGGER actions_search_update AFTER UPDATE OF title, details ON actions BEGIN
    INSERT INTO actions_search (actions_search, rowid, title, details) VALUES ('delete', old.rowid, old.title, old.details);
    INSERT INTO actions_search (rowid, title, details) VALUES (new.rowid, new.title, new.details);
END;
INSERT INTO actions_search (actions_search) VALUES ('rebuild');
