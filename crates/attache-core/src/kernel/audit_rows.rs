//! How the audit reads records' rows without waste: each kind's statements written once, each
//! table's columns named once as the UI names them, and a new record's fields written straight
//! into the JSON of its creation. An import creates a hundred thousand records; formatting the
//! statements, naming the columns and building a snapshot to compare with nothing were each a
//! measurable part of its time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use crate::kernel::audit::{camel_case, UNAUDITED};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::record::RecordKind;

/// A table's columns as SQLite names them, as fields, and the fields in name order.
pub(crate) struct Named {
    columns: Vec<String>,
    pub fields: Vec<String>,
    by_name: Vec<usize>,
}

thread_local! {
    static STATEMENTS: RefCell<HashMap<(RecordKind, &'static str), Rc<str>>> = Default::default();
    /// By table: named once per schema, not once per record.
    static FIELD_NAMES: RefCell<HashMap<&'static str, Rc<Named>>> = Default::default();
}

/// `template` with `{table}` replaced by the kind's table.
pub(crate) fn statement(kind: RecordKind, template: &'static str) -> Rc<str> {
    STATEMENTS.with(|cache| {
        cache
            .borrow_mut()
            .entry((kind, template))
            .or_insert_with(|| template.replace("{table}", kind.table()).into())
            .clone()
    })
}

/// The fields of `SELECT *` from `table`; named again when the columns differ from the last
/// time (another store, at another schema version).
pub(crate) fn field_names(table: &'static str, stmt: &rusqlite::Statement<'_>) -> Rc<Named> {
    FIELD_NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(named) = cache.get(table) {
            if named.columns.iter().map(String::as_str).eq(stmt.column_names()) {
                return named.clone();
            }
        }
        let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        let fields: Vec<String> = columns.iter().map(|c| camel_case(c)).collect();
        let mut by_name: Vec<usize> = (0..fields.len()).collect();
        by_name.sort_by(|a, b| fields[*a].cmp(&fields[*b]));
        let named = Rc::new(Named { columns, fields, by_name });
        cache.insert(table, named.clone());
        named
    })
}

/// The changes of a record just created, as the JSON text `audit::changed` writes for one with
/// no `before`: `{ field: { "after": value, "before": null } }` for every audited field that
/// holds something, fields in name order.
pub(crate) fn created_changes(conn: &Connection, kind: RecordKind, id: &str) -> CoreResult<String> {
    let mut stmt = conn.prepare_cached(&statement(kind, "SELECT * FROM {table} WHERE id = ?1"))?;
    let named = field_names(kind.table(), &stmt);
    let json = stmt.query_row([id], |row| {
        let mut out = Vec::with_capacity(512);
        out.push(b'{');
        for &i in &named.by_name {
            let field = named.fields[i].as_str();
            let value = row.get_ref(i)?;
            if value == ValueRef::Null || UNAUDITED.contains(&field) {
                continue;
            }
            if out.len() > 1 {
                out.push(b',');
            }
            write(&mut out, &field)?;
            out.extend_from_slice(br#":{"after":"#);
            match value {
                ValueRef::Integer(n) => write(&mut out, &n)?,
                ValueRef::Real(f) => write(&mut out, &f)?,
                ValueRef::Text(t) => write(&mut out, &String::from_utf8_lossy(t))?,
                ValueRef::Blob(b) => write(&mut out, &format!("{} bytes", b.len()))?,
                ValueRef::Null => {}
            }
            out.extend_from_slice(br#","before":null}"#);
        }
        out.push(b'}');
        Ok(out)
    })?;
    String::from_utf8(json).map_err(|e| CoreError::Io(std::io::Error::other(e)))
}

fn write(out: &mut Vec<u8>, value: &impl serde::Serialize) -> rusqlite::Result<()> {
    serde_json::to_writer(out, value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Map, Value};

    use super::*;
    use crate::directory::people::{self, PersonInput};

    #[test]
    fn a_creation_is_written_as_a_snapshot_compared_with_nothing_would_be() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::Store::open(&dir.path().join("a.sqlite3")).unwrap();
        let input = PersonInput {
            given_name: "Альберт \"<b>\"".into(),
            family_name: Some("Khorev\u{202e}".into()),
            protocol_rank: Some(3),
            ..Default::default()
        };
        let person = people::create(&mut store, input).unwrap();
        let snapshot = crate::kernel::audit::snapshot(store.conn(), RecordKind::Person, person.id.as_str()).unwrap();
        let expected: Map<String, Value> = snapshot
            .into_iter()
            .filter(|(field, value)| !UNAUDITED.contains(&field.as_str()) && !value.is_null())
            .map(|(field, value)| (field, json!({ "before": Value::Null, "after": value })))
            .collect();
        let written = created_changes(store.conn(), RecordKind::Person, person.id.as_str()).unwrap();
        assert_eq!(written, Value::Object(expected).to_string());
        assert!(written.contains(r#""protocolRank":{"after":3,"before":null}"#), "{written}");
    }
}
