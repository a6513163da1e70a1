//! Commands for the gift register: the gifts of a visit, and the register of a year with its
//! totals, previewed, saved as PDF, or written as a table.

use std::collections::HashMap;
use std::path::Path;

use attache_core::exchange::{self, tables};
use attache_core::kernel::ids::GiftId;
use attache_core::registers::gifts::{self, GiftRegister};
use attache_core::AppError;
use attache_documents::Lang;
use tauri::State;

use super::printing::DocumentPreview;
use crate::state::AppState;

super::record_commands!(
    gifts,
    GiftId,
    gifts::GiftInput,
    gifts::Gift,
    gifts::GiftQuery,
    gifts_list,
    gifts_get,
    gifts_create,
    gifts_update,
    gifts_delete,
    gifts_restore
);

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The gifts of `year`, by the day given, with their totals per direction and currency.
#[tauri::command]
#[specta::specta]
pub async fn gifts_register(state: State<'_, AppState>, year: i32) -> Result<GiftRegister, AppError> {
    state.read(|conn| gifts::register(conn, year))
}

/// The printed register of `year`, as pages to show.
#[tauri::command]
#[specta::specta]
pub async fn gifts_register_preview(
    state: State<'_, AppState>,
    year: i32,
    lang: Lang,
) -> Result<DocumentPreview, AppError> {
    let typeset = state.read(|conn| attache_documents::typeset_gift_register(conn, year, lang, today()))?;
    Ok(DocumentPreview { pages: typeset.svg_pages() })
}

/// Writes the printed register of `year` as PDF to `path`; how many pages.
#[tauri::command]
#[specta::specta]
pub async fn gifts_register_save(
    state: State<'_, AppState>,
    year: i32,
    lang: Lang,
    path: String,
) -> Result<u32, AppError> {
    let typeset = state.read(|conn| attache_documents::typeset_gift_register(conn, year, lang, today()))?;
    typeset.save_pdf(Path::new(&path))?;
    Ok(typeset.page_count() as u32)
}

/// Writes the register of `year` as a table (.xlsx or CSV) under the window's headings, its
/// stored words as the window words them; how many gifts.
#[tauri::command]
#[specta::specta]
pub async fn gifts_register_export(
    state: State<'_, AppState>,
    year: i32,
    path: String,
    headings: Vec<String>,
    terms: HashMap<String, String>,
) -> Result<u32, AppError> {
    let table = state.read(|conn| tables::gifts(conn, year))?.headed(headings).worded(&terms);
    exchange::save(&table, Path::new(&path))?;
    Ok(table.rows.len() as u32)
}
