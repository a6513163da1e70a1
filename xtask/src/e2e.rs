//! The end-to-end layer: the real app window on a virtual display, driven over WebDriver.
//!
//! Outside the session bus: a temp data home, Xvfb, then xtask itself again under
//! `dbus-run-session`. Inside it ([`session`]): tauri-driver on free ports, then the
//! webdriverio suite in `e2e/`. Every piece is a guard, so failures and panics clean up too.

use crate::display::{self, TempDir, Xvfb};
use crate::process::{self, Guard};
use crate::Result;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// The hidden xtask command that runs inside `dbus-run-session`.
pub const SESSION_COMMAND: &str = "__e2e-session";

const SCREEN: &str = "1400x900";

/// Runs the end-to-end suite against the already built app; `tauri_driver` is its path.
pub fn run(tauri_driver: &Path) -> Result {
    let app = crate::app_binary();
    if !app.is_file() {
        return Err(format!("{} is missing: build it with `cargo build -p attache`", app.display()));
    }
    let artifacts = artifacts_dir()?;
    let home = TempDir::new("attache-e2e")?;
    let xvfb = Xvfb::start(SCREEN, home.path())?;
    let xtask = std::env::current_exe().map_err(|e| format!("cannot locate xtask itself: {e}"))?;
    let mut session = display::in_dbus_session(&xtask, &[SESSION_COMMAND], &crate::root());
    session
        .envs(home.xdg_env()?)
        .env("DISPLAY", &xvfb.display)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("ATTACHE_APP", &app)
        .env("ATTACHE_TAURI_DRIVER", tauri_driver)
        .env("E2E_ARTIFACTS", &artifacts);
    let outcome = process::run(&mut session);
    if outcome.is_err() {
        println!("end-to-end artefacts (screenshots, page sources, driver log): {}", artifacts.display());
    }
    outcome
}

/// Inside the session bus: start the keychain and tauri-driver, run the suite, stop them.
pub fn session() -> Result {
    let driver = PathBuf::from(required_env("ATTACHE_TAURI_DRIVER")?);
    let artifacts = PathBuf::from(required_env("E2E_ARTIFACTS")?);
    let _keychain = start_keychain(&artifacts)?;
    let ports = display::free_ports(2)?;
    let (port, native_port) = (ports[0], ports[1]);
    let log_path = artifacts.join("tauri-driver.log");
    let log = std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let log_err = log.try_clone().map_err(|e| e.to_string())?;
    let child = process::command(&driver, &crate::root())
        .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", driver.display()))?;
    let mut tauri_driver = Guard::new("tauri-driver", child);
    display::wait_for_port(port, &mut tauri_driver, Duration::from_secs(20))?;
    println!("tauri-driver listening on 127.0.0.1:{port} (WebKitWebDriver on {native_port})");

    let e2e_dir = crate::root().join("e2e");
    let outcome = process::run(
        process::npm(&e2e_dir)
            .arg("test")
            .env("TAURI_DRIVER_PORT", port.to_string())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit()),
    );
    drop(tauri_driver);
    if outcome.is_err() {
        print_tail(&log_path, 40);
    }
    outcome
}

/// A Secret Service on this session bus for the app's keychain (gnome-keyring, its login
/// keyring made and unlocked with a throwaway password inside the run's temporary data home),
/// as a desktop session has one. Without gnome-keyring (not Linux) the suite runs without it,
/// and the test that needs it says so.
fn start_keychain(artifacts: &Path) -> Result<Option<Guard>> {
    let Some(daemon) = process::find_program("gnome-keyring-daemon") else {
        println!("gnome-keyring-daemon not found: the keychain is not available to the app");
        return Ok(None);
    };
    let log_path = artifacts.join("gnome-keyring.log");
    let log = std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut child = process::command(&daemon, &crate::root())
        .args(["--foreground", "--unlock", "--components=secrets"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", daemon.display()))?;
    // The password is read until the end of its input: closing it lets the daemon go on.
    if let Some(mut input) = child.stdin.take() {
        use std::io::Write;
        input.write_all(b"attache-e2e").map_err(|e| format!("gnome-keyring-daemon: {e}"))?;
    }
    let guard = Guard::new("gnome-keyring-daemon", child);
    std::thread::sleep(Duration::from_secs(1));
    println!("gnome-keyring-daemon running (the app's keychain)");
    Ok(Some(guard))
}

fn required_env(name: &str) -> Result<String> {
    std::env::var(name).map_err(|_| format!("{name} is not set (run `cargo xtask test` instead)"))
}

/// `target/e2e-artifacts`, emptied: failure screenshots land here and outlive the run.
fn artifacts_dir() -> Result<PathBuf> {
    let dir = crate::target_dir().join("e2e-artifacts");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

fn print_tail(path: &Path, lines: usize) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    if all.is_empty() {
        return;
    }
    let start = all.len().saturating_sub(lines);
    println!("--- last {} lines of {} ---", all.len() - start, path.display());
    for line in &all[start..] {
        println!("{line}");
    }
}
