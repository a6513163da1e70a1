//! Commands for actions.

use attache_core::actions;
use attache_core::kernel::ids::ActionId;

super::record_commands!(
    actions,
    ActionId,
    actions::ActionInput,
    actions::Action,
    actions::ActionQuery,
    actions_list,
    actions_get,
    actions_create,
    actions_update,
    actions_delete,
    actions_restore
);
