//! Commands for conflicts in planning.

use attache_core::kernel::ids::{EngagementId, VisitId};
use attache_core::visits::conflicts::{self, Conflict};
use attache_core::visits::engagements::EngagementInput;
use attache_core::AppError;

use crate::state::AppState;

/// How far ahead the dashboard looks for conflicts.
const DASHBOARD_DAYS: i64 = 30;

#[tauri::command]
#[specta::specta]
pub async fn conflicts_for_visit(
    state: tauri::State<'_, AppState>,
    visit_id: VisitId,
) -> Result<Vec<Conflict>, AppError> {
    state.read(|conn| conflicts::for_visit(conn, &visit_id))
}

/// The conflicts of every visit's items in the next 30 days.
#[tauri::command]
#[specta::specta]
pub async fn conflicts_upcoming(state: tauri::State<'_, AppState>) -> Result<Vec<Conflict>, AppError> {
    state.read(|conn| conflicts::ahead(conn, DASHBOARD_DAYS))
}

/// What an item being edited would collide with, before it is saved.
#[tauri::command]
#[specta::specta]
pub async fn conflicts_for_draft(
    state: tauri::State<'_, AppState>,
    draft: EngagementInput,
    editing: Option<EngagementId>,
) -> Result<Vec<Conflict>, AppError> {
    state.read(|conn| conflicts::for_draft(conn, &draft, editing.as_ref()))
}

#[tauri::command]
#[specta::specta]
pub async fn conflicts_acknowledge(
    state: tauri::State<'_, AppState>,
    key: String,
    reason: String,
) -> Result<(), AppError> {
    state.write(|store| conflicts::acknowledge(store, &key, &reason))
}

#[tauri::command]
#[specta::specta]
pub async fn conflicts_unacknowledge(state: tauri::State<'_, AppState>, key: String) -> Result<(), AppError> {
    state.write(|store| conflicts::unacknowledge(store, &key))
}
