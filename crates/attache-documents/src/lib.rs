//! Attaché's printed documents: the visit brief, the run-sheet of a day, the post-visit report,
//! name badges, folded place cards, the seating plan of a programme item and the gift register
//! of a year, typeset as PDF
//! (and as SVG pages for the window's preview) with Typst embedded as a library.
//!
//! The core gathers the data (`visits::dossier`, `visits::seating`); this crate writes it out
//! in the reader's language as JSON, and Typst templates (templates/) lay it out. Typst stays
//! here so the core stays light; the shell and the CLI both call [`typeset`].

mod cards;
pub mod catalogue;
mod catering;
mod content;
pub mod printed;
mod registers;
mod world;

use std::path::Path;

use attache_core::kernel::error::{CoreError, CoreResult, Reason};
use attache_core::kernel::ids::{EngagementId, PersonId, VisitId};
use attache_core::visits::dossier::{self, Dossier};
use attache_core::visits::{meals, seating};
use attache_core::Connection;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use catalogue::Catalogue;
pub use catalogue::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    Brief,
    RunSheet,
    Report,
    Badges,
    PlaceCards,
    Seating,
    /// The caterer's sheet: each meal's attendees counted by dietary and access needs.
    Caterer,
}

impl DocumentKind {
    fn template(self) -> &'static str {
        match self {
            DocumentKind::Brief => "/brief.typ",
            DocumentKind::RunSheet => "/runsheet.typ",
            DocumentKind::Report => "/report.typ",
            DocumentKind::Badges => "/badges.typ",
            DocumentKind::PlaceCards => "/placecards.typ",
            DocumentKind::Seating => "/seating.typ",
            DocumentKind::Caterer => "/caterer.typ",
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            DocumentKind::Brief => "doc_brief",
            DocumentKind::RunSheet => "doc_runsheet",
            DocumentKind::Report => "doc_report",
            DocumentKind::Badges => "doc_badges",
            DocumentKind::PlaceCards => "doc_placecards",
            DocumentKind::Seating => "doc_seating",
            DocumentKind::Caterer => "doc_caterer",
        }
    }
}

/// Which document, of which visit, in which language, and for whom.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRequest {
    pub kind: DocumentKind,
    pub visit_id: VisitId,
    pub lang: Lang,
    /// The run-sheet's day (`YYYY-MM-DD`, local); by default the first day with a programme.
    #[serde(default)]
    pub day: Option<String>,
    /// Badges and place cards for these people only (none: everybody who has not declined).
    #[serde(default)]
    pub person_ids: Vec<PersonId>,
    /// The programme item whose seating plan is printed; place cards then follow its seats.
    #[serde(default)]
    pub engagement_id: Option<EngagementId>,
}

impl DocumentRequest {
    /// The document of the whole visit in `lang`: every participant, the first day, no item.
    pub fn new(kind: DocumentKind, visit_id: VisitId, lang: Lang) -> DocumentRequest {
        DocumentRequest { kind, visit_id, lang, day: None, person_ids: Vec::new(), engagement_id: None }
    }
}

/// A typeset document, ready to be written as PDF or shown page by page.
pub struct Typeset {
    document: PagedDocument,
    ident: String,
    /// What was typeset, for the record of printing (see [`printed`]); none for a register,
    /// which is of a year, not of a visit.
    printed: Option<printed::Printed>,
}

impl Typeset {
    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    pub fn pdf(&self) -> CoreResult<Vec<u8>> {
        let options = typst_pdf::PdfOptions { ident: Smart::Custom(self.ident.clone()), ..Default::default() };
        typst_pdf::pdf(&self.document, &options).map_err(|errors| {
            world::typesetting_failed(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
        })
    }

    /// Each page as an SVG image (text as outlines: nothing in it is live).
    pub fn svg_pages(&self) -> Vec<String> {
        let options = typst_svg::SvgOptions::default();
        self.document.pages().iter().map(|page| typst_svg::svg(page, &options)).collect()
    }

    /// Writes the PDF to `path` through a temporary file beside it, renamed into place when
    /// complete, so a failed save never leaves half a file under the name asked for.
    pub fn save_pdf(&self, path: &Path) -> CoreResult<()> {
        let bytes = self.pdf()?;
        write_whole(path, &bytes).map_err(|e| {
            let problem = e.to_string();
            CoreError::Conflict {
                field: Some("path".to_owned()),
                message: format!("cannot write {}: {problem}", path.display()),
                reason: Reason::FileUnreadable { problem },
            }
        })
    }
}

fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut partial = tempfile::Builder::new().prefix(".attache-document-").suffix(".partial").tempfile_in(dir)?;
    partial.write_all(bytes)?;
    partial.as_file().sync_all()?;
    partial.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The document's data as the templates read it (without the head), and which one of its kind
/// it is once defaults are settled (the run-sheet's day).
fn document_data(conn: &Connection, request: &DocumentRequest) -> CoreResult<(Value, printed::Scope)> {
    let dossier = dossier::gather(conn, &request.visit_id)?;
    let scope = printed::Scope::of(request, || run_sheet_day(request, &dossier))?;
    let mut data = content_of(conn, request, &dossier, &scope)?;
    breakable(&mut data);
    Ok((data, scope))
}

/// Typesets the document asked for from the store, dated `today`.
pub fn typeset(conn: &Connection, request: &DocumentRequest, today: NaiveDate) -> CoreResult<Typeset> {
    let (data, scope) = document_data(conn, request)?;
    let printed = printed::Printed::of(request, scope, &data);
    let document = compose(request.kind.template(), data, request.lang, request.kind.title_key(), today)?;
    Ok(Typeset { document, ident: format!("attache-{:?}-{}", request.kind, request.visit_id), printed: Some(printed) })
}

/// The gift register of `year`, in `lang`, dated `today`.
pub fn typeset_gift_register(conn: &Connection, year: i32, lang: Lang, today: NaiveDate) -> CoreResult<Typeset> {
    let register = attache_core::registers::gifts::register(conn, year)?;
    let mut data = registers::gift_register(Catalogue::of(lang), &register);
    breakable(&mut data);
    let document = compose("/giftregister.typ", data, lang, "doc_gift_register", today)?;
    Ok(Typeset { document, ident: format!("attache-gift-register-{year}"), printed: None })
}

/// Lays `data` out with `template`, under the head every document shares.
fn compose(
    template: &str,
    mut data: Value,
    lang: Lang,
    title_key: &str,
    today: NaiveDate,
) -> CoreResult<PagedDocument> {
    let head = content::head(lang, title_key, today);
    if let (Value::Object(data), Value::Object(head)) = (&mut data, head) {
        data.extend(head);
    }
    let bytes = serde_json::to_vec(&data).map_err(|e| world::typesetting_failed(e.to_string()))?;
    let document = world::DocumentWorld::new(template, bytes, today)?.typeset();
    // Typst memoizes its work across compilations in a process-wide cache. Results unused for
    // ten typesettings are let go (as Typst's own watch mode does), so a window that previews
    // for hours does not grow without bound; a preview typeset again soon still reuses them.
    typst::comemo::evict(10);
    document
}

fn content_of(
    conn: &Connection,
    request: &DocumentRequest,
    dossier: &Dossier,
    scope: &printed::Scope,
) -> CoreResult<Value> {
    let words = Catalogue::of(request.lang);
    let visit = content::visit(words, dossier);
    Ok(match request.kind {
        DocumentKind::Brief => json!({
            "visit": visit,
            "days": dossier.days.iter().map(|d| content::day(words, d)).collect::<Vec<_>>(),
            "sides": content::sides(words, &dossier.people),
            "organizations": dossier.organizations.iter().map(|o| content::organization(words, o)).collect::<Vec<_>>(),
            "agreements": dossier.agreements.iter().map(|a| content::agreement(words, a)).collect::<Vec<_>>(),
            "actions": dossier.actions.iter().filter(|a| a.status.is_pending()).map(|a| content::action(words, a)).collect::<Vec<_>>(),
        }),
        DocumentKind::RunSheet => {
            // Settled when the scope was: the day asked for, or the visit's first with a programme.
            let date = scope.day.clone().unwrap_or_default();
            let empty = dossier::ProgrammeDay { date: date.clone(), items: Vec::new() };
            let day = dossier.day(&date).unwrap_or(&empty);
            json!({ "visit": visit, "day": content::day(words, day), "contacts": content::contacts(words, day) })
        }
        DocumentKind::Report => {
            let checked = dossier.people.iter().filter(|p| p.checked_in_local.is_some()).count().to_string();
            let expected = dossier.people.len().to_string();
            json!({
                "visit": visit,
                "agreements": dossier.agreements.iter().map(|a| content::agreement(words, a)).collect::<Vec<_>>(),
                "actions": dossier.actions.iter().map(|a| content::action(words, a)).collect::<Vec<_>>(),
                "attendance": words.phrase("checked_in_count", &[("checked", &checked), ("expected", &expected)]),
                "people": content::everyone(words, &dossier.people),
            })
        }
        DocumentKind::Badges => {
            json!({ "visit": visit, "badges": cards::badges(words, &cards::chosen(&dossier.people, &request.person_ids)) })
        }
        DocumentKind::PlaceCards => {
            let cards = match &request.engagement_id {
                Some(item) => cards::place_cards_by_seat(words, &seating_of(conn, request, item)?, &request.person_ids),
                None => cards::place_cards_in_precedence(&cards::chosen(&dossier.people, &request.person_ids)),
            };
            json!({ "visit": visit, "cards": cards })
        }
        DocumentKind::Seating => {
            let item = request.engagement_id.as_ref().ok_or_else(|| {
                CoreError::invalid("engagementId", Reason::Required, "a seating plan is of one programme item")
            })?;
            let sides: serde_json::Map<String, Value> = ["host", "guest", "third_party"]
                .into_iter()
                .map(|side| (side.to_owned(), Value::String(words.vocabulary("participant_side", side))))
                .collect();
            json!({ "visit": visit, "sides": sides, "seating": cards::seating(words, &seating_of(conn, request, item)?) })
        }
        DocumentKind::Caterer => {
            let meals = meals_of(conn, request)?;
            json!({ "visit": visit, "meals": meals.iter().map(|m| catering::meal(words, m)).collect::<Vec<_>>() })
        }
    })
}

/// The meals of the caterer's sheet: the chosen item alone, or every meal of the visit.
fn meals_of(conn: &Connection, request: &DocumentRequest) -> CoreResult<Vec<meals::Meal>> {
    match &request.engagement_id {
        Some(item) => {
            attache_core::visits::engagements::refuse_other_visit(conn, item, &request.visit_id)?;
            Ok(vec![meals::of_item(conn, item)?])
        }
        None => meals::of_visit(conn, &request.visit_id),
    }
}

fn seating_of(conn: &Connection, request: &DocumentRequest, item: &EngagementId) -> CoreResult<seating::Seating> {
    attache_core::visits::engagements::refuse_other_visit(conn, item, &request.visit_id)?;
    seating::get(conn, item)
}

/// The day asked for, or the first day with a programme, or the visit's first day.
fn run_sheet_day(request: &DocumentRequest, dossier: &Dossier) -> CoreResult<NaiveDate> {
    if let Some(day) = &request.day {
        return day
            .parse()
            .map_err(|_| CoreError::invalid("day", Reason::NotADate, format!("{day:?} is not a date (YYYY-MM-DD)")));
    }
    let first =
        dossier.days.iter().find(|d| !d.items.is_empty()).map(|d| d.date.as_str()).unwrap_or(&dossier.visit.start_date);
    first.parse().map_err(|_| CoreError::invalid("day", Reason::NotADate, "the visit has no first day"))
}

/// A run of this many letters without a space may be broken anywhere: a pasted token or a
/// 20,000-letter name wraps instead of running off the page.
const LONGEST_WORD: usize = 40;

fn breakable(value: &mut Value) {
    match value {
        Value::String(text) if text.split_whitespace().any(|w| w.chars().count() > LONGEST_WORD) => {
            let mut out = String::with_capacity(text.len() + text.len() / LONGEST_WORD * 3);
            let mut run = 0;
            for c in text.chars() {
                run = if c.is_whitespace() { 0 } else { run + 1 };
                out.push(c);
                if run == LONGEST_WORD {
                    out.push('\u{200B}');
                    run = 0;
                }
            }
            *text = out;
        }
        Value::Array(items) => items.iter_mut().for_each(breakable),
        Value::Object(fields) => fields.values_mut().for_each(breakable),
        _ => {}
    }
}
