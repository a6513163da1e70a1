//! Commands for a programme item's seating plan.

use attache_core::kernel::ids::EngagementId;
use attache_core::visits::seating::{self, Seating, SeatingInput, TableLayout};
use attache_core::AppError;
use tauri::State;

use crate::state::AppState;

/// The item's plan: the one kept, or one proposed from the order of precedence.
#[tauri::command]
#[specta::specta]
pub async fn seating_get(state: State<'_, AppState>, engagement_id: EngagementId) -> Result<Seating, AppError> {
    state.read(|conn| seating::get(conn, &engagement_id))
}

/// A fresh plan of this shape, filled by the order of precedence (not kept until saved).
#[tauri::command]
#[specta::specta]
pub async fn seating_propose(
    state: State<'_, AppState>,
    engagement_id: EngagementId,
    layout: TableLayout,
    tables: i64,
    seats_per_table: i64,
) -> Result<Seating, AppError> {
    state.read(|conn| seating::propose(conn, &engagement_id, layout, tables, seats_per_table))
}

/// Keeps the plan as the window sends it.
#[tauri::command]
#[specta::specta]
pub async fn seating_save(
    state: State<'_, AppState>,
    engagement_id: EngagementId,
    plan: SeatingInput,
) -> Result<Seating, AppError> {
    state.write(|store| seating::save(store, &engagement_id, plan))
}

/// Forgets the plan kept: the item is seated by the order of precedence again.
#[tauri::command]
#[specta::specta]
pub async fn seating_clear(state: State<'_, AppState>, engagement_id: EngagementId) -> Result<Seating, AppError> {
    state.write(|store| seating::clear(store, &engagement_id))
}
