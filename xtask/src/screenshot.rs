//! `cargo xtask screenshot <out.png>`: the built app's first screen, on fresh sample data.

use crate::display::{self, TempDir, Xvfb};
use crate::process::{self, Guard};
use crate::Result;
use std::path::PathBuf;
use std::time::Duration;

pub fn run(args: &[String]) -> Result {
    let usage = "usage: cargo xtask screenshot <OUT.png> [--wait SECONDS] [--size WxH]";
    let mut out = None;
    let mut wait = 6u64;
    // The window's own size: with no window manager the centred window fills the screen.
    let mut size = "1280x820".to_string();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--wait" => wait = rest.next().and_then(|s| s.parse().ok()).ok_or(usage)?,
            "--size" => size = rest.next().ok_or(usage)?.clone(),
            path if out.is_none() && !path.starts_with('-') => out = Some(PathBuf::from(path)),
            _ => return Err(usage.into()),
        }
    }
    let out = out.ok_or(usage)?;
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join(out);
    // The virtual display, the session bus and `import` come from the test packages.
    crate::install::system_packages(crate::install::TEST_PACKAGES)?;
    let app = crate::app_binary();
    if !app.is_file() {
        return Err(format!("{} is missing: run `cargo xtask run` or `cargo build -p attache` first", app.display()));
    }

    let home = TempDir::new("attache-shot")?;
    let xvfb = Xvfb::start(&size, home.path())?;
    let xdg = home.xdg_env()?;
    let child = display::in_dbus_session(&app, &[], home.path())
        .envs(xdg.iter().cloned())
        .env("DISPLAY", &xvfb.display)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", app.display()))?;
    let mut app_guard = Guard::new("attache", child);
    println!("waiting {wait} s for the window to settle");
    std::thread::sleep(Duration::from_secs(wait));
    if let Some(status) = app_guard.exited() {
        return Err(format!("the app exited before the screenshot ({status})"));
    }
    process::run(
        process::command("import", home.path()).args(["-window", "root"]).arg(&out).env("DISPLAY", &xvfb.display),
    )?;
    println!("saved {}", out.display());
    Ok(())
}
