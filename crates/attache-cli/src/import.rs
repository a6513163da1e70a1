//! `attache-cli import people|organizations FILE` and `attache-cli import undo`: contacts from
//! CSV, spreadsheets and vCard address books, with the window's mapping, checks and
//! duplicate rules; `--dry-run` says what would happen and keeps nothing.

use std::path::PathBuf;

use attache_core::exchange::csv;
use attache_core::exchange::import::{
    self, duplicates::Likeness, Decision, DuplicateOf, Field, ImportChoices, ImportReview, Mapping, Target,
    TextEncoding,
};
use attache_core::Store;
use clap::{Args, Subcommand, ValueEnum};

use crate::Outcome;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// People, with their organizations matched or created from a company column.
    #[command(after_help = EXAMPLES)]
    People(ImportArgs),
    /// Organizations.
    #[command(after_help = EXAMPLES)]
    Organizations(ImportArgs),
    /// Take the last import back: the records it created are removed, the ones it merged into
    /// get their fields back (refused if one was changed since).
    #[command(after_help = "Example:\n  attache-cli import undo")]
    Undo {
        #[arg(long)]
        json: bool,
    },
}

const EXAMPLES: &str = "Example:\n  attache-cli import people contacts.csv --dry-run\n  attache-cli import people outlook.csv --encoding windows-1251 --duplicates skip\n  attache-cli import people list.xlsx --map \"E-post=email\" --map \"Notes=\"\n  attache-cli import organizations chambers.ods --json";

#[derive(Clone, Copy, ValueEnum)]
enum OnDuplicate {
    /// Fill the known record's empty fields from the row.
    Merge,
    Skip,
    /// Make a new record all the same.
    Create,
}

#[derive(Args)]
pub struct ImportArgs {
    /// A .csv/.txt (any delimiter), .xlsx/.xls/.ods, or .vcf file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The text file's encoding (utf-8, utf-16le, utf-16be, windows-1251, windows-1252); detected
    /// when absent.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Map a column: "HEADING=field" (fields as in --json: givenName, familyName, fullName,
    /// email, organization…); "HEADING=" leaves the column out. Repeatable.
    #[arg(long = "map", value_name = "HEADING=FIELD")]
    maps: Vec<String>,
    /// What to do with a row that is somebody already known (or repeats an earlier row).
    #[arg(long, value_enum, default_value = "merge")]
    duplicates: OnDuplicate,
    /// Say what the import would do; keep nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the refused rows, with why, to this CSV file (to fix and import again).
    #[arg(long, value_name = "FILE")]
    refused: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(store: &mut Store, command: ImportCommand) -> Outcome {
    let (target, args) = match command {
        ImportCommand::People(args) => (Target::People, args),
        ImportCommand::Organizations(args) => (Target::Organizations, args),
        ImportCommand::Undo { json } => return undo(store, json),
    };
    let encoding = match &args.encoding {
        Some(name) => Some(TextEncoding::from_name(name).ok_or_else(|| format!("unknown encoding {name:?}"))?),
        None => None,
    };
    let source = import::read(&args.file, encoding).map_err(|e| e.to_string())?;
    let suggested = import::mapping::suggest(store.conn(), target, &source.grid.headers).map_err(|e| e.to_string())?;
    let mapping = mapped(&source.grid.headers, suggested, &args.maps)?;
    let review = import::review(store.conn(), &source, target, Some(mapping.clone())).map_err(|e| e.to_string())?;
    if let Some(path) = &args.refused {
        let table = import::refused_table(store.conn(), &source, target, &mapping).map_err(|e| e.to_string())?;
        csv::save(&table, path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if args.dry_run {
        if args.json {
            return print_json(&review);
        }
        describe(&review);
        return Ok(());
    }
    if let Some(problem) = &review.mapping_problem {
        describe(&review);
        return Err(problem.message.clone());
    }
    let duplicates = match args.duplicates {
        OnDuplicate::Merge => Decision::Merge,
        OnDuplicate::Skip => Decision::Skip,
        OnDuplicate::Create => Decision::Create,
    };
    let choices = ImportChoices { target, mapping, duplicates, decisions: Vec::new() };
    let total = review.rows;
    let summary = import::apply(store, &source, &choices, &mut |done, _| {
        if total >= 10_000 && done % 10_000 == 0 && done > 0 {
            eprintln!("{done} of {total} rows…");
        }
        true
    })
    .map_err(|e| e.to_string())?;
    if args.json {
        return print_json(&summary);
    }
    describe(&review);
    println!(
        "Imported {}: {} created, {} merged, {} skipped, {} refused; {} organizations created.\nUndo with: attache-cli import undo",
        source.name, summary.created, summary.merged, summary.skipped, summary.refused, summary.organizations_created
    );
    Ok(())
}

/// The proposed mapping with the user's `HEADING=field` changes.
fn mapped(headers: &[String], mut mapping: Mapping, maps: &[String]) -> Result<Mapping, String> {
    for map in maps {
        let (heading, field) = map.split_once('=').ok_or_else(|| format!("--map {map:?}: expected HEADING=field"))?;
        let column = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(heading.trim()))
            .ok_or_else(|| format!("--map: the file has no column {heading:?} (it has: {})", headers.join(", ")))?;
        mapping[column] = match field.trim() {
            "" => None,
            name => Some(
                serde_json::from_value::<Field>(serde_json::Value::String(name.to_owned()))
                    .map_err(|_| format!("--map: {name:?} is not a field"))?,
            ),
        };
    }
    Ok(mapping)
}

fn describe(review: &ImportReview) {
    let encoding = review.encoding.map(|e| format!(", {}", e.name())).unwrap_or_default();
    println!("{} ({:?}{encoding}): {} rows", review.source, review.kind, review.rows);
    for (heading, field) in review.headers.iter().zip(&review.mapping) {
        let field = field.map(|f| serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_owned)));
        println!("  {heading} → {}", field.flatten().unwrap_or_else(|| "(left out)".into()));
    }
    if let Some(problem) = &review.mapping_problem {
        println!("Cannot import yet: {}", problem.message);
        return;
    }
    println!("{} new, {} already known, {} refused", review.new, review.duplicate_count, review.refused_count);
    for row in &review.refused {
        println!("  row {}: {} refused: {}", row.row, row.name, row.problem.message);
    }
    for row in &review.duplicates {
        let of = match &row.of {
            DuplicateOf::Record { name, .. } => name.clone(),
            DuplicateOf::Row { row, name } => format!("{name} (row {row})"),
        };
        let likeness = match row.likeness {
            Likeness::SameEmail => "same e-mail",
            Likeness::SameName => "same name",
        };
        println!("  row {}: {} is {of} ({likeness})", row.row, row.name);
    }
    if review.new_organization_count > 0 {
        println!("New organizations: {}", review.new_organizations.join(", "));
    }
}

fn undo(store: &mut Store, json: bool) -> Outcome {
    let undone = import::undo_last(store).map_err(|e| e.to_string())?;
    if json {
        return print_json(&undone);
    }
    println!(
        "Undone: the import of {} on {} ({} created records removed, {} merged records restored).",
        undone.source, undone.imported_at, undone.created, undone.merged
    );
    Ok(())
}

fn print_json(value: &impl serde::Serialize) -> Outcome {
    println!("{}", serde_json::to_string_pretty(value).map_err(|e| e.to_string())?);
    Ok(())
}
