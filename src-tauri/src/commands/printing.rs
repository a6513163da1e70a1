//! Commands for the printed documents (brief, run-sheet, report, badges, place cards, seating
//! plan): a preview of the pages for the window, the PDF saved where the user chose, and which
//! documents printed before are now out of date.

use attache_core::kernel::ids::VisitId;
use attache_core::AppError;
use attache_documents::printed::{self, PrintState};
use attache_documents::DocumentRequest;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

/// A typeset document's pages as SVG images, for the preview.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPreview {
    pub pages: Vec<String>,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Typesets the document and returns its pages to show.
#[tauri::command]
#[specta::specta]
pub async fn printing_preview(
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Result<DocumentPreview, AppError> {
    let typeset = state.read(|conn| attache_documents::typeset(conn, &request, today()))?;
    Ok(DocumentPreview { pages: typeset.svg_pages() })
}

/// Typesets the document, writes it as PDF to `path` and records it as printed; how many pages.
#[tauri::command]
#[specta::specta]
pub async fn printing_save(
    state: State<'_, AppState>,
    request: DocumentRequest,
    path: String,
) -> Result<u32, AppError> {
    state.write(|store| {
        let typeset = attache_documents::typeset(store.conn(), &request, today())?;
        typeset.save_pdf(std::path::Path::new(&path))?;
        printed::mark_printed(store, &typeset)?;
        Ok(typeset.page_count() as u32)
    })
}

/// The visit's documents printed so far, each with whether a change has put it out of date.
#[tauri::command]
#[specta::specta]
pub async fn printing_status(state: State<'_, AppState>, visit_id: VisitId) -> Result<Vec<PrintState>, AppError> {
    state.read(|conn| printed::status(conn, &visit_id))
}
