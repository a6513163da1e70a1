//! Backups: taken while the store is written, checked, rolled daily, and restored without ever
//! losing the store they replace.

mod common;

use std::path::{Path, PathBuf};

use attache_core::kernel::error::Reason;
use attache_core::store::backups;
use attache_core::store::Key;
use attache_core::{CoreError, Store};
use chrono::NaiveDate;
use common::person;

fn store_in(dir: &Path) -> (PathBuf, Store) {
    let path = dir.join("attache.sqlite3");
    let store = Store::open(&path).expect("open store");
    (path, store)
}

fn names(store: &Store) -> Vec<String> {
    let mut stmt = store.conn().prepare("SELECT given_name || ' ' || family_name FROM people ORDER BY 1").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn people_in(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap()
}

/// Overwrites the middle of a file with bytes no database page holds.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let from = bytes.len() / 3;
    let to = (from + 8192).min(bytes.len());
    bytes[from..to].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

fn refusal(result: Result<impl std::fmt::Debug, CoreError>) -> (String, Reason) {
    match result.expect_err("should be refused") {
        CoreError::Validation { field, reason, .. } => (field, reason),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_backup_is_one_sound_file_with_everything_committed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    let target = dir.path().join("chosen").join("copy.sqlite3");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();

    let taken = backups::take(&path, &target, &Key::none()).unwrap();

    assert_eq!(taken.path, target.display().to_string());
    assert_eq!((taken.name.as_str(), taken.kind), ("copy.sqlite3", backups::BackupKind::Chosen));
    assert!(taken.bytes > 0);
    assert_eq!(people_in(&target), 1);
    let report = backups::check(&target, &Key::none()).unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.schema_version, attache_core::store::SCHEMA_VERSION);
    // One self-contained file: no write-ahead log beside it, none announced in its header.
    assert!(!dir.path().join("chosen/copy.sqlite3-wal").exists());
    let copy = rusqlite::Connection::open(&target).unwrap();
    let mode: String = copy.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
    // Nothing half-written is left in the folder.
    let leftovers: Vec<_> =
        std::fs::read_dir(target.parent().unwrap()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("copy.sqlite3")]);
}

#[test]
fn a_backup_is_never_written_over_the_data_file_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    let roundabout = dir.path().join("sub").join("..").join("attache.sqlite3");
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();

    for target in [path.clone(), roundabout] {
        assert_eq!(refusal(backups::take(&path, &target, &Key::none())), ("path".into(), Reason::SameAsStore));
    }
    assert_eq!(names(&store), vec!["Albert Khorev"]);
}

#[test]
fn backups_taken_while_another_thread_writes_are_each_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = store_in(dir.path());
    drop(store);
    let writer_path = path.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writing = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut store = Store::open(&writer_path).unwrap();
            let mut written = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                person(&mut store, "Delegate", &written.to_string());
                written += 1;
            }
            written
        })
    };
    let mut counts = Vec::new();
    for round in 0..6 {
        std::thread::sleep(std::time::Duration::from_millis(40));
        let target = dir.path().join(format!("round-{round}.sqlite3"));
        backups::take(&path, &target, &Key::none()).unwrap();
        assert!(backups::check(&target, &Key::none()).unwrap().ok);
        counts.push(people_in(&target));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writing.join().unwrap();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "each backup holds at least what the one before did: {counts:?}");
    assert!(*counts.last().unwrap() <= written);
    assert!(*counts.last().unwrap() > 0, "the writer committed something before the last backup");
}

#[test]
fn restoring_puts_the_backup_back_and_keeps_the_store_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    let backup = dir.path().join("monday.sqlite3");
    backups::take(&path, &backup, &Key::none()).unwrap();
    person(&mut store, "Olga", "Petrova");
    drop(store);

    let safety = dir.path().join("backups");
    let restored = backups::restore(&path, &backup, &safety, &Key::none()).unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(names(&store), vec!["Albert Khorev"]);
    // The store as it was, kept: nothing is lost by restoring the wrong day.
    let kept = restored.previous_saved_as.clone().expect("the store was kept");
    let previous = Store::open(Path::new(&kept)).unwrap();
    assert_eq!(names(&previous), vec!["Albert Khorev", "Olga Petrova"]);
    assert!(backups::list(&safety)
        .unwrap()
        .iter()
        .any(|b| b.path == kept && b.kind == backups::BackupKind::BeforeRestore));
    // The restored store takes new work.
    person(&mut store, "Farhan", "Siddiqui");
    assert_eq!(names(&store), vec!["Albert Khorev", "Farhan Siddiqui"]);
}

#[test]
fn a_damaged_or_foreign_file_is_refused_and_the_store_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    drop(store);
    let safety = dir.path().join("backups");

    let text = dir.path().join("notes.sqlite3");
    std::fs::write(&text, "Delegation list, not a database\n".repeat(200)).unwrap();
    let (field, reason) = refusal(backups::restore(&path, &text, &safety, &Key::none()));
    assert_eq!(field, "backup");
    assert!(matches!(reason, Reason::NotABackup { .. }));

    let missing = dir.path().join("gone.sqlite3");
    assert!(matches!(refusal(backups::restore(&path, &missing, &safety, &Key::none())).1, Reason::NotABackup { .. }));

    let foreign = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let (_, reason) = refusal(backups::restore(&path, &foreign, &safety, &Key::none()));
    assert_eq!(reason, Reason::NotABackup { problem: "it is not an Attaché data file".into() });

    let damaged = dir.path().join("damaged.sqlite3");
    let (big_path, mut big) = store_in(&dir.path().join("big"));
    for i in 0..400 {
        person(&mut big, "Delegate with a name long enough to fill pages", &i.to_string());
    }
    drop(big);
    backups::take(&big_path, &damaged, &Key::none()).unwrap();
    damage(&damaged);
    assert!(backups::check(&damaged, &Key::none()).map_or(true, |r| !r.ok), "the damage is found");
    assert!(matches!(refusal(backups::restore(&path, &damaged, &safety, &Key::none())).1, Reason::NotABackup { .. }));

    let store = Store::open(&path).unwrap();
    assert_eq!(names(&store), vec!["Albert Khorev"]);
    assert!(backups::list(&safety).unwrap().is_empty(), "nothing was replaced, so nothing was set aside");
}

#[test]
fn a_backup_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = store_in(dir.path());
    drop(store);
    let newer = dir.path().join("newer.sqlite3");
    backups::take(&path, &newer, &Key::none()).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", attache_core::store::SCHEMA_VERSION + 1)
        .unwrap();

    let result = backups::restore(&path, &newer, &dir.path().join("backups"), &Key::none());

    assert!(matches!(result, Err(CoreError::SchemaTooNew { .. })), "{result:?}");
}

#[test]
fn a_daily_backup_is_taken_once_a_day_and_only_the_last_ones_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    let folder = dir.path().join(backups::FOLDER);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();

    assert_eq!(
        backups::daily(&path, &folder, 3, day(20), &Key::none()).unwrap().map(|b| b.kind),
        Some(backups::BackupKind::Daily)
    );
    assert!(backups::daily(&path, &folder, 3, day(20), &Key::none()).unwrap().is_none(), "once a day");
    for d in 21..=24 {
        backups::daily(&path, &folder, 3, day(d), &Key::none()).unwrap();
    }

    let kept: Vec<String> = backups::list(&folder)
        .unwrap()
        .into_iter()
        .map(|b| Path::new(&b.path).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut sorted = kept.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["attache-2026-11-22.sqlite3", "attache-2026-11-23.sqlite3", "attache-2026-11-24.sqlite3"]);
}

#[test]
fn the_latest_sound_backup_passes_over_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    for i in 0..400 {
        person(&mut store, "Delegate with a name long enough to fill pages", &i.to_string());
    }
    let folder = dir.path().join(backups::FOLDER);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    backups::daily(&path, &folder, 7, day(20), &Key::none()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let newest = backups::daily(&path, &folder, 7, day(21), &Key::none()).unwrap().unwrap();
    damage(Path::new(&newest.path));

    let sound = backups::latest_sound(&folder, &Key::none()).unwrap().expect("a sound backup");

    assert!(sound.path.ends_with("attache-2026-11-20.sqlite3"), "{}", sound.path);
}

#[test]
fn quick_check_finds_nothing_in_a_sound_store_and_something_in_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    for i in 0..400 {
        person(&mut store, "Delegate with a name long enough to fill pages", &i.to_string());
    }
    assert_eq!(backups::quick_check(&path, &Key::none()).unwrap(), Vec::<String>::new());
    let copy = dir.path().join("copy.sqlite3");
    backups::take(&path, &copy, &Key::none()).unwrap();
    damage(&copy);
    assert!(!backups::quick_check(&copy, &Key::none()).unwrap().is_empty());
}

#[test]
fn the_number_of_daily_backups_kept_is_a_setting_within_bounds() {
    let (_dir, mut store) = common::temp_store();
    assert_eq!(backups::keep(store.conn()).unwrap(), backups::DEFAULT_KEEP);
    backups::set_keep(&mut store, 30).unwrap();
    assert_eq!(backups::keep(store.conn()).unwrap(), 30);
    assert_eq!(refusal(backups::set_keep(&mut store, 0)), ("keep".into(), Reason::TooSmall { min: 1 }));
    assert_eq!(refusal(backups::set_keep(&mut store, 366)), ("keep".into(), Reason::TooLarge { max: 365 }));
    assert_eq!(backups::keep(store.conn()).unwrap(), 30);
}

#[test]
fn a_store_that_is_open_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = store_in(dir.path());
    person(&mut store, "Albert", "Khorev");
    let backup = dir.path().join("copy.sqlite3");
    backups::take(&path, &backup, &Key::none()).unwrap();
    person(&mut store, "Olga", "Petrova");

    let refused = backups::restore(&path, &backup, &dir.path().join("backups"), &Key::none());

    assert!(matches!(refused, Err(CoreError::Conflict { reason: Reason::StoreInUse, .. })), "{refused:?}");
    assert_eq!(names(&store), vec!["Albert Khorev", "Olga Petrova"]);
    drop(store);
    backups::restore(&path, &backup, &dir.path().join("backups"), &Key::none()).unwrap();
}

#[test]
fn half_written_copies_a_killed_process_left_are_swept_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let leftover = dir.path().join(".attache-backup-x1.partial");
    let fresh = dir.path().join(".attache-rekey-x2.partial");
    let other = dir.path().join("attache-2026-11-28.sqlite3");
    for file in [&leftover, &fresh, &other] {
        std::fs::write(file, b"half").unwrap();
    }
    // Made long ago: a copy no running process could still be writing.
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(7 * 60 * 60);
    std::fs::File::options().write(true).open(&leftover).unwrap().set_modified(then).unwrap();
    let removed = backups::sweep_leftovers(dir.path(), std::time::Duration::from_secs(6 * 60 * 60)).unwrap();
    assert_eq!(removed, 1);
    assert!(!leftover.exists());
    assert!(fresh.exists(), "one still being written stays");
    assert!(other.exists());
}
