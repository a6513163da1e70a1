//! Commands for visits.

use attache_core::kernel::ids::VisitId;
use attache_core::visits;

super::record_commands!(
    visits,
    VisitId,
    visits::VisitInput,
    visits::Visit,
    visits::VisitQuery,
    visits_list,
    visits_get,
    visits_create,
    visits_update,
    visits_delete,
    visits_restore
);

/// The visit whole: programme, participants in precedence order, agreements, actions; with
/// `include_deleted`, also those deleted or hidden with the visit, marked.
#[tauri::command]
#[specta::specta]
pub async fn visits_overview(
    state: tauri::State<'_, crate::state::AppState>,
    id: VisitId,
    include_deleted: bool,
) -> Result<visits::overview::VisitOverview, attache_core::AppError> {
    state.read(|conn| visits::overview::visit(conn, &id, include_deleted))
}

/// The statuses the visit can move to next, each with what it still needs.
#[tauri::command]
#[specta::specta]
pub async fn visits_status_steps(
    state: tauri::State<'_, crate::state::AppState>,
    id: VisitId,
) -> Result<Vec<visits::workflow::StatusStep>, attache_core::AppError> {
    state.read(|conn| visits::workflow::steps(conn, &id))
}

#[tauri::command]
#[specta::specta]
pub async fn visits_set_status(
    state: tauri::State<'_, crate::state::AppState>,
    id: VisitId,
    status: visits::VisitStatus,
) -> Result<visits::Visit, attache_core::AppError> {
    state.write(|store| visits::workflow::set_status(store, &id, status))
}

/// A new draft visit with this one as its template.
#[tauri::command]
#[specta::specta]
pub async fn visits_duplicate(
    state: tauri::State<'_, crate::state::AppState>,
    id: VisitId,
    input: visits::workflow::DuplicateVisit,
) -> Result<visits::Visit, attache_core::AppError> {
    state.write(|store| visits::workflow::duplicate(store, &id, input))
}
