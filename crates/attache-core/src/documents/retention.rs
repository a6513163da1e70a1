//! When a document's file may go. Files are shared by hash, and a backup restored later links
//! to the files it linked to when it was taken. So a file stays while the store or any backup
//! kept in its backups folder links to it, and goes once none does: when its last link is
//! removed, or at the daily backup's sweep once the backups that still linked to it have
//! rolled away. A restore from any kept backup then finds every document it names.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::OpenFlags;

use crate::kernel::error::CoreResult;
use crate::store::{backups, encryption, Key};

/// How old an unlinked file must be before the sweep removes it: a file being attached is in
/// the folder a moment before its link is written.
const SETTLED: Duration = Duration::from_secs(60 * 60);

/// The stored names (`<sha256>.<extension>`) of the files that the store at `store`, or any
/// backup kept beside it, links to; `None` when some copy cannot be read (with another key,
/// damaged): then nothing is known to be free.
pub(super) fn linked(store: &Path, key: &Key) -> CoreResult<Option<HashSet<String>>> {
    let mut copies = vec![store.to_path_buf()];
    let kept = backups::list(&store.with_file_name(backups::FOLDER))?;
    copies.extend(kept.into_iter().map(|backup| PathBuf::from(backup.path)));
    let mut names = HashSet::new();
    for copy in copies {
        let Ok(conn) = encryption::connect(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY, key) else { return Ok(None) };
        let has_documents: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'attachments')",
            [],
            |r| r.get(0),
        )?;
        if !has_documents {
            continue; // a backup from before documents could be attached
        }
        let mut statement = conn.prepare("SELECT sha256, file_name FROM attachments")?;
        let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (sha256, file_name) = row?;
            names.insert(super::stored_name(&sha256, &file_name));
        }
    }
    Ok(Some(names))
}

/// Removes from the documents folder of `store` the files that no copy links to any more (see
/// [`linked`]), and copies a killed attach left half-written; how many.
pub fn sweep(store: &Path, key: &Key) -> CoreResult<u32> {
    let folder = store.with_file_name(super::FOLDER);
    let Some(linked) = linked(store, key)? else { return Ok(0) };
    let mut removed = 0;
    for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            for file in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                let unlinked = !linked.contains(file.file_name().to_string_lossy().as_ref());
                removed += u32::from(unlinked && backups::remove_if_older(&file.path(), SETTLED));
            }
        } else if entry.file_name().to_string_lossy().starts_with(super::INCOMING) {
            removed += u32::from(backups::remove_if_older(&path, SETTLED));
        }
    }
    Ok(removed)
}
