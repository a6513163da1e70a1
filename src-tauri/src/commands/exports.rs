//! Commands that write a list to a file the user chose (in the save dialog), with the list's
//! current filter and sort and the window's headings, in the user's language: an Excel
//! workbook when the name ends in .xlsx, else CSV.

use std::path::Path;

use attache_core::directory::organizations::OrganizationQuery;
use attache_core::directory::people::PersonQuery;
use attache_core::exchange::{self, tables, Table};
use attache_core::AppError;
use tauri::State;

use crate::state::AppState;

fn save(table: Table, headings: Vec<String>, path: &str) -> Result<u32, AppError> {
    let table = table.headed(headings);
    exchange::save(&table, Path::new(path)).map_err(AppError::from)?;
    Ok(table.rows.len() as u32)
}

/// Writes the people the query selects to `path` (CSV or .xlsx); how many rows were written.
#[tauri::command]
#[specta::specta]
pub async fn exports_people(
    state: State<'_, AppState>,
    query: PersonQuery,
    path: String,
    headings: Vec<String>,
) -> Result<u32, AppError> {
    let table = state.read(|conn| tables::people(conn, &query))?;
    save(table, headings, &path)
}

#[tauri::command]
#[specta::specta]
pub async fn exports_organizations(
    state: State<'_, AppState>,
    query: OrganizationQuery,
    path: String,
    headings: Vec<String>,
) -> Result<u32, AppError> {
    let table = state.read(|conn| tables::organizations(conn, &query))?;
    save(table, headings, &path)
}
