//! Starting commands with a visible echo, finding programs, and stopping process trees.

use crate::Result;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `Command` for `program`, running in `dir`, with stdin closed so that nothing waits
/// for a keyboard (vitest, for one, would otherwise start in watch mode on a terminal).
pub fn command(program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir).stdin(Stdio::null());
    command
}

/// Cargo itself: the one that started xtask, so the same toolchain builds everything.
pub fn cargo(dir: &Path) -> Command {
    command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()), dir)
}

/// npm (`npm.cmd` on Windows).
pub fn npm(dir: &Path) -> Command {
    command(if cfg!(windows) { "npm.cmd" } else { "npm" }, dir)
}

/// Runs `command` to completion, echoing it first; fails unless it exits with success.
pub fn run(command: &mut Command) -> Result {
    let shown = show(command);
    println!("\x1b[1m$ {shown}\x1b[0m");
    let status = command.status().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `command` quietly and returns its stdout, or `None` if it cannot start or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The command line as a person would type it.
pub fn show(command: &Command) -> String {
    let mut parts: Vec<String> = command
        .get_envs()
        .filter_map(|(key, value)| Some(format!("{}={}", key.to_string_lossy(), value?.to_string_lossy())))
        .collect();
    parts.push(command.get_program().to_string_lossy().into_owned());
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    let dir = command.get_current_dir().and_then(|d| d.strip_prefix(crate::root()).ok());
    match dir {
        Some(d) if !d.as_os_str().is_empty() => {
            format!("{}   (in {})", parts.join(" "), d.display())
        }
        _ => parts.join(" "),
    }
}

/// `program` on PATH, or in Cargo's bin folder (where `cargo install` puts it but a fresh
/// shell may not have it on PATH yet).
pub fn find_program(program: &str) -> Option<PathBuf> {
    let name = format!("{program}{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let cargo_bin = cargo_home().map(|home| home.join("bin"));
    std::env::split_paths(&path).chain(cargo_bin).map(|dir| dir.join(&name)).find(|candidate| candidate.is_file())
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
}

pub fn is_root() -> bool {
    cfg!(unix) && output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// A started background process that is stopped, with everything it started, when dropped:
/// on success, on error and on panic alike.
pub struct Guard {
    name: String,
    child: Child,
}

impl Guard {
    pub fn new(name: &str, child: Child) -> Self {
        Self { name: name.to_string(), child }
    }

    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// `Some(status)` if the process has already exited.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.exited().is_none() {
            println!("stopping {} (pid {})", self.name, self.child.id());
            stop_tree(&mut self.child);
        }
    }
}

/// Asks `child` and its descendants to terminate, then kills whatever is left after a grace
/// period. Descendants matter: tauri-driver starts WebKitWebDriver, which starts the app.
pub fn stop_tree(child: &mut Child) {
    let root = child.id();
    let tree: Vec<u32> = std::iter::once(root).chain(descendants(root)).collect();
    signal("TERM", &tree);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline && child.try_wait().ok().flatten().is_none() {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    let left: Vec<u32> = tree.into_iter().filter(|pid| alive(*pid)).collect();
    signal("KILL", &left);
}

fn signal(name: &str, pids: &[u32]) {
    if pids.is_empty() || !cfg!(unix) {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .args(pids.iter().map(u32::to_string))
        .stderr(Stdio::null())
        .status();
}

fn alive(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists()
}

/// All processes below `root`, read from /proc (Linux only; elsewhere none are found and
/// only the direct child is stopped).
fn descendants(root: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent_of(pid)?)))
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(pid, _)| *pid));
        i += 1;
    }
    found.remove(0);
    found
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
    let after_comm = &stat[stat.rfind(')')? + 1..];
    after_comm.split_whitespace().nth(1)?.parse().ok()
}
