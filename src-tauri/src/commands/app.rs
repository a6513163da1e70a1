//! Commands about the app and the store as a whole: information, dashboard, sample, history.

use attache_core::dashboard::{self, Dashboard};
use attache_core::directory::sectors::{self, Sector};
use attache_core::fixtures::sample::{self, SampleOutcome};
use attache_core::kernel::audit::{self, AuditEntry};
use attache_core::kernel::record::RecordKind;
use attache_core::store::backups::{self, BackupFile};
use attache_core::store::encryption;
use attache_core::store::location::{self, StorageRisk};
use attache_core::{store, AppError};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::state::AppState;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub app_version: String,
    pub data_dir: String,
    pub database_path: String,
    /// None when the store could not be opened; `store_error` then says why.
    pub schema_version: Option<i64>,
    pub actor: Option<String>,
    pub store_error: Option<AppError>,
    /// What SQLite's quick check found when the store was opened; empty when it is sound.
    pub damage: Vec<String>,
    /// The newest sound backup, offered when the store is damaged or could not be opened.
    pub recovery: Option<BackupFile>,
    /// Set when the data folder is on a network drive or in a folder a cloud service syncs.
    pub storage_risk: Option<StorageRisk>,
    /// Whether the data file is encrypted with a passphrase.
    pub encrypted: bool,
    /// Set while an encrypted store waits for its passphrase (`store_unlock`).
    pub locked: bool,
    /// Whether the OS keychain keeps the passphrase, so the store opens without asking.
    pub passphrase_remembered: bool,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    // Answers even when the store failed to open, so the UI can say where the file is.
    let store_error = state.open_error();
    let damage = state.damage();
    // A store waiting for its passphrase is locked, not damaged: nothing to recover.
    let locked = state.is_locked();
    let recovery = if !locked && (store_error.is_some() || !damage.is_empty()) {
        backups::latest_sound(&state.backup_dir(), &state.key()).map_err(AppError::from)?
    } else {
        None
    };
    let (schema_version, actor) = match &store_error {
        Some(_) => (None, None),
        None => state.inspect(|s| Ok((Some(store::schema_version(s.conn())?), Some(s.actor().to_owned()))))?,
    };
    let encrypted = encryption::is_encrypted(&state.database_path()).unwrap_or(false);
    Ok(AppInfo {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
        database_path: state.database_path().display().to_string(),
        schema_version,
        actor,
        store_error,
        damage,
        recovery,
        storage_risk: location::risk(&state.data_dir),
        encrypted,
        locked,
        passphrase_remembered: encrypted && crate::keychain::holds(&state.database_path()),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn dashboard_get(state: State<'_, AppState>) -> Result<Dashboard, AppError> {
    state.read(dashboard::dashboard)
}

#[tauri::command]
#[specta::specta]
pub async fn sample_load(state: State<'_, AppState>) -> Result<SampleOutcome, AppError> {
    state.write(sample::load)
}

#[tauri::command]
#[specta::specta]
pub async fn sectors_list(state: State<'_, AppState>) -> Result<Vec<Sector>, AppError> {
    state.read(sectors::list)
}

#[tauri::command]
#[specta::specta]
pub async fn record_history(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
) -> Result<Vec<AuditEntry>, AppError> {
    state.read(|conn| audit::history(conn, kind, &id))
}
