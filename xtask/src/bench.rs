//! `cargo xtask bench`: the list benchmarks of the core, then the backup and import benchmarks.

use crate::process::{self, cargo};
use crate::Result;

/// `--scale N` becomes ATTACHE_BENCH_SCALE=N for the benchmark; all other arguments are
/// passed to criterion (e.g. a filter, `--save-baseline main`).
pub fn run(args: &[String]) -> Result {
    let mut scale = None;
    let mut passed = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--scale" {
            scale = Some(
                rest.next().ok_or("--scale needs a divisor, e.g. --scale 10 for a tenth of the full dataset")?.clone(),
            );
        } else if let Some(value) = arg.strip_prefix("--scale=") {
            scale = Some(value.to_string());
        } else {
            passed.push(arg.clone());
        }
    }
    let mut command = cargo(&crate::root());
    command.args(["bench", "-p", "attache-core", "--bench", "lists"]);
    if !passed.is_empty() {
        command.arg("--").args(&passed);
    }
    if let Some(scale) = scale {
        command.env("ATTACHE_BENCH_SCALE", scale);
    }
    process::run(&mut command)?;
    // Backups of a 100 MB store, then contact imports (which review against that store):
    // timed runs, not criterion's (a run takes a second or more).
    process::run(cargo(&crate::root()).args(["bench", "-p", "attache-core", "--bench", "backups"]))?;
    process::run(cargo(&crate::root()).args(["bench", "-p", "attache-core", "--bench", "import"]))
}
