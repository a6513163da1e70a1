//! Commands for actions.

use attache_core::actions;
use attache_core::kernel::ids::ActionId;

super::record_commands!(
    actions,
    ActionId,
    actions::ActionInput,
    actions::Action,
    actions::ActionQuery,
    actions_list,
    actions_get,
    actions_create,
    actions_update,
    actions_delete,
    actions_restore
);

use attache_core::actions::{board, quick};

/// The board: a column per status under the list's filters.
#[tauri::command]
#[specta::specta]
pub async fn actions_board(
    state: tauri::State<'_, crate::state::AppState>,
    query: actions::ActionQuery,
) -> Result<Vec<board::BoardColumn>, attache_core::AppError> {
    state.read(|conn| board::board(conn, &query))
}

/// A card moved to another column.
#[tauri::command]
#[specta::specta]
pub async fn actions_move(
    state: tauri::State<'_, crate::state::AppState>,
    id: ActionId,
    status: actions::ActionStatus,
) -> Result<actions::Action, attache_core::AppError> {
    state.write(|store| board::move_to(store, &id, status))
}

/// A status or an owner given to several actions at once, all or none.
#[tauri::command]
#[specta::specta]
pub async fn actions_bulk_change(
    state: tauri::State<'_, crate::state::AppState>,
    change: board::BulkChange,
) -> Result<Vec<actions::Action>, attache_core::AppError> {
    state.write(|store| board::bulk_change(store, &change))
}

/// A quick-add line read as an action, for the window to show before creating it.
#[tauri::command]
#[specta::specta]
pub async fn actions_quick_parse(
    state: tauri::State<'_, crate::state::AppState>,
    text: String,
) -> Result<quick::QuickDraft, attache_core::AppError> {
    state.read(|conn| quick::parse(conn, &text, actions::today()))
}
