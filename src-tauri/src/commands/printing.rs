//! Commands for the printed documents (brief, run-sheet, report, badges, place cards, seating
//! plan): a preview of the pages for the window, and the PDF saved where the user chose.

use attache_core::AppError;
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

/// Typesets the document and writes it as PDF to `path`; how many pages it has.
#[tauri::command]
#[specta::specta]
pub async fn printing_save(
    state: State<'_, AppState>,
    request: DocumentRequest,
    path: String,
) -> Result<u32, AppError> {
    let typeset = state.read(|conn| attache_documents::typeset(conn, &request, today()))?;
    typeset.save_pdf(std::path::Path::new(&path))?;
    Ok(typeset.page_count() as u32)
}
