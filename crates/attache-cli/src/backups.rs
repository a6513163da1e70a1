//! `attache-cli backup|restore|check`: the data file itself, copied, put back and checked.
//! These work on the file and never open the store as the app does (a restore must find it
//! closed; a check must not change what it checks).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attache_core::store::backups;

use crate::passphrase;
use clap::Args;

/// A check that found the file damaged (or of a newer version) exits with this code.
pub const DAMAGED: u8 = 3;

#[derive(Args)]
pub struct BackupArgs {
    /// Where to write the copy (a file; replaced only once the copy is complete).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print what was written as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup to put back (a copy of the data file, or a whole-store document written by
    /// `export all --format json`). It is checked first; the data file as it was is kept in
    /// the data folder's `backups` folder.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print what was done as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Check this file instead of the data file (a backup, say).
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Print the report as JSON (ok, schema version, problems).
    #[arg(long)]
    json: bool,
}

pub fn backup(store: &Path, args: BackupArgs) -> Result<ExitCode, String> {
    let taken = backups::take(store, &args.file, &passphrase()).map_err(|e| e.to_string())?;
    if args.json {
        print_json(&taken)?;
    } else {
        println!("Backed up to {} ({} bytes).", taken.path, taken.bytes);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn restore(store: &Path, data_dir: &Path, args: RestoreArgs) -> Result<ExitCode, String> {
    let safety = data_dir.join(backups::FOLDER);
    // A backup, or a whole-store document (`export all --format json`) made into a store first.
    let restored = attache_core::exchange::whole_store::restore_any(store, &args.file, &safety, &passphrase())
        .map_err(|e| e.to_string())?;
    // Opening once migrates a backup from an older version now, not at the app's next start.
    attache_core::Store::open_with(store, &passphrase()).map_err(|e| e.to_string())?;
    if args.json {
        print_json(&restored)?;
    } else {
        println!("Restored {}.", restored.restored_from);
        if let Some(kept) = &restored.previous_saved_as {
            println!("The data file as it was is kept as {kept}.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(store: &Path, args: CheckArgs) -> Result<ExitCode, String> {
    let path = args.file.as_deref().unwrap_or(store);
    let report = backups::check(path, &passphrase()).map_err(|e| format!("{}: {e}", path.display()))?;
    if args.json {
        print_json(&report)?;
    } else if report.ok {
        println!("{}: sound (schema {}).", path.display(), report.schema_version);
    } else {
        println!(
            "{}: PROBLEMS FOUND (schema {}, this version reads up to {}).",
            path.display(),
            report.schema_version,
            report.supported_version
        );
        for problem in &report.problems {
            println!("  {problem}");
        }
    }
    Ok(if report.ok { ExitCode::SUCCESS } else { ExitCode::from(DAMAGED) })
}

fn print_json(value: &impl serde::Serialize) -> Result<(), String> {
    println!("{}", serde_json::to_string_pretty(value).map_err(|e| e.to_string())?);
    Ok(())
}
