//! The audit log: who changed what and when, field by field.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use specta::Type;

use crate::kernel::audit_names;
use crate::kernel::audit_rows::{self, field_names, statement};
use crate::kernel::error::CoreResult;
use crate::kernel::record::{now, RecordKind};
use crate::store::Writer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    Create,
    Update,
    Delete,
    Restore,
}

impl Operation {
    fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Update => "update",
            Operation::Delete => "delete",
            Operation::Restore => "restore",
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub record_kind: String,
    pub record_id: String,
    pub operation: String,
    /// JSON object `{ field: { before, after } }`.
    pub changes: String,
    /// The names of the records the changes refer to, by id (see `audit_names`).
    pub names: std::collections::BTreeMap<String, String>,
}

/// Columns that change on every write and would only add noise to the history.
/// `hiddenByOwner` is derived from the owners (see migration 3), not a change to the record;
/// `icalUid` is where an imported item came from, set once when it is imported;
/// `attendeeList` is derived from the attendees (migration 6), which are audited as `attendeeIds`.
pub(crate) const UNAUDITED: &[&str] =
    &["updatedAt", "createdAt", "id", "version", "hiddenByOwner", "icalUid", "attendeeList"];

/// The ids a record links to through a link table, audited as one field:
/// (field, table, owner column, value, order).
type Link = (&'static str, &'static str, &'static str, &'static str, &'static str);

fn links(kind: RecordKind) -> &'static [Link] {
    match kind {
        RecordKind::Organization => {
            &[("sectorIds", "organization_sectors", "organization_id", "sector_id", "sector_id")]
        }
        RecordKind::Engagement => &[("attendeeIds", "engagement_attendees", "engagement_id", "person_id", "person_id")],
        RecordKind::Action => &[("sectorIds", "action_sectors", "action_id", "sector_id", "sector_id")],
        RecordKind::Outcome => &[("valuesByYear", "outcome_values", "outcome_id", "year || ': ' || amount", "year")],
        RecordKind::Agreement => &[
            ("sectorIds", "agreement_sectors", "agreement_id", "sector_id", "sector_id"),
            (
                "parties",
                "agreement_parties",
                "agreement_id",
                "organization_id || ' ' || coalesce(signatory_person_id, '-')",
                "position",
            ),
        ],
        _ => &[],
    }
}

/// A record as stored: its row's columns (named as the UI names them) and its links. The
/// history is of what was stored, not of what a screen derives from it (names, overdue…).
pub type Snapshot = Map<String, Value>;

pub fn snapshot(conn: &rusqlite::Connection, kind: RecordKind, id: &str) -> CoreResult<Snapshot> {
    let mut stmt = conn.prepare_cached(&statement(kind, "SELECT * FROM {table} WHERE id = ?1"))?;
    let named = field_names(kind.table(), &stmt);
    let mut snapshot = stmt.query_row([id], |row| {
        named
            .fields
            .iter()
            .enumerate()
            .map(|(i, name)| Ok((name.clone(), json_value(row.get_ref(i)?))))
            .collect::<rusqlite::Result<Snapshot>>()
    })?;
    for (field, table, owner, value, order) in links(kind) {
        let sql = format!("SELECT {value} FROM {table} WHERE {owner} = ?1 ORDER BY {order}");
        let ids =
            conn.prepare_cached(&sql)?.query_map([id], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
        snapshot.insert((*field).to_owned(), json!(ids));
    }
    Ok(snapshot)
}

/// Records what changed in a record since `before` (`None` for a new record), field by field.
pub fn changed(w: &Writer<'_>, kind: RecordKind, id: &str, before: Option<Snapshot>) -> CoreResult<()> {
    let after = snapshot(w, kind, id)?;
    let operation = if before.is_none() { Operation::Create } else { Operation::Update };
    let before = before.unwrap_or_default();
    let changes = diff(&before, after);
    if changes.is_empty() {
        // Saving an unchanged form is not a change: put back the `updated_at` the update wrote,
        // so that a record never looks edited without a new version.
        let sql = format!("UPDATE {} SET updated_at = ?1 WHERE id = ?2", kind.table());
        w.execute(&sql, rusqlite::params![before.get("updatedAt").and_then(Value::as_str), id])?;
        return Ok(());
    }
    append(w, kind, id, operation, &Value::Object(changes))
}

/// Records a change and stamps the record with the next version of this desktop's clock.
/// Every change to a record passes here, so no record can change without a new version.
pub fn append(w: &Writer<'_>, kind: RecordKind, id: &str, operation: Operation, changes: &Value) -> CoreResult<()> {
    let version = w.clock.tick();
    w.execute(&statement(kind, "UPDATE {table} SET version = ?1 WHERE id = ?2"), rusqlite::params![version, id])?;
    entry(w, kind, id, operation, &changes.to_string(), &version)
}

/// Records the creation of a record whose INSERT already wrote `version` (taken from
/// `w.clock.tick()` just before): its fields, all but the empty and unaudited ones, as
/// [`changed`] with no `before` would, without reading them into a snapshot to compare with
/// nothing, and without stamping the version again. An import creates a hundred thousand
/// records this way. Kinds with links (sectors, attendees, parties) go through [`changed`].
pub fn created(w: &Writer<'_>, kind: RecordKind, id: &str, version: &str) -> CoreResult<()> {
    if !links(kind).is_empty() {
        return changed(w, kind, id, None);
    }
    let changes = audit_rows::created_changes(w, kind, id)?;
    entry(w, kind, id, Operation::Create, &changes, version)
}

fn entry(
    w: &Writer<'_>,
    kind: RecordKind,
    id: &str,
    operation: Operation,
    changes: &str,
    version: &str,
) -> CoreResult<()> {
    w.execute(
        "INSERT INTO audit_log (at, actor, record_kind, record_id, operation, changes, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![now(), w.actor, kind.name(), id, operation.as_str(), changes, version],
    )?;
    Ok(())
}

/// The history of one record, oldest first.
/// An entry from `SELECT at, actor, record_kind, record_id, operation, changes`, unnamed yet.
fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        at: row.get(0)?,
        actor: row.get(1)?,
        record_kind: row.get(2)?,
        record_id: row.get(3)?,
        operation: row.get(4)?,
        changes: row.get(5)?,
        names: Default::default(),
    })
}

/// The latest changes to any record, newest first; each entry's `names` holds its own record's
/// name (what the dashboard's "recent changes" shows).
pub fn recent(conn: &rusqlite::Connection, limit: u32) -> CoreResult<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, record_kind, record_id, operation, changes FROM audit_log ORDER BY seq DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], entry_from_row)?;
    let mut entries: Vec<AuditEntry> = rows.collect::<Result<_, _>>()?;
    let ids = entries.iter().map(|e| e.record_id.clone()).collect();
    let names = audit_names::named(conn, &ids)?;
    for entry in &mut entries {
        if let Some(name) = names.get(&entry.record_id) {
            entry.names.insert(entry.record_id.clone(), name.clone());
        }
    }
    Ok(entries)
}

pub fn history(conn: &rusqlite::Connection, kind: RecordKind, id: &str) -> CoreResult<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT at, actor, record_kind, record_id, operation, changes FROM audit_log
         WHERE record_kind = ?1 AND record_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(rusqlite::params![kind.name(), id], entry_from_row)?;
    let mut entries: Vec<AuditEntry> = rows.collect::<Result<_, _>>()?;
    // One look-up for the whole history; each entry then carries the names it mentions.
    let names = audit_names::referred(conn, &entries.iter().map(|e| e.changes.as_str()).collect::<Vec<_>>())?;
    for entry in &mut entries {
        entry.names = audit_names::referred_in(&entry.changes, &names);
    }
    Ok(entries)
}

/// The fields that differ, each as `{ before, after }`; `after` is taken apart rather than copied.
fn diff(before: &Map<String, Value>, after: Map<String, Value>) -> Map<String, Value> {
    let audited = |key: &str| !UNAUDITED.contains(&key);
    let mut changes: Map<String, Value> = before
        .iter()
        .filter(|(key, old)| audited(key) && !after.contains_key(*key) && !old.is_null())
        .map(|(key, old)| (key.clone(), json!({ "before": old, "after": Value::Null })))
        .collect();
    for (key, new) in after {
        let old = before.get(&key).unwrap_or(&Value::Null);
        if audited(&key) && *old != new {
            changes.insert(key, json!({ "before": old, "after": new }));
        }
    }
    changes
}

pub(crate) fn camel_case(column: &str) -> String {
    let mut out = String::with_capacity(column.len());
    let mut upper = false;
    for c in column.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

pub(crate) fn json_value(value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!(format!("{} bytes", b.len())),
    }
}
