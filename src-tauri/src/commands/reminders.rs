//! Commands for reminders: the window asks for the ones due (at start and through the day) and
//! words and sends them as desktop notifications in the user's language.

use attache_core::reminders::{self, Reminder};

/// The reminders not yet announced today, recorded as announced.
#[tauri::command]
#[specta::specta]
pub async fn reminders_take_due(
    state: tauri::State<'_, crate::state::AppState>,
) -> Result<Vec<Reminder>, attache_core::AppError> {
    state.write(|store| reminders::take_due(store, attache_core::actions::today()))
}

#[tauri::command]
#[specta::specta]
pub async fn reminders_enabled(
    state: tauri::State<'_, crate::state::AppState>,
) -> Result<bool, attache_core::AppError> {
    state.read(reminders::enabled)
}

#[tauri::command]
#[specta::specta]
pub async fn reminders_set_enabled(
    state: tauri::State<'_, crate::state::AppState>,
    on: bool,
) -> Result<(), attache_core::AppError> {
    state.write(|store| reminders::set_enabled(store, on))
}
