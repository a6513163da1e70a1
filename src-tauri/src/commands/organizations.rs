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
