//! The one place that opens the database. Every connection Attaché uses comes from [`Store::open`].
//!
//! The full-text indexes (migration 2) point at rows by their implicit rowid. VACUUM may renumber
//! those, so anything that vacuums or copies the file row by row must rebuild the indexes after
//! (`INSERT INTO people_search (people_search) VALUES ('rebuild')`, and so for each index).

pub mod backups;
pub mod bulk;
pub mod encryption;
pub mod location;
pub(crate) mod migrate;
pub mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::kernel::clock::{self, Clock};
use crate::kernel::error::CoreResult;
use crate::kernel::transliteration;

pub use encryption::Key;
pub use migrate::{schema_version, SCHEMA_VERSION};

/// The user's data file, open. Reads go through [`Store::conn`], a connection that refuses to
/// write; the only way to change data is [`Store::write`], which wraps the change in a
/// transaction, and whose domain functions audit and version every record they touch.
pub struct Store {
    // Fields drop in order: the reader closes first, so that the writer, closing last, can
    // checkpoint the WAL into the main file (a reader still open would stop it, and the latest
    // edits would stay in `-wal`, lost to anyone who copies the `.sqlite3` file alone).
    reader: Connection,
    writer: Connection,
    clock: Clock,
    path: PathBuf,
    actor: String,
    /// What opened the file, for the copies taken of it (backups are encrypted alike).
    key: Key,
    // Held shared while the store is open, by the app and the command line alike; a restore
    // needs it alone, so it never replaces a file that someone is still using.
    _in_use: std::fs::File,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refuses a schema newer than this app,
    /// backs the file up and migrates it when it is older, and writes what every store must
    /// hold (this desktop's device id, the default sectors) in one transaction.
    pub fn open(path: &Path) -> CoreResult<Store> {
        Store::open_with(path, &Key::none())
    }

    /// As [`Store::open`], for a file encrypted with `key` (a wrong or missing passphrase is
    /// refused before anything is written).
    pub fn open_with(path: &Path, key: &Key) -> CoreResult<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if key.is_set() && std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
            // A new store made encrypted (the command line with ATTACHE_PASSPHRASE set).
            encryption::check_new(key)?;
        }
        let in_use = in_use_lock(path)?;
        in_use.lock_shared()?;
        let mut writer = encryption::connect_writable(path, key)?;
        configure(&writer)?;
        writer.set_prepared_statement_cache_capacity(64);
        writer.pragma_update(None, "journal_mode", "WAL")?;
        migrate::run(&mut writer, path, key)?;
        let clock = startup(&mut writer)?;
        let reader = open_reader(path, key)?;
        let (path, actor, key) = (path.to_owned(), default_actor(), key.clone());
        Ok(Store { reader, writer, clock, path, actor, key, _in_use: in_use })
    }

    /// What opened the file: none, or its passphrase.
    pub fn key(&self) -> &Key {
        &self.key
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who is recorded in the audit log for changes made through this store.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// This desktop's id, the last part of every record version it writes.
    pub fn device_id(&self) -> &str {
        self.clock.device()
    }

    /// A connection for reading. It refuses writes (`PRAGMA query_only`): a change that does
    /// not go through [`Store::write`] would escape the transaction, the audit log and the
    /// record versions.
    pub fn conn(&self) -> &Connection {
        &self.reader
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two
    /// writers never both read and then fail to upgrade. Nothing is kept if `work` fails.
    pub fn write<T>(&mut self, work: impl FnOnce(&Writer<'_>) -> CoreResult<T>) -> CoreResult<T> {
        let tx = self.writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let writer = Writer { tx, actor: &self.actor, clock: &self.clock };
        let value = work(&writer)?;
        writer.tx.commit()?;
        Ok(value)
    }
}

/// How the app and the command line open the user's data file: as [`Store::open`], and a
/// brand-new, empty store receives the built-in sample visit so the app never opens blank, and
/// agreements that lapsed while it was closed are expired.
pub fn open_user_store(path: &Path, key: &Key) -> CoreResult<Store> {
    let mut store = Store::open_with(path, key)?;
    crate::fixtures::sample::load_if_new(&mut store)?;
    // Agreements whose renewal window opened, or that lapsed, while the app was closed are
    // caught up on opening.
    crate::agreements::keep_current(&mut store, chrono::Local::now().date_naive())?;
    Ok(store)
}

/// An open write transaction, the actor it records changes for and the clock that versions them.
pub struct Writer<'a> {
    pub tx: Transaction<'a>,
    pub actor: &'a str,
    pub clock: &'a Clock,
}

impl Writer<'_> {
    /// As `Connection::execute`, with the statement kept prepared for the next call: a bulk
    /// write (an import) runs the same few statements thousands of times, and preparing each
    /// again took a sixth of its time.
    pub fn execute<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }
}

impl std::ops::Deref for Writer<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

fn configure(conn: &Connection) -> CoreResult<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 16 MB of pages per connection rather than SQLite's 2 MB: a calendar month or a visit's
    // conflict check on a large store reads more than 2 MB of pages, and a smaller cache read
    // them from the file again on every query (a third of the time went to reading). The cache
    // only grows as pages are read, so a small store costs no more.
    conn.pragma_update(None, "cache_size", -16_384)?;
    // One plan per statement, whatever values are bound: with statistics (PRAGMA optimize,
    // ANALYZE) SQLite would otherwise prepare a statement again for each new value of a
    // searched column, a seventh of a visit's conflict check, for plans no better here.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    register_name_keys(conn)
}

/// `name_latin(…)` and `name_skeleton(…)`: the search keys of any number of names (NULLs
/// skipped), which the name indexes' triggers compute (migration 0004). Without them on the
/// connection, a write to people or organizations fails rather than leaving the index stale.
pub(crate) fn register_name_keys(conn: &Connection) -> CoreResult<()> {
    use rusqlite::functions::{Context, FunctionFlags};
    fn names(ctx: &Context<'_>) -> rusqlite::Result<String> {
        let parts = (0..ctx.len()).map(|i| ctx.get::<Option<String>>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(parts.into_iter().flatten().collect::<Vec<_>>().join(" "))
    }
    // The triggers ask for both keys of the same names one after the other: the skeleton is
    // made from the latin key just computed rather than transliterating the names again.
    let last = std::sync::Arc::new(std::sync::Mutex::new((String::new(), String::new())));
    let latin_of = move |text: String| -> String {
        let mut last = last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if last.0 != text {
            let latin = transliteration::latin_key(&text);
            *last = (text, latin);
        }
        last.1.clone()
    };
    let latin_of = std::sync::Arc::new(latin_of);
    let for_latin = latin_of.clone();
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("name_latin", -1, flags, move |ctx| Ok(for_latin(names(ctx)?)))?;
    conn.create_scalar_function("name_skeleton", -1, flags, move |ctx| {
        Ok(transliteration::skeleton_of_latin(&latin_of(names(ctx)?)))
    })?;
    Ok(())
}

/// The file beside the store whose lock says the store is open (`<name>.lock`).
fn in_use_lock(path: &Path) -> CoreResult<std::fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    Ok(std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(PathBuf::from(name))?)
}

fn open_reader(path: &Path, key: &Key) -> CoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let reader = encryption::connect(path, flags, key)?;
    configure(&reader)?;
    reader.pragma_update(None, "query_only", "ON")?;
    Ok(reader)
}

/// What every store must hold, written in one transaction; returns the store's clock.
fn startup(conn: &mut Connection) -> CoreResult<Clock> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let device = match settings::get(&tx, clock::DEVICE_KEY)? {
        Some(device) => device,
        None => {
            let device = clock::new_device_id();
            settings::set(&tx, clock::DEVICE_KEY, &device)?;
            device
        }
    };
    // The newest version given: the last audit entry's, or the floor migration 3 set for the
    // rows it stamped without an audit entry. (The WHERE lets SQLite use the partial index.)
    let audited: Option<String> = tx
        .query_row("SELECT max(version) FROM audit_log WHERE version IS NOT NULL", [], |r| r.get(0))
        .optional()?
        .flatten();
    let floor = settings::get(&tx, clock::FLOOR_KEY)?;
    let clock = Clock::resume(&device, audited.max(floor).as_deref());
    crate::directory::sectors::ensure_defaults(&tx, &clock)?;
    tx.commit()?;
    Ok(clock)
}

fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "local user".to_owned())
}
