//! Commands for outcomes (deals, joint ventures, letters of intent…) and the mission KPIs.

use std::collections::HashMap;
use std::path::Path;

use attache_core::exchange::{self, tables};
use attache_core::kernel::ids::{ActionId, OutcomeId};
use attache_core::outcomes::kpis::{self, KpiFilter, Kpis};
use attache_core::outcomes::{self, OutcomeInput};
use attache_core::AppError;
use tauri::State;

use crate::state::AppState;

super::record_commands!(
    outcomes,
    OutcomeId,
    outcomes::OutcomeInput,
    outcomes::Outcome,
    outcomes::OutcomeQuery,
    outcomes_list,
    outcomes_get,
    outcomes_create,
    outcomes_update,
    outcomes_delete,
    outcomes_restore
);

/// An outcome prefilled from a follow-up action of a visit, reported today.
#[tauri::command]
#[specta::specta]
pub async fn outcomes_draft_from_action(
    state: State<'_, AppState>,
    action_id: ActionId,
) -> Result<OutcomeInput, AppError> {
    let today = chrono::Local::now().date_naive().to_string();
    state.read(|conn| outcomes::draft_from_action(conn, &action_id, &today))
}

/// The mission KPIs of the visits the filter chooses.
#[tauri::command]
#[specta::specta]
pub async fn kpis_compute(state: State<'_, AppState>, filter: KpiFilter) -> Result<Kpis, AppError> {
    state.read(|conn| kpis::compute(conn, &filter))
}

/// Writes the KPIs as a table (.xlsx or CSV) under the window's headings, its figures named as
/// the window names them (`terms`, by their English names); how many rows.
#[tauri::command]
#[specta::specta]
pub async fn kpis_export(
    state: State<'_, AppState>,
    filter: KpiFilter,
    path: String,
    headings: Vec<String>,
    terms: HashMap<String, String>,
) -> Result<u32, AppError> {
    let k = state.read(|conn| kpis::compute(conn, &filter))?;
    let table = tables::kpis(&k).headed(headings).worded(&terms);
    exchange::save(&table, Path::new(&path))?;
    Ok(table.rows.len() as u32)
}
