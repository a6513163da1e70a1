//! The one place that opens the database. Every connection Attaché uses comes from [`Store::open`].
//!
//! The full-text indexes (migration 2) point at rows by their implicit rowid. VACUUM may renumber
//! those, so anything that vacuums or copies the file row by row must rebuild the indexes after
//! (`INSERT INTO people_search (people_search) VALUES ('rebuild')`, and so for each index).

mod migrate;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::CoreResult;

pub use migrate::{schema_version, SCHEMA_VERSION};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: String,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refuses a schema newer than this app,
    /// backs the file up and migrates it when it is older.
    pub fn open(path: &Path) -> CoreResult<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        migrate::run(&mut conn, path)?;
        crate::sectors::ensure_defaults(&conn)?;
        Ok(Store { conn, path: path.to_owned(), actor: default_actor() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who is recorded in the audit log for changes made through this store.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two
    /// writers never both read and then fail to upgrade. Nothing is kept if `work` fails.
    pub fn write<T>(&mut self, work: impl FnOnce(&Writer<'_>) -> CoreResult<T>) -> CoreResult<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let writer = Writer { tx, actor: &self.actor };
        let value = work(&writer)?;
        writer.tx.commit()?;
        Ok(value)
    }
}

/// An open write transaction and the actor it records changes for.
pub struct Writer<'a> {
    pub tx: Transaction<'a>,
    pub actor: &'a str,
}

impl std::ops::Deref for Writer<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

fn configure(conn: &Connection) -> CoreResult<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "local user".to_owned())
}
