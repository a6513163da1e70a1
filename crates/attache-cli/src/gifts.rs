//! `attache-cli gifts export --year YYYY`: the gift register of a year, printed as PDF or as a
//! table (an Excel workbook or CSV) for the office that keeps the official register.

use std::path::PathBuf;

use attache_core::exchange::{self, csv, tables};
use attache_core::Store;
use attache_documents::Lang;
use clap::{Args, Subcommand};

use crate::Outcome;

#[derive(Subcommand)]
pub enum GiftsCommand {
    /// The register of one year: a PDF to print, an Excel workbook or CSV.
    #[command(
        after_help = "The format follows the file's extension: .pdf, .xlsx, or anything else for CSV;\nwithout -o, CSV goes to standard output.\n\nExample:\n  attache-cli gifts export --year 2026 -o gifts-2026.pdf\n  attache-cli gifts export --year 2026 --lang ur -o gifts-2026-ur.pdf\n  attache-cli gifts export --year 2026 -o gifts-2026.xlsx"
    )]
    Export(GiftsExport),
}

#[derive(Args)]
pub struct GiftsExport {
    /// The year the gifts were given in.
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    year: i32,
    /// The language of a PDF register: en, ru or ur.
    #[arg(long, default_value = "en", value_parser = ["en", "ru", "ur"])]
    lang: String,
    /// Write to this file (replaced only once complete) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(store: &Store, command: GiftsCommand) -> Outcome {
    let GiftsCommand::Export(args) = command;
    let extension = args.output.as_ref().and_then(|p| p.extension()).map(|e| e.to_ascii_lowercase());
    if let (Some(path), Some("pdf")) = (&args.output, extension.as_ref().and_then(|e| e.to_str())) {
        let lang = Lang::from_code(&args.lang).unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let typeset = attache_documents::typeset_gift_register(store.conn(), args.year, lang, today)
            .map_err(|e| e.to_string())?;
        typeset.save_pdf(path).map_err(|e| e.to_string())?;
        let pages = typeset.page_count();
        println!("Wrote {} ({pages} page{}).", path.display(), if pages == 1 { "" } else { "s" });
        return Ok(());
    }
    let table = tables::gifts(store.conn(), args.year).map_err(|e| e.to_string())?;
    match &args.output {
        Some(path) => {
            exchange::save(&table, path).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("{} gifts written to {}", table.rows.len(), path.display());
        }
        None => csv::write(&table, &mut std::io::stdout().lock()).map_err(|e| e.to_string())?,
    }
    Ok(())
}
