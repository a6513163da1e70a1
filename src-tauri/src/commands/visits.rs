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
