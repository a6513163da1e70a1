//! `attache-cli`: Attaché without a window. Every command is a few lines over the core, on the
//! same data folder as the app unless `--data-dir` says otherwise. Exit codes: 0 done, 1 refused
//! or failed (one line on stderr saying why), 2 usage, 3 `check` found problems.

mod backups;
mod conflicts;
mod documents;
mod encryption;
mod export;
mod gifts;
mod ics;
mod import;
mod lookup;
mod merge;
mod outcomes;
mod registers;

use std::path::PathBuf;
use std::process::ExitCode;

use attache_core::store::Key;
use attache_core::Store;
use attache_documents::DocumentKind;
use clap::{Parser, Subcommand};

/// The app's identifier (tauri.conf.json): its data folder is named after it.
const APP_IDENTIFIER: &str = "org.attache.desktop";
const DATABASE_FILE: &str = "attache.sqlite3";

#[derive(Parser)]
#[command(name = "attache-cli", version, about = "Attaché's planning data from the command line.")]
#[command(
    after_help = "Example:\n  attache-cli conflicts --visit sialkot\n  attache-cli agreements list --expiring 90\n  attache-cli backup ~/attache-friday.sqlite3\n  attache-cli import people contacts.csv --dry-run\n  attache-cli --data-dir /tmp/attache sample\n\nAn encrypted data file is opened with the passphrase in the ATTACHE_PASSPHRASE environment variable.\n\nExit codes: 0 done, 1 refused or failed, 2 wrong usage, 3 `check` found problems."
)]
struct Cli {
    /// The folder holding attache.sqlite3 (default: the app's own data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Calendar files (.ics): export a programme, import events into a visit.
    #[command(subcommand)]
    Ics(ics::IcsCommand),
    /// List a visit's conflicts (people, venues and vehicles booked twice, travel time…).
    #[command(after_help = "Example:\n  attache-cli conflicts --visit \"Sialkot Chamber\" --json")]
    Conflicts(conflicts::ConflictsArgs),
    /// The agreement register (MoUs, contracts…).
    #[command(subcommand)]
    Agreements(registers::AgreementsCommand),
    /// The follow-up actions.
    #[command(subcommand)]
    Actions(registers::ActionsCommand),
    /// Export a list as CSV (UTF-8 with a byte-order mark; formulas written as text) or .xlsx.
    #[command(
        after_help = "Example:\n  attache-cli export people -o people.csv\n  attache-cli export people -o people.xlsx\n  attache-cli export people -o contacts.vcf\n  attache-cli export participants --visit sialkot -o delegation.xlsx\n  attache-cli export organizations --search chamber > chambers.csv\n  attache-cli export all --format json -o everything.json"
    )]
    Export(export::ExportArgs),
    /// Import people or organizations from CSV, a spreadsheet or a vCard address book; undo the last import.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Make two records of one person or organization one: links move to the kept record.
    #[command(
        after_help = "Example:\n  attache-cli merge people --keep \"Albert Khorev\" --other \"Альберт Хорев\" --take phone,email"
    )]
    Merge(merge::MergeArgs),
    /// Load the built-in sample visit (once; a second run changes nothing).
    #[command(after_help = "Example:\n  attache-cli --data-dir /tmp/attache sample")]
    Sample,
    /// Copy the data file to FILE, safely while the app is open.
    #[command(after_help = "Example:\n  attache-cli backup /media/usb/attache-2026-11-29.sqlite3")]
    Backup(backups::BackupArgs),
    /// Put a backup back in place of the data file (checked first; the current file is kept).
    /// Close the app first.
    #[command(after_help = "Example:\n  attache-cli restore /media/usb/attache-2026-11-29.sqlite3")]
    Restore(backups::RestoreArgs),
    /// Check the data file (or FILE) for damage; exits with 3 when it finds any.
    #[command(after_help = "Example:\n  attache-cli check\n  attache-cli check ~/attache-friday.sqlite3 --json")]
    Check(backups::CheckArgs),
    /// Encrypt the data file and its backups with a passphrase, change it, or turn it off.
    /// Close the app first.
    #[command(subcommand)]
    Encryption(encryption::EncryptionCommand),
    /// The visit brief as PDF: programme, participants in precedence order, organizations,
    /// agreements and open actions.
    #[command(
        after_help = "Example:\n  attache-cli brief --visit sialkot -o brief.pdf\n  attache-cli brief --visit sialkot --lang ur -o brief-ur.pdf"
    )]
    Brief(documents::DocumentArgs),
    /// The run-sheet of one day as PDF: times, venues, cars, phone numbers, security notes.
    #[command(after_help = "Example:\n  attache-cli runsheet --visit sialkot --day 2026-01-28 -o day1.pdf")]
    Runsheet(documents::DocumentArgs),
    /// The post-visit report as PDF: outcome, agreements, actions, attendance.
    #[command(after_help = "Example:\n  attache-cli report --visit sialkot --lang ru -o report.pdf")]
    Report(documents::DocumentArgs),
    /// Name badges as PDF, eight to an A4 sheet, in precedence order.
    #[command(
        after_help = "Example:\n  attache-cli badges --visit sialkot -o badges.pdf\n  attache-cli badges --visit sialkot --people khorev,mazhar -o two.pdf"
    )]
    Badges(documents::DocumentArgs),
    /// Folded place cards as PDF (name in both scripts), by precedence or by an item's seats.
    #[command(
        after_help = "Example:\n  attache-cli placecards --visit sialkot --item \"meeting with SCCI\" -o cards.pdf"
    )]
    Placecards(documents::DocumentArgs),
    /// The seating plan of one programme item as PDF.
    #[command(
        after_help = "Example:\n  attache-cli seating --visit sialkot --item \"meeting with SCCI\" -o seating.pdf"
    )]
    Seating(documents::DocumentArgs),
    /// The caterer's sheet as PDF: each meal's attendees counted by dietary and access needs.
    #[command(
        after_help = "Example:\n  attache-cli caterer --visit sialkot -o caterer.pdf\n  attache-cli caterer --visit sialkot --item dinner --lang ur -o dinner.pdf"
    )]
    Caterer(documents::DocumentArgs),
    /// What missions brought (deals, joint ventures, letters of intent…) and the mission KPIs.
    #[command(subcommand)]
    Outcomes(outcomes::OutcomesCommand),
    /// The gift register: gifts given and received, by year.
    #[command(subcommand)]
    Gifts(gifts::GiftsCommand),
}

/// A refusal or failure, said in one line.
pub type Outcome = Result<(), String>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Backup(_) | Command::Restore(_) | Command::Check(_) | Command::Encryption(_)) {
        return on_the_file(cli.data_dir, cli.command).unwrap_or_else(|reason| {
            eprintln!("attache-cli: {reason}");
            ExitCode::from(1)
        });
    }
    // `sample` opens the store as it is; every other command as the app does (a brand-new
    // store gets the sample, so the two faces always see the same data).
    let with_sample = !matches!(cli.command, Command::Sample);
    let result = open(cli.data_dir, with_sample).and_then(|mut store| match cli.command {
        Command::Ics(command) => ics::run(&mut store, command),
        Command::Conflicts(args) => conflicts::run(&store, args),
        Command::Agreements(command) => registers::agreements(&store, command),
        Command::Actions(command) => registers::actions(&mut store, command),
        Command::Export(args) => export::run(&store, args),
        Command::Import(command) => import::run(&mut store, command),
        Command::Merge(args) => merge::run(&mut store, args),
        Command::Sample => sample(&mut store),
        Command::Brief(args) => documents::run(&mut store, DocumentKind::Brief, args),
        Command::Runsheet(args) => documents::run(&mut store, DocumentKind::RunSheet, args),
        Command::Report(args) => documents::run(&mut store, DocumentKind::Report, args),
        Command::Badges(args) => documents::run(&mut store, DocumentKind::Badges, args),
        Command::Placecards(args) => documents::run(&mut store, DocumentKind::PlaceCards, args),
        Command::Seating(args) => documents::run(&mut store, DocumentKind::Seating, args),
        Command::Caterer(args) => documents::run(&mut store, DocumentKind::Caterer, args),
        Command::Gifts(command) => gifts::run(&store, command),
        Command::Outcomes(command) => outcomes::run(&store, command),
        Command::Backup(_) | Command::Restore(_) | Command::Check(_) | Command::Encryption(_) => {
            unreachable!("handled on the file")
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("attache-cli: {reason}");
            ExitCode::from(1)
        }
    }
}

/// The commands that work on the data file itself, not through an open store.
fn on_the_file(data_dir: Option<PathBuf>, command: Command) -> Result<ExitCode, String> {
    let dir = data_folder(data_dir)?;
    let path = dir.join(DATABASE_FILE);
    match command {
        Command::Backup(args) => backups::backup(&path, args),
        Command::Restore(args) => backups::restore(&path, &dir, args),
        Command::Check(args) => backups::check(&path, args),
        Command::Encryption(command) => encryption::run(&path, &dir, command),
        _ => unreachable!("only the file commands come here"),
    }
}

fn data_folder(data_dir: Option<PathBuf>) -> Result<PathBuf, String> {
    let dir = match data_dir {
        Some(dir) => dir,
        None => dirs::data_dir().ok_or("no data folder on this system; pass --data-dir")?.join(APP_IDENTIFIER),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

fn open(data_dir: Option<PathBuf>, with_sample: bool) -> Result<Store, String> {
    let path = data_folder(data_dir)?.join(DATABASE_FILE);
    let key = passphrase();
    let store =
        if with_sample { attache_core::store::open_user_store(&path, &key) } else { Store::open_with(&path, &key) };
    store.map_err(|e| e.to_string())
}

/// The passphrase of an encrypted data file, from `ATTACHE_PASSPHRASE` (an environment
/// variable, as database tools take passwords: a command-line argument would show in `ps`).
pub fn passphrase() -> Key {
    std::env::var(PASSPHRASE_VARIABLE).ok().filter(|p| !p.is_empty()).map(Key::passphrase).unwrap_or_default()
}

pub const PASSPHRASE_VARIABLE: &str = "ATTACHE_PASSPHRASE";

fn sample(store: &mut Store) -> Outcome {
    let outcome = attache_core::fixtures::sample::load(store).map_err(|e| e.to_string())?;
    println!("{}", outcome.message);
    Ok(())
}
