//! Typed errors. The UI receives `{ code, message, field }` and never matches on message text.

use serde::Serialize;
use specta::Type;

use crate::kernel::record::RecordKind;

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

/// Why an input or an edit was refused, with what a sentence about it needs. The UI says it
/// in the user's language from this; `message` stays English, for the CLI and the logs.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Reason {
    Required,
    TooLong {
        max: u32,
    },
    NotAnEmail {
        value: String,
    },
    NotACountry {
        value: String,
    },
    NotATimeZone {
        value: String,
    },
    NotACurrency {
        value: String,
    },
    NotADate,
    NotADateTime,
    TooSmall {
        min: i32,
    },
    NotPositive,
    /// An end (date, time, departure, expiry) before its start.
    BeforeStart,
    /// A wall time the clocks skip in the visit's zone.
    NoSuchLocalTime {
        local: String,
        zone: String,
    },
    ChosenDeleted {
        record: RecordKind,
    },
    ChosenMissing {
        record: RecordKind,
    },
    UnknownSector,
    ListedTwice,
    AlreadyTakesPart,
    RecordDeleted {
        record: RecordKind,
    },
    EquivalentExists {
        record: RecordKind,
    },
    TooLarge {
        max: i32,
    },
    /// An end equal to its start: a programme item takes some time.
    NoDuration,
    /// A programme item longer than it can be.
    SpanTooLong {
        days: u32,
    },
    /// A visit cannot go from one status to the other directly.
    StatusStep {
        from: String,
        to: String,
    },
    /// Confirming a visit needs a head of delegation among its participants.
    NeedsHeadOfDelegation,
    /// Confirming a visit needs at least one programme item.
    NeedsProgramme,
    /// Confirming a visit needs every conflict resolved or acknowledged.
    UnacknowledgedConflicts {
        count: u32,
    },
    /// A calendar file that is not one (or not one Attaché can read), with what is wrong.
    NotACalendar {
        problem: String,
    },
    FileTooLarge {
        megabytes: u32,
    },
    /// An agreement cannot go from one status to the other directly.
    AgreementStep {
        from: String,
        to: String,
    },
    /// Signing an agreement needs the date it was signed.
    NeedsSigningDate,
    /// Signing needs two parties each with a signatory; `found` have one.
    NeedsSignatories {
        found: u32,
    },
    /// Coming into force needs the date the agreement takes effect.
    NeedsEffectiveDate,
    /// Expiring needs the expiry date.
    NeedsExpiryDate,
    /// An agreement's expiry before its signing.
    BeforeSigning,
    /// A signatory who is not of the party's organization.
    SignatoryNotOfParty,
    /// An action in progress needs somebody whose work it is.
    NeedsOwner,
    /// Completing a visit needs its outcome summary, or the summary waived.
    NeedsOutcome,
    /// A seating plan seats somebody who is not a guest of the programme item.
    NotAGuest,
    /// A seating plan whose seats are not the tables × seats it says.
    SeatsDoNotFit,
    /// A printed document that could not be typeset, with the typesetter's words.
    TypesettingFailed {
        problem: String,
    },
    /// A file that is not a kind of document Attaché keeps.
    FileTypeRefused {
        extension: String,
    },
    /// A file whose content is not what its extension says.
    FileTypeMismatch {
        extension: String,
    },
    /// A program or a script, whatever its name.
    FileIsProgram,
    /// A file that cannot be read or stored, with why.
    FileUnreadable {
        problem: String,
    },
    /// A file offered as a backup that is not a sound Attaché data file, with why.
    NotABackup {
        problem: String,
    },
    /// The data file is open elsewhere (the app, while the command line restores).
    StoreInUse,
    /// A backup aimed at the data file itself.
    SameAsStore,
    /// A kind of organization that is none of Attaché's.
    UnknownKind {
        value: String,
    },
    /// A whole number expected.
    NotANumber {
        value: String,
    },
    /// The user stopped a long operation; nothing of it was kept.
    Cancelled,
    /// An import cannot be undone: this record was changed or linked to since.
    ChangedSinceImport {
        name: String,
    },
    /// No import left to undo.
    NothingToUndo,
    /// An import's mapping lacks what every record needs (a name column), or maps a field the
    /// records do not have.
    MappingIncomplete {
        needs: String,
    },
    /// The data file is encrypted and no passphrase was given.
    PassphraseNeeded,
    /// The passphrase given does not open the file.
    WrongPassphrase,
    /// A passphrase given for a file that is not encrypted.
    NotEncrypted,
    /// A new passphrase too short to protect anything.
    PassphraseTooShort {
        min: u32,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Input the user must fix; `field` is the camelCase name of the offending input field.
    #[error("{message}")]
    Validation { field: String, reason: Reason, message: String },
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },
    #[error("{message}")]
    Conflict { field: Option<String>, reason: Reason, message: String },
    #[error("This data file was written by a newer version of Attaché (schema {found}; this version knows up to {supported}). Update Attaché to open it.")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn invalid(field: &str, reason: Reason, message: impl Into<String>) -> Self {
        CoreError::Validation { field: field.to_owned(), reason, message: message.into() }
    }

    pub fn reason(&self) -> Option<&Reason> {
        match self {
            CoreError::Validation { reason, .. } | CoreError::Conflict { reason, .. } => Some(reason),
            _ => None,
        }
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
    pub reason: Option<Reason>,
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> Self {
        AppError {
            code: error.code(),
            field: error.field().map(str::to_owned),
            reason: error.reason().cloned(),
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_receives_the_reason_with_what_its_sentence_needs() {
        let error = CoreError::invalid("givenName", Reason::TooLong { max: 500 }, "Given name is too long");
        let json = serde_json::to_value(AppError::from(error)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "validation",
                "message": "Given name is too long",
                "field": "givenName",
                "reason": { "kind": "tooLong", "max": 500 }
            })
        );
        let deleted = CoreError::invalid("visitId", Reason::ChosenDeleted { record: RecordKind::Visit }, "x");
        assert_eq!(
            serde_json::to_value(AppError::from(deleted)).unwrap()["reason"],
            serde_json::json!({ "kind": "chosenDeleted", "record": "visit" })
        );
        let missing = AppError::from(CoreError::NotFound { entity: "visit", id: "v1".into() });
        assert_eq!(missing.reason, None);
    }
}
