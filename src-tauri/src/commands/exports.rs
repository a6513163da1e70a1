//! Commands that write a list to a file the user chose (in the save dialog), with the list's
//! current filter and sort and the window's headings, in the user's language: an Excel
//! workbook when the name ends in .xlsx, else CSV.

use std::collections::HashMap;
use std::path::Path;

use attache_core::actions::ActionQuery;
use attache_core::agreements::AgreementQuery;
use attache_core::directory::organizations::OrganizationQuery;
use attache_core::directory::people::PersonQuery;
use attache_core::exchange::{self, tables, Table};
use attache_core::kernel::ids::VisitId;
use attache_core::visits::VisitQuery;
use attache_core::AppError;
use tauri::State;

use crate::state::AppState;

/// `terms` words Attaché's stored words (a kind, a side) as the window does, in its language.
fn save(table: Table, headings: Vec<String>, terms: &HashMap<String, String>, path: &str) -> Result<u32, AppError> {
    let table = table.headed(headings).worded(terms);
    exchange::save(&table, Path::new(path)).map_err(AppError::from)?;
    Ok(table.rows.len() as u32)
}

/// Writes the people the query selects to `path` (CSV, .xlsx, or vCards for address books by
/// a `.vcf` name); how many rows (or cards) were written.
#[tauri::command]
#[specta::specta]
pub async fn exports_people(
    state: State<'_, AppState>,
    query: PersonQuery,
    path: String,
    headings: Vec<String>,
) -> Result<u32, AppError> {
    let target = std::path::Path::new(&path);
    if target.extension().is_some_and(|e| e.eq_ignore_ascii_case("vcf")) {
        return state.read(|conn| attache_core::exchange::vcard::save_people(conn, &query, target));
    }
    let table = state.read(|conn| tables::people(conn, &query))?;
    save(table, headings, &HashMap::new(), &path)
}

/// Writes a visit's participants, in the order of precedence, to `path`; how many.
#[tauri::command]
#[specta::specta]
pub async fn exports_participants(
    state: State<'_, AppState>,
    visit_id: VisitId,
    path: String,
    headings: Vec<String>,
    terms: HashMap<String, String>,
) -> Result<u32, AppError> {
    let table = state.read(|conn| tables::participants(conn, &visit_id))?;
    save(table, headings, &terms, &path)
}

/// A list with its filter and sort, the window's headings, and its words for the stored ones.
macro_rules! list_export {
    ($name:ident, $query:ty, $table:path) => {
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            state: State<'_, AppState>,
            query: $query,
            path: String,
            headings: Vec<String>,
            terms: HashMap<String, String>,
        ) -> Result<u32, AppError> {
            let table = state.read(|conn| $table(conn, &query))?;
            save(table, headings, &terms, &path)
        }
    };
}

list_export!(exports_organizations, OrganizationQuery, tables::organizations);
list_export!(exports_visits, VisitQuery, tables::visits);
list_export!(exports_agreements, AgreementQuery, tables::agreements);
list_export!(exports_actions, ActionQuery, tables::actions);
