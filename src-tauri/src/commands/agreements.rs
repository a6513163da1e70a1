//! Commands for agreements.

use attache_core::agreements::{self, lifecycle};
use attache_core::kernel::ids::AgreementId;

super::record_commands!(
    agreements,
    AgreementId,
    agreements::AgreementInput,
    agreements::Agreement,
    agreements::AgreementQuery,
    agreements_list,
    agreements_get,
    agreements_create,
    agreements_update,
    agreements_delete,
    agreements_restore
);

/// The statuses the agreement can move to next, each with what it still needs.
#[tauri::command]
#[specta::specta]
pub async fn agreements_status_steps(
    state: tauri::State<'_, crate::state::AppState>,
    id: AgreementId,
) -> Result<Vec<lifecycle::AgreementStep>, attache_core::AppError> {
    state.read(|conn| lifecycle::steps(conn, &id))
}

#[tauri::command]
#[specta::specta]
pub async fn agreements_set_status(
    state: tauri::State<'_, crate::state::AppState>,
    id: AgreementId,
    status: agreements::AgreementStatus,
) -> Result<agreements::Agreement, attache_core::AppError> {
    state.write(|store| lifecycle::set_status(store, &id, status))
}

/// Each status the agreement was given, when and by whom, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn agreements_status_history(
    state: tauri::State<'_, crate::state::AppState>,
    id: AgreementId,
) -> Result<Vec<lifecycle::StatusChange>, attache_core::AppError> {
    state.read(|conn| lifecycle::history(conn, &id))
}
