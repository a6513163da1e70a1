//! Commands for participants.

use attache_core::kernel::ids::ParticipantId;
use attache_core::visits::participants;

super::record_commands!(
    participants,
    ParticipantId,
    participants::ParticipantInput,
    participants::Participant,
    participants::ParticipantQuery,
    participants_list,
    participants_get,
    participants_create,
    participants_update,
    participants_delete,
    participants_restore
);

#[tauri::command]
#[specta::specta]
pub async fn participants_check_in(
    state: tauri::State<'_, crate::state::AppState>,
    id: ParticipantId,
    checked_in: bool,
) -> Result<participants::Participant, attache_core::AppError> {
    state.write(|store| participants::check_in(store, &id, checked_in))
}

/// Sets the answer of several participants at once (the participants list's bulk change).
#[tauri::command]
#[specta::specta]
pub async fn participants_set_rsvp(
    state: tauri::State<'_, crate::state::AppState>,
    ids: Vec<ParticipantId>,
    rsvp: participants::Rsvp,
) -> Result<u32, attache_core::AppError> {
    state.write(|store| participants::set_rsvp(store, &ids, rsvp).map(|n| n as u32))
}

/// The office's order of precedence (see `visits::precedence`).
#[tauri::command]
#[specta::specta]
pub async fn precedence_get(
    state: tauri::State<'_, crate::state::AppState>,
) -> Result<attache_core::visits::precedence::PrecedenceRule, attache_core::AppError> {
    state.read(attache_core::visits::precedence::rule)
}

#[tauri::command]
#[specta::specta]
pub async fn precedence_set(
    state: tauri::State<'_, crate::state::AppState>,
    rule: attache_core::visits::precedence::PrecedenceRule,
) -> Result<attache_core::visits::precedence::PrecedenceRule, attache_core::AppError> {
    state.write(|store| attache_core::visits::precedence::set_rule(store, rule))
}
