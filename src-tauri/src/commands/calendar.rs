//! Commands for calendar files (.ics). The window picks the file with the dialog plugin; the
//! path comes here, and the file is read or written by the shell, never by the page.

use std::path::PathBuf;

use attache_core::kernel::ids::{PersonId, VisitId};
use attache_core::visits::calendar_file::{self, ImportReport};
use attache_core::{AppError, CoreError};

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn calendar_export_visit(
    state: tauri::State<'_, AppState>,
    visit_id: VisitId,
    path: PathBuf,
) -> Result<(), AppError> {
    let ics = state.read(|conn| calendar_file::visit_calendar(conn, &visit_id))?;
    std::fs::write(&path, ics).map_err(|e| AppError::from(CoreError::Io(e)))
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_export_person(
    state: tauri::State<'_, AppState>,
    person_id: PersonId,
    path: PathBuf,
) -> Result<(), AppError> {
    let ics = state.read(|conn| calendar_file::person_calendar(conn, &person_id))?;
    std::fs::write(&path, ics).map_err(|e| AppError::from(CoreError::Io(e)))
}

/// What importing the file would do, with nothing stored.
#[tauri::command]
#[specta::specta]
pub async fn calendar_import_preview(
    state: tauri::State<'_, AppState>,
    visit_id: VisitId,
    path: PathBuf,
) -> Result<ImportReport, AppError> {
    let bytes = read(&path)?;
    state.write(|store| calendar_file::preview(store, &visit_id, &bytes))
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_import(
    state: tauri::State<'_, AppState>,
    visit_id: VisitId,
    path: PathBuf,
) -> Result<ImportReport, AppError> {
    let bytes = read(&path)?;
    state.write(|store| calendar_file::import(store, &visit_id, &bytes))
}

/// Reads the chosen file, refusing a huge one before reading it whole.
fn read(path: &PathBuf) -> Result<Vec<u8>, AppError> {
    let size = std::fs::metadata(path).map_err(|e| AppError::from(CoreError::Io(e)))?.len();
    calendar_file::check_size(size)?;
    std::fs::read(path).map_err(|e| AppError::from(CoreError::Io(e)))
}
