//! Commands for the documents attached to records.

use attache_core::documents::{self, Document};
use attache_core::kernel::ids::AttachmentId;
use attache_core::kernel::record::RecordKind;
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
#[specta::specta]
pub async fn documents_list(
    state: tauri::State<'_, crate::state::AppState>,
    kind: RecordKind,
    record_id: String,
) -> Result<Vec<Document>, attache_core::AppError> {
    state.read(|conn| documents::list(conn, kind, &record_id))
}

/// Keeps a copy of the file at `path` (chosen in the file dialog or dropped on the window) and
/// links it to the record.
#[tauri::command]
#[specta::specta]
pub async fn documents_attach(
    state: tauri::State<'_, crate::state::AppState>,
    kind: RecordKind,
    record_id: String,
    path: String,
) -> Result<Document, attache_core::AppError> {
    state.write(|store| documents::attach(store, kind, &record_id, std::path::Path::new(&path)))
}

#[tauri::command]
#[specta::specta]
pub async fn documents_remove(
    state: tauri::State<'_, crate::state::AppState>,
    id: AttachmentId,
) -> Result<(), attache_core::AppError> {
    state.write(|store| documents::remove(store, &id))
}

/// Asks the system to open a kept document with its default program. Only a file of the
/// documents folder, found by its id, can be opened this way; the window itself has no opener
/// permission.
#[tauri::command]
#[specta::specta]
pub async fn documents_open(
    app: tauri::AppHandle,
    state: tauri::State<'_, crate::state::AppState>,
    id: AttachmentId,
) -> Result<(), attache_core::AppError> {
    let path = state.inspect(|store| documents::path_of(store, &id))?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| {
        attache_core::AppError::from(attache_core::CoreError::invalid(
            "file",
            attache_core::kernel::error::Reason::FileUnreadable { problem: e.to_string() },
            format!("the document could not be opened: {e}"),
        ))
    })
}
