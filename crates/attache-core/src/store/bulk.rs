//! Many inserts in one transaction, with the full-text indexes filled once at the end.
//!
//! Each search index (migrations 2 and 4) is kept by an `AFTER INSERT` trigger. Inside a long
//! transaction, FTS5 writes its pending entries out as a new segment at the start of nearly
//! every statement (each statement opens a savepoint), so 100,000 single-row inserts made
//! 100,000 tiny segments and spent most of an import merging them. Here the insert triggers are
//! dropped for the length of the work, inside the same transaction, and afterwards the rows
//! added are indexed by one statement per index, built from the trigger's own text, and the
//! triggers are put back exactly as they were. If the work fails, the rollback restores all.
//!
//! Meanwhile the update and delete triggers of those indexes apply only to rows that were there
//! before: telling an external-content index to delete the old words of a row it never held
//! (an import merging into a person it created a moment ago) would corrupt it, and the
//! catch-up indexes such a row as it finally is.

use rusqlite::Connection;

use crate::kernel::error::CoreResult;

/// The insert triggers of `table` that fill an index, taken off until [`Deferred::finish`].
pub struct Deferred {
    after_rowid: i64,
    /// Each trigger's name, its `CREATE TRIGGER` text, and its insert over the rows added.
    triggers: Vec<(String, String, String)>,
    /// The update and delete triggers of the same indexes, as they were.
    guarded: Vec<(String, String)>,
}

impl Deferred {
    /// Drops the index-filling insert triggers of `table` for a bulk insert.
    pub fn begin(w: &Connection, table: &'static str) -> CoreResult<Deferred> {
        let after_rowid = w.query_row(&format!("SELECT coalesce(max(rowid), 0) FROM {table}"), [], |r| r.get(0))?;
        let triggers = index_triggers(w, table)?;
        let indexes: Vec<String> = triggers.iter().filter_map(|(_, _, up)| index_of(up)).collect();
        let guarded = maintenance_triggers(w, table, &indexes)?;
        if guarded.iter().any(|(_, sql)| !sql.contains(" BEGIN") || sql.contains(" WHEN ")) {
            // A trigger this cannot hold to older rows (it has a condition of its own to combine
            // with, or another layout): the indexes are kept row by row, slower but never wrong.
            return Ok(Deferred { after_rowid, triggers: Vec::new(), guarded: Vec::new() });
        }
        for (name, _, _) in &triggers {
            w.execute_batch(&format!("DROP TRIGGER {name}"))?;
        }
        for (name, sql) in &guarded {
            let only_older = sql.replacen(" BEGIN", &format!(" WHEN old.rowid <= {after_rowid} BEGIN"), 1);
            w.execute_batch(&format!("DROP TRIGGER {name}; {only_older}"))?;
        }
        Ok(Deferred { after_rowid, triggers, guarded })
    }

    /// Indexes the rows inserted since [`Deferred::begin`] and puts the triggers back.
    pub fn finish(self, w: &Connection) -> CoreResult<()> {
        for (_, sql, catch_up) in &self.triggers {
            let index = index_of(catch_up);
            // FTS5 writes its pending words out as a new segment whenever they pass its hash
            // size (1 MB by default), and merges the segments as they pile up: a hundred
            // thousand names made some hundred segments, and half the catch-up went to
            // merging them. With room for them all, the catch-up writes a few; the default
            // is set back after it (so later edits hold no more memory than before).
            let hash = |bytes: u32| match &index {
                Some(index) => {
                    w.execute(&format!("INSERT INTO {index} ({index}, rank) VALUES ('hashsize', ?1)"), [bytes])
                }
                None => Ok(0),
            };
            hash(CATCH_UP_HASH_BYTES)?;
            w.execute(catch_up, [self.after_rowid])?;
            hash(FTS5_DEFAULT_HASH_BYTES)?;
            w.execute_batch(sql)?;
        }
        for (name, sql) in &self.guarded {
            w.execute_batch(&format!("DROP TRIGGER {name}; {sql}"))?;
        }
        Ok(())
    }
}

/// FTS5's pending-words hash while an import's rows are indexed at once (at most this much
/// memory, for that moment), and the size FTS5 uses when none is set.
const CATCH_UP_HASH_BYTES: u32 = 64 * 1024 * 1024;
const FTS5_DEFAULT_HASH_BYTES: u32 = 1024 * 1024;

/// The `AFTER INSERT` triggers on `table` whose single statement inserts into a search index.
fn index_triggers(conn: &Connection, table: &str) -> CoreResult<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1 AND sql LIKE '% AFTER INSERT ON %' ORDER BY name",
    )?;
    let all = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<(String, String)>, _>>()?;
    Ok(all.into_iter().filter_map(|(name, sql)| catch_up_sql(&sql, table).map(|up| (name, sql, up))).collect())
}

/// Runs `load` with every trigger of the schema off, then fills every search index afresh from
/// the rows and puts the triggers back as they were: rows copied in as they are (a store
/// rebuilt from a whole-store document) must not set off what a user's edit would.
pub(crate) fn load_verbatim<T>(conn: &Connection, load: impl FnOnce() -> CoreResult<T>) -> CoreResult<T> {
    let mut stmt =
        conn.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")?;
    let triggers = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<(String, String, String)>, _>>()?;
    for (name, _, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    let loaded = load()?;
    for (_, table, sql) in &triggers {
        let Some(catch_up) = catch_up_sql(sql, table) else { continue };
        let Some(index) = index_of(&catch_up) else { continue };
        let external: bool = conn.query_row(
            "SELECT sql LIKE '%content =%' OR sql LIKE '%content=%' FROM sqlite_schema WHERE name = ?1",
            [&index],
            |r| r.get(0),
        )?;
        if external {
            // An index over the table's own rows rebuilds itself from them.
            conn.execute_batch(&format!("INSERT INTO {index} ({index}) VALUES ('rebuild')"))?;
        } else {
            conn.execute_batch(&format!("DELETE FROM {index}"))?;
            conn.execute(&catch_up, [0])?;
        }
    }
    for (_, _, sql) in &triggers {
        conn.execute_batch(sql)?;
    }
    Ok(loaded)
}

/// The other triggers on `table` that write to one of `indexes` (its update and delete
/// triggers).
fn maintenance_triggers(conn: &Connection, table: &str, indexes: &[String]) -> CoreResult<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1 AND sql NOT LIKE '% AFTER INSERT ON %' ORDER BY name",
    )?;
    let all = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<(String, String)>, _>>()?;
    Ok(all
        .into_iter()
        .filter(|(_, sql): &(String, String)| indexes.iter().any(|index| writes_to(sql, index)))
        .collect())
}

/// Whether a trigger's text inserts into, updates or deletes from `index`.
fn writes_to(sql: &str, index: &str) -> bool {
    [format!("INSERT INTO {index} "), format!("UPDATE {index} "), format!("DELETE FROM {index} ")]
        .iter()
        .any(|statement| sql.contains(statement.as_str()))
}

/// The index a catch-up statement inserts into.
fn index_of(catch_up: &str) -> Option<String> {
    catch_up.strip_prefix("INSERT INTO ")?.split_whitespace().next().map(str::to_owned)
}

/// `INSERT INTO index (cols) VALUES (new.…)` from a trigger's body, as the same insert over
/// every row after a rowid: `INSERT INTO index (cols) SELECT new.… FROM table AS new WHERE
/// new.rowid > ?1`. `None` for a trigger of any other shape, which is then left alone.
fn catch_up_sql(trigger: &str, table: &str) -> Option<String> {
    let body = trigger.split_once(" BEGIN")?.1.trim();
    let body = body.strip_suffix("END")?.trim().strip_suffix(';')?;
    if body.contains(';') || !body.trim_start().starts_with("INSERT INTO ") {
        return None;
    }
    let (head, values) = body.split_once(" VALUES (")?;
    let values = values.trim_end().strip_suffix(')')?;
    if !values.trim_start().starts_with("new.rowid") {
        return None;
    }
    Some(format!("{} SELECT {values} FROM {table} AS new WHERE new.rowid > ?1", head.trim()))
}

#[cfg(test)]
mod tests {
    use super::catch_up_sql;

    #[test]
    fn a_trigger_insert_becomes_a_select_over_the_new_rows() {
        let trigger = "CREATE TRIGGER t AFTER INSERT ON people BEGIN\n    INSERT INTO people_names (rowid, latin) VALUES (new.rowid,\n        name_latin(new.given_name));\nEND";
        assert_eq!(
            catch_up_sql(trigger, "people").unwrap(),
            "INSERT INTO people_names (rowid, latin) SELECT new.rowid,\n        name_latin(new.given_name) FROM people AS new WHERE new.rowid > ?1"
        );
    }

    #[test]
    fn a_trigger_of_another_shape_is_left_alone() {
        let two = "CREATE TRIGGER t AFTER INSERT ON people BEGIN\n INSERT INTO a (rowid) VALUES (new.rowid);\n INSERT INTO b (rowid) VALUES (new.rowid);\nEND";
        assert_eq!(catch_up_sql(two, "people"), None);
        let update =
            "CREATE TRIGGER t AFTER INSERT ON actions BEGIN\n UPDATE actions SET x = 1 WHERE id = new.id;\nEND";
        assert_eq!(catch_up_sql(update, "actions"), None);
    }
}
