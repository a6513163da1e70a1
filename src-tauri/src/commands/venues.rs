//! Commands for venues.

use attache_core::kernel::ids::VenueId;
use attache_core::visits::venues;

super::record_commands!(
    venues,
    VenueId,
    venues::VenueInput,
    venues::Venue,
    venues::VenueQuery,
    venues_list,
    venues_get,
    venues_create,
    venues_update,
    venues_delete,
    venues_restore
);
