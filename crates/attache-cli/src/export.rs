//! `attache-cli export people|organizations`: a list as CSV or an Excel workbook, filtered and
//! sorted as the window lists it, to a file (or CSV to standard output); people also as vCards
//! for an address book.

use std::path::PathBuf;

use attache_core::actions::ActionQuery;
use attache_core::agreements::AgreementQuery;
use attache_core::directory::organizations::OrganizationQuery;
use attache_core::directory::people::PersonQuery;
use attache_core::exchange::{self, csv, tables, Table};
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::VisitQuery;
use attache_core::Store;
use clap::{Args, ValueEnum};

use crate::{lookup, Outcome};

#[derive(Clone, Copy, ValueEnum)]
pub enum List {
    People,
    Organizations,
    Visits,
    Agreements,
    Actions,
    /// A visit's participants in the order of precedence (needs --visit).
    Participants,
    /// The whole store as one JSON document (--format json, -o FILE), which `restore` reads back.
    All,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum Format {
    /// UTF-8 with a byte-order mark, commas, formulas written as text.
    Csv,
    /// An Excel workbook (needs -o FILE).
    Xlsx,
    /// The whole store as a JSON document (with `all`; docs/whole-store-json.md).
    Json,
    /// vCard 3.0 cards that address books read (with `people`).
    Vcard,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Which list.
    #[arg(value_enum)]
    list: List,
    /// The file's format (default: by the extension of -o, else CSV).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The visit whose participants are listed (an id or words of its title).
    #[arg(long, value_name = "ID|WORDS")]
    visit: Option<String>,
    /// Only the records the window's search box would find with these words.
    #[arg(long, value_name = "WORDS")]
    search: Option<String>,
    /// Deleted records too.
    #[arg(long)]
    include_deleted: bool,
    /// Write to this file (replaced only once complete) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(store: &Store, args: ExportArgs) -> Outcome {
    let json = args.format == Some(Format::Json)
        || args.output.as_ref().and_then(|p| p.extension()).is_some_and(|e| e == "json");
    if matches!(args.list, List::All) || json {
        return whole_store(store, &args);
    }
    let list = ListQuery { search: args.search, include_deleted: args.include_deleted, ..ListQuery::default() };
    let vcf = args.output.as_ref().and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("vcf"));
    if args.format == Some(Format::Vcard) || (vcf && args.format.is_none()) {
        return vcards(store, args.list, args.output.as_deref(), list);
    }
    let table: Table = match args.list {
        List::People => tables::people(store.conn(), &PersonQuery { list, ..PersonQuery::default() }),
        List::Organizations => {
            tables::organizations(store.conn(), &OrganizationQuery { list, ..OrganizationQuery::default() })
        }
        List::Visits => tables::visits(store.conn(), &VisitQuery { list, ..VisitQuery::default() }),
        List::Agreements => tables::agreements(store.conn(), &AgreementQuery { list, ..AgreementQuery::default() }),
        List::Actions => tables::actions(store.conn(), &ActionQuery { list, ..ActionQuery::default() }),
        List::Participants => {
            let visit = args.visit.as_deref().ok_or("participants: which visit? give --visit")?;
            tables::participants(store.conn(), &lookup::visit(store.conn(), visit)?)
        }
        List::All => unreachable!("the whole store went out above"),
    }
    .map_err(|e| e.to_string())?;
    let by_name = args.output.as_ref().and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let format = args.format.unwrap_or(if by_name { Format::Xlsx } else { Format::Csv });
    match (&args.output, format) {
        (Some(path), Format::Xlsx) => {
            exchange::xlsx::save(&table, path).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} rows written to {}", table.rows.len(), path.display());
        }
        (Some(path), Format::Csv) => {
            csv::save(&table, path).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} rows written to {}", table.rows.len(), path.display());
        }
        (None, Format::Xlsx) => return Err("an Excel workbook needs a file: -o FILE.xlsx".into()),
        (None, Format::Csv) => csv::write(&table, &mut std::io::stdout().lock()).map_err(|e| e.to_string())?,
        (_, Format::Json) => unreachable!("JSON went to the whole store above"),
        (_, Format::Vcard) => unreachable!("vCards went out above"),
    }
    Ok(())
}

/// `export people --format vcard -o FILE.vcf`: the people as an address book reads them.
fn vcards(store: &Store, which: List, output: Option<&std::path::Path>, list: ListQuery) -> Outcome {
    if !matches!(which, List::People) {
        return Err("vCards are for people: use `export people --format vcard -o FILE.vcf`".into());
    }
    let path = output.ok_or("vCards need a file: -o FILE.vcf")?;
    let query = PersonQuery { list, ..PersonQuery::default() };
    let cards =
        exchange::vcard::save_people(store.conn(), &query, path).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("{cards} cards written to {}", path.display());
    Ok(())
}

/// `export all --format json -o FILE`: the whole store, which `attache-cli restore FILE` reads back.
fn whole_store(store: &Store, args: &ExportArgs) -> Outcome {
    if !matches!(args.list, List::All) {
        return Err("JSON is the whole store's format: use `export all --format json -o FILE`".into());
    }
    if matches!(args.format, Some(Format::Csv | Format::Xlsx | Format::Vcard)) {
        return Err("the whole store is exported as JSON only (--format json)".into());
    }
    let path = args.output.as_ref().ok_or("export all: where to? give -o FILE.json")?;
    let rows = exchange::whole_store::export(store.conn(), path).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("The whole store ({rows} rows) written to {}", path.display());
    Ok(())
}
