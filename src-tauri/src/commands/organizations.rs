//! Commands for organizations.

use attache_core::ids::OrganizationId;
use attache_core::organizations;

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
