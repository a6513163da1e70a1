//! Commands for people.

use attache_core::directory::people;
use attache_core::kernel::ids::PersonId;

super::record_commands!(
    people,
    PersonId,
    people::PersonInput,
    people::Person,
    people::PersonQuery,
    people_list,
    people_get,
    people_create,
    people_update,
    people_delete,
    people_restore
);

/// Makes two records of one person one: the kept record, with the fields chosen from the other.
#[tauri::command]
#[specta::specta]
pub async fn people_merge(
    state: tauri::State<'_, crate::state::AppState>,
    request: attache_core::directory::merge::MergeRequest,
) -> Result<people::Person, attache_core::AppError> {
    state.write(|store| attache_core::directory::merge::merge_people(store, &request))
}
