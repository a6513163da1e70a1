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
    contacts_from(path, 0, rows);
}

/// Rows `first..first + rows`: a file from another offset holds other people.
fn contacts_from(path: &Path, first: usize, rows: usize) {
    let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"];
    let spelt = |i: usize| -> String { i.to_string().bytes().map(|d| syllables[(d - b'0') as usize]).collect() };
    let mut text = String::from("First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Notes\n");
    for i in first..first + rows {
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
    // `cargo bench --bench import -- full` times only the import into a full store (for profiling).
    if std::env::args().any(|a| a == "full") {
        against_a_full_store(dir.path());
        return;
    }
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
    against_a_full_store(dir.path());
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

/// The figures: 100,000 people imported (with the duplicate check) into a store that
/// holds 100,000 already, then exported to .xlsx (100,000 and 200,000 people) and to a
/// whole-store document. The import is timed as the file read and `apply` (which looks for
/// duplicates itself, inside its transaction); the review the window shows before it is timed
/// on its own, and the three together.
fn against_a_full_store(dir: &Path) {
    let first = dir.join("first-100000.csv");
    let second = dir.join("second-100000.csv");
    contacts_from(&first, 0, 100_000);
    contacts_from(&second, 100_000, 100_000);
    let choices = |review: import::ImportReview| ImportChoices {
        target: Target::People,
        mapping: review.mapping,
        duplicates: Decision::Merge,
        decisions: vec![],
    };
    let (mut imports, mut reviews, mut flows) = (Vec::new(), Vec::new(), Vec::new());
    for run in 1..=3 {
        let path = dir.join(format!("full-{run}.sqlite3"));
        let mut store = Store::open(&path).expect("open");
        let source = import::read(&first, None).expect("read");
        let picked = choices(import::review(store.conn(), &source, Target::People, None).expect("review"));
        import::apply(&mut store, &source, &picked, &mut |_, _| true).expect("first import");
        if run == 1 {
            let query = attache_core::directory::people::PersonQuery::default();
            timing::timed("export 100000 people to .xlsx", 3, || {
                let table = attache_core::exchange::tables::people(store.conn(), &query).expect("table");
                attache_core::exchange::xlsx::save(&table, &dir.join("people.xlsx")).expect("xlsx");
            });
        }
        // Only the second import is the figure: the first one filled the store.
        let started = std::time::Instant::now();
        let source = import::read(&second, None).expect("read");
        let read = started.elapsed();
        let review = import::review(store.conn(), &source, Target::People, None).expect("review");
        reviews.push(started.elapsed() - read);
        let picked = choices(review);
        let applying = std::time::Instant::now();
        let summary = import::apply(&mut store, &source, &picked, &mut |_, _| true).expect("second import");
        imports.push(read + applying.elapsed());
        flows.push(started.elapsed());
        assert!(summary.created > 90_000);
    }
    timing::report("read + import 100000 rows (de-duplicated) into 100000", imports);
    timing::report("review 100000 rows against 100000", reviews);
    timing::report("read + review + import, the whole flow", flows);
    let store = Store::open(&dir.join("full-1.sqlite3")).expect("open");
    let query = attache_core::directory::people::PersonQuery::default();
    timing::timed("export 200000 people to .xlsx", 2, || {
        let table = attache_core::exchange::tables::people(store.conn(), &query).expect("table");
        attache_core::exchange::xlsx::save(&table, &dir.join("people.xlsx")).expect("xlsx");
    });
    timing::timed("export the whole store (200000 people) as JSON", 2, || {
        attache_core::exchange::whole_store::export(store.conn(), &dir.join("store.json")).expect("json");
    });
}
