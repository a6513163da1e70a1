//! Backups at the size the targets are set in: a store of about 100 MB (a sixth of the full
//! large-office dataset) copied with the online backup API, checked, and restored.
//!
//! `cargo xtask bench` runs it after the list benchmarks; the store is built once into
//! target/bench-data. Prints p50 / p95 / max over the runs; the target for a backup is < 2 s.

mod timing;

use std::path::{Path, PathBuf};
use std::time::Instant;

use attache_core::fixtures::bulk::{self, Scale};
use attache_core::store::backups;
use attache_core::store::Key;
use attache_core::Store;

const RUNS: usize = 10;

fn dataset() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    let path = dir.join("attache-backup-sixth.sqlite3");
    let ready = dir.join("attache-backup-sixth.ready");
    if !ready.exists() {
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(&path).expect("open bench store");
        let started = Instant::now();
        bulk::generate(&mut store, Scale::FULL.fraction(6)).expect("generate dataset");
        eprintln!("generated the backup dataset in {:.1} s", started.elapsed().as_secs_f64());
        std::fs::write(&ready, "").expect("mark dataset ready");
    }
    path
}

fn megabytes(path: &Path) -> f64 {
    std::fs::metadata(path).map(|m| m.len() as f64 / 1_048_576.0).unwrap_or(0.0)
}

fn main() {
    let store = dataset();
    let scratch = tempfile::tempdir_in(store.parent().unwrap()).expect("scratch folder");
    let copy = scratch.path().join("copy.sqlite3");
    println!("store: {:.1} MB, {RUNS} runs each", megabytes(&store));
    timing::heading();
    timing::timed("backup (online API, to a new file)", RUNS, || {
        backups::take(&store, &copy, &Key::none()).expect("backup");
    });
    println!("backup file: {:.1} MB", megabytes(&copy));
    timing::timed("check (integrity + foreign keys)", RUNS, || {
        assert!(backups::check(&copy, &Key::none()).expect("check").ok);
    });
    // A restore replaces a working store: it works on a copy, taken again before each run.
    let live = scratch.path().join("live.sqlite3");
    let safety = scratch.path().join("backups");
    timing::timed("restore (check, keep the old store, copy back)", RUNS, || {
        std::fs::copy(&store, &live).expect("working copy");
        backups::restore(&live, &copy, &safety, &Key::none()).expect("restore");
        let _ = std::fs::remove_dir_all(&safety);
    });
    timing::timed("quick_check (beside the app, after start)", RUNS, || {
        assert!(backups::quick_check(&store, &Key::none()).expect("quick check").is_empty());
    });
}
