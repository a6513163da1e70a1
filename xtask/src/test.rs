//! `cargo xtask test`: everything CI checks, in order, stopping at the first failure.

use crate::process::{self, cargo, npm};
use crate::{e2e, install, Result};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    All,
    SkipE2e,
    OnlyE2e,
}

enum Outcome {
    Passed(Duration),
    Failed(Duration),
    Skipped,
    NotRun,
}

struct Step {
    name: &'static str,
    in_scope: fn(Scope) -> bool,
    action: fn(&Tools) -> Result,
}

/// What the install phase found, for the steps that need it.
struct Tools {
    tauri_driver: Option<PathBuf>,
}

const STEPS: &[Step] = &[
    Step { name: "rustfmt", in_scope: not_only_e2e, action: |_| run_cargo(&["fmt", "--all", "--check"]) },
    Step { name: "ui build", in_scope: always, action: |_| run_npm("ui", &["run", "build"]) },
    Step {
        name: "clippy",
        in_scope: not_only_e2e,
        action: |_| run_cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
    },
    Step { name: "cargo test", in_scope: not_only_e2e, action: |_| run_cargo(&["test", "--workspace"]) },
    Step {
        name: "ui check + unit tests",
        in_scope: not_only_e2e,
        action: |_| run_npm("ui", &["run", "check"]).and_then(|()| run_npm("ui", &["run", "test"])),
    },
    Step { name: "app build", in_scope: always, action: |_| run_cargo(&["build", "-p", "attache"]) },
    Step { name: "end-to-end", in_scope: with_e2e, action: end_to_end },
];

fn always(_: Scope) -> bool {
    true
}
fn not_only_e2e(scope: Scope) -> bool {
    scope != Scope::OnlyE2e
}
fn with_e2e(scope: Scope) -> bool {
    scope != Scope::SkipE2e
}

pub fn run(args: &[String]) -> Result {
    let scope = match args {
        [] => Scope::All,
        [flag] if flag == "--skip-e2e" => Scope::SkipE2e,
        [flag] if flag == "--only-e2e" => Scope::OnlyE2e,
        _ => return Err("usage: cargo xtask test [--skip-e2e | --only-e2e]".into()),
    };
    let started = Instant::now();
    banner("install");
    let tools = install_all(scope).map_err(|e| format!("installing prerequisites failed: {e}"))?;

    let mut outcomes = Vec::new();
    let mut failure = None;
    for step in STEPS {
        if failure.is_some() {
            outcomes.push((step.name, Outcome::NotRun));
            continue;
        }
        if !(step.in_scope)(scope) {
            outcomes.push((step.name, Outcome::Skipped));
            continue;
        }
        banner(step.name);
        let step_started = Instant::now();
        match (step.action)(&tools) {
            Ok(()) => outcomes.push((step.name, Outcome::Passed(step_started.elapsed()))),
            Err(e) => {
                outcomes.push((step.name, Outcome::Failed(step_started.elapsed())));
                failure = Some(format!("step `{}` failed: {e}", step.name));
            }
        }
    }
    summary(&outcomes, started.elapsed());
    failure.map_or(Ok(()), Err)
}

fn install_all(scope: Scope) -> Result<Tools> {
    let packages: Vec<&str> = install::RUN_PACKAGES.iter().chain(install::TEST_PACKAGES).copied().collect();
    install::system_packages(&packages)?;
    install::rust_components()?;
    install::node()?;
    install::npm_packages(&crate::root().join("ui"))?;
    if scope == Scope::SkipE2e {
        return Ok(Tools { tauri_driver: None });
    }
    install::npm_packages(&crate::root().join("e2e"))?;
    Ok(Tools { tauri_driver: Some(install::tauri_driver()?) })
}

fn end_to_end(tools: &Tools) -> Result {
    let driver = tools.tauri_driver.as_deref().ok_or("tauri-driver was not installed")?;
    e2e::run(driver)
}

fn run_cargo(args: &[&str]) -> Result {
    process::run(cargo(&crate::root()).args(args))
}

fn run_npm(dir: &str, args: &[&str]) -> Result {
    process::run(npm(&crate::root().join(dir)).args(args))
}

fn banner(name: &str) {
    let line = "=".repeat(72);
    println!("\n\x1b[1;36m{line}\n== {name}\n{line}\x1b[0m");
}

fn summary(outcomes: &[(&str, Outcome)], total: Duration) {
    banner("summary");
    for (name, outcome) in outcomes {
        let (label, time) = match outcome {
            Outcome::Passed(d) => ("\x1b[32mPASS\x1b[0m", format!("{:.1} s", d.as_secs_f64())),
            Outcome::Failed(d) => ("\x1b[31mFAIL\x1b[0m", format!("{:.1} s", d.as_secs_f64())),
            Outcome::Skipped => ("skip", String::new()),
            Outcome::NotRun => ("----", "not run".to_string()),
        };
        println!("  {label}  {name:<24} {time}");
    }
    println!("  total {:.1} s", total.as_secs_f64());
}
