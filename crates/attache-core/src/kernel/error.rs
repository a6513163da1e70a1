//! Typed errors. The UI receives `{ code, message, field }` and never matches on message text.

use serde::Serialize;
use specta::Type;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    SchemaTooNew,
    Storage,
    Io,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Input the user must fix; `field` is the camelCase name of the offending input field.
    #[error("{message}")]
    Validation { field: String, message: String },
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },
    #[error("{message}")]
    Conflict { field: Option<String>, message: String },
    #[error("This data file was written by a newer version of Attaché (schema {found}; this version knows up to {supported}). Update Attaché to open it.")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        CoreError::Validation { field: field.to_owned(), message: message.into() }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Validation { .. } => ErrorCode::Validation,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Conflict { .. } => ErrorCode::Conflict,
            CoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            CoreError::Storage(_) => ErrorCode::Storage,
            CoreError::Io(_) => ErrorCode::Io,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::Validation { field, .. } => Some(field),
            CoreError::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }
}

/// The error as it crosses to the UI.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> Self {
        AppError { code: error.code(), field: error.field().map(str::to_owned), message: error.to_string() }
    }
}
