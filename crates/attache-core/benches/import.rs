//! Contact imports at the sizes offices bring: a CSV of 10,000 and of 100,000 people (500
//! organizations, one row in twenty repeating an earlier e-mail, one in a hundred refused),
//! read, reviewed and imported into an empty store; and 10,000 rows reviewed against the
//! large store of the backup benchmark (the duplicate check then compares with every person
//! kept). `cargo xtask bench` runs it after the backups. Prints p50 / p95 / max.

mod timing;

use std::path::{Path, PathBuf};

use attache_core::exchange::import::{self, Decision, ImportChoices, Target};
use attache_core::Store;

fn contacts(path: &Path, rows: usize) {
    let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"];
    let spelt = |i: usize| -> String { i.to_string().bytes().map(|d| syllables[(d - b'0') as usize]).collect() };
    let mut text = String::from("First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Notes\n");
    for i in 0..rows {
        let email = if i % 20 == 19 { format!("p{}@example.org", i - 7) } else { format!("p{i}@example.org") };
        let email = if i % 100 == 42 { "not-an-address".to_owned() } else { email };
        text.push_str(&format!(
            "Given{},Family{},Company {},Manager,{email},+92 300 {i:07},\"Met at the fair, stand {i}\"\n",
            spelt(i),
            spelt(i),
            spelt(i % 500)
        ));
    }
    std::fs::write(path, text).expect("write contacts");
}

fn main() {
    let dir = tempfile::tempdir().expect("scratch folder");
    timing::heading();
    for (rows, runs) in [(10_000, 5), (100_000, 3)] {
        let file = dir.path().join(format!("contacts-{rows}.csv"));
        contacts(&file, rows);
        let source = import::read(&file, None).expect("read");
        timing::timed(&format!("read {rows} rows (CSV)"), runs, || {
            import::read(&file, None).expect("read");
        });
        let empty = Store::open(&dir.path().join(format!("empty-{rows}.sqlite3"))).expect("open");
        timing::timed(&format!("review {rows} rows, empty store"), runs, || {
            import::review(empty.conn(), &source, Target::People, None).expect("review");
        });
        let review = import::review(empty.conn(), &source, Target::People, None).expect("review");
        let choices = ImportChoices {
            target: Target::People,
            mapping: review.mapping,
            duplicates: Decision::Merge,
            decisions: vec![],
        };
        let mut run = 0;
        timing::timed(&format!("import {rows} rows into an empty store"), runs, || {
            run += 1;
            let mut store = Store::open(&dir.path().join(format!("import-{rows}-{run}.sqlite3"))).expect("open");
            let summary = import::apply(&mut store, &source, &choices, &mut |_, _| true).expect("import");
            assert!(summary.created as usize > rows * 9 / 10);
        });
    }
    let large = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data/attache-backup-sixth.sqlite3");
    if large.exists() {
        let store = Store::open(&large).expect("open the large store");
        let people: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("count");
        let file = dir.path().join("contacts-10000.csv");
        let source = import::read(&file, None).expect("read");
        timing::timed(&format!("review 10000 rows against {people} people"), 5, || {
            import::review(store.conn(), &source, Target::People, None).expect("review");
        });
    } else {
        println!("(the large store is made by the backups benchmark; run it first for the last line)");
    }
}
