//! The Attaché desktop shell: opens the store, registers the commands, shows the window.

mod commands;
mod keychain;
pub mod state;

use tauri::{Emitter, Manager};
use tauri_specta::{collect_commands, Builder, ErrorHandlingMode};

use crate::commands::{
    actions, agreements, app, backups, calendar, conflicts, documents, encryption, engagements, exports, gifts,
    imports, meals, organizations, outcomes, participants, people, printing, reminders, seating, vehicles, venues,
    visits,
};

/// Every command the UI may call, and the types they carry; also what generates
/// `ui/src/lib/bindings.ts`.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .error_handling(ErrorHandlingMode::Throw)
        // Our integers are counts, ranks and days, far inside a double's exact range.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type, not separate input/output variants.
        .disable_serde_phases()
        .typ::<attache_core::AppError>()
        .commands(collect_commands![
            app::app_info,
            app::dashboard_get,
            app::sample_load,
            app::sectors_list,
            app::record_history,
            organizations::organizations_list,
            organizations::organizations_get,
            organizations::organizations_create,
            organizations::organizations_update,
            organizations::organizations_delete,
            organizations::organizations_restore,
            organizations::organizations_merge,
            people::people_list,
            people::people_get,
            people::people_create,
            people::people_update,
            people::people_delete,
            people::people_restore,
            people::people_merge,
            venues::venues_list,
            venues::venues_get,
            venues::venues_create,
            venues::venues_update,
            venues::venues_delete,
            venues::venues_restore,
            venues::venues_travel_times,
            venues::venues_set_travel_time,
            vehicles::vehicles_list,
            vehicles::vehicles_get,
            vehicles::vehicles_create,
            vehicles::vehicles_update,
            vehicles::vehicles_delete,
            vehicles::vehicles_restore,
            visits::visits_list,
            visits::visits_get,
            visits::visits_create,
            visits::visits_update,
            visits::visits_delete,
            visits::visits_restore,
            visits::visits_overview,
            visits::visits_status_steps,
            visits::visits_set_status,
            visits::visits_duplicate,
            conflicts::conflicts_for_visit,
            conflicts::conflicts_upcoming,
            conflicts::conflicts_for_draft,
            conflicts::conflicts_acknowledge,
            conflicts::conflicts_unacknowledge,
            calendar::calendar_export_visit,
            calendar::calendar_export_person,
            calendar::calendar_import_preview,
            calendar::calendar_import,
            engagements::engagements_list,
            engagements::engagements_get,
            engagements::engagements_create,
            engagements::engagements_update,
            engagements::engagements_delete,
            engagements::engagements_restore,
            participants::participants_list,
            participants::participants_get,
            participants::participants_create,
            participants::participants_update,
            participants::participants_delete,
            participants::participants_restore,
            participants::participants_check_in,
            participants::participants_set_rsvp,
            participants::precedence_get,
            participants::precedence_set,
            agreements::agreements_list,
            agreements::agreements_get,
            agreements::agreements_create,
            agreements::agreements_update,
            agreements::agreements_delete,
            agreements::agreements_restore,
            agreements::agreements_status_steps,
            agreements::agreements_set_status,
            agreements::agreements_status_history,
            actions::actions_list,
            actions::actions_get,
            actions::actions_create,
            actions::actions_update,
            actions::actions_delete,
            actions::actions_restore,
            actions::actions_board,
            actions::actions_move,
            actions::actions_bulk_change,
            actions::actions_quick_parse,
            documents::documents_list,
            documents::documents_attach,
            documents::documents_remove,
            documents::documents_open,
            reminders::reminders_take_due,
            reminders::reminders_enabled,
            reminders::reminders_set_enabled,
            backups::backups_overview,
            backups::backups_take,
            backups::backups_set_keep,
            backups::backups_check,
            backups::backups_restore,
            backups::backups_export_whole,
            encryption::store_unlock,
            encryption::encryption_set,
            encryption::encryption_remove,
            encryption::keychain_remember,
            encryption::keychain_forget,
            printing::printing_preview,
            printing::printing_save,
            printing::printing_status,
            seating::seating_get,
            seating::seating_propose,
            seating::seating_save,
            seating::seating_clear,
            outcomes::outcomes_list,
            outcomes::outcomes_get,
            outcomes::outcomes_create,
            outcomes::outcomes_update,
            outcomes::outcomes_delete,
            outcomes::outcomes_restore,
            outcomes::outcomes_draft_from_action,
            outcomes::kpis_compute,
            outcomes::kpis_export,
            meals::meals_of_visit,
            meals::meals_set_needs,
            gifts::gifts_list,
            gifts::gifts_get,
            gifts::gifts_create,
            gifts::gifts_update,
            gifts::gifts_delete,
            gifts::gifts_restore,
            gifts::gifts_register,
            gifts::gifts_register_preview,
            gifts::gifts_register_save,
            gifts::gifts_register_export,
            exports::exports_people,
            exports::exports_organizations,
            exports::exports_participants,
            exports::exports_visits,
            exports::exports_agreements,
            exports::exports_actions,
            imports::imports_review,
            imports::imports_apply,
            imports::imports_cancel,
            imports::imports_last,
            imports::imports_undo,
            imports::imports_save_refused,
        ])
}

pub fn run() {
    let builder = specta_builder();
    tauri::Builder::default()
        // A second launch brings the running window forward instead of opening the store twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Choosing where a calendar file is saved or which one is imported.
        .plugin(tauri_plugin_dialog::init())
        // Opening a kept document with the system's default program (see commands::documents).
        .plugin(tauri_plugin_opener::init())
        // Reminders as desktop notifications (the window words and sends them).
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(builder.invoke_handler())
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            app.manage(state::AppState::open(data_dir));
            hourly_upkeep(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Attaché");
}

/// Opening the store raises the renewal actions due and expires the agreements that lapsed;
/// while the app runs (over midnight, for days), an hourly look does the same, so a renewal is
/// raised on the day its window opens and an agreement expires on the day after its date.
/// The same look takes the day's backup: at start, and on the first hour of each new day.
/// First of all, SQLite's quick check of the file: damage found is told to the window (which
/// then offers the newest sound backup) and stops the daily backups, which would otherwise push
/// the sound ones out.
fn hourly_upkeep(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<state::AppState>();
        if !state.check_store().is_empty() {
            let _ = app.emit("store-damaged", ());
        }
        loop {
            commands::backups::take_daily(&state);
            std::thread::sleep(std::time::Duration::from_secs(60 * 60));
            let today = chrono::Local::now().date_naive();
            // A store that could not be opened, or a failed write, waits for the next hour.
            let _ = state.write(|store| attache_core::agreements::keep_current(store, today));
        }
    });
}
