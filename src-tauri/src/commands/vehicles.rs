//! Commands for vehicles.

use attache_core::kernel::ids::VehicleId;
use attache_core::visits::vehicles;

super::record_commands!(
    vehicles,
    VehicleId,
    vehicles::VehicleInput,
    vehicles::Vehicle,
    vehicles::VehicleQuery,
    vehicles_list,
    vehicles_get,
    vehicles_create,
    vehicles_update,
    vehicles_delete,
    vehicles_restore
);
