//! Numbered migrations, only ever appended. The schema version lives in `PRAGMA user_version`
//! and is bumped inside the same transaction as the migration's SQL.

use std::path::Path;

use rusqlite::{backup::Backup, Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};

const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_initial.sql"), include_str!("migrations/0002_search.sql")];

/// The schema version this build of Attaché writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub(super) fn run(conn: &mut Connection, path: &Path) -> CoreResult<()> {
    apply(conn, path, MIGRATIONS)
}

fn apply(conn: &mut Connection, path: &Path, migrations: &[&str]) -> CoreResult<()> {
    let found = schema_version(conn)?;
    let supported = migrations.len() as i64;
    if found > supported {
        return Err(CoreError::SchemaTooNew { found, supported });
    }
    if found == supported {
        return Ok(());
    }
    if found > 0 {
        backup(conn, path, found)?;
    }
    for (index, sql) in migrations.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Copies the live database beside itself (`<name>.v<N>-<timestamp>.bak`) with SQLite's online
/// backup API, so a migration that goes wrong never costs the user their data.
fn backup(conn: &Connection, path: &Path, version: i64) -> CoreResult<()> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = path.with_file_name(format!("{file_name}.v{version}-{stamp}.bak"));
    let mut copy = Connection::open(&target)?;
    Backup::new(conn, &mut copy)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: &str = "CREATE TABLE one (id INTEGER PRIMARY KEY);";
    const SECOND: &str = "CREATE TABLE two (id INTEGER PRIMARY KEY);";

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    }

    #[test]
    fn an_older_database_is_backed_up_then_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &path, &[FIRST]).unwrap();
        conn.execute("INSERT INTO one (id) VALUES (7)", []).unwrap();

        apply(&mut conn, &path, &[FIRST, SECOND]).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 2);
        assert_eq!(tables(&conn), ["one", "two"]);

        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".bak"))
            .collect();
        assert_eq!(backups.len(), 1, "exactly one backup before the migration");
        let copy = Connection::open(&backups[0]).unwrap();
        assert_eq!(schema_version(&copy).unwrap(), 1);
        assert_eq!(tables(&copy), ["one"]);
        let kept: i64 = copy.query_row("SELECT id FROM one", [], |r| r.get(0)).unwrap();
        assert_eq!(kept, 7);
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &path, &[FIRST]).unwrap();
        let broken = "CREATE TABLE two (id INTEGER PRIMARY KEY); THIS IS NOT SQL;";
        assert!(apply(&mut conn, &path, &[FIRST, broken]).is_err());
        assert_eq!(schema_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["one"]);
    }
}
