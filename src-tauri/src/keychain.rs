//! The passphrase of an encrypted store, remembered in the OS keychain when the user asks
//! (Keychain on macOS, Credential Manager on Windows, the Secret Service on Linux), so that
//! the store opens at start without asking. One entry per data file, named by its path.
//!
//! The keychain is the OS's: it may be missing (no Secret Service on a bare Linux session)
//! or refuse. Then nothing is remembered and Attaché asks at every start, as it would have;
//! the window is told why.

use std::path::Path;

use keyring::Entry;
use serde::Serialize;
use specta::Type;

const SERVICE: &str = "Attaché data file";

/// What became of a request to remember (or forget) the passphrase.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Keychain {
    /// Whether the keychain now holds the passphrase of this data file.
    pub remembered: bool,
    /// The keychain's own words when it could not do what was asked.
    pub problem: Option<String>,
}

impl Keychain {
    fn done(remembered: bool) -> Keychain {
        Keychain { remembered, problem: None }
    }

    fn failed(remembered: bool, error: keyring::Error) -> Keychain {
        Keychain { remembered, problem: Some(error.to_string()) }
    }
}

fn entry(store: &Path) -> keyring::Result<Entry> {
    Entry::new(SERVICE, &store.display().to_string())
}

/// The passphrase remembered for `store`, if any (and if the keychain can be reached).
pub fn recall(store: &Path) -> Option<String> {
    entry(store).and_then(|e| e.get_password()).ok()
}

/// Whether a passphrase is remembered for `store`.
pub fn holds(store: &Path) -> bool {
    recall(store).is_some()
}

/// Keeps `passphrase` for `store`, replacing what was kept.
pub fn remember(store: &Path, passphrase: &str) -> Keychain {
    match entry(store).and_then(|e| e.set_password(passphrase)) {
        Ok(()) => Keychain::done(true),
        Err(error) => Keychain::failed(false, error),
    }
}

/// Removes what is kept for `store`; nothing kept is not a failure.
pub fn forget(store: &Path) -> Keychain {
    match entry(store).and_then(|e| e.delete_credential()) {
        Ok(()) | Err(keyring::Error::NoEntry) => Keychain::done(false),
        Err(error) => Keychain::failed(true, error),
    }
}

/// After the passphrase changed: the keychain follows when it held the old one (or when the
/// user asked for it now), and forgets a passphrase that no longer exists.
pub fn follow(store: &Path, passphrase: Option<&str>, asked: bool) -> Keychain {
    match passphrase {
        Some(new) if asked || holds(store) => remember(store, new),
        Some(_) => Keychain::done(false),
        None => forget(store),
    }
}
