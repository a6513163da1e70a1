//! `attache-cli ics`: calendar files out of and into Attaché.

use std::path::PathBuf;

use attache_core::visits::calendar_file::{self, ImportReport};
use attache_core::Store;
use clap::{Args, Subcommand};

use crate::{lookup, Outcome};

#[derive(Subcommand)]
pub enum IcsCommand {
    /// Write a visit's programme, or one person's own programme across visits.
    #[command(
        after_help = "Examples:\n  attache-cli ics export --visit sialkot -o sialkot.ics\n  attache-cli ics export --person khorev > khorev.ics"
    )]
    Export(ExportArgs),
    /// Read events from a calendar file into a visit's programme.
    #[command(after_help = "Example:\n  attache-cli ics import --visit sialkot --dry-run programme.ics")]
    Import(ImportArgs),
}

#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct Whose {
    /// The visit: its id, or words of its title.
    #[arg(long, value_name = "ID|WORDS")]
    visit: Option<String>,
    /// The person: their id, or words of their name.
    #[arg(long, value_name = "ID|WORDS")]
    person: Option<String>,
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    whose: Whose,
    /// The file to write (standard output when absent).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The visit the events go into: its id, or words of its title.
    #[arg(long, value_name = "ID|WORDS")]
    visit: String,
    /// Say what would be taken, updated and skipped, and store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// The .ics file.
    file: PathBuf,
}

pub fn run(store: &mut Store, command: IcsCommand) -> Outcome {
    match command {
        IcsCommand::Export(args) => export(store, args),
        IcsCommand::Import(args) => import(store, args),
    }
}

fn export(store: &Store, args: ExportArgs) -> Outcome {
    let conn = store.conn();
    let ics = match (&args.whose.visit, &args.whose.person) {
        (Some(visit), _) => calendar_file::visit_calendar(conn, &lookup::visit(conn, visit)?),
        (None, Some(person)) => calendar_file::person_calendar(conn, &lookup::person(conn, person)?),
        (None, None) => unreachable!("clap requires --visit or --person"),
    }
    .map_err(|e| e.to_string())?;
    match args.output {
        Some(path) => std::fs::write(&path, ics).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            print!("{ics}");
            Ok(())
        }
    }
}

fn import(store: &mut Store, args: ImportArgs) -> Outcome {
    let visit = lookup::visit(store.conn(), &args.visit)?;
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let report = if args.dry_run {
        calendar_file::preview(store, &visit, &bytes)
    } else {
        calendar_file::import(store, &visit, &bytes)
    }
    .map_err(|e| e.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        print_report(&report, args.dry_run);
    }
    Ok(())
}

fn print_report(report: &ImportReport, dry_run: bool) {
    let verb = if dry_run { "would be" } else { "were" };
    println!(
        "{} taken, {} updated, {} skipped ({verb}).",
        report.taken.len(),
        report.updated.len(),
        report.skipped.len()
    );
    for (label, events) in [("taken", &report.taken), ("updated", &report.updated)] {
        for e in events {
            println!("{label:<8} {}  {}", e.starts_local.as_deref().unwrap_or("-").replace('T', " "), e.title);
        }
    }
    for e in &report.skipped {
        let why = e.skip.as_ref().map_or_else(String::new, |s| s.describe());
        println!("skipped  {}  {} ({why})", e.starts_local.as_deref().unwrap_or("-").replace('T', " "), e.title);
    }
}
