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
