//! Commands for encryption at rest: unlock an encrypted store at start, and turn the
//! passphrase on, change it, or turn it off. Re-keying closes the store, writes a re-keyed copy
//! of the file and of every backup the app keeps, and opens the store again with the new key
//! (see `AppState::swap_file` and `attache_core::store::encryption`). The passphrase can be
//! remembered in the OS keychain, which follows it when it changes (see `crate::keychain`).

use attache_core::store::encryption::{self, Rekeyed};
use attache_core::store::Key;
use attache_core::AppError;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, State};

use crate::keychain::{self, Keychain};
use crate::state::AppState;

/// A passphrase turned on, changed or off: the re-encryption, and what the keychain now holds.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseChanged {
    pub rekeyed: Rekeyed,
    pub keychain: Keychain,
}

/// Opens the encrypted store with `passphrase`; a wrong one is refused and nothing changes.
/// With `remember`, the passphrase is then kept in the OS keychain for the next start.
#[tauri::command]
#[specta::specta]
pub async fn store_unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> Result<Keychain, AppError> {
    state.unlock(Key::passphrase(passphrase.clone()))?;
    // The day's backup waited for the store to open (the hourly look found it locked).
    std::thread::spawn(move || crate::commands::backups::take_daily(&app.state::<AppState>()));
    Ok(keychain::follow(&state.database_path(), Some(&passphrase), remember))
}

/// Encrypts the store (and its backups) with `passphrase`, or changes the passphrase of an
/// encrypted one. `current` must be the passphrase in use when there is one. The keychain
/// keeps the new passphrase when asked to (`remember`) or when it kept the old one.
#[tauri::command]
#[specta::specta]
pub async fn encryption_set(
    state: State<'_, AppState>,
    current: Option<String>,
    passphrase: String,
    remember: bool,
) -> Result<PassphraseChanged, AppError> {
    let rekeyed = rekey(&state, current, Key::passphrase(passphrase.clone()))?;
    let keychain = keychain::follow(&state.database_path(), Some(&passphrase), remember);
    Ok(PassphraseChanged { rekeyed, keychain })
}

/// Stores the data in the clear again; `current` must be the passphrase in use. A passphrase
/// kept in the keychain is forgotten.
#[tauri::command]
#[specta::specta]
pub async fn encryption_remove(state: State<'_, AppState>, current: String) -> Result<PassphraseChanged, AppError> {
    let rekeyed = rekey(&state, Some(current), Key::none())?;
    Ok(PassphraseChanged { rekeyed, keychain: keychain::follow(&state.database_path(), None, false) })
}

/// Keeps the passphrase of the open, encrypted store in the keychain; it is asked again, and
/// must be the one in use.
#[tauri::command]
#[specta::specta]
pub async fn keychain_remember(state: State<'_, AppState>, current: String) -> Result<Keychain, AppError> {
    encryption::confirm_current(&state.key(), Some(current.clone())).map_err(AppError::from)?;
    Ok(keychain::remember(&state.database_path(), &current))
}

/// Forgets the passphrase the keychain keeps for this data file: Attaché asks at every start.
#[tauri::command]
#[specta::specta]
pub async fn keychain_forget(state: State<'_, AppState>) -> Result<Keychain, AppError> {
    Ok(keychain::forget(&state.database_path()))
}

fn rekey(state: &AppState, current: Option<String>, new: Key) -> Result<Rekeyed, AppError> {
    encryption::check_new(&new).map_err(AppError::from)?;
    let backups_dir = state.backup_dir();
    state.swap_file(|path, key| {
        encryption::confirm_current(key, current)?;
        let report = encryption::rekey_store(path, &backups_dir, key, &new)?;
        Ok((report, new))
    })
}
