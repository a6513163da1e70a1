//! What every record shares: its kind, timestamps, soft delete and restore.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit::{self, Operation};
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::store::Writer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Organization,
    Person,
    Venue,
    Vehicle,
    Visit,
    Engagement,
    Participant,
    Agreement,
    Action,
    Gift,
    Outcome,
}

impl RecordKind {
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Organization => "organizations",
            RecordKind::Person => "people",
            RecordKind::Venue => "venues",
            RecordKind::Vehicle => "vehicles",
            RecordKind::Visit => "visits",
            RecordKind::Engagement => "engagements",
            RecordKind::Participant => "participants",
            RecordKind::Agreement => "agreements",
            RecordKind::Action => "actions",
            RecordKind::Gift => "gifts",
            RecordKind::Outcome => "outcomes",
        }
    }

    /// The kind named `name` (as [`RecordKind::name`] gives it).
    pub fn from_name(name: &str) -> Option<RecordKind> {
        use RecordKind::*;
        [Organization, Person, Venue, Vehicle, Visit, Engagement, Participant, Agreement, Action, Gift, Outcome]
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Organization => "organization",
            RecordKind::Person => "person",
            RecordKind::Venue => "venue",
            RecordKind::Vehicle => "vehicle",
            RecordKind::Visit => "visit",
            RecordKind::Engagement => "engagement",
            RecordKind::Participant => "participant",
            RecordKind::Agreement => "agreement",
            RecordKind::Action => "action",
            RecordKind::Gift => "gift",
            RecordKind::Outcome => "outcome",
        }
    }
}

/// The current instant as stored (see [`instant`]).
pub fn now() -> String {
    instant(chrono::Utc::now())
}

/// An instant as every table stores it: UTC, RFC 3339 with milliseconds
/// (`2026-01-28T05:30:00.000Z`), one fixed width, so text order is time order.
pub fn instant(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Checks that the records an input refers to exist and are not deleted. An edited record may
/// keep a reference whose target was deleted since: it stays editable without losing that
/// link. Only a reference that is new must be live.
pub struct References<'c> {
    conn: &'c rusqlite::Connection,
    kept: Vec<String>,
}

impl<'c> References<'c> {
    /// For a new record: every reference must be live.
    pub fn new(conn: &'c rusqlite::Connection) -> Self {
        References { conn, kept: Vec::new() }
    }

    /// For an edit: the ids the record already refers to are accepted as they are.
    pub fn keeping<I: AsRef<str>>(conn: &'c rusqlite::Connection, ids: impl IntoIterator<Item = I>) -> Self {
        References { conn, kept: ids.into_iter().map(|id| id.as_ref().to_owned()).collect() }
    }

    /// Fails with a validation error on `field` unless `id` is kept or names a live record.
    pub fn check(&self, kind: RecordKind, id: &impl AsRef<str>, field: &str) -> CoreResult<()> {
        let id = id.as_ref();
        if self.kept.iter().any(|kept| kept == id) {
            return Ok(());
        }
        let sql = format!("SELECT deleted_at IS NULL FROM {} WHERE id = ?1", kind.table());
        match self.conn.prepare_cached(&sql)?.query_row([id], |row| row.get::<_, bool>(0)).optional()? {
            Some(true) => Ok(()),
            Some(false) => Err(CoreError::invalid(
                field,
                Reason::ChosenDeleted { record: kind },
                format!("the chosen {} has been deleted", kind.name()),
            )),
            None => Err(CoreError::invalid(
                field,
                Reason::ChosenMissing { record: kind },
                format!("the chosen {} does not exist", kind.name()),
            )),
        }
    }

    /// Like [`References::check`] for an optional reference.
    pub fn check_opt(&self, kind: RecordKind, id: Option<&impl AsRef<str>>, field: &str) -> CoreResult<()> {
        id.map_or(Ok(()), |id| self.check(kind, id, field))
    }
}

/// Edits go to live records only: a deleted one must be restored first.
pub fn refuse_deleted(kind: RecordKind, deleted_at: &Option<String>) -> CoreResult<()> {
    if deleted_at.is_some() {
        return Err(CoreError::Conflict {
            field: None,
            reason: Reason::RecordDeleted { record: kind },
            message: format!("this {} has been deleted; restore it first", kind.name()),
        });
    }
    Ok(())
}

/// Marks a record deleted (it stays in the trash, restorable) and audits it.
pub fn soft_delete(w: &Writer<'_>, kind: RecordKind, id: &str) -> CoreResult<()> {
    set_deleted(w, kind, id, Some(now()))
}

/// Brings a deleted record back and audits it.
pub fn restore(w: &Writer<'_>, kind: RecordKind, id: &str) -> CoreResult<()> {
    set_deleted(w, kind, id, None)
}

fn set_deleted(w: &Writer<'_>, kind: RecordKind, id: &str, deleted_at: Option<String>) -> CoreResult<()> {
    let select = format!("SELECT deleted_at FROM {} WHERE id = ?1", kind.table());
    let before: Option<String> = w
        .query_row(&select, [id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: kind.name(), id: id.to_owned() })?;
    if before.is_none() == deleted_at.is_none() {
        return Ok(()); // already in the requested state: deleting twice is not an error
    }
    let update = format!("UPDATE {} SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3", kind.table());
    w.execute(&update, rusqlite::params![deleted_at, now(), id]).map_err(|e| conflict_on_restore(e, kind))?;
    let operation = if deleted_at.is_some() { Operation::Delete } else { Operation::Restore };
    let changes = serde_json::json!({ "deletedAt": { "before": before, "after": deleted_at } });
    audit::append(w, kind, id, operation, &changes)
}

fn conflict_on_restore(error: rusqlite::Error, kind: RecordKind) -> CoreError {
    if is_unique_violation(&error) {
        return CoreError::Conflict {
            field: None,
            reason: Reason::EquivalentExists { record: kind },
            message: format!("this {} cannot be restored: an equivalent one exists now", kind.name()),
        };
    }
    error.into()
}

pub fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}
