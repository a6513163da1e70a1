//! `cargo xtask run`: from a fresh clone to the app's window.

use crate::process::{self, cargo, npm};
use crate::{install, Result};

pub fn run(args: &[String]) -> Result {
    let app_args = match args.split_first() {
        Some((dashes, rest)) if dashes == "--" => rest,
        None => args,
        Some((other, _)) => return Err(format!("unknown option `{other}`; app arguments go after `--`")),
    };
    let root = crate::root();
    install::system_packages(install::RUN_PACKAGES)?;
    install::node()?;
    let ui = root.join("ui");
    install::npm_packages(&ui)?;
    // The app embeds ui/build (the `custom-protocol` feature), so build the UI first.
    process::run(npm(&ui).args(["run", "build"]))?;
    process::run(cargo(&root).args(["build", "-p", "attache"]))?;
    let app = crate::app_binary();
    let mut command = process::command(&app, &root);
    command.args(app_args).stdin(std::process::Stdio::inherit());
    println!("starting {}", app.display());
    launch(command)
}

#[cfg(unix)]
fn launch(mut command: std::process::Command) -> Result {
    use std::os::unix::process::CommandExt;
    // exec only returns on failure.
    let error = command.exec();
    Err(format!("could not start the app: {error}"))
}

#[cfg(not(unix))]
fn launch(mut command: std::process::Command) -> Result {
    let status = command.status().map_err(|e| format!("could not start the app: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the app exited with {status}"))
    }
}
