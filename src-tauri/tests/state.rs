//! The shell's state: the store opened in the data folder, the sample on first start, and a
//! store that cannot be opened reported to every command instead of crashing the app.

use attache_core::ErrorCode;
use attache_lib::state::AppState;

#[test]
fn a_new_data_folder_gets_the_sample_visit() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().join("org.attache.desktop"));
    assert!(state.open_error().is_none());
    let visits: i64 = state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM visits", [], |r| r.get(0))?)).unwrap();
    assert_eq!(visits, 2);
    assert!(state.database_path().exists());
}

#[test]
fn a_store_from_a_newer_app_is_reported_to_every_command() {
    let dir = tempfile::tempdir().unwrap();
    drop(AppState::open(dir.path().to_owned()));
    {
        let conn = rusqlite::Connection::open(dir.path().join("attache.sqlite3")).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let state = AppState::open(dir.path().to_owned());
    let error = state.open_error().expect("refused");
    assert_eq!(error.code, ErrorCode::SchemaTooNew);
    assert!(error.message.contains("newer version of Attaché"));
    let read = state.read(|_| Ok(())).unwrap_err();
    assert_eq!(read.code, ErrorCode::SchemaTooNew);
}

#[test]
fn a_read_command_cannot_change_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(dir.path().to_owned());
    let refused = state.read(|conn| Ok(conn.execute("DELETE FROM visits", [])?)).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Storage, "{}", refused.message);
    let visits: i64 = state.read(|conn| Ok(conn.query_row("SELECT count(*) FROM visits", [], |r| r.get(0))?)).unwrap();
    assert_eq!(visits, 2, "the read command deleted nothing");
}
