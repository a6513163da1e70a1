//! Commands for backups: one taken now to a file the user chose, the daily ones in the data
//! folder and how many are kept, a check of the data file, and a restore.
//!
//! Copies are taken from a connection of their own, so they never hold the store's lock; a
//! restore closes the store, replaces its file and opens it again (see `AppState::replace_file`).

use std::path::Path;

use attache_core::exchange::whole_store;
use attache_core::store::backups::{self, BackupFile, CheckReport, Restored};
use attache_core::AppError;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// The daily backups, where they are kept and how many.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    pub folder: String,
    pub keep: u32,
    /// Newest first.
    pub backups: Vec<BackupFile>,
}

#[tauri::command]
#[specta::specta]
pub async fn backups_overview(state: State<'_, AppState>) -> Result<BackupOverview, AppError> {
    let keep = state.read(backups::keep)?;
    let folder = state.backup_dir();
    let backups = backups::list(&folder).map_err(AppError::from)?;
    Ok(BackupOverview { folder: folder.display().to_string(), keep, backups })
}

/// Copies the store to `path` (a file the user chose in the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn backups_take(state: State<'_, AppState>, path: String) -> Result<BackupFile, AppError> {
    backups::take(&state.database_path(), Path::new(&path), &state.key()).map_err(AppError::from)
}

#[tauri::command]
#[specta::specta]
pub async fn backups_set_keep(state: State<'_, AppState>, keep: u32) -> Result<(), AppError> {
    state.write(|store| backups::set_keep(store, keep))
}

/// A full check of the data file as it is now (integrity and links between records).
#[tauri::command]
#[specta::specta]
pub async fn backups_check(state: State<'_, AppState>) -> Result<CheckReport, AppError> {
    backups::check(&state.database_path(), &state.key()).map_err(AppError::from)
}

/// Puts the backup at `path` in place of the store, after checking it and setting the store
/// as it was aside in the backups folder.
#[tauri::command]
#[specta::specta]
pub async fn backups_restore(state: State<'_, AppState>, path: String) -> Result<Restored, AppError> {
    let safety = state.backup_dir();
    // A backup, or a whole-store document (Export everything) made into a store first.
    state.replace_file(|store, key| whole_store::restore_any(store, Path::new(&path), &safety, key))
}

/// Writes the whole store to `path` as one JSON document (the format `backups_restore` reads
/// back); the number of rows written. The document is not encrypted: for an encrypted store
/// the passphrase is asked again (`current`), as for turning encryption off.
#[tauri::command]
#[specta::specta]
pub async fn backups_export_whole(
    state: State<'_, AppState>,
    path: String,
    current: Option<String>,
) -> Result<u32, AppError> {
    attache_core::store::encryption::confirm_current(&state.key(), current).map_err(AppError::from)?;
    state.read(|conn| whole_store::export(conn, Path::new(&path))).map(|rows| rows.min(u32::MAX as u64) as u32)
}

/// The daily backup, unless the store is damaged (a damaged copy would push a sound one out).
pub fn take_daily(state: &AppState) {
    if !state.damage().is_empty() {
        return;
    }
    let Ok(keep) = state.read(backups::keep) else { return };
    let today = chrono::Local::now().date_naive();
    // A failed daily backup is tried again in an hour; the user's work goes on meanwhile.
    // Under the store's lock: a re-key or a restore cannot swap the file (or its key) while
    // the copy is taken, and leave a plain copy beside an encrypted store.
    let dir = state.backup_dir();
    let _ = state.inspect(|store| backups::daily(store.path(), &dir, keep, today, store.key()));
}
