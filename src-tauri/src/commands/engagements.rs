//! Commands for engagements.

use attache_core::engagements;
use attache_core::ids::EngagementId;

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
