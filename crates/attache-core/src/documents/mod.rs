//! Documents attached to records (an MoU's signed scan, a visit's briefing, a person's CV).
//!
//! The files live in a `documents` folder beside the store, each under its SHA-256 with the
//! extension of its kind (`ab/ab12…ef.pdf`), so the same file attached twice is kept once; the
//! `attachments` table links records to them by name. Removing a link frees the file only when
//! no other link uses it. A file is checked before it is kept: a document type (by extension and
//! by content, so a renamed program is refused), at most [`MAX_MEGABYTES`] MB, readable.
//! Attaché never runs a document: the window asks the system to open it with its default
//! program, and only these files can be asked for.

pub mod kinds;
pub mod retention;

use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use specta::Type;

use crate::kernel::audit::{self, Operation};
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::AttachmentId;
use crate::kernel::record::{now, RecordKind, References};
use crate::store::{Store, Writer};

use kinds::Content;

/// The largest document Attaché keeps, in megabytes (documented in the README).
pub const MAX_MEGABYTES: u32 = 100;
const MAX_BYTES: u64 = MAX_MEGABYTES as u64 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub id: AttachmentId,
    pub record_kind: RecordKind,
    pub record_id: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: String,
}

const COLUMNS: &str = "id, record_kind, record_id, file_name, media_type, size_bytes, sha256, created_at";

/// The documents folder's name, beside the database file.
const FOLDER: &str = "documents";
/// How a file being copied in is named until it is complete.
const INCOMING: &str = ".incoming-";

/// The folder the documents of `store` are kept in: beside its database file.
pub fn folder(store: &Store) -> PathBuf {
    store.path().with_file_name(FOLDER)
}

/// The documents attached to a record, in the order they were attached.
pub fn list(conn: &Connection, kind: RecordKind, record_id: &str) -> CoreResult<Vec<Document>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments WHERE record_kind = ?1 AND record_id = ?2 AND deleted_at IS NULL
         ORDER BY created_at, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![kind.name(), record_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: &AttachmentId) -> CoreResult<Document> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "document", id: id.to_string() })
}

/// Checks the file at `source`, keeps a copy in the documents folder and links it to the record.
pub fn attach(store: &mut Store, kind: RecordKind, record_id: &str, source: &Path) -> CoreResult<Document> {
    let (file_name, kind_of_file) = accepted_name(source)?;
    References::new(store.conn()).check(kind, &record_id, "recordId")?;
    let kept = keep(&folder(store), source, kind_of_file)?;
    let outcome = store.write(|w| {
        let before = names(w, kind, record_id)?;
        let id = AttachmentId::new();
        w.execute(
            "INSERT INTO attachments (id, record_kind, record_id, file_name, media_type, size_bytes, sha256, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            rusqlite::params![
                id,
                kind.name(),
                record_id,
                file_name,
                kind_of_file.media_type,
                kept.size as i64,
                kept.sha256,
                now()
            ],
        )?;
        record_change(w, kind, record_id, before)?;
        get(w, &id)
    });
    if outcome.is_err() && kept.new {
        // Nothing links to the copy just made: the store is as it was, and so is the folder.
        let _ = free_if_unused(store, &kept.sha256, kind_of_file.extension);
    }
    outcome
}

/// Unlinks a document from its record; the file goes when no other record, and no kept
/// backup, links to it (see [`retention`]).
pub fn remove(store: &mut Store, id: &AttachmentId) -> CoreResult<()> {
    let document = get(store.conn(), id)?;
    store.write(|w| {
        let before = names(w, document.record_kind, &document.record_id)?;
        w.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
        record_change(w, document.record_kind, &document.record_id, before)
    })?;
    let extension = extension_of(&document.file_name);
    free_if_unused(store, &document.sha256, &extension)
}

/// Where a document's file is, to open it; refused if it has gone missing from the folder.
pub fn path_of(store: &Store, id: &AttachmentId) -> CoreResult<PathBuf> {
    let document = get(store.conn(), id)?;
    let kind = kinds::by_extension(&extension_of(&document.file_name));
    let path = stored_path(&folder(store), &document.sha256, kind.map_or("bin", |k| k.extension));
    if path.is_file() {
        Ok(path)
    } else {
        Err(unreadable("fileName", format!("the file of {} is missing from the documents folder", document.file_name)))
    }
}

/// The file's name and its accepted kind, or the refusal naming what is wrong.
fn accepted_name(source: &Path) -> CoreResult<(String, &'static kinds::Kind)> {
    let file_name = source.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
    if file_name.trim().is_empty() {
        return Err(unreadable("file", "the file has no name".into()));
    }
    let extension = extension_of(&file_name);
    let kind = kinds::by_extension(&extension).ok_or_else(|| {
        CoreError::invalid(
            "file",
            Reason::FileTypeRefused { extension: extension.clone() },
            format!(
                "{file_name}: Attaché keeps documents ({}), not .{extension} files",
                kinds::extensions().join(", ")
            ),
        )
    })?;
    Ok((file_name, kind))
}

/// A copy kept in the documents folder: its hash, size, and whether it was not there before.
struct Kept {
    sha256: String,
    size: u64,
    new: bool,
}

/// Checks the file's size and content, then copies it into `folder` under its hash (through a
/// temporary file renamed into place, so a copy cut short is never taken for the document).
fn keep(folder: &Path, source: &Path, kind: &kinds::Kind) -> CoreResult<Kept> {
    let name = source.display().to_string();
    let cannot = |e: std::io::Error| unreadable("file", format!("{name} cannot be read: {e}"));
    let size = fs::metadata(source).map_err(cannot)?.len();
    if size > MAX_BYTES {
        return Err(CoreError::invalid(
            "file",
            Reason::FileTooLarge { megabytes: MAX_MEGABYTES },
            format!("{name} is larger than {MAX_MEGABYTES} MB"),
        ));
    }
    let mut reader = BufReader::new(File::open(source).map_err(cannot)?);
    let mut head = vec![0; 8192];
    let read = read_up_to(&mut reader, &mut head).map_err(cannot)?;
    head.truncate(read);
    check_content(&name, kind, kinds::sniff(&head))?;

    fs::create_dir_all(folder).map_err(|e| unreadable("file", format!("the documents folder cannot be made: {e}")))?;
    let temporary = folder.join(format!("{INCOMING}{}", uuid::Uuid::new_v4()));
    let copied = copy_hashing(&head, &mut reader, &temporary);
    let (sha256, copied_size) = match copied {
        Ok(done) => done,
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            return Err(unreadable("file", format!("{name} could not be copied: {error}")));
        }
    };
    let destination = stored_path(folder, &sha256, kind.extension);
    if destination.is_file() {
        let _ = fs::remove_file(&temporary);
        return Ok(Kept { sha256, size: copied_size, new: false });
    }
    let placed =
        destination.parent().map_or(Ok(()), fs::create_dir_all).and_then(|()| fs::rename(&temporary, &destination));
    if let Err(error) = placed {
        let _ = fs::remove_file(&temporary);
        return Err(unreadable("file", format!("{name} could not be stored: {error}")));
    }
    Ok(Kept { sha256, size: copied_size, new: true })
}

fn check_content(name: &str, kind: &kinds::Kind, found: Content) -> CoreResult<()> {
    if found == Content::Executable {
        return Err(CoreError::invalid(
            "file",
            Reason::FileIsProgram,
            format!("{name} is a program or a script: Attaché keeps documents only"),
        ));
    }
    if found != kind.content {
        return Err(CoreError::invalid(
            "file",
            Reason::FileTypeMismatch { extension: kind.extension.to_owned() },
            format!("{name} is named .{} but its content is not that kind of file", kind.extension),
        ));
    }
    Ok(())
}

fn read_up_to(reader: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Writes `head` and the rest of `reader` to `path`, synced to disk; returns the hash and size.
fn copy_hashing(head: &[u8], reader: &mut impl Read, path: &Path) -> std::io::Result<(String, u64)> {
    let mut out = File::create(path)?;
    let mut hasher = Sha256::new();
    let mut size = head.len() as u64;
    hasher.update(head);
    out.write_all(head)?;
    let mut chunk = vec![0; 1 << 16];
    loop {
        let n = reader.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > MAX_BYTES {
            return Err(std::io::Error::other(format!("it grew past {MAX_MEGABYTES} MB while being read")));
        }
        hasher.update(&chunk[..n]);
        out.write_all(&chunk[..n])?;
    }
    out.sync_all()?;
    let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok((sha256, size))
}

fn stored_path(folder: &Path, sha256: &str, extension: &str) -> PathBuf {
    folder.join(&sha256[..2]).join(format!("{sha256}.{extension}"))
}

/// The name a file is kept under: its hash, and the extension of its kind.
fn stored_name(sha256: &str, file_name: &str) -> String {
    let extension = kinds::by_extension(&extension_of(file_name)).map_or("bin", |k| k.extension);
    format!("{sha256}.{extension}")
}

/// Deletes a kept file when neither the store nor a kept backup links to it any more.
fn free_if_unused(store: &Store, sha256: &str, extension: &str) -> CoreResult<()> {
    let extension = kinds::by_extension(extension).map_or("bin", |k| k.extension);
    let name = format!("{sha256}.{extension}");
    if retention::linked(store.path(), store.key())?.is_some_and(|linked| !linked.contains(&name)) {
        let _ = fs::remove_file(stored_path(&folder(store), sha256, extension));
    }
    Ok(())
}

/// The record's document names, for its history.
fn names(conn: &Connection, kind: RecordKind, record_id: &str) -> CoreResult<Vec<String>> {
    Ok(list(conn, kind, record_id)?.into_iter().map(|d| d.file_name).collect())
}

/// Attaching and removing documents is a change to the record, in its history.
fn record_change(w: &Writer<'_>, kind: RecordKind, record_id: &str, before: Vec<String>) -> CoreResult<()> {
    let after = names(w, kind, record_id)?;
    audit::append(w, kind, record_id, Operation::Update, &json!({ "documents": { "before": before, "after": after } }))
}

fn extension_of(file_name: &str) -> String {
    Path::new(file_name).extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase()
}

fn unreadable(field: &str, problem: String) -> CoreError {
    CoreError::invalid(field, Reason::FileUnreadable { problem: problem.clone() }, problem)
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Document> {
    let kind: String = row.get(1)?;
    Ok(Document {
        id: row.get(0)?,
        record_kind: RecordKind::from_name(&kind).unwrap_or(RecordKind::Visit),
        record_id: row.get(2)?,
        file_name: row.get(3)?,
        media_type: row.get(4)?,
        size_bytes: row.get(5)?,
        sha256: row.get(6)?,
        created_at: row.get(7)?,
    })
}
