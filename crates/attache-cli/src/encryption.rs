//! `attache-cli encryption status|on|off`: the data file's passphrase. Like a restore, it
//! rewrites the file, so the app must be closed.

use std::path::Path;
use std::process::ExitCode;

use attache_core::store::encryption::{self, Rekeyed};
use attache_core::store::{backups, Key};
use clap::Subcommand;

use crate::{passphrase, PASSPHRASE_VARIABLE};

/// Where `on` takes the new passphrase from.
const NEW_VARIABLE: &str = "ATTACHE_NEW_PASSPHRASE";

#[derive(Subcommand)]
pub enum EncryptionCommand {
    /// Say whether the data file is encrypted.
    Status {
        /// Print {"encrypted": …} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Encrypt the data file and its backups with the passphrase in ATTACHE_NEW_PASSPHRASE
    /// (at least 8 characters), or change the passphrase of an encrypted one (the current one
    /// in ATTACHE_PASSPHRASE).
    #[command(
        after_help = "Example:\n  ATTACHE_NEW_PASSPHRASE='correct horse battery' attache-cli encryption on\n\nForgetting the passphrase loses the data: nobody can open the file without it."
    )]
    On {
        #[arg(long)]
        json: bool,
    },
    /// Store the data file and its backups in the clear again (the passphrase in ATTACHE_PASSPHRASE).
    Off {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(path: &Path, dir: &Path, command: EncryptionCommand) -> Result<ExitCode, String> {
    match command {
        EncryptionCommand::Status { json } => {
            let encrypted = encryption::is_encrypted(path).map_err(|e| e.to_string())?;
            if json {
                println!("{}", serde_json::json!({ "encrypted": encrypted }));
            } else {
                println!("{}: {}", path.display(), if encrypted { "encrypted" } else { "not encrypted" });
            }
        }
        EncryptionCommand::On { json } => {
            let new = std::env::var(NEW_VARIABLE).ok().filter(|p| !p.is_empty()).ok_or_else(|| {
                format!(
                    "set {NEW_VARIABLE} to the new passphrase (and {PASSPHRASE_VARIABLE} to the current one, if any)"
                )
            })?;
            report(rekey(path, dir, &Key::passphrase(new))?, json)?;
        }
        EncryptionCommand::Off { json } => report(rekey(path, dir, &Key::none())?, json)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn rekey(path: &Path, dir: &Path, new: &Key) -> Result<Rekeyed, String> {
    encryption::rekey_store(path, &dir.join(backups::FOLDER), &passphrase(), new).map_err(|e| e.to_string())
}

fn report(done: Rekeyed, json: bool) -> Result<(), String> {
    if json {
        println!("{}", serde_json::to_string_pretty(&done).map_err(|e| e.to_string())?);
        return Ok(());
    }
    println!(
        "The data file is {} now; {} backup copies re-encrypted with it.",
        if done.encrypted { "encrypted" } else { "not encrypted" },
        done.copies_rekeyed
    );
    for left in &done.copies_left {
        println!("  could not be re-encrypted, left as it was: {left}");
    }
    Ok(())
}
