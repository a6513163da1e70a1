//! Copies of the store: taken on demand to a file the user chooses, taken daily into the data
//! folder (the last N kept), checked, and put back.
//!
//! Every copy goes through SQLite's online backup API from a connection of its own, so it is a
//! consistent snapshot of committed data taken while the app keeps working, and no copy holds
//! the store's lock. Every file written is written beside its destination under a temporary
//! name and renamed into place only when complete: a copy cut short never replaces anything.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;

use super::encryption::{self, Key};
use super::{in_use_lock, migrate, open_reader, settings};
use crate::kernel::error::{CoreError, CoreResult, Reason};

/// The folder of the daily backups, inside the data folder.
pub const FOLDER: &str = "backups";
/// How many daily backups are kept unless the user says otherwise, and the bounds they may set.
pub const DEFAULT_KEEP: u32 = 7;
pub const MAX_KEEP: u32 = 365;
const KEEP_KEY: &str = "backups.keep";
const DAILY_PREFIX: &str = "attache-";
const BEFORE_RESTORE_PREFIX: &str = "before-restore-";
const EXTENSION: &str = "sqlite3";
/// Pages copied per step: large steps finish a 100 MB store in a few of them.
const PAGES_PER_STEP: std::os::raw::c_int = 4096;

/// Which copy a backup file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum BackupKind {
    /// Taken by the app once a day.
    Daily,
    /// The store as it was just before a restore replaced it.
    BeforeRestore,
    /// Taken to a file the user chose.
    Chosen,
}

/// A backup file: where it is, which copy it is, how large, and when it was taken.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: String,
    /// The file's name alone.
    pub name: String,
    pub kind: BackupKind,
    pub bytes: u64,
    /// When the file was last written (RFC 3339, UTC).
    pub taken_at: String,
}

/// What a check of a store file found.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// True when SQLite found nothing wrong and the schema is one this version can open.
    pub ok: bool,
    pub schema_version: i64,
    pub supported_version: i64,
    /// What `integrity_check` and `foreign_key_check` reported, one line each; empty when sound.
    pub problems: Vec<String>,
}

/// What a restore did: the backup put back, and where the store as it was went first.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    pub restored_from: String,
    pub schema_version: i64,
    /// The copy of the store taken just before it was replaced (None when there was none).
    pub previous_saved_as: Option<String>,
}

/// Copies the store at `store`, opened with `key`, to `target` (replacing a file already there
/// only once the copy is complete and checked). The copy is encrypted with the same key.
pub fn take(store: &Path, target: &Path, key: &Key) -> CoreResult<BackupFile> {
    must_exist(store)?;
    if same_place(store, target) {
        return Err(CoreError::invalid(
            "path",
            Reason::SameAsStore,
            "A backup cannot be written over the data file itself: choose another file.",
        ));
    }
    let source = open_reader(store, key)?;
    write_copy(&source, target, key)?;
    described(target, BackupKind::Chosen)
}

/// Checks a store file without changing it: SQLite's `integrity_check` and `foreign_key_check`,
/// and whether its schema is one this version of Attaché can open. An encrypted file is read
/// with `key`; a wrong or missing passphrase is an error, not a finding.
pub fn check(path: &Path, key: &Key) -> CoreResult<CheckReport> {
    must_exist(path)?;
    match inspect(path, key) {
        // SQLite refusing the file (not a database, a page it cannot read) is what was found.
        Err(CoreError::Storage(refusal)) => Ok(CheckReport {
            ok: false,
            schema_version: 0,
            supported_version: migrate::SCHEMA_VERSION,
            problems: vec![refusal.to_string()],
        }),
        other => other,
    }
}

fn inspect(path: &Path, key: &Key) -> CoreResult<CheckReport> {
    let conn = open_existing(path, key)?;
    let mut problems = pragma_lines(&conn, "PRAGMA integrity_check")?;
    problems.retain(|line| line != "ok");
    if problems.is_empty() {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let orphans = stmt.query_map([], |r| {
            Ok(format!(
                "{} row {} points at a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?;
        problems.extend(orphans.collect::<Result<Vec<_>, _>>()?);
    }
    let schema_version = migrate::schema_version(&conn)?;
    let supported = migrate::SCHEMA_VERSION;
    let ok = problems.is_empty() && (1..=supported).contains(&schema_version);
    Ok(CheckReport { ok, schema_version, supported_version: supported, problems })
}

/// SQLite's quick check of the store file, on a connection of its own (half a second for
/// 100 MB here, so it runs beside the app, not before its window): the problems it lists,
/// empty when the file is sound.
pub fn quick_check(path: &Path, key: &Key) -> CoreResult<Vec<String>> {
    let checked = open_existing(path, key).and_then(|conn| pragma_lines(&conn, "PRAGMA quick_check"));
    match checked {
        Ok(mut problems) => {
            problems.retain(|line| line != "ok");
            Ok(problems)
        }
        Err(CoreError::Storage(refusal)) => Ok(vec![refusal.to_string()]),
        Err(other) => Err(other),
    }
}

/// Puts the backup at `source` in place of the store at `store`, which no connection may have
/// open. The backup is checked first and refused if damaged or newer than this version; the
/// store as it was is then copied into `safety_dir`, so a restore is never a loss. A backup of
/// an older version is migrated when the store is next opened. `key` opens both the backup and
/// the store: a backup encrypted with another passphrase is refused.
pub fn restore(store: &Path, source: &Path, safety_dir: &Path, key: &Key) -> CoreResult<Restored> {
    // Held until the restore is done: nobody opens the store half-replaced.
    let alone = in_use_lock(store)?;
    match alone.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(CoreError::Conflict {
                field: None,
                reason: Reason::StoreInUse,
                message: "Attaché is using this data file: close the app, then restore.".to_owned(),
            })
        }
        Err(std::fs::TryLockError::Error(error)) => return Err(error.into()),
    }
    let report = check(source, key).map_err(|e| match e.reason() {
        Some(Reason::PassphraseNeeded | Reason::WrongPassphrase) => e,
        _ => not_a_backup(&e.to_string()),
    })?;
    if report.schema_version > report.supported_version {
        return Err(CoreError::SchemaTooNew { found: report.schema_version, supported: report.supported_version });
    }
    if !report.ok {
        let problem = if report.problems.is_empty() {
            "it is not an Attaché data file".to_owned()
        } else {
            report.problems.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        };
        return Err(not_a_backup(&problem));
    }
    std::fs::create_dir_all(safety_dir)?;
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let previous = safety_dir.join(format!("{BEFORE_RESTORE_PREFIX}{stamp}.{EXTENSION}"));
    let kept = save_as_it_is(store, &previous, key)?;
    let copy = open_existing(source, key)?;
    // The old file's write-ahead log goes first (what it held is in the copy just kept): left
    // beside the new file, it would be read back into it on the next open.
    for suffix in ["-wal", "-shm"] {
        remove_if_present(&sibling(store, suffix))?;
    }
    write_copy(&copy, store, key)?;
    Ok(Restored {
        restored_from: source.display().to_string(),
        schema_version: report.schema_version,
        previous_saved_as: kept.then(|| previous.display().to_string()),
    })
}

/// The daily backup: if none was taken on `today`, copies the store into `dir` as
/// `attache-<date>.sqlite3`, then deletes all but the newest `keep` daily backups. Returns the
/// backup taken, or None when today's already existed.
pub fn daily(store: &Path, dir: &Path, keep: u32, today: NaiveDate, key: &Key) -> CoreResult<Option<BackupFile>> {
    std::fs::create_dir_all(dir)?;
    let target = dir.join(format!("{DAILY_PREFIX}{today}.{EXTENSION}"));
    let taken = if target.exists() {
        None
    } else {
        take(store, &target, key)?;
        Some(described(&target, BackupKind::Daily)?)
    };
    let mut dailies = list_with(dir, BackupKind::Daily)?;
    // Named by date, so name order is age order; newest first.
    dailies.sort_by(|a, b| b.path.cmp(&a.path));
    for old in dailies.iter().skip(keep.max(1) as usize) {
        remove_if_present(Path::new(&old.path))?;
    }
    for folder in [dir, store.parent().unwrap_or(dir)] {
        sweep_leftovers(folder, LEFTOVER_AGE)?;
    }
    // Documents only the backups just rolled away linked to can go now. A sweep that fails
    // leaves files a day longer; the backup itself is taken.
    let _ = crate::documents::retention::sweep(store, key);
    Ok(taken)
}

/// How old a half-written copy must be before it is taken for a leftover: no copy, re-key or
/// export takes this long, so one this old was being written by a process that was killed.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(6 * 60 * 60);

/// Removes the half-written copies (`.attache-*.partial`) older than `age` that a killed
/// backup, re-key or export left in `dir`; how many. They are never a backup, and can be as
/// large as the store.
pub fn sweep_leftovers(dir: &Path, age: std::time::Duration) -> CoreResult<u32> {
    let mut removed = 0;
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(0) };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".attache-") && name.ends_with(".partial")) {
            continue;
        }
        removed += u32::from(remove_if_older(&entry.path(), age));
    }
    Ok(removed)
}

/// Removes the file if it was last written at least `age` ago; whether it did. (A file being
/// written by another process now is younger, and stays.)
pub(crate) fn remove_if_older(path: &Path, age: std::time::Duration) -> bool {
    let old = std::fs::metadata(path).and_then(|m| m.modified()).is_ok_and(|at| at.elapsed().is_ok_and(|e| e >= age));
    old && std::fs::remove_file(path).is_ok()
}

/// The backups in `dir` (daily ones and those taken before a restore), newest first.
pub fn list(dir: &Path) -> CoreResult<Vec<BackupFile>> {
    let mut found = list_with(dir, BackupKind::Daily)?;
    found.extend(list_with(dir, BackupKind::BeforeRestore)?);
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// The newest backup in `dir` that passes [`check`] with `key`: what a damaged store can go
/// back to.
pub fn latest_sound(dir: &Path, key: &Key) -> CoreResult<Option<BackupFile>> {
    for backup in list(dir)? {
        if check(Path::new(&backup.path), key).is_ok_and(|report| report.ok) {
            return Ok(Some(backup));
        }
    }
    Ok(None)
}

/// How many daily backups to keep (a setting of the store).
pub fn keep(conn: &Connection) -> CoreResult<u32> {
    Ok(settings::get(conn, KEEP_KEY)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_KEEP))
}

pub fn set_keep(store: &mut super::Store, keep: u32) -> CoreResult<()> {
    if keep < 1 {
        return Err(CoreError::invalid("keep", Reason::TooSmall { min: 1 }, "Keep at least one daily backup."));
    }
    if keep > MAX_KEEP {
        return Err(CoreError::invalid(
            "keep",
            Reason::TooLarge { max: MAX_KEEP as i32 },
            format!("Keep at most {MAX_KEEP} daily backups."),
        ));
    }
    store.write(|w| settings::set(w, KEEP_KEY, &keep.to_string()))
}

fn not_a_backup(problem: &str) -> CoreError {
    CoreError::invalid(
        "backup",
        Reason::NotABackup { problem: problem.to_owned() },
        format!("This file cannot be restored: {problem}. Nothing was changed."),
    )
}

/// Copies the database behind `source` to `target` through a temporary file beside it,
/// encrypted with `key` (SQLite's backup copies pages, which must be keyed alike at both ends).
fn write_copy(source: &Connection, target: &Path, key: &Key) -> CoreResult<()> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new().prefix(".attache-backup-").suffix(".partial").tempfile_in(dir)?;
    {
        let mut copy = encryption::connect_writable(partial.path(), key)?;
        Backup::new(source, &mut copy)?.run_to_completion(PAGES_PER_STEP, std::time::Duration::ZERO, None)?;
        // A rollback journal, not WAL: the copy is one self-contained file.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
    }
    partial.as_file().sync_all()?;
    partial.persist(target).map_err(|e| CoreError::Io(e.error))?;
    Ok(())
}

/// Copies the store as it is before it is replaced: through SQLite when it can be read, else
/// byte for byte with its write-ahead log (a damaged file is kept as found, for whoever tries
/// to recover more from it). False when there was no store to keep.
fn save_as_it_is(store: &Path, target: &Path, key: &Key) -> CoreResult<bool> {
    if !store.exists() {
        return Ok(false);
    }
    let through_sqlite = open_existing(store, key).and_then(|conn| write_copy(&conn, target, key));
    if through_sqlite.is_ok() {
        return Ok(true);
    }
    std::fs::copy(store, target)?;
    for suffix in ["-wal", "-shm"] {
        let from = sibling(store, suffix);
        if from.exists() {
            std::fs::copy(&from, sibling(target, suffix))?;
        }
    }
    Ok(true)
}

/// Opens a file that must already exist, read-only (a missing path is an error, not a new
/// empty database).
fn open_existing(path: &Path, key: &Key) -> CoreResult<Connection> {
    must_exist(path)?;
    // Reading the header (in `connect`) is where a file that is not a database fails.
    encryption::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)
}

/// Whether `target` names the file `store` is (through links, `..` and the like).
fn same_place(store: &Path, target: &Path) -> bool {
    let real = |path: &Path| -> Option<PathBuf> {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(path.file_name()?))
    };
    matches!((real(store), real(target)), (Some(a), Some(b)) if a == b)
}

fn must_exist(path: &Path) -> CoreResult<()> {
    if path.is_file() {
        return Ok(());
    }
    Err(CoreError::Io(std::io::Error::new(std::io::ErrorKind::NotFound, format!("{} does not exist", path.display()))))
}

fn pragma_lines(conn: &Connection, pragma: &str) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(lines.collect::<Result<_, _>>()?)
}

fn list_with(dir: &Path, kind: BackupKind) -> CoreResult<Vec<BackupFile>> {
    let prefix = if kind == BackupKind::Daily { DAILY_PREFIX } else { BEFORE_RESTORE_PREFIX };
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(Vec::new()) };
    let mut found = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(&format!(".{EXTENSION}")) {
            found.push(described(&entry.path(), kind)?);
        }
    }
    Ok(found)
}

fn described(path: &Path, kind: BackupKind) -> CoreResult<BackupFile> {
    let meta = std::fs::metadata(path)?;
    let taken_at = meta.modified().map(chrono::DateTime::<Utc>::from).unwrap_or_else(|_| Utc::now());
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(BackupFile {
        path: path.display().to_string(),
        name,
        kind,
        bytes: meta.len(),
        taken_at: taken_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_present(path: &Path) -> CoreResult<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
