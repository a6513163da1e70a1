//! Commands for agreements.

use attache_core::agreements;
use attache_core::kernel::ids::AgreementId;

super::record_commands!(
    agreements,
    AgreementId,
    agreements::AgreementInput,
    agreements::Agreement,
    agreements::AgreementQuery,
    agreements_list,
    agreements_get,
    agreements_create,
    agreements_update,
    agreements_delete,
    agreements_restore
);
