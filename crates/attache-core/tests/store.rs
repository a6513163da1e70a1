mod common;

use attache_core::store::{schema_version, SCHEMA_VERSION};
use attache_core::{CoreError, Store};

#[test]
fn a_new_store_is_migrated_to_the_current_schema() {
    let (_dir, store) = common::temp_store();
    assert_eq!(schema_version(store.conn()).unwrap(), SCHEMA_VERSION);
    let tables: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN
             ('organizations','people','venues','vehicles','visits','engagements','engagement_attendees',
              'participants','agreements','agreement_parties','agreement_sectors','actions','sectors',
              'attachments','audit_log','settings')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 16);
}

#[test]
fn the_store_uses_wal_full_sync_and_foreign_keys() {
    let (_dir, store) = common::temp_store();
    let conn = store.conn();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(fk, 1);
}

#[test]
fn reopening_keeps_the_data_and_takes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        common::person(&mut store, "Denis", "Nevzorov");
    }
    let store = Store::open(&path).unwrap();
    let count: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 1);
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
    }
    let error = Store::open(&path).err().expect("refused");
    assert!(matches!(error, CoreError::SchemaTooNew { found, .. } if found == SCHEMA_VERSION + 5));
    assert!(error.to_string().contains("newer version of Attaché"), "{error}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION + 5);
}

#[test]
fn enumerated_columns_reject_unknown_words() {
    let (_dir, mut store) = common::temp_store();
    let insert = |kind: &'static str| {
        move |w: &attache_core::store::Writer<'_>| {
            Ok(w.execute(
                "INSERT INTO organizations (id, name, kind, created_at, updated_at) VALUES (?1, 'X', ?1, 'now', 'now')",
                [kind],
            )?)
        }
    };
    assert!(store.write(insert("chamber")).is_ok(), "a known kind is accepted");
    let refused = store.write(insert("cartel")).unwrap_err();
    assert!(refused.to_string().contains("CHECK"), "CHECK constraint on kind: {refused}");
}

#[test]
fn the_default_sectors_exist_once_with_fixed_ids_and_stay_deleted_when_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    let rows =
        |store: &Store| -> i64 { store.conn().query_row("SELECT count(*) FROM sectors", [], |r| r.get(0)).unwrap() };
    let mut first = Store::open(&path).unwrap();
    assert_eq!(rows(&first), 11);
    first.write(|w| Ok(w.execute("UPDATE sectors SET deleted_at = 'x' WHERE code = 'education'", [])?)).unwrap();
    drop(first);

    let store = Store::open(&path).unwrap();
    assert_eq!(rows(&store), 11, "opening again adds no sector");
    let sectors = attache_core::directory::sectors::list(store.conn()).unwrap();
    assert_eq!(sectors.len(), 10, "a deleted default sector is not brought back");
    let energy = sectors.iter().find(|s| s.code == "energy").unwrap();
    assert_eq!(energy.id.as_str(), "00000000-0000-7000-8000-5ec700000001", "the same id on every desktop");
}

#[test]
fn a_schema_1_store_is_backed_up_and_upgraded_with_its_search_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/0001_initial.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO people (id, given_name, family_name, created_at, updated_at) VALUES ('p1', 'Anton', 'Vereshchagin', 'x', 'x')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(schema_version(store.conn()).unwrap(), SCHEMA_VERSION);
    let query = attache_core::directory::people::PersonQuery {
        list: attache_core::kernel::listing::ListQuery { search: Some("reshch".into()), ..Default::default() },
        ..Default::default()
    };
    assert_eq!(
        attache_core::directory::people::list(store.conn(), &query).unwrap().total,
        1,
        "existing rows are indexed"
    );
    let query = attache_core::directory::people::PersonQuery {
        list: attache_core::kernel::listing::ListQuery { search: Some("Верещ".into()), ..Default::default() },
        ..Default::default()
    };
    assert_eq!(
        attache_core::directory::people::list(store.conn(), &query).unwrap().total,
        1,
        "existing rows get their name keys"
    );
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("attache.sqlite3.v1-") && name.ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
}
