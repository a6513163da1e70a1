//! Commands for venues.

use attache_core::ids::VenueId;
use attache_core::venues;

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
