//! Commands for meals and special needs: each meal of a visit with its attendees' needs
//! counted, and what one attendee needs at one meal.

use attache_core::kernel::ids::{EngagementId, PersonId, VisitId};
use attache_core::visits::meals::{self, Meal, NeedsOverride};
use attache_core::AppError;
use tauri::State;

use crate::state::AppState;

/// The meals of the visit's programme, in time order, with their needs counted.
#[tauri::command]
#[specta::specta]
pub async fn meals_of_visit(state: State<'_, AppState>, visit_id: VisitId) -> Result<Vec<Meal>, AppError> {
    state.read(|conn| meals::of_visit(conn, &visit_id))
}

/// Says what `person_id` needs at this meal (both empty: what their record says).
#[tauri::command]
#[specta::specta]
pub async fn meals_set_needs(
    state: State<'_, AppState>,
    engagement_id: EngagementId,
    person_id: PersonId,
    needs: NeedsOverride,
) -> Result<Meal, AppError> {
    state.write(|store| meals::set_needs(store, &engagement_id, &person_id, needs))
}
