//! The store as the commands share it. Opening can fail (say, a data file from a newer
//! Attaché); then every command answers with that error and the UI shows it, instead of the
//! app dying before a window appears.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use attache_core::kernel::error::Reason;
use attache_core::store::backups;
use attache_core::store::Key;
use attache_core::Connection;
use attache_core::{AppError, CoreResult, Store};

/// The store's file name inside the app's data folder.
const DATABASE_FILE: &str = "attache.sqlite3";

pub struct AppState {
    store: Mutex<Result<Store, AppError>>,
    /// What SQLite's quick check found in the store after it was opened; empty when sound
    /// (or not checked yet: the check runs beside the app, see `check_store`).
    damage: Mutex<Vec<String>>,
    pub data_dir: PathBuf,
    /// Set by the window's Cancel while an import runs (which holds the store).
    pub import_cancelled: AtomicBool,
    /// The passphrase that proved right for an encrypted store that then failed to open for
    /// another reason (damage): its backups are encrypted with it, and recovery needs it.
    unlocked_key: Mutex<Key>,
}

impl AppState {
    pub fn open(data_dir: PathBuf) -> AppState {
        // An encrypted store fails here with "passphrase needed"; the window then asks for it
        // (see `unlock`).
        let store =
            attache_core::store::open_user_store(&data_dir.join(DATABASE_FILE), &Key::none()).map_err(AppError::from);
        let state = AppState {
            store: Mutex::new(store),
            damage: Mutex::new(Vec::new()),
            data_dir,
            import_cancelled: AtomicBool::new(false),
            unlocked_key: Mutex::new(Key::none()),
        };
        state.unlock_from_keychain();
        state
    }

    /// Whether the store waits for its passphrase.
    pub fn is_locked(&self) -> bool {
        self.open_error().is_some_and(|e| matches!(e.reason, Some(Reason::PassphraseNeeded)))
    }

    /// Opens a locked store with the passphrase the OS keychain remembers for it, if any. One
    /// that no longer opens it (changed on another machine, a restored backup) is forgotten,
    /// and the window asks as if none had been kept.
    fn unlock_from_keychain(&self) {
        if !self.is_locked() {
            return;
        }
        let path = self.database_path();
        if let Some(passphrase) = crate::keychain::recall(&path) {
            if self.unlock(Key::passphrase(passphrase)).is_err() {
                crate::keychain::forget(&path);
            }
        }
    }

    /// The daily backups' folder, inside the data folder.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join(backups::FOLDER)
    }

    /// What the last quick check found (empty when the store is sound).
    pub fn damage(&self) -> Vec<String> {
        self.damage.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// SQLite's quick check of the data file, on a connection of its own (the store's lock is
    /// not held); remembers and returns what it found. A store that did not open is not checked:
    /// its error already says what is wrong.
    pub fn check_store(&self) -> Vec<String> {
        if self.open_error().is_some() {
            return Vec::new();
        }
        let found =
            backups::quick_check(&self.database_path(), &self.key()).unwrap_or_else(|error| vec![error.to_string()]);
        found.clone_into(&mut self.damage.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
        found
    }

    /// Closes the store, lets `work` change its file (a restore), and opens it again, whatever
    /// `work` did: the app is never left without its store, or with the old one still open.
    pub fn replace_file<T>(&self, work: impl FnOnce(&std::path::Path, &Key) -> CoreResult<T>) -> Result<T, AppError> {
        self.swap_file(|path, key| work(path, key).map(|done| (done, key.clone())))
    }

    /// As [`AppState::replace_file`], for work that changes the key that opens the file (turning
    /// encryption on or off): the store opens again with the key `work` returns, or with the old
    /// one if it failed.
    pub fn swap_file<T>(
        &self,
        work: impl FnOnce(&std::path::Path, &Key) -> CoreResult<(T, Key)>,
    ) -> Result<T, AppError> {
        let key = self.key();
        let mut slot = self.slot();
        // Dropping the store closes its connections (the writer last, checkpointing the log).
        *slot =
            Err(AppError::from(attache_core::CoreError::Io(std::io::Error::other("the data file is being replaced"))));
        let path = self.database_path();
        let (outcome, key) = match work(&path, &key) {
            Ok((done, new_key)) => (Ok(done), new_key),
            Err(error) => (Err(AppError::from(error)), key),
        };
        *slot = attache_core::store::open_user_store(&path, &key).map_err(AppError::from);
        drop(slot);
        self.check_store();
        outcome
    }

    /// Opens the encrypted store with the passphrase the user gave. A wrong one is answered
    /// with its error and the store stays locked; an open store is left as it is.
    pub fn unlock(&self, key: Key) -> Result<(), AppError> {
        let mut slot = self.slot();
        if slot.is_ok() {
            return Ok(());
        }
        let opened = attache_core::store::open_user_store(&self.database_path(), &key);
        let refused = |e: &attache_core::CoreError| {
            matches!(e.reason(), Some(Reason::WrongPassphrase | Reason::PassphraseNeeded | Reason::NotEncrypted))
        };
        match opened {
            Ok(store) => *slot = Ok(store),
            // Wrong: the store stays locked, and the window asks again.
            Err(error) if refused(&error) => return Err(AppError::from(error)),
            // Right, but the file failed further on: that failure is what the window shows
            // now (with the way back), and the key is kept for the encrypted backups.
            Err(error) => {
                *self.unlocked_key.lock().unwrap_or_else(|p| p.into_inner()) = key;
                *slot = Err(AppError::from(error));
            }
        }
        drop(slot);
        self.check_store();
        Ok(())
    }

    /// The key the open store was opened with (none while it is closed or plain), or the one
    /// that proved right for a store that then failed to open.
    pub fn key(&self) -> Key {
        match self.slot().as_ref() {
            Ok(store) => store.key().clone(),
            Err(_) => self.unlocked_key.lock().unwrap_or_else(|p| p.into_inner()).clone(),
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    /// Why the store could not be opened, if it could not.
    pub fn open_error(&self) -> Option<AppError> {
        self.slot().as_ref().err().cloned()
    }

    /// Runs a read against the store, on a connection that refuses writes.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> CoreResult<T>) -> Result<T, AppError> {
        self.with_store(|store| work(store.conn()))
    }

    /// Reads something of the store itself (its path, its actor), not only its tables.
    pub fn inspect<T>(&self, work: impl FnOnce(&Store) -> CoreResult<T>) -> Result<T, AppError> {
        self.with_store(|store| work(store))
    }

    /// Runs a change against the store (the core wraps it in a write transaction).
    pub fn write<T>(&self, work: impl FnOnce(&mut Store) -> CoreResult<T>) -> Result<T, AppError> {
        self.with_store(work)
    }

    fn with_store<T>(&self, work: impl FnOnce(&mut Store) -> CoreResult<T>) -> Result<T, AppError> {
        let mut slot = self.slot();
        let store = slot.as_mut().map_err(|error| error.clone())?;
        work(store).map_err(AppError::from)
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Result<Store, AppError>> {
        // A panic in another command must not lock the user out of their data.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
