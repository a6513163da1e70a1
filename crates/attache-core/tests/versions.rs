//! Sync-ready records: every change stamps a cross-machine version, reads cannot write, and a
//! store from before versions is given them without losing a link.

mod common;

use attache_core::directory::people;
use attache_core::kernel::clock;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::participants;
use attache_core::Store;

fn version(store: &Store, table: &str, id: &str) -> String {
    store.conn().query_row(&format!("SELECT version FROM {table} WHERE id = ?1"), [id], |r| r.get(0)).unwrap()
}

#[test]
fn every_change_moves_the_records_version_forward_and_the_audit_entry_carries_it() {
    let (_dir, mut store) = common::temp_store();
    let person = common::person(&mut store, "Denis", "Nevzorov");
    let id = person.id.as_str();
    let mut seen = vec![version(&store, "people", id)];
    let edited = attache_core::directory::people::PersonInput {
        position: Some("Trade Representative".into()),
        ..common::person_input("Denis", "Nevzorov")
    };
    people::update(&mut store, &person.id, edited.clone()).unwrap();
    seen.push(version(&store, "people", id));
    people::update(&mut store, &person.id, edited).unwrap(); // unchanged: no new version
    assert_eq!(version(&store, "people", id), seen[1], "saving an unchanged form is not a change");
    people::delete(&mut store, &person.id).unwrap();
    seen.push(version(&store, "people", id));
    people::restore(&mut store, &person.id).unwrap();
    seen.push(version(&store, "people", id));

    for pair in seen.windows(2) {
        assert!(pair[0] < pair[1], "versions grow: {seen:?}");
    }
    for v in &seen {
        let (_, _, device) = clock::parse(v).expect("a version");
        assert_eq!(device, store.device_id());
    }
    let audited: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT version FROM audit_log WHERE record_kind = 'person' AND record_id = ?1 ORDER BY seq")
            .unwrap();
        stmt.query_map([id], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(audited, seen, "each audit entry records the version it gave");
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Person, id).unwrap();
    assert!(history.iter().all(|e| !e.changes.contains("\"version\"")), "the version is not shown as an edit");
}

#[test]
fn a_check_in_is_a_change_too() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let person = common::person(&mut store, "Anton", "Vereshchagin");
    let input = common::participant_input(&visit.id, &person.id);
    let participant = participants::create(&mut store, input).unwrap();
    let before = version(&store, "participants", participant.id.as_str());
    participants::check_in(&mut store, &participant.id, true).unwrap();
    assert!(version(&store, "participants", participant.id.as_str()) > before);
}

#[test]
fn versions_keep_growing_after_the_store_is_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    let (id, first, device) = {
        let mut store = Store::open(&path).unwrap();
        let person = common::person(&mut store, "Salman", "Sheikh");
        (person.id.clone(), version(&store, "people", person.id.as_str()), store.device_id().to_owned())
    };
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.device_id(), device, "the device id is kept in the store");
    people::delete(&mut store, &id).unwrap();
    assert!(version(&store, "people", id.as_str()) > first);
}

#[test]
fn the_read_connection_refuses_to_write() {
    let (_dir, mut store) = common::temp_store();
    common::person(&mut store, "Denis", "Nevzorov");
    let refused = store.conn().execute("DELETE FROM people", []);
    assert!(refused.is_err(), "a read connection deleted rows");
    let left: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 1);
}

#[test]
fn a_schema_2_store_gets_versions_fixed_sector_ids_and_millisecond_instants() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/0001_initial.sql")).unwrap();
        conn.execute_batch(include_str!("../src/store/migrations/0002_search.sql")).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO sectors (id, code, name, created_at, updated_at) VALUES ('random-energy', 'energy', 'Energy', 'x', 'x');
             INSERT INTO organizations (id, name, kind, created_at, updated_at)
                 VALUES ('o1', 'SCCI', 'chamber', '2026-01-28T05:30:00.250Z', '2026-01-28T05:30:00.250Z');
             INSERT INTO organization_sectors (organization_id, sector_id) VALUES ('o1', 'random-energy');
             INSERT INTO visits (id, title, direction, status, time_zone, start_date, end_date, security_level, created_at, updated_at)
                 VALUES ('v1', 'Visit', 'incoming', 'planned', 'Asia/Karachi', '2026-01-28', '2026-01-28', 'standard', 'x', 'x');
             INSERT INTO engagements (id, visit_id, title, kind, starts_at, ends_at, created_at, updated_at)
                 VALUES ('e1', 'v1', 'Meeting', 'meeting', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z', 'x', 'x');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let one = |sql: &str| -> String { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    let device = store.device_id().to_owned();
    assert_eq!(device.len(), 16);
    assert_eq!(one("SELECT version FROM organizations WHERE id = 'o1'"), format!("001769578200250.00000.{device}"));
    assert_eq!(one("SELECT id FROM sectors WHERE code = 'energy'"), "00000000-0000-7000-8000-5ec700000001");
    assert_eq!(
        one("SELECT sector_id FROM organization_sectors WHERE organization_id = 'o1'"),
        "00000000-0000-7000-8000-5ec700000001",
        "the link follows the sector's new id"
    );
    assert_eq!(one("SELECT starts_at FROM engagements WHERE id = 'e1'"), "2026-01-28T05:00:00.000Z");
    let orphans: i64 =
        store.conn().query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn saving_an_unchanged_form_leaves_the_record_as_it_was() {
    let (_dir, mut store) = common::temp_store();
    let person = common::person(&mut store, "Denis", "Nevzorov");
    std::thread::sleep(std::time::Duration::from_millis(5));
    let again = people::update(&mut store, &person.id, common::person_input("Denis", "Nevzorov")).unwrap();
    assert_eq!(again.updated_at, person.updated_at, "not edited, so not newer");
}

#[test]
fn closing_the_store_leaves_everything_in_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        common::person(&mut store, "Denis", "Nevzorov");
    }
    let wal = dir.path().join("attache.sqlite3-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0, "edits were left in the -wal file");
    // A copy of the main file alone holds the edit.
    let copy = dir.path().join("copy.sqlite3");
    std::fs::copy(&path, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let people: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 1);
}
