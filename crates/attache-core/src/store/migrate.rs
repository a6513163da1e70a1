//! Numbered migrations, only ever appended. The schema version lives in `PRAGMA user_version`
//! and is bumped inside the same transaction as the migration's SQL.

use std::path::Path;

use rusqlite::{backup::Backup, Connection, TransactionBehavior};

use super::Key;
use crate::kernel::error::{CoreError, CoreResult};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_search.sql"),
    include_str!("migrations/0003_versions.sql"),
    include_str!("migrations/0004_names.sql"),
    include_str!("migrations/0005_planning.sql"),
    include_str!("migrations/0006_programme_lookups.sql"),
    include_str!("migrations/0007_follow_up.sql"),
    include_str!("migrations/0008_outcomes.sql"),
    include_str!("migrations/0009_reminders.sql"),
    include_str!("migrations/0010_imports.sql"),
    include_str!("migrations/0011_merges.sql"),
    include_str!("migrations/0012_seating.sql"),
    include_str!("migrations/0013_printings.sql"),
    include_str!("migrations/0014_gifts.sql"),
    include_str!("migrations/0015_meal_needs.sql"),
    include_str!("migrations/0016_outcomes.sql"),
    include_str!("migrations/0017_attachment_kinds.sql"),
];

/// The schema version this build of Attaché writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

pub(super) fn run(conn: &mut Connection, path: &Path, key: &Key) -> CoreResult<()> {
    apply(conn, path, key, MIGRATIONS)
}

/// Brings a new, empty database to schema `version` exactly (not beyond): the shape a whole-store
/// document of that version was exported from.
pub(crate) fn create_at(conn: &mut Connection, path: &Path, key: &Key, version: i64) -> CoreResult<()> {
    let version = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    apply(conn, path, key, &MIGRATIONS[..version])
}

fn apply(conn: &mut Connection, path: &Path, key: &Key, migrations: &[&str]) -> CoreResult<()> {
    let found = schema_version(conn)?;
    let supported = migrations.len() as i64;
    if found > supported {
        return Err(CoreError::SchemaTooNew { found, supported });
    }
    if found == supported {
        return Ok(());
    }
    if found > 0 {
        backup(conn, path, key, found)?;
    }
    for (index, sql) in migrations.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Copies the live database beside itself (`<name>.v<N>-<timestamp>.bak`) with SQLite's online
/// backup API, so a migration that goes wrong never costs the user their data.
fn backup(conn: &Connection, path: &Path, key: &Key, version: i64) -> CoreResult<()> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = path.with_file_name(format!("{file_name}.v{version}-{stamp}.bak"));
    // Encrypted alike: SQLite's backup copies pages, which must be keyed the same at both ends.
    let mut copy = super::encryption::connect_writable(&target, key)?;
    Backup::new(conn, &mut copy)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
    prune_backups(path, KEPT_BACKUPS)
}

/// Backups taken before migrations that are kept: each is a whole copy of the store, and
/// only the last few can matter (the migrations they precede have run and been used since).
const KEPT_BACKUPS: usize = 3;

/// Deletes all but the newest `keep` migration backups of the store at `path`. Their names end
/// in a UTC timestamp, so name order after the version is age order.
fn prune_backups(path: &Path, keep: usize) -> CoreResult<()> {
    let backups = backups_of(path)?;
    let excess = backups.len().saturating_sub(keep);
    for old in backups.into_iter().take(excess) {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

/// The migration backups of the store at `path`, oldest first.
pub(crate) fn backups_of(path: &Path) -> CoreResult<Vec<std::path::PathBuf>> {
    let Some(dir) = path.parent() else { return Ok(Vec::new()) };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!("{}.v", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
    let mut backups: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(".bak")?.split_once('-')?.1.to_owned();
            Some((stamp, entry.path()))
        })
        .collect();
    backups.sort();
    Ok(backups.into_iter().map(|(_, path)| path).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: &str = "CREATE TABLE one (id INTEGER PRIMARY KEY);";
    const SECOND: &str = "CREATE TABLE two (id INTEGER PRIMARY KEY);";

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    }

    #[test]
    fn an_older_database_is_backed_up_then_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &path, &Key::none(), &[FIRST]).unwrap();
        conn.execute("INSERT INTO one (id) VALUES (7)", []).unwrap();
        // Three backups from earlier migrations: the oldest goes when the new one is taken.
        for stamp in ["20240101T000000Z", "20240201T000000Z", "20240301T000000Z"] {
            std::fs::write(dir.path().join(format!("store.sqlite3.v0-{stamp}.bak")), b"old").unwrap();
        }

        apply(&mut conn, &path, &Key::none(), &[FIRST, SECOND]).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 2);
        assert_eq!(tables(&conn), ["one", "two"]);

        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".bak"))
            .collect();
        assert_eq!(backups.len(), 3, "the new backup and the two newest before it: {backups:?}");
        assert!(!backups.iter().any(|b| b.to_string_lossy().contains("20240101")), "the oldest is pruned");
        let new = backups.iter().find(|b| b.to_string_lossy().contains(".v1-")).expect("a backup of version 1");
        let copy = Connection::open(new).unwrap();
        assert_eq!(schema_version(&copy).unwrap(), 1);
        assert_eq!(tables(&copy), ["one"]);
        let kept: i64 = copy.query_row("SELECT id FROM one", [], |r| r.get(0)).unwrap();
        assert_eq!(kept, 7);
    }

    #[test]
    fn only_the_last_three_backups_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let stamps = ["20250101T000000Z", "20250201T000000Z", "20250301T000000Z", "20250401T000000Z"];
        for (version, stamp) in stamps.iter().enumerate() {
            std::fs::write(dir.path().join(format!("store.sqlite3.v{}-{stamp}.bak", version + 1)), b"x").unwrap();
        }
        std::fs::write(dir.path().join("other.sqlite3.v1-20240101T000000Z.bak"), b"x").unwrap();
        prune_backups(&path, 3).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "other.sqlite3.v1-20240101T000000Z.bak",
                "store.sqlite3.v2-20250201T000000Z.bak",
                "store.sqlite3.v3-20250301T000000Z.bak",
                "store.sqlite3.v4-20250401T000000Z.bak"
            ]
        );
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, &path, &Key::none(), &[FIRST]).unwrap();
        let broken = "CREATE TABLE two (id INTEGER PRIMARY KEY); THIS IS NOT SQL;";
        assert!(apply(&mut conn, &path, &Key::none(), &[FIRST, broken]).is_err());
        assert_eq!(schema_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["one"]);
    }

    /// Migration 6 gives each programme item the list of its attendees, from the rows a store
    /// of version 5 already holds, and keeps it as attendees come and go.
    #[test]
    fn migration_6_lists_each_items_attendees_and_keeps_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        super::super::register_name_keys(&conn).unwrap();
        apply(&mut conn, &path, &Key::none(), &MIGRATIONS[..5]).unwrap();
        let at = "2026-01-01T00:00:00.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO visits (id, title, direction, status, time_zone, start_date, end_date, security_level, created_at, updated_at)
             VALUES ('v', 'Visit', 'incoming', 'planned', 'UTC', '2026-03-01', '2026-03-02', 'standard', '{at}', '{at}');
             INSERT INTO people (id, given_name, created_at, updated_at) VALUES ('p2', 'B', '{at}', '{at}'), ('p1', 'A', '{at}', '{at}');
             INSERT INTO engagements (id, visit_id, title, kind, starts_at, ends_at, created_at, updated_at) VALUES
                 ('e1', 'v', 'Talks', 'meeting', '2026-03-01T09:00:00.000Z', '2026-03-01T10:00:00.000Z', '{at}', '{at}'),
                 ('e2', 'v', 'Lunch', 'meeting', '2026-03-01T12:00:00.000Z', '2026-03-01T13:00:00.000Z', '{at}', '{at}');
             INSERT INTO engagement_attendees (engagement_id, person_id, created_at) VALUES ('e1', 'p2', '{at}'), ('e1', 'p1', '{at}');"
        ))
        .unwrap();
        apply(&mut conn, &path, &Key::none(), MIGRATIONS).unwrap();
        let list = |conn: &Connection, id: &str| -> String {
            conn.query_row("SELECT attendee_list FROM engagements WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        assert_eq!(list(&conn, "e1"), r#"["p1","p2"]"#, "in the order added, from the rows already there");
        assert_eq!(list(&conn, "e2"), "[]");
        conn.execute(
            "INSERT INTO engagement_attendees (engagement_id, person_id, created_at) VALUES ('e2', 'p2', ?1)",
            [at],
        )
        .unwrap();
        conn.execute("DELETE FROM engagement_attendees WHERE engagement_id = 'e1' AND person_id = 'p1'", []).unwrap();
        assert_eq!(list(&conn, "e1"), r#"["p2"]"#);
        assert_eq!(list(&conn, "e2"), r#"["p2"]"#);
    }

    /// Migration 7 fills in who completed the actions already done, from the audit log.
    #[test]
    fn migration_7_finds_who_completed_each_done_action() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        super::super::register_name_keys(&conn).unwrap();
        apply(&mut conn, &path, &Key::none(), &MIGRATIONS[..6]).unwrap();
        let at = "2026-01-01T00:00:00.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO actions (id, title, priority, status, completed_at, created_at, updated_at) VALUES
                 ('a1', 'Done', 'normal', 'done', '{at}', '{at}', '{at}'),
                 ('a2', 'Open', 'normal', 'open', NULL, '{at}', '{at}');
             INSERT INTO audit_log (at, actor, record_kind, record_id, operation, changes) VALUES
                 ('{at}', 'olga', 'action', 'a1', 'create', '{{\"status\": {{\"before\": null, \"after\": \"open\"}}}}'),
                 ('2026-01-02T00:00:00.000Z', 'ahtesham', 'action', 'a1', 'update', '{{\"status\": {{\"before\": \"open\", \"after\": \"done\"}}}}');"
        ))
        .unwrap();
        apply(&mut conn, &path, &Key::none(), MIGRATIONS).unwrap();
        let by = |id: &str| -> Option<String> {
            conn.query_row("SELECT completed_by FROM actions WHERE id = ?1", [id], |r| r.get(0)).unwrap()
        };
        assert_eq!(by("a1").as_deref(), Some("ahtesham"));
        assert_eq!(by("a2"), None);
    }
}
