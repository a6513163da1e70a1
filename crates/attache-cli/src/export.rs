//! `attache-cli export people|organizations`: a list as CSV, filtered and sorted as the window
//! lists it, to a file or to standard output.

use std::path::PathBuf;

use attache_core::directory::organizations::OrganizationQuery;
use attache_core::directory::people::PersonQuery;
use attache_core::exchange::{csv, tables, Table};
use attache_core::kernel::listing::ListQuery;
use attache_core::Store;
use clap::{Args, ValueEnum};

use crate::Outcome;

#[derive(Clone, Copy, ValueEnum)]
pub enum List {
    People,
    Organizations,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// UTF-8 with a byte-order mark, commas, formulas written as text.
    Csv,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Which list.
    #[arg(value_enum)]
    list: List,
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
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
    let list = ListQuery { search: args.search, include_deleted: args.include_deleted, ..ListQuery::default() };
    let table: Table = match args.list {
        List::People => tables::people(store.conn(), &PersonQuery { list, ..PersonQuery::default() }),
        List::Organizations => {
            tables::organizations(store.conn(), &OrganizationQuery { list, ..OrganizationQuery::default() })
        }
    }
    .map_err(|e| e.to_string())?;
    let Format::Csv = args.format;
    match &args.output {
        Some(path) => {
            csv::save(&table, path).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} rows written to {}", table.rows.len(), path.display());
        }
        None => csv::write(&table, &mut std::io::stdout().lock()).map_err(|e| e.to_string())?,
    }
    Ok(())
}
