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
