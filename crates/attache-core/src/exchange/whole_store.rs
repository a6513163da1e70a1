//! The whole store as one JSON document, and a store made again from one.
//!
//! The document (format `attache-store`, version 1; described in `docs/whole-store-json.md`):
//!
//! ```json
//! { "format": "attache-store", "formatVersion": 1, "schemaVersion": 11,
//!   "exportedAt": "2026-11-29T07:40:00Z", "app": "0.1.0",
//!   "tables": { "people": [ { "id": "…", "given_name": "Albert", … }, … ], … } }
//! ```
//!
//! `tables` holds every table of the store at `schemaVersion` (the search indexes aside: they
//! are made again from the rows), each row an object from column name to value: text as a
//! string, integers and reals as numbers, NULL as null, bytes as `{"hex": "…"}`. A later version
//! of Attaché reads it back by building an empty store at that schema version, loading the rows
//! as they are, and migrating the result as it would migrate any older store.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::Path;

use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde::Deserialize;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::store::backups::{self, Restored};
use crate::store::{bulk, encryption, migrate, Key, Store};

pub const FORMAT: &str = "attache-store";
pub const FORMAT_VERSION: u32 = 1;
/// The settings that belong to one desktop, not to the data: a store made from a document is
/// a new desktop's store (its clock gets a device id of its own).
const DESKTOP_SETTINGS: &[&str] = &[crate::kernel::clock::DEVICE_KEY];

/// Writes the store behind `conn` to `path` as a whole-store document, table by table (the
/// document is never held whole in memory); returns the number of rows written.
pub fn export(conn: &Connection, path: &Path) -> CoreResult<u64> {
    // One read transaction: every table as of the same moment, whoever writes meanwhile.
    let snapshot = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Deferred)?;
    let rows = write_document(&snapshot, path)?;
    snapshot.finish()?;
    Ok(rows)
}

fn write_document(conn: &Connection, path: &Path) -> CoreResult<u64> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let partial = tempfile::Builder::new().prefix(".attache-export-").suffix(".partial").tempfile_in(dir)?;
    let mut out = BufWriter::new(partial.as_file());
    let head = serde_json::json!({
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "schemaVersion": migrate::schema_version(conn)?,
        "exportedAt": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "app": env!("CARGO_PKG_VERSION"),
    });
    let head = head.to_string();
    // The head's fields, then the tables, in one object.
    write!(out, "{},\n\"tables\": {{", head.trim_end_matches('}'))?;
    let mut rows = 0;
    for (n, table) in data_tables(conn)?.iter().enumerate() {
        write!(out, "{}\n{}: [", if n == 0 { "" } else { "," }, serde_json::Value::from(table.as_str()))?;
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1"))?;
        let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        let mut found = stmt.query([])?;
        let mut first = true;
        while let Some(row) = found.next()? {
            let mut object = serde_json::Map::new();
            for (i, column) in columns.iter().enumerate() {
                object.insert(column.clone(), json_of(row.get_ref(i)?));
            }
            write!(out, "{}\n  {}", if first { "" } else { "," }, serde_json::Value::Object(object))?;
            first = false;
            rows += 1;
        }
        write!(out, "]")?;
    }
    writeln!(out, "\n}}}}")?;
    out.flush()?;
    drop(out);
    partial.as_file().sync_all()?;
    partial.persist(path).map_err(|e| CoreError::Io(e.error))?;
    Ok(rows)
}

/// A whole-store document as read, before any of it is loaded.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    format: String,
    format_version: u32,
    schema_version: i64,
    tables: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// Puts the store described by the document at `source` in place of the store at `store`: the
/// document is read and checked, made into a store file of its own (encrypted with `key`, as
/// the store is), migrated to this version, checked again, and then restored as a backup is,
/// the store as it was kept first in `safety_dir`. A document that cannot be read, or names a
/// table or column the store does not have, is refused and nothing changes.
pub fn restore(store: &Path, source: &Path, safety_dir: &Path, key: &Key) -> CoreResult<Restored> {
    let document = read(source)?;
    std::fs::create_dir_all(safety_dir)?;
    let built = tempfile::Builder::new().prefix(".attache-from-json-").suffix(".sqlite3").tempfile_in(safety_dir)?;
    let outcome =
        build(built.path(), &document, key).and_then(|()| backups::restore(store, built.path(), safety_dir, key));
    // What opening the built file left beside it: its lock, and copies taken before migrating.
    for suffix in [".lock", "-wal", "-shm"] {
        let mut beside = built.path().as_os_str().to_owned();
        beside.push(suffix);
        let _ = std::fs::remove_file(beside);
    }
    // The restore is done (or refused) by now: a copy left behind must not say otherwise.
    for leftover in migrate::backups_of(built.path()).unwrap_or_default() {
        let _ = std::fs::remove_file(leftover);
    }
    let mut restored = outcome?;
    restored.restored_from = source.display().to_string();
    Ok(restored)
}

/// Restores from `source` whichever it is: a whole-store document (`.json`) or a copy of the
/// data file. What the window and the command line both call.
pub fn restore_any(store: &Path, source: &Path, safety_dir: &Path, key: &Key) -> CoreResult<Restored> {
    if source.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        restore(store, source, safety_dir, key)
    } else {
        backups::restore(store, source, safety_dir, key)
    }
}

fn read(source: &Path) -> CoreResult<Document> {
    let file = std::fs::File::open(source).map_err(|e| refused(&e.to_string()))?;
    let document: Document = serde_json::from_reader(std::io::BufReader::new(file))
        .map_err(|e| refused(&format!("it is not a whole-store document ({e})")))?;
    if document.format != FORMAT {
        return Err(refused(&format!("its format is “{}”, not {FORMAT}", document.format)));
    }
    if document.format_version > FORMAT_VERSION {
        return Err(refused(&format!(
            "it was written by a newer Attaché (format version {}; this one reads up to {FORMAT_VERSION})",
            document.format_version
        )));
    }
    if document.schema_version > migrate::SCHEMA_VERSION {
        return Err(CoreError::SchemaTooNew { found: document.schema_version, supported: migrate::SCHEMA_VERSION });
    }
    if document.schema_version < 1 {
        return Err(refused("its schema version is missing"));
    }
    Ok(document)
}

/// Makes the store file at `path` from `document`: the schema at the document's version, every
/// row loaded as it is in one transaction, the search indexes made again, then migrated.
fn build(path: &Path, document: &Document, key: &Key) -> CoreResult<()> {
    {
        let mut conn = encryption::connect_writable(path, key)?;
        crate::store::register_name_keys(&conn)?;
        migrate::create_at(&mut conn, path, key, document.schema_version)?;
        let tx = conn.transaction()?;
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let known = data_tables(&tx)?;
        bulk::load_verbatim(&tx, || {
            for table in &known {
                tx.execute_batch(&format!("DELETE FROM \"{table}\""))?;
            }
            for (table, rows) in &document.tables {
                if !known.contains(table) {
                    return Err(refused(&format!("it has a table “{table}” that this store does not")));
                }
                let columns = columns_of(&tx, table)?;
                for (n, row) in rows.iter().enumerate() {
                    load_row(&tx, table, &columns, row)
                        .map_err(|e| refused(&format!("{table}, row {}: {e}", n + 1)))?;
                }
            }
            Ok(())
        })?;
        let orphans = orphans(&tx)?;
        if !orphans.is_empty() {
            return Err(refused(&orphans.join("; ")));
        }
        tx.commit()?;
    }
    // Opening migrates it to this version and gives it what every store holds.
    drop(Store::open_with(path, key)?);
    Ok(())
}

/// Rows that point at a record the document does not hold (the first three).
fn orphans(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 3")?;
    let found = stmt.query_map([], |r| {
        Ok(format!(
            "{} row {} points at a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or(0),
            r.get::<_, String>(2)?
        ))
    })?;
    Ok(found.collect::<Result<_, _>>()?)
}

fn load_row(
    conn: &Connection,
    table: &str,
    columns: &[String],
    row: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), String> {
    if table == "settings" && row.get("key").and_then(|k| k.as_str()).is_some_and(|k| DESKTOP_SETTINGS.contains(&k)) {
        return Ok(());
    }
    let mut names = Vec::with_capacity(row.len());
    let mut values = Vec::with_capacity(row.len());
    for (column, value) in row {
        if !columns.contains(column) {
            return Err(format!("no column “{column}”"));
        }
        names.push(format!("\"{column}\""));
        values.push(value_of(value).ok_or_else(|| format!("“{column}” holds a value no column can ({value})"))?);
    }
    let marks = vec!["?"; names.len()].join(", ");
    let sql = format!("INSERT INTO \"{table}\" ({}) VALUES ({marks})", names.join(", "));
    conn.prepare_cached(&sql)
        .and_then(|mut stmt| stmt.execute(rusqlite::params_from_iter(values)))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// The tables that hold data: all but SQLite's own and the search indexes with their shadow
/// tables (made again from the rows).
fn data_tables(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT t.name FROM sqlite_schema t
         WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_schema v
                           WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                             AND t.name IN (v.name || '_data', v.name || '_idx', v.name || '_content',
                                            v.name || '_docsize', v.name || '_config'))
         ORDER BY t.name",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

fn columns_of(conn: &Connection, table: &str) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

fn json_of(value: ValueRef<'_>) -> serde_json::Value {
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(n) => n.into(),
        ValueRef::Real(x) => serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number),
        ValueRef::Text(text) => String::from_utf8_lossy(text).into_owned().into(),
        ValueRef::Blob(bytes) => {
            serde_json::json!({ "hex": bytes.iter().map(|b| format!("{b:02x}")).collect::<String>() })
        }
    }
}

fn value_of(value: &serde_json::Value) -> Option<Value> {
    Some(match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::String(text) => Value::Text(text.clone()),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(whole) => Value::Integer(whole),
            None => Value::Real(n.as_f64()?),
        },
        serde_json::Value::Object(object) if object.len() == 1 => {
            let hex = object.get("hex")?.as_str()?;
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|i| hex.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
                .collect::<Option<Vec<u8>>>()?;
            Value::Blob(bytes)
        }
        _ => return None,
    })
}

fn refused(problem: &str) -> CoreError {
    CoreError::invalid(
        "file",
        Reason::NotABackup { problem: problem.to_owned() },
        format!("This file cannot be restored: {problem}. Nothing was changed."),
    )
}
