//! Commands for organizations.

use attache_core::directory::organizations;
use attache_core::kernel::ids::OrganizationId;

super::record_commands!(
    organizations,
    OrganizationId,
    organizations::OrganizationInput,
    organizations::Organization,
    organizations::OrganizationQuery,
    organizations_list,
    organizations_get,
    organizations_create,
    organizations_update,
    organizations_delete,
    organizations_restore
);

/// Makes two records of one organization one: the kept record, with the fields chosen from the other.
#[tauri::command]
#[specta::specta]
pub async fn organizations_merge(
    state: tauri::State<'_, crate::state::AppState>,
    request: attache_core::directory::merge::MergeRequest,
) -> Result<organizations::Organization, attache_core::AppError> {
    state.write(|store| attache_core::directory::merge::merge_organizations(store, &request))
}
