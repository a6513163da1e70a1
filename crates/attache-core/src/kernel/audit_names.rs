//! The names of the records an audit entry's changes refer to, so a history can say "host:
//! Sialkot Chamber → Lahore Chamber" rather than two ids. Records deleted since keep their
//! names here: the history is of what was, and its names with it.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;
use serde_json::Value;

use crate::kernel::error::CoreResult;

/// Every table a change can point into, with how its records are named.
const NAMED: &[(&str, &str)] = &[
    ("people", crate::person_name_sql!("t")),
    ("organizations", "t.name"),
    ("visits", "t.title"),
    ("venues", "t.name"),
    ("vehicles", "t.label"),
    ("agreements", "t.title"),
    ("engagements", "t.title"),
    ("actions", "t.title"),
    ("gifts", "t.description"),
    ("outcomes", "t.title"),
    ("sectors", "t.name"),
];

/// id → name for every record the changes (`{ field: { before, after } }`) refer to.
pub fn referred(conn: &Connection, changes: &[&str]) -> CoreResult<BTreeMap<String, String>> {
    let mut ids = BTreeSet::new();
    for text in changes {
        ids.extend(ids_in(text));
    }
    named(conn, &ids)
}

/// id → name for the records `ids` (those of a kind with a name).
pub fn named(conn: &Connection, ids: &BTreeSet<String>) -> CoreResult<BTreeMap<String, String>> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let sql = NAMED
        .iter()
        .map(|(table, name)| {
            format!("SELECT t.id, {name} FROM {table} t WHERE t.id IN (SELECT value FROM json_each(?1))")
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Of `names`, those the changes of one entry refer to.
pub fn referred_in(changes: &str, names: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    ids_in(changes).into_iter().filter_map(|id| names.get(&id).map(|name| (id, name.clone()))).collect()
}

fn ids_in(changes: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(changes) else { return ids };
    for (field, change) in &fields {
        for side in ["before", "after"] {
            collect(field, change.get(side).unwrap_or(&Value::Null), &mut ids);
        }
    }
    ids
}

/// The ids in one side of a change: a reference (`…Id`), a list of them (`…Ids`), or the
/// parties of an agreement ("organization signatory", `-` for no signatory).
fn collect(field: &str, value: &Value, ids: &mut BTreeSet<String>) {
    let words = |text: &str| text.split(' ').filter(|w| *w != "-").map(str::to_owned).collect::<Vec<_>>();
    match value {
        Value::String(id) if field.ends_with("Id") => {
            ids.insert(id.clone());
        }
        Value::Array(items) if field.ends_with("Ids") || field == "parties" => {
            for item in items.iter().filter_map(Value::as_str) {
                ids.extend(if field == "parties" { words(item) } else { vec![item.to_owned()] });
            }
        }
        _ => {}
    }
}
