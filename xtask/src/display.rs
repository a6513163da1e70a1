//! A throwaway desktop for the real window: a temporary home for the app's data, a virtual
//! X display, free TCP ports. Everything here cleans up after itself when dropped.

use crate::process::{command, Guard};
use crate::Result;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A fresh folder under the system temp dir, removed when dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(prefix: &str) -> Result<Self> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Points the XDG base folders (where the app keeps its database and WebKit its caches)
    /// at this folder, so a run never touches a real user's data.
    pub fn xdg_env(&self) -> Result<Vec<(String, PathBuf)>> {
        let mut vars = Vec::new();
        for (var, sub) in [
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_RUNTIME_DIR", "runtime"),
        ] {
            let dir = self.path.join(sub);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            vars.push((var.to_string(), dir));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let runtime = self.path.join("runtime");
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| format!("{}: {e}", runtime.display()))?;
        }
        Ok(vars)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.path) {
            eprintln!("could not remove {}: {e}", self.path.display());
        }
    }
}

/// A running Xvfb server, stopped when dropped.
pub struct Xvfb {
    pub display: String,
    _server: Guard,
}

impl Xvfb {
    /// Starts Xvfb on the first free display from :99 with one screen of `size` ("WxH").
    pub fn start(size: &str, log_dir: &Path) -> Result<Self> {
        let mut last_error = String::new();
        for number in (99..300).filter(|n| display_free(*n)).take(3) {
            match Self::start_on(number, size, log_dir) {
                Ok(xvfb) => return Ok(xvfb),
                Err(e) => last_error = e,
            }
        }
        Err(format!("could not start Xvfb: {last_error}"))
    }

    fn start_on(number: u32, size: &str, log_dir: &Path) -> Result<Self> {
        let display = format!(":{number}");
        let log_path = log_dir.join("xvfb.log");
        let log = std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
        let child = command("Xvfb", log_dir)
            .args([display.as_str(), "-screen", "0", &format!("{size}x24"), "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("could not run Xvfb (is the xvfb package installed?): {e}"))?;
        let mut server = Guard::new("Xvfb", child);
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Some(status) = server.exited() {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                return Err(format!("Xvfb {display} exited ({status}):\n{log}"));
            }
            if socket.exists() {
                println!("Xvfb running on display {display} ({size}), pid {}", server.id());
                return Ok(Self { display, _server: server });
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("Xvfb {display} did not create {} within 15 s", socket.display()))
    }
}

fn display_free(number: u32) -> bool {
    !Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() && !Path::new(&format!("/tmp/.X{number}-lock")).exists()
}

/// `count` distinct TCP ports that were free a moment ago (held together so they differ).
pub fn free_ports(count: usize) -> Result<Vec<u16>> {
    let listeners = (0..count)
        .map(|_| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| format!("could not find a free port: {e}"))?;
    listeners.iter().map(|l| l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())).collect()
}

/// Waits until something accepts connections on 127.0.0.1:`port`, or `server` exits.
pub fn wait_for_port(port: u16, server: &mut Guard, timeout: Duration) -> Result {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Some(status) = server.exited() {
            return Err(format!("the server exited before listening on port {port} ({status})"));
        }
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("nothing listened on port {port} within {} s", timeout.as_secs()))
}

/// `program args...` inside its own session bus (`dbus-run-session`) when available, so no
/// bus outlives the run; the plain command elsewhere (macOS, or no dbus installed).
pub fn in_dbus_session(program: &Path, args: &[&str], dir: &Path) -> Command {
    match crate::process::find_program("dbus-run-session") {
        Some(dbus) => {
            let mut cmd = command(dbus, dir);
            cmd.arg("--").arg(program).args(args);
            cmd
        }
        None => {
            let mut cmd = command(program, dir);
            cmd.args(args);
            cmd
        }
    }
}
