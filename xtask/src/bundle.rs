//! `cargo xtask bundle [FORMAT...]`: a release package of the app, with the Tauri CLI that
//! ui/ pins (a prebuilt binary from npm, so nothing is compiled for it).

use crate::process::{self, npm};
use crate::{install, Result};

/// Formats that build offline on each platform (AppImage needs downloads, so it is not here).
fn default_formats() -> &'static [&'static str] {
    if cfg!(target_os = "linux") {
        &["deb", "rpm"]
    } else if cfg!(target_os = "macos") {
        &["app", "dmg"]
    } else {
        &["msi", "nsis"]
    }
}

pub fn run(args: &[String]) -> Result {
    let root = crate::root();
    let ui = root.join("ui");
    install::system_packages(install::RUN_PACKAGES)?;
    install::node()?;
    install::npm_packages(&ui)?;
    // tauri.conf.json has no beforeBuildCommand: the UI is built here, as for every other task.
    process::run(npm(&ui).args(["run", "build"]))?;
    let formats: Vec<&str> =
        if args.is_empty() { default_formats().to_vec() } else { args.iter().map(String::as_str).collect() };
    let cli = ui.join("node_modules").join(".bin").join(if cfg!(windows) { "tauri.cmd" } else { "tauri" });
    process::run(process::command(&cli, &root).args(["build", "--bundles", &formats.join(",")]))?;
    println!("packages are in {}", crate::target_dir().join("release").join("bundle").display());
    Ok(())
}
