//! The whole store as one JSON document: written from the sample visit (with hostile text in
//! it), read by Python's json module, restored into another data folder table for table and
//! row for row, searchable there; and documents that are not sound are refused with nothing
//! changed.

mod common;

use std::path::Path;
use std::process::Command;

use attache_core::directory::people::{self, PersonInput, PersonQuery};
use attache_core::exchange::whole_store;
use attache_core::kernel::error::Reason;
use attache_core::store::{open_user_store, Key};
use attache_core::{CoreError, Store};
use common::person_input;

const HOSTILE: &str = "<script>alert(1)</script> '; DROP TABLE people; -- \u{202e}lmth.exe =HYPERLINK(\"x\") \u{0}";

fn document(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The tables of a document, the settings of one desktop left out.
fn tables(path: &Path) -> serde_json::Value {
    let mut tables = document(path)["tables"].clone();
    let settings = tables["settings"].as_array_mut().unwrap();
    settings.retain(|row| row["key"] != "device.id");
    tables
}

/// What Python's json module finds in the document: its format and the people's family names.
fn python_reads(path: &Path) -> (String, Vec<String>) {
    let script = "import json, sys\nd = json.load(open(sys.argv[1], encoding='utf-8'))\nprint(json.dumps([d['format'], [p['family_name'] for p in d['tables']['people']]]))";
    let out = Command::new("/usr/bin/python3").args(["-c", script]).arg(path).output().expect("run /usr/bin/python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn refusal(result: Result<impl std::fmt::Debug, CoreError>) -> String {
    match result.expect_err("should be refused") {
        CoreError::Validation { field, reason: Reason::NotABackup { problem }, .. } if field == "file" => problem,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_whole_store_goes_out_as_json_and_comes_back_row_for_row() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("office/attache.sqlite3");
    let mut store = open_user_store(&original, &Key::none()).unwrap();
    people::create(&mut store, PersonInput { notes: Some(HOSTILE.into()), ..person_input("Hostile", "Тестов") })
        .unwrap();
    let file = dir.path().join("everything.json");
    let rows = whole_store::export(store.conn(), &file).unwrap();
    assert!(rows > 100, "{rows} rows");
    let expected = tables(&file);
    drop(store);

    let (format, families) = python_reads(&file);
    assert_eq!(format, "attache-store");
    assert!(families.contains(&"Khorev".to_owned()) && families.contains(&"Тестов".to_owned()), "{families:?}");

    // Another office's store, with someone of its own, takes the document's place.
    let other = dir.path().join("other/attache.sqlite3");
    let mut elsewhere = Store::open(&other).unwrap();
    people::create(&mut elsewhere, person_input("Only", "Here")).unwrap();
    drop(elsewhere);
    let restored = whole_store::restore(&other, &file, &dir.path().join("other/backups"), &Key::none()).unwrap();
    assert!(restored.previous_saved_as.is_some(), "the store replaced is kept");

    let store = Store::open(&other).unwrap();
    let again = dir.path().join("again.json");
    whole_store::export(store.conn(), &again).unwrap();
    assert_eq!(tables(&again), expected, "every table, row for row");
    let mut query = PersonQuery::default();
    query.list.search = Some("Хорев".into());
    assert_eq!(
        people::all(store.conn(), &query).unwrap().len(),
        1,
        "found by transliteration: the indexes were made again"
    );
    query.list.search = Some("Here".into());
    assert!(people::all(store.conn(), &query).unwrap().is_empty());
    let hostile =
        people::all(store.conn(), &PersonQuery::default()).unwrap().into_iter().find(|p| p.given_name == "Hostile");
    assert_eq!(hostile.unwrap().notes.as_deref(), Some(HOSTILE), "stored verbatim");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("other/backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn documents_that_are_not_sound_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    let mut store = Store::open(&path).unwrap();
    people::create(&mut store, person_input("Albert", "Khorev")).unwrap();
    let good = dir.path().join("good.json");
    whole_store::export(store.conn(), &good).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let safety = dir.path().join("backups");
    let text = std::fs::read_to_string(&good).unwrap();
    let write = |name: &str, content: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        file
    };

    let cut = write("cut.json", &text[..text.len() / 2]);
    assert!(refusal(whole_store::restore(&path, &cut, &safety, &Key::none())).contains("not a whole-store document"));
    let newer = write("newer.json", &text.replacen("\"formatVersion\":1", "\"formatVersion\":2", 1));
    assert!(refusal(whole_store::restore(&path, &newer, &safety, &Key::none())).contains("newer Attaché"));
    let table = write("table.json", &text.replacen("\"tables\": {", "\"tables\": {\"passwords\": [{\"x\": 1}],", 1));
    assert!(refusal(whole_store::restore(&path, &table, &safety, &Key::none())).contains("“passwords”"));
    let column =
        write("column.json", &text.replacen("\"given_name\":", "\"given_name\\\"; DROP TABLE people; --\":", 1));
    assert!(refusal(whole_store::restore(&path, &column, &safety, &Key::none())).contains("no column"));
    let orphan = write(
        "orphan.json",
        &text.replacen("\"organization_id\":null", "\"organization_id\":\"no-such-organization\"", 1),
    );
    let problem = refusal(whole_store::restore(&path, &orphan, &safety, &Key::none()));
    assert!(problem.contains("missing"), "{problem}");
    let schema = write("schema.json", &text.replacen("\"schemaVersion\":", "\"schemaVersion\":9", 1));
    assert!(matches!(whole_store::restore(&path, &schema, &safety, &Key::none()), Err(CoreError::SchemaTooNew { .. })));

    assert_eq!(std::fs::read(&path).unwrap(), before, "the store is as it was");
    assert!(!safety.exists() || std::fs::read_dir(&safety).unwrap().count() == 0, "nothing left behind");
}
