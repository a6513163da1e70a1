//! Numbered migrations, only ever appended. The schema version lives in `PRAGMA user_version`
//! and is bumped inside the same transaction as the migration's SQL.

use std::path::Path;

use rusqlite::{backup::Backup, Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};

const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_initial.sql")];

/// The schema version this build of Attaché writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub(super) fn run(conn: &mut Connection, path: &Path) -> CoreResult<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(CoreError::SchemaTooNew { found, supported: SCHEMA_VERSION });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    if found > 0 {
        backup(conn, path, found)?;
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
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
