//! Commands for venues.

use attache_core::kernel::ids::VenueId;
use attache_core::visits::venues;

super::record_commands!(
    venues,
    VenueId,
    venues::VenueInput,
    venues::Venue,
    venues::VenueQuery,
    venues_list,
    venues_get,
    venues_create,
    venues_update,
    venues_delete,
    venues_restore
);

/// The travel times a venue has with other venues.
#[tauri::command]
#[specta::specta]
pub async fn venues_travel_times(
    state: tauri::State<'_, crate::state::AppState>,
    id: VenueId,
) -> Result<Vec<attache_core::visits::travel::TravelTimeRow>, attache_core::AppError> {
    state.read(|conn| attache_core::visits::travel::for_venue(conn, &id))
}

/// Sets (or with `minutes: null` clears) the travel time between two venues.
#[tauri::command]
#[specta::specta]
pub async fn venues_set_travel_time(
    state: tauri::State<'_, crate::state::AppState>,
    from: VenueId,
    to: VenueId,
    minutes: Option<i64>,
) -> Result<(), attache_core::AppError> {
    state.write(|store| attache_core::visits::travel::set(store, &from, &to, minutes))
}
