//! Encryption at rest, opt-in: the whole data file encrypted with a passphrase (SQLCipher:
//! AES-256 pages, the key derived from the passphrase with PBKDF2).
//!
//! Every connection to a store file is opened through [`connect`], which gives SQLCipher the
//! key before anything is read. A passphrase is turned on, changed or off by [`rekey_file`],
//! which writes a re-keyed copy beside the file (`sqlcipher_export`), checks it, and only then
//! renames it over the original: a failure or a crash at any point leaves the original as it
//! was. Backups of an encrypted store are encrypted with the same key (see `backups`).

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{in_use_lock, migrate};
use crate::kernel::error::{CoreError, CoreResult, Reason};

/// The shortest passphrase accepted: shorter ones are guessed too quickly to protect anything.
pub const MIN_PASSPHRASE: u32 = 8;

/// What opens a store file: nothing for a plain file, or the passphrase it is encrypted with.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Key(Option<String>);

impl Key {
    /// No key: the file is plain.
    pub fn none() -> Key {
        Key(None)
    }

    pub fn passphrase(passphrase: impl Into<String>) -> Key {
        Key(Some(passphrase.into()))
    }

    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }

    /// Gives SQLCipher the key; must come before the connection reads anything.
    fn apply(&self, conn: &Connection) -> CoreResult<()> {
        if let Some(passphrase) = &self.0 {
            conn.pragma_update(None, "key", passphrase)?;
        }
        Ok(())
    }

    /// The key as `ATTACH … KEY` takes it: an empty one attaches a plain file.
    fn attach_value(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }
}

/// Refuses, at the field `current`, a passphrase asked again that is not the one `key` holds
/// (an unattended, unlocked laptop must not give the store away by turning encryption off, or
/// by exporting it unencrypted). A plain store asks for nothing.
pub fn confirm_current(key: &Key, current: Option<String>) -> CoreResult<()> {
    if key.is_set() && current.map(Key::passphrase).as_ref() != Some(key) {
        return Err(CoreError::invalid(
            "current",
            Reason::WrongPassphrase,
            "This is not the passphrase the data file is encrypted with.",
        ));
    }
    Ok(())
}

/// Never prints the passphrase (a key may end up in a log through `{:?}`).
impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_set() { "Key(passphrase)" } else { "Key(none)" })
    }
}

/// Opens a connection to `path` with `key` and proves the key right by reading the schema
/// (page 1 is where SQLCipher finds out). A wrong or missing passphrase gets its own reason,
/// and nothing is written to the file.
pub(crate) fn connect(path: &Path, flags: OpenFlags, key: &Key) -> CoreResult<Connection> {
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher logs a wrong key to stderr; the refusal below says it to whoever asked.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    key.apply(&conn)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(failure, _)) if failure.code == rusqlite::ErrorCode::NotADatabase => {
            if is_encrypted(path)? {
                Err(refused(key))
            } else if key.is_set() && is_plain(path)? {
                Err(CoreError::Conflict {
                    field: Some("passphrase".into()),
                    reason: Reason::NotEncrypted,
                    message: "This file is not encrypted, and a passphrase was given for it.".into(),
                })
            } else {
                Err(CoreError::Storage(rusqlite::Error::SqliteFailure(failure, None)))
            }
        }
        Err(other) => Err(other.into()),
    }
}

/// Whether the file at `path` begins as a plain SQLite file does.
fn is_plain(path: &Path) -> CoreResult<bool> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)?.take(16).read(&mut header)?;
    Ok(read == 16 && &header == b"SQLite format 3\0")
}

/// Opens `path` for reading and writing with `key` (creating a new, empty file if none).
pub(crate) fn connect_writable(path: &Path, key: &Key) -> CoreResult<Connection> {
    connect(path, OpenFlags::default(), key)
}

fn refused(key: &Key) -> CoreError {
    if key.is_set() {
        CoreError::invalid(
            "passphrase",
            Reason::WrongPassphrase,
            "This passphrase does not open the data file. Nothing was changed; try again.",
        )
    } else {
        CoreError::Conflict {
            field: Some("passphrase".into()),
            reason: Reason::PassphraseNeeded,
            message: "This data file is encrypted: enter its passphrase to open it.".into(),
        }
    }
}

/// Whether the file at `path` looks encrypted: a plain SQLite file begins with its magic
/// string, an encrypted one with 16 bytes of random salt, and both are whole pages long. A
/// missing or empty file is a new, plain store; a text file (a salt is never all letters) or
/// a file cut short is not a store at all, and SQLite says so when it is read.
pub fn is_encrypted(path: &Path) -> CoreResult<bool> {
    let mut header = [0u8; 16];
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error.into()),
    };
    let length = file.metadata()?.len();
    let read = file.take(16).read(&mut header)?;
    let text = header.iter().all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    Ok(read == 16 && &header != b"SQLite format 3\0" && !text && length % 512 == 0)
}

/// Checks a new passphrase before anything is written with it.
pub fn check_new(key: &Key) -> CoreResult<()> {
    match &key.0 {
        Some(passphrase) if (passphrase.chars().count() as u32) < MIN_PASSPHRASE => Err(CoreError::invalid(
            "passphrase",
            Reason::PassphraseTooShort { min: MIN_PASSPHRASE },
            format!("A passphrase needs at least {MIN_PASSPHRASE} characters."),
        )),
        _ => Ok(()),
    }
}

/// Re-encrypts the closed file at `path` from `old` to `new` (either may be [`Key::none`], for
/// turning encryption on or off): a checked copy replaces the file only when complete. The
/// file must not be open anywhere (its in-use lock is taken alone for the length of it).
pub fn rekey_file(path: &Path, old: &Key, new: &Key) -> CoreResult<()> {
    check_new(new)?;
    let alone = in_use_lock(path)?;
    if alone.try_lock().is_err() {
        return Err(CoreError::Conflict {
            field: None,
            reason: Reason::StoreInUse,
            message: "Another Attaché is using this data file: close it first.".to_owned(),
        });
    }
    rekey_unlocked(path, old, new)
}

/// What re-keying the store did: whether it is encrypted now, how many copies were re-keyed
/// with it, and the copies left as they were (say, a backup from before an earlier change of
/// passphrase, which the old key does not open), by file name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Rekeyed {
    pub encrypted: bool,
    pub copies_rekeyed: u32,
    pub copies_left: Vec<String>,
}

/// Re-keys the closed store at `path` as [`rekey_file`] does, then every copy of it the app
/// keeps: the backups in `backups_dir` and the copies taken before migrations. Once encryption
/// is on, no plain copy of the data stays behind in the data folder.
pub fn rekey_store(path: &Path, backups_dir: &Path, old: &Key, new: &Key) -> CoreResult<Rekeyed> {
    rekey_file(path, old, new)?;
    // From here on the store opens with `new` only: nothing below may fail the whole, or the
    // caller would reopen it with `old`. A copy that cannot be re-keyed is reported instead.
    let mut copies: Vec<std::path::PathBuf> =
        super::backups::list(backups_dir).unwrap_or_default().into_iter().map(|b| b.path.into()).collect();
    copies.extend(migrate::backups_of(path).unwrap_or_default());
    let mut report = Rekeyed { encrypted: new.is_set(), copies_rekeyed: 0, copies_left: Vec::new() };
    for copy in copies {
        match rekey_unlocked(&copy, old, new) {
            Ok(()) => report.copies_rekeyed += 1,
            Err(_) => report.copies_left.push(copy.file_name().unwrap_or_default().to_string_lossy().into_owned()),
        }
    }
    Ok(report)
}

/// As [`rekey_file`], for a file no store opens (a backup).
pub(crate) fn rekey_unlocked(path: &Path, old: &Key, new: &Key) -> CoreResult<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new().prefix(".attache-rekey-").suffix(".partial").tempfile_in(dir)?;
    {
        // Never created here: a file that vanished (a backup pruned meanwhile) stays gone.
        let source = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE, old)?;
        let version = migrate::schema_version(&source)?;
        source
            .execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", (partial.path().to_string_lossy(), new.attach_value()))?;
        source.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        // The export copies tables, not the schema version kept in the header.
        source.pragma_update(Some("rekeyed"), "user_version", version)?;
        source.execute("DETACH DATABASE rekeyed", [])?;
        let copy = connect(partial.path(), OpenFlags::SQLITE_OPEN_READ_ONLY, new)?;
        let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" || migrate::schema_version(&copy)? != version {
            return Err(CoreError::Io(std::io::Error::other(format!(
                "the re-encrypted copy did not check out: {verdict}"
            ))));
        }
    }
    partial.as_file().sync_all()?;
    // The original's write-ahead log was checkpointed when its last connection closed; left
    // beside the new file, a stale one would be read into it.
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(name) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error.into()),
            _ => {}
        }
    }
    partial.persist(path).map_err(|e| CoreError::Io(e.error))?;
    Ok(())
}
