//! `cargo xtask <command>`: setting up, running and testing Attaché with one command each.
//! Standard library only, so it compiles in seconds on a fresh machine.

mod bench;
mod bundle;
mod display;
mod e2e;
mod fuzz;
mod install;
mod process;
mod run;
mod screenshot;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
Attaché developer tasks

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    run [-- APP_ARGS...]   Install what is missing, build the UI and the app, start the app
    test [--skip-e2e | --only-e2e]
                           Install what tests need, then run every check in CI order:
                           fmt, UI build, clippy, cargo test, svelte-check + vitest,
                           app build, end-to-end (real window under Xvfb + tauri-driver)
    bench [--scale N] [CRITERION_ARGS...]
                           cargo bench -p attache-core --bench lists on 100k people and
                           200k actions (--scale 10 divides every count by 10; other
                           arguments go to criterion), then the backup and contact
                           import benchmarks
    fuzz [--seconds N] [TARGET...]
                           Run each importer's fuzz target (fuzz/: contacts_csv,
                           contacts_vcard, contacts_spreadsheet, calendar, whole_store)
                           for N seconds (default 600) with cargo-fuzz on nightly; not in CI
    bundle [FORMAT...]     Build a release package (default: deb and rpm on Linux, app and
                           dmg on macOS, msi and nsis on Windows) into target/release/bundle
    screenshot <OUT.png> [--wait SECONDS] [--size WxH]
                           Start the built app on a virtual display with fresh data and
                           capture the screen (default: wait 6 s, 1280x820)
    bindings               Regenerate ui/src/lib/bindings.ts from the Rust commands (the
                           drift test in `cargo test` fails until it is committed)
    help                   Show this message

Linux system packages are installed with apt-get when running as root; otherwise the exact
`sudo apt-get install ...` command is printed.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let outcome = match command {
        "run" => run::run(rest),
        "test" => test::run(rest),
        "bench" => bench::run(rest),
        "fuzz" => fuzz::run(rest),
        "bundle" => bundle::run(rest),
        "screenshot" => screenshot::run(rest),
        "bindings" => process::run(
            process::cargo(&root())
                .env("ATTACHE_WRITE_BINDINGS", "1")
                .args(["test", "-p", "attache", "--test", "bindings"]),
        ),
        // Internal: the part of the end-to-end run that lives inside `dbus-run-session`.
        e2e::SESSION_COMMAND => e2e::session(),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().map(PathBuf::from).unwrap_or(manifest_dir)
}

/// Cargo's target folder, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// The debug build of the desktop app, as `cargo build -p attache` leaves it.
pub fn app_binary() -> PathBuf {
    target_dir().join("debug").join(format!("attache{}", std::env::consts::EXE_SUFFIX))
}
