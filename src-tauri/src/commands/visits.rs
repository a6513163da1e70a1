//! Commands for visits.

use attache_core::ids::VisitId;
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

/// The visit whole: programme, participants in precedence order, agreements, actions.
#[tauri::command]
#[specta::specta]
pub async fn visits_overview(
    state: tauri::State<'_, crate::state::AppState>,
    id: VisitId,
) -> Result<attache_core::overview::VisitOverview, attache_core::AppError> {
    state.read(|conn| attache_core::overview::visit(conn, &id))
}
