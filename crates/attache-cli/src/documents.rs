//! `attache-cli brief|runsheet|report|badges|placecards|seating|caterer`: a visit's printed documents as PDF.

use std::path::PathBuf;

use attache_core::Store;
use attache_documents::{DocumentKind, DocumentRequest, Lang};
use clap::Args;

use crate::{lookup, Outcome};

#[derive(Args)]
pub struct DocumentArgs {
    /// The visit: its id, or words of its title.
    #[arg(long, value_name = "ID|WORDS")]
    visit: String,
    /// The language of the document: en, ru or ur (Urdu is set right to left).
    #[arg(long, default_value = "en", value_parser = ["en", "ru", "ur"])]
    lang: String,
    /// The day of a run-sheet (YYYY-MM-DD, the visit's local date; default: its first day with a programme).
    #[arg(long, value_name = "DATE")]
    day: Option<String>,
    /// Badges or place cards only for these people (ids or words of their names, comma-separated).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    people: Vec<String>,
    /// The programme item whose seating plan is printed (place cards then follow its seats).
    #[arg(long, value_name = "ID|WORDS")]
    item: Option<String>,
    /// The PDF file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    output: PathBuf,
}

pub fn run(store: &mut Store, kind: DocumentKind, args: DocumentArgs) -> Outcome {
    let conn = store.conn();
    let visit_id = lookup::visit(conn, &args.visit)?;
    let person_ids = args.people.iter().map(|p| lookup::person(conn, p.trim())).collect::<Result<Vec<_>, _>>()?;
    let engagement_id = args.item.as_deref().map(|item| lookup::engagement(conn, &visit_id, item)).transpose()?;
    if kind == DocumentKind::Seating && engagement_id.is_none() {
        return Err("a seating plan is of one programme item: give it with --item".into());
    }
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let request = DocumentRequest { kind, visit_id, lang, day: args.day, person_ids, engagement_id };
    let today = chrono::Local::now().date_naive();
    let typeset = attache_documents::typeset(conn, &request, today).map_err(|e| e.to_string())?;
    typeset.save_pdf(&args.output).map_err(|e| e.to_string())?;
    attache_documents::printed::mark_printed(store, &typeset).map_err(|e| e.to_string())?;
    let pages = typeset.page_count();
    println!("Wrote {} ({pages} page{}).", args.output.display(), if pages == 1 { "" } else { "s" });
    Ok(())
}
