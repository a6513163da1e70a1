//! Commands for importing contacts. The window picks the file with the dialog plugin; the path
//! comes here and the shell reads it. An import runs in one transaction, reports its progress
//! through a channel, and stops (keeping nothing) when `imports_cancel` is called meanwhile.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use attache_core::exchange::csv;
use attache_core::exchange::import::{
    self, ImportChoices, ImportRecord, ImportReview, ImportSummary, Mapping, Source, Target, TextEncoding,
};
use attache_core::AppError;
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::State;

use crate::state::AppState;

/// How far an import has come: rows done of the file's rows.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

fn read(path: &Path, encoding: Option<TextEncoding>) -> Result<Source, AppError> {
    import::read(path, encoding).map_err(AppError::from)
}

/// What importing the file would do (the mapping screen and the review); nothing is stored.
/// Without a mapping, the one remembered for the file's layout or the one its headings suggest.
/// `progress` hears `0 of 0` while the file is read, then the rows compared so far; the review
/// stops when `imports_cancel` is called meanwhile.
#[tauri::command]
#[specta::specta]
pub async fn imports_review(
    state: State<'_, AppState>,
    path: PathBuf,
    encoding: Option<TextEncoding>,
    target: Target,
    mapping: Option<Mapping>,
    progress: Channel<ImportProgress>,
) -> Result<ImportReview, AppError> {
    state.import_cancelled.store(false, Ordering::SeqCst);
    let _ = progress.send(ImportProgress { done: 0, total: 0 });
    let source = read(&path, encoding)?;
    let cancelled = &state.import_cancelled;
    state.read(|conn| {
        import::review_watched(conn, &source, target, mapping, &mut |done, total| {
            let _ = progress.send(ImportProgress { done, total });
            !cancelled.load(Ordering::SeqCst)
        })
    })
}

#[tauri::command]
#[specta::specta]
pub async fn imports_apply(
    state: State<'_, AppState>,
    path: PathBuf,
    encoding: Option<TextEncoding>,
    choices: ImportChoices,
    progress: Channel<ImportProgress>,
) -> Result<ImportSummary, AppError> {
    state.import_cancelled.store(false, Ordering::SeqCst);
    let source = read(&path, encoding)?;
    let cancelled = &state.import_cancelled;
    state.write(|store| {
        import::apply(store, &source, &choices, &mut |done, total| {
            // A window that went away cannot stop the import; it goes on to the end.
            let _ = progress.send(ImportProgress { done, total });
            !cancelled.load(Ordering::SeqCst)
        })
    })
}

/// Stops the import (or the review of a file) under way; it keeps nothing.
#[tauri::command]
#[specta::specta]
pub async fn imports_cancel(state: State<'_, AppState>) -> Result<(), AppError> {
    state.import_cancelled.store(true, Ordering::SeqCst);
    Ok(())
}

/// The latest import, to offer its undo.
#[tauri::command]
#[specta::specta]
pub async fn imports_last(state: State<'_, AppState>) -> Result<Option<ImportRecord>, AppError> {
    state.read(import::last)
}

#[tauri::command]
#[specta::specta]
pub async fn imports_undo(state: State<'_, AppState>) -> Result<ImportRecord, AppError> {
    state.write(import::undo_last)
}

/// Writes the rows the import refuses, with why, to `to` as CSV; how many.
#[tauri::command]
#[specta::specta]
pub async fn imports_save_refused(
    state: State<'_, AppState>,
    path: PathBuf,
    encoding: Option<TextEncoding>,
    target: Target,
    mapping: Mapping,
    to: PathBuf,
) -> Result<u32, AppError> {
    let source = read(&path, encoding)?;
    let table = state.read(|conn| import::refused_table(conn, &source, target, &mapping))?;
    csv::save(&table, &to).map_err(AppError::from)?;
    Ok(table.rows.len() as u32)
}
