//! Every input the fuzzers in `fuzz/` ever found a fault with (kept in `fuzz/regressions/<target>/`),
//! and their seeds (`fuzz/seeds/<target>/`), fed again to the same entry points: each must come
//! back with an answer, not a panic.

use std::path::PathBuf;

use attache_core::exchange::fuzz_entry::Fixture;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut found = Vec::new();
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else { continue };
        for entry in entries.map(Result::unwrap) {
            found.push((entry.path(), std::fs::read(entry.path()).unwrap()));
        }
    }
    found
}

#[test]
fn every_input_a_fuzzer_kept_is_answered_without_a_panic() {
    let mut fixture = Fixture::new();
    let mut tried = 0;
    for (path, bytes) in inputs("contacts_csv") {
        eprintln!("{}", path.display());
        fixture.contacts(&bytes, "csv");
        tried += 1;
    }
    for (_, bytes) in inputs("contacts_vcard") {
        fixture.contacts(&bytes, "vcf");
        tried += 1;
    }
    for (_, bytes) in inputs("contacts_spreadsheet") {
        if let Some((&kind, rest)) = bytes.split_first() {
            fixture.contacts(rest, ["xlsx", "ods", "xls"][usize::from(kind % 3)]);
            tried += 1;
        }
    }
    for (_, bytes) in inputs("calendar") {
        fixture.calendar(&bytes);
        tried += 1;
    }
    for (_, bytes) in inputs("whole_store") {
        fixture.whole_store(&bytes);
        tried += 1;
    }
    assert!(tried >= 9, "the seeds are there ({tried} inputs)");
}
