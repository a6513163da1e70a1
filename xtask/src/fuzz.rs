//! `cargo xtask fuzz [--seconds N] [TARGET...]`: every importer's fuzz target (fuzz/) run in
//! turn with libFuzzer for N seconds each (default 600), on the nightly toolchain, starting from
//! the committed seeds. Not part of `test`: it takes most of an hour. A fault leaves its input in
//! fuzz/artifacts/<target>/; copy it into fuzz/regressions/<target>/ and the core's
//! `fuzz_regressions` test replays it from then on.

use std::path::Path;

use crate::process::{self, command};
use crate::Result;

const TARGETS: &[&str] = &["contacts_csv", "contacts_vcard", "contacts_spreadsheet", "calendar", "whole_store"];

pub fn run(args: &[String]) -> Result {
    let mut seconds = 600;
    let mut chosen = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--seconds" {
            seconds = rest.next().and_then(|s| s.parse().ok()).ok_or("--seconds needs a whole number")?;
        } else if TARGETS.contains(&arg.as_str()) {
            chosen.push(arg.as_str());
        } else {
            return Err(format!("unknown fuzz target `{arg}`; the targets are {}", TARGETS.join(", ")));
        }
    }
    if chosen.is_empty() {
        chosen = TARGETS.to_vec();
    }
    let fuzz = crate::root().join("fuzz");
    install_cargo_fuzz(&fuzz)?;
    let mut outcomes = Vec::new();
    let mut failed = false;
    for target in &chosen {
        let corpus = fuzz.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let mut run = command("cargo", &fuzz);
        run.args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .arg(fuzz.join("seeds").join(target))
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .args(["-rss_limit_mb=4096", "-timeout=20", "-print_final_stats=1"]);
        let outcome = process::run(&mut run);
        failed |= outcome.is_err();
        outcomes.push(format!(
            "{target}: {}",
            if outcome.is_ok() { "no fault found".to_owned() } else { faults(&fuzz, target) }
        ));
    }
    println!("\n{}", outcomes.join("\n"));
    if failed {
        return Err("a fuzz target failed (see above)".into());
    }
    Ok(())
}

/// cargo-fuzz from crates.io, once.
fn install_cargo_fuzz(fuzz: &Path) -> Result {
    if process::output(command("cargo", fuzz).args(["+nightly", "fuzz", "--version"])).is_some() {
        return Ok(());
    }
    process::run(command("cargo", fuzz).args(["+nightly", "install", "cargo-fuzz", "--locked"]))
}

fn faults(fuzz: &Path, target: &str) -> String {
    let found = std::fs::read_dir(fuzz.join("artifacts").join(target))
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_else(|_| Vec::<String>::new());
    if found.is_empty() {
        return "the run failed before finding anything (see its output above)".to_owned();
    }
    format!("FAULT — inputs kept in fuzz/artifacts/{target}/: {}", found.join(", "))
}
