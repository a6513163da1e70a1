//! Commands for encryption at rest: unlock an encrypted store at start, and turn the
//! passphrase on, change it, or turn it off. Re-keying closes the store, writes a re-keyed copy
//! of the file and of every backup the app keeps, and opens the store again with the new key
//! (see `AppState::swap_file` and `attache_core::store::encryption`).

use attache_core::store::encryption::{self, Rekeyed};
use attache_core::store::Key;
use attache_core::AppError;
use tauri::{AppHandle, Manager, State};

use crate::state::AppState;

/// Opens the encrypted store with `passphrase`; a wrong one is refused and nothing changes.
#[tauri::command]
#[specta::specta]
pub async fn store_unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String) -> Result<(), AppError> {
    state.unlock(Key::passphrase(passphrase))?;
    // The day's backup waited for the store to open (the hourly look found it locked).
    std::thread::spawn(move || crate::commands::backups::take_daily(&app.state::<AppState>()));
    Ok(())
}

/// Encrypts the store (and its backups) with `passphrase`, or changes the passphrase of an
/// encrypted one. `current` must be the passphrase in use when there is one.
#[tauri::command]
#[specta::specta]
pub async fn encryption_set(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: String,
) -> Result<Rekeyed, AppError> {
    rekey(&state, current, Key::passphrase(passphrase))
}

/// Stores the data in the clear again; `current` must be the passphrase in use.
#[tauri::command]
#[specta::specta]
pub async fn encryption_remove(state: State<'_, AppState>, current: String) -> Result<Rekeyed, AppError> {
    rekey(&state, Some(current), Key::none())
}

fn rekey(state: &AppState, current: Option<String>, new: Key) -> Result<Rekeyed, AppError> {
    encryption::check_new(&new).map_err(AppError::from)?;
    let backups_dir = state.backup_dir();
    state.swap_file(|path, key| {
        // The passphrase asked again: an unattended, unlocked laptop does not give the store away.
        if key.is_set() && current.map(Key::passphrase).as_ref() != Some(key) {
            return Err(attache_core::CoreError::invalid(
                "current",
                attache_core::kernel::error::Reason::WrongPassphrase,
                "This is not the passphrase the data file is encrypted with.",
            ));
        }
        let report = encryption::rekey_store(path, &backups_dir, key, &new)?;
        Ok((report, new))
    })
}
