-- Names in their own script, found in any spelling.
--
-- An organization gets its name in the original language, beside the name the office uses.
-- People and organizations get a second search index over their names folded to Latin
-- (`latin`: Хорев → horev, محمد → muhamad) and to consonants (`skeleton`: سیالکوٹ → slkt), so
-- "Khorev", "khorev" and "Хорев" find the same person. The keys are computed by
-- `name_latin()` and `name_skeleton()`, which the store registers on its connection
-- (kernel/transliteration.rs); these indexes keep their own copy of the keys.

ALTER TABLE organizations ADD COLUMN native_name TEXT;

DROP TRIGGER organizations_search_insert;
DROP TRIGGER organizations_search_delete;
DROP TRIGGER organizations_search_update;
DROP TABLE organizations_search;
CREATE VIRTUAL TABLE organizations_search USING fts5(
    name, short_name, city, native_name,
    content = 'organizations', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO organizations_search (rowid, name, short_name, city, native_name)
    VALUES (new.rowid, new.name, new.short_name, new.city, new.native_name);
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations BEGIN
    INSERT INTO organizations_search (organizations_search, rowid, name, short_name, city, native_name)
    VALUES ('delete', old.rowid, old.name, old.short_name, old.city, old.native_name);
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE OF name, short_name, city, native_name ON organizations BEGIN
    INSERT INTO organizations_search (organizations_search, rowid, name, short_name, city, native_name)
    VALUES ('delete', old.rowid, old.name, old.short_name, old.city, old.native_name);
    INSERT INTO organizations_search (rowid, name, short_name, city, native_name)
    VALUES (new.rowid, new.name, new.short_name, new.city, new.native_name);
END;
INSERT INTO organizations_search (organizations_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE people_names USING fts5(latin, skeleton, tokenize = 'trigram');
CREATE TRIGGER people_names_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_names (rowid, latin, skeleton) VALUES (new.rowid,
        name_latin(new.given_name, new.family_name, new.native_name),
        name_skeleton(new.given_name, new.family_name, new.native_name));
END;
CREATE TRIGGER people_names_delete AFTER DELETE ON people BEGIN
    DELETE FROM people_names WHERE rowid = old.rowid;
END;
CREATE TRIGGER people_names_update AFTER UPDATE OF given_name, family_name, native_name ON people BEGIN
    UPDATE people_names SET
        latin = name_latin(new.given_name, new.family_name, new.native_name),
        skeleton = name_skeleton(new.given_name, new.family_name, new.native_name)
    WHERE rowid = new.rowid;
END;
INSERT INTO people_names (rowid, latin, skeleton)
    SELECT rowid, name_latin(given_name, family_name, native_name), name_skeleton(given_name, family_name, native_name)
    FROM people;

CREATE VIRTUAL TABLE organization_names USING fts5(latin, skeleton, tokenize = 'trigram');
CREATE TRIGGER organization_names_insert AFTER INSERT ON organizations BEGIN
    INSERT INTO organization_names (rowid, latin, skeleton) VALUES (new.rowid,
        name_latin(new.name, new.short_name, new.native_name),
        name_skeleton(new.name, new.short_name, new.native_name));
END;
CREATE TRIGGER organization_names_delete AFTER DELETE ON organizations BEGIN
    DELETE FROM organization_names WHERE rowid = old.rowid;
END;
CREATE TRIGGER organization_names_update AFTER UPDATE OF name, short_name, native_name ON organizations BEGIN
    UPDATE organization_names SET
        latin = name_latin(new.name, new.short_name, new.native_name),
        skeleton = name_skeleton(new.name, new.short_name, new.native_name)
    WHERE rowid = new.rowid;
END;
INSERT INTO organization_names (rowid, latin, skeleton)
    SELECT rowid, name_latin(name, short_name, native_name), name_skeleton(name, short_name, native_name)
    FROM organizations;
