//! Key–value settings kept in the store (not window geometry: the shell keeps that).

use rusqlite::{Connection, OptionalExtension};

use crate::kernel::error::CoreResult;
use crate::kernel::record::now;

pub fn get(conn: &Connection, key: &str) -> CoreResult<Option<String>> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        rusqlite::params![key, value, now()],
    )?;
    Ok(())
}
