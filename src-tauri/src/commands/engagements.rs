//! Commands for engagements.

use attache_core::kernel::ids::EngagementId;
use attache_core::visits::engagements;

super::record_commands!(
    engagements,
    EngagementId,
    engagements::EngagementInput,
    engagements::Engagement,
    engagements::EngagementQuery,
    engagements_list,
    engagements_get,
    engagements_create,
    engagements_update,
    engagements_delete,
    engagements_restore
);
