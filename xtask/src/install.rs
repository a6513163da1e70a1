//! Installing what building, running and testing need: Debian/Ubuntu packages, Rust
//! components, Node packages and tauri-driver. Every step checks first, so reruns are cheap.

use crate::process::{self, command, find_program, output};
use crate::Result;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Packages to build and run the app (Tauri 2 on WebKitGTK 4.1).
pub const RUN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// Extra packages for the tests: a virtual display, the WebKit WebDriver, a session bus,
/// `import` for screenshots and xdotool to type into the system's file dialog (end-to-end),
/// and parsers no one here wrote (`/usr/bin/python3`,
/// Debian's Python): icalendar reads back the calendar files the core writes, openpyxl writes
/// the spreadsheets the contact import reads, vobject reads the vCards the people export writes.
pub const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "webkit2gtk-driver",
    "xauth",
    "dbus-x11",
    "imagemagick",
    "python3",
    "python3-icalendar",
    "python3-openpyxl",
    // Reads back the vCards the people export writes.
    "python3-vobject",
    // Read back the PDF documents: pypdf (it reads Urdu in right-to-left lines) and poppler's pdftotext.
    "python3-pypdf",
    "poppler-utils",
    "xdotool",
    // A Secret Service for the keychain test (the app remembers a passphrase in it).
    "gnome-keyring",
];

const NODE_MINIMUM: (u32, u32) = (20, 19);

/// Installs the missing Debian/Ubuntu packages among `packages` (as root), or explains how.
pub fn system_packages(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux") {
        println!("system packages: not Linux, skipping (see the Tauri prerequisites for your OS)");
        return Ok(());
    }
    if find_program("dpkg-query").is_none() {
        println!("system packages: no dpkg here; install the equivalents of: {}", packages.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        println!("system packages: all {} present", packages.len());
        return Ok(());
    }
    if !process::is_root() {
        return Err(format!(
            "missing system packages: {0}\nInstall them with:\n\n    sudo apt-get update && sudo apt-get install -y {0}\n",
            missing.join(" ")
        ));
    }
    let root = crate::root();
    process::run(command("apt-get", &root).args(["update", "-q"]))?;
    process::run(
        command("apt-get", &root).env("DEBIAN_FRONTEND", "noninteractive").args(["install", "-y", "-q"]).args(&missing),
    )
}

fn installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.trim() == "install ok installed")
}

/// Adds rustfmt and clippy when the toolchain was installed with rustup's minimal profile.
pub fn rust_components() -> Result {
    let root = crate::root();
    let fmt = output(process::cargo(&root).args(["fmt", "--version"])).is_some();
    let clippy = output(process::cargo(&root).args(["clippy", "--version"])).is_some();
    if fmt && clippy {
        return Ok(());
    }
    if find_program("rustup").is_none() {
        return Err("cargo fmt / cargo clippy are missing and rustup is not available".into());
    }
    process::run(command("rustup", &root).args(["component", "add", "rustfmt", "clippy"]))
}

/// Checks that Node and npm are present and recent enough for Vite 8 and SvelteKit.
pub fn node() -> Result {
    let version = output(Command::new("node").arg("--version"))
        .ok_or("Node.js is not installed (or not on PATH). Install Node 20.19 or newer: https://nodejs.org")?;
    let version = version.trim();
    let mut numbers = version.trim_start_matches('v').split('.').map(|n| n.parse::<u32>().unwrap_or(0));
    let found = (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0));
    if found < NODE_MINIMUM {
        return Err(format!(
            "Node {version} is too old: Attaché's UI tooling needs Node {}.{} or newer",
            NODE_MINIMUM.0, NODE_MINIMUM.1
        ));
    }
    if output(process::npm(&crate::root()).arg("--version")).is_none() {
        return Err("npm is not available although node is; install npm".into());
    }
    println!("node: {version}");
    Ok(())
}

/// `npm ci` in `dir` when node_modules is missing or older than package-lock.json.
pub fn npm_packages(dir: &Path) -> Result {
    let lock = dir.join("package-lock.json");
    let lock_time =
        std::fs::metadata(&lock).and_then(|m| m.modified()).map_err(|e| format!("{}: {e}", lock.display()))?;
    // npm writes this hidden lockfile on every install: its age is the install's age.
    let installed_time = std::fs::metadata(dir.join("node_modules/.package-lock.json")).and_then(|m| m.modified()).ok();
    if installed_time.is_some_and(|installed| installed >= lock_time) {
        println!("npm packages in {}: up to date", short(dir));
        return Ok(());
    }
    process::run(process::npm(dir).args(["ci", "--no-audit", "--no-fund"]))
}

/// The tauri-driver executable, installed with `cargo install` if it is not there yet.
pub fn tauri_driver() -> Result<PathBuf> {
    if let Some(found) = find_program("tauri-driver") {
        println!("tauri-driver: {}", found.display());
        return Ok(found);
    }
    println!("tauri-driver is not installed; installing it (this takes a few minutes, once)");
    process::run(process::cargo(&crate::root()).args(["install", "tauri-driver", "--locked", "--version", "^2"]))?;
    find_program("tauri-driver")
        .ok_or_else(|| "tauri-driver was installed but is not on PATH or in ~/.cargo/bin".into())
}

fn short(dir: &Path) -> String {
    dir.strip_prefix(crate::root()).unwrap_or(dir).display().to_string()
}
