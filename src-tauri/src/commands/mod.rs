//! Tauri commands: one module per domain area, each command a thin call into attache-core.

pub mod actions;
pub mod agreements;
pub mod app;
pub mod backups;
pub mod calendar;
pub mod conflicts;
pub mod documents;
pub mod encryption;
pub mod engagements;
pub mod exports;
pub mod gifts;
pub mod imports;
pub mod meals;
pub mod organizations;
pub mod outcomes;
pub mod participants;
pub mod people;
pub mod printing;
pub mod reminders;
pub mod seating;
pub mod vehicles;
pub mod venues;
pub mod visits;

/// The six commands every record area has (list, get, create, update, delete, restore), each a
/// one-line call into the area's core module. Written once so the areas cannot drift apart.
macro_rules! record_commands {
    (
        $area:ident, $id:ty, $input:ty, $record:ty, $query:ty,
        $list:ident, $get:ident, $create:ident, $update:ident, $delete:ident, $restore:ident
    ) => {
        #[tauri::command]
        #[specta::specta]
        pub async fn $list(
            state: tauri::State<'_, $crate::state::AppState>,
            query: $query,
        ) -> Result<attache_core::kernel::listing::Page<$record>, attache_core::AppError> {
            state.read(|conn| $area::list(conn, &query))
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $get(
            state: tauri::State<'_, $crate::state::AppState>,
            id: $id,
        ) -> Result<$record, attache_core::AppError> {
            state.read(|conn| $area::get(conn, &id))
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $create(
            state: tauri::State<'_, $crate::state::AppState>,
            input: $input,
        ) -> Result<$record, attache_core::AppError> {
            state.write(|store| $area::create(store, input))
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $update(
            state: tauri::State<'_, $crate::state::AppState>,
            id: $id,
            input: $input,
        ) -> Result<$record, attache_core::AppError> {
            state.write(|store| $area::update(store, &id, input))
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $delete(
            state: tauri::State<'_, $crate::state::AppState>,
            id: $id,
        ) -> Result<(), attache_core::AppError> {
            state.write(|store| $area::delete(store, &id))
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $restore(
            state: tauri::State<'_, $crate::state::AppState>,
            id: $id,
        ) -> Result<$record, attache_core::AppError> {
            state.write(|store| $area::restore(store, &id))
        }
    };
}

pub(crate) use record_commands;
