//! The store as the commands share it. Opening can fail (say, a data file from a newer
//! Attaché); then every command answers with that error and the UI shows it, instead of the
//! app dying before a window appears.

use std::path::PathBuf;
use std::sync::Mutex;

use attache_core::Connection;
use attache_core::{AppError, CoreResult, Store};

/// The store's file name inside the app's data folder.
const DATABASE_FILE: &str = "attache.sqlite3";

pub struct AppState {
    store: Result<Mutex<Store>, AppError>,
    pub data_dir: PathBuf,
}

impl AppState {
    pub fn open(data_dir: PathBuf) -> AppState {
        let store = attache_core::store::open_user_store(&data_dir.join(DATABASE_FILE));
        AppState { store: store.map(Mutex::new).map_err(AppError::from), data_dir }
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    /// Why the store could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&AppError> {
        self.store.as_ref().err()
    }

    /// Runs a read against the store, on a connection that refuses writes.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> CoreResult<T>) -> Result<T, AppError> {
        let store = self.lock()?;
        work(store.conn()).map_err(AppError::from)
    }

    /// Reads something of the store itself (its path, its actor), not only its tables.
    pub fn inspect<T>(&self, work: impl FnOnce(&Store) -> CoreResult<T>) -> Result<T, AppError> {
        let store = self.lock()?;
        work(&store).map_err(AppError::from)
    }

    /// Runs a change against the store (the core wraps it in a write transaction).
    pub fn write<T>(&self, work: impl FnOnce(&mut Store) -> CoreResult<T>) -> Result<T, AppError> {
        let mut store = self.lock()?;
        work(&mut store).map_err(AppError::from)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Store>, AppError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic in another command must not lock the user out of their data.
        Ok(store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
