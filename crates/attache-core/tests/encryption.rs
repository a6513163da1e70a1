//! Encryption at rest against real files: a store with the sample visit encrypted with a
//! passphrase, its backups with it; opened only with the right passphrase; unreadable to a
//! SQLite that has no key (Python's own sqlite3); turned off again; and a refused re-key that
//! leaves the file byte for byte as it was.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use attache_core::directory::people::{self, PersonQuery};
use attache_core::kernel::error::Reason;
use attache_core::store::encryption::{self, Key};
use attache_core::store::{backups, open_user_store};
use attache_core::{CoreError, Store};

const PASSPHRASE: &str = "Sialkot in spring, 2026";

/// What Python's sqlite3 (no SQLCipher in it) reads from the file: the number of people, or
/// its error.
fn python_reads(path: &Path) -> Result<i64, String> {
    let script = "import sqlite3, sys\ntry:\n    print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM people').fetchone()[0])\nexcept Exception as e:\n    print('ERROR', e)";
    let out = Command::new("/usr/bin/python3").args(["-c", script]).arg(path).output().expect("run /usr/bin/python3");
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    text.parse().map_err(|_| text)
}

fn bytes_hold(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A data folder with the sample visit, a daily backup in it, and the number of people.
fn sample_folder() -> (tempfile::TempDir, PathBuf, PathBuf, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attache.sqlite3");
    let backups_dir = dir.path().join(backups::FOLDER);
    let store = open_user_store(&path, &Key::none()).unwrap();
    let people: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    drop(store);
    backups::daily(&path, &backups_dir, 7, chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), &Key::none())
        .unwrap();
    (dir, path, backups_dir, people)
}

fn reason_of(result: Result<Store, CoreError>) -> Reason {
    match result {
        Err(error) => error.reason().cloned().unwrap_or_else(|| panic!("no reason: {error}")),
        Ok(_) => panic!("the store opened"),
    }
}

#[test]
fn an_encrypted_store_and_its_backups_open_only_with_the_passphrase() {
    let (dir, path, backups_dir, people) = sample_folder();
    assert!(bytes_hold(&path, "Sialkot"), "the plain file holds the sample's words");
    assert_eq!(python_reads(&path), Ok(people));

    let done = encryption::rekey_store(&path, &backups_dir, &Key::none(), &Key::passphrase(PASSPHRASE)).unwrap();
    assert_eq!((done.encrypted, done.copies_rekeyed, done.copies_left.len()), (true, 1, 0));
    assert!(encryption::is_encrypted(&path).unwrap());
    assert!(!bytes_hold(&path, "Sialkot"), "no word of the data is left readable");
    let refusal = python_reads(&path).unwrap_err();
    assert!(refusal.contains("not a database"), "{refusal}");
    let daily = backups::list(&backups_dir).unwrap().remove(0);
    assert!(encryption::is_encrypted(Path::new(&daily.path)).unwrap(), "the daily backup is encrypted too");
    assert!(python_reads(Path::new(&daily.path)).is_err());

    let before = std::fs::read(&path).unwrap();
    assert_eq!(reason_of(Store::open(&path)), Reason::PassphraseNeeded);
    assert_eq!(
        reason_of(Store::open_with(&path, &Key::passphrase("sialkot in spring, 2026"))),
        Reason::WrongPassphrase
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "a refused passphrase changes nothing in the file");

    let key = Key::passphrase(PASSPHRASE);
    let mut store = open_user_store(&path, &key).unwrap();
    let mut query = PersonQuery::default();
    query.list.search = Some("Khorev".into());
    assert_eq!(people::all(store.conn(), &query).unwrap().len(), 1, "the search indexes came across");
    store
        .write(|w| {
            w.execute_batch("INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 1)")?;
            Ok(())
        })
        .unwrap();
    let chosen = dir.path().join("friday.sqlite3");
    backups::take(&path, &chosen, store.key()).unwrap();
    drop(store);
    assert!(encryption::is_encrypted(&chosen).unwrap(), "a backup of an encrypted store is encrypted");
    assert!(backups::check(&chosen, &key).unwrap().ok);
    assert_eq!(backups::check(&chosen, &Key::none()).unwrap_err().reason(), Some(&Reason::PassphraseNeeded));
    let restored = backups::restore(&path, &chosen, &backups_dir, &key).unwrap();
    assert!(restored.previous_saved_as.is_some());
    let store = Store::open_with(&path, &key).unwrap();
    assert_eq!(store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0)).unwrap(), people);
}

#[test]
fn turned_off_the_file_is_plain_sqlite_again() {
    let (_dir, path, backups_dir, people) = sample_folder();
    let key = Key::passphrase(PASSPHRASE);
    encryption::rekey_store(&path, &backups_dir, &Key::none(), &key).unwrap();
    let changed = Key::passphrase("a second, longer passphrase");
    encryption::rekey_store(&path, &backups_dir, &key, &changed).unwrap();
    assert_eq!(reason_of(Store::open_with(&path, &key)), Reason::WrongPassphrase);

    let done = encryption::rekey_store(&path, &backups_dir, &changed, &Key::none()).unwrap();
    assert_eq!((done.encrypted, done.copies_rekeyed), (false, 1));
    assert!(!encryption::is_encrypted(&path).unwrap());
    assert_eq!(python_reads(&path), Ok(people), "any SQLite reads it");
    let daily = backups::list(&backups_dir).unwrap().remove(0);
    assert_eq!(python_reads(Path::new(&daily.path)), Ok(people));
    Store::open(&path).unwrap();
}

#[test]
fn a_refused_rekey_leaves_the_file_as_it_was() {
    let (dir, path, backups_dir, _) = sample_folder();
    let before = std::fs::read(&path).unwrap();
    let short = encryption::rekey_store(&path, &backups_dir, &Key::none(), &Key::passphrase("short"));
    assert_eq!(short.unwrap_err().reason(), Some(&Reason::PassphraseTooShort { min: 8 }));

    let key = Key::passphrase(PASSPHRASE);
    encryption::rekey_store(&path, &backups_dir, &Key::none(), &key).unwrap();
    let encrypted = std::fs::read(&path).unwrap();
    assert_ne!(before, encrypted);
    let wrong = encryption::rekey_store(&path, &backups_dir, &Key::passphrase("not the passphrase"), &Key::none());
    assert_eq!(wrong.unwrap_err().reason(), Some(&Reason::WrongPassphrase));
    assert_eq!(std::fs::read(&path).unwrap(), encrypted, "the file is as it was");

    let open = Store::open_with(&path, &key).unwrap();
    let busy = encryption::rekey_file(&path, &key, &Key::none());
    assert_eq!(busy.unwrap_err().reason(), Some(&Reason::StoreInUse), "never under an open store");
    drop(open);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_passphrase_for_a_plain_file_is_said_so_and_a_new_encrypted_store_needs_a_long_one() {
    let (dir, path, _, _) = sample_folder();
    assert_eq!(reason_of(Store::open_with(&path, &Key::passphrase(PASSPHRASE))), Reason::NotEncrypted);
    let fresh = dir.path().join("new/attache.sqlite3");
    assert_eq!(reason_of(Store::open_with(&fresh, &Key::passphrase("short"))), Reason::PassphraseTooShort { min: 8 });
    drop(Store::open_with(&fresh, &Key::passphrase(PASSPHRASE)).unwrap());
    assert!(encryption::is_encrypted(&fresh).unwrap(), "made encrypted from the start");
}

#[test]
fn a_passphrase_with_quotes_right_to_left_script_and_20000_letters_works_both_ways() {
    let (_dir, path, backups_dir, people) = sample_folder();
    let odd = Key::passphrase(format!("it's \"سیالکوٹ\"; DROP TABLE people; -- {}", "x".repeat(20_000)));
    encryption::rekey_store(&path, &backups_dir, &Key::none(), &odd).unwrap();
    let store = Store::open_with(&path, &odd).unwrap();
    assert_eq!(store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0)).unwrap(), people);
    drop(store);
    encryption::rekey_store(&path, &backups_dir, &odd, &Key::none()).unwrap();
    assert_eq!(python_reads(&path), Ok(people));
}

#[test]
fn the_passphrase_in_use_is_asked_again_for_an_encrypted_store_only() {
    let key = Key::passphrase("correct horse battery");
    assert!(encryption::confirm_current(&key, Some("correct horse battery".into())).is_ok());
    for wrong in [None, Some(String::new()), Some("correct horse".into())] {
        let refused = encryption::confirm_current(&key, wrong).unwrap_err();
        assert!(matches!(refused.reason(), Some(Reason::WrongPassphrase)));
        assert_eq!(refused.field(), Some("current"));
    }
    assert!(encryption::confirm_current(&Key::none(), None).is_ok());
}
