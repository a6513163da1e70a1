//! The audit log: who changed what and when, field by field.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use specta::Type;

use crate::error::CoreResult;
use crate::record::{now, RecordKind};
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
}

/// Fields that change on every write and would only add noise to the history.
const UNAUDITED: &[&str] = &["updatedAt", "createdAt", "id"];

/// Records a create (`before` = None), an update (both), or a hard removal (`after` = None),
/// keeping only the fields whose value differs.
pub fn record<T: Serialize>(
    w: &Writer<'_>,
    kind: RecordKind,
    id: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> CoreResult<()> {
    let before = before.map(to_object).unwrap_or_default();
    let after = after.map(to_object).unwrap_or_default();
    let changes = diff(&before, &after);
    if changes.is_empty() {
        return Ok(()); // saving an unchanged form is not a change
    }
    let operation = if before.is_empty() { Operation::Create } else { Operation::Update };
    append(w, kind, id, operation, &Value::Object(changes))
}

pub fn append(w: &Writer<'_>, kind: RecordKind, id: &str, operation: Operation, changes: &Value) -> CoreResult<()> {
    w.execute(
        "INSERT INTO audit_log (at, actor, record_kind, record_id, operation, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![now(), w.actor, kind.name(), id, operation.as_str(), changes.to_string()],
    )?;
    Ok(())
}

/// The history of one record, oldest first.
pub fn history(conn: &rusqlite::Connection, kind: RecordKind, id: &str) -> CoreResult<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT at, actor, record_kind, record_id, operation, changes FROM audit_log
         WHERE record_kind = ?1 AND record_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(rusqlite::params![kind.name(), id], |row| {
        Ok(AuditEntry {
            at: row.get(0)?,
            actor: row.get(1)?,
            record_kind: row.get(2)?,
            record_id: row.get(3)?,
            operation: row.get(4)?,
            changes: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn to_object<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn diff(before: &Map<String, Value>, after: &Map<String, Value>) -> Map<String, Value> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|key| !UNAUDITED.contains(&key.as_str()))
        .filter_map(|key| {
            let old = before.get(key).unwrap_or(&Value::Null);
            let new = after.get(key).unwrap_or(&Value::Null);
            (old != new).then(|| (key.clone(), json!({ "before": old, "after": new })))
        })
        .collect()
}
