//! Commands for people.

use attache_core::ids::PersonId;
use attache_core::people;

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
