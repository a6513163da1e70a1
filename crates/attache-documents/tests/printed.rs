//! Reprint flags: a document printed is up to date until a change alters what it prints.

mod reader;

use attache_core::visits::engagements::{self, EngagementQuery};
use attache_core::visits::{self, VisitQuery};
use attache_documents::printed::{mark_printed, status};
use attache_documents::{typeset, DocumentKind, DocumentRequest, Lang};
use chrono::NaiveDate;
use reader::sample_store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

#[test]
fn a_document_is_out_of_date_once_what_it_prints_changes_and_current_again_once_reprinted() {
    let (_dir, mut store) = sample_store();
    let visit = visits::list(store.conn(), &VisitQuery::default())
        .unwrap()
        .items
        .into_iter()
        .find(|v| v.title.starts_with("Russian Ambassador's visit"))
        .unwrap();
    let print = |store: &mut attache_core::Store, request: &DocumentRequest| {
        let done = typeset(store.conn(), request, today()).unwrap();
        mark_printed(store, &done).unwrap();
    };
    let brief = DocumentRequest::new(DocumentKind::Brief, visit.id.clone(), Lang::Ru);
    let badges = DocumentRequest::new(DocumentKind::Badges, visit.id.clone(), Lang::En);
    let run_sheet = DocumentRequest::new(DocumentKind::RunSheet, visit.id.clone(), Lang::En);
    assert!(status(store.conn(), &visit.id).unwrap().is_empty(), "nothing printed yet");
    for request in [&brief, &badges, &run_sheet] {
        print(&mut store, request);
    }
    let states = status(store.conn(), &visit.id).unwrap();
    assert_eq!(states.len(), 3);
    assert!(states.iter().all(|s| !s.out_of_date), "{states:?}");
    let sheet = states.iter().find(|s| s.kind == DocumentKind::RunSheet).unwrap();
    assert_eq!(sheet.day.as_deref(), Some("2026-01-28"), "the day the run-sheet settled on is kept");
    assert_eq!(states.iter().find(|s| s.kind == DocumentKind::Brief).unwrap().lang, Lang::Ru);

    // A programme item renamed: the brief and the run-sheet print it, the badges do not.
    let items =
        engagements::list(store.conn(), &EngagementQuery { visit_id: Some(visit.id.clone()), ..Default::default() })
            .unwrap()
            .items;
    let mut input = engagements::as_input(&items[0]);
    input.title = format!("{} (moved)", input.title);
    engagements::update(&mut store, &items[0].id, input).unwrap();
    let stale: Vec<DocumentKind> =
        status(store.conn(), &visit.id).unwrap().into_iter().filter(|s| s.out_of_date).map(|s| s.kind).collect();
    assert_eq!(stale, vec![DocumentKind::Brief, DocumentKind::RunSheet]);

    // Printed again (the same run-sheet, asked for by its day this time): current again.
    print(&mut store, &brief);
    print(&mut store, &DocumentRequest { day: Some("2026-01-28".into()), ..run_sheet.clone() });
    let states = status(store.conn(), &visit.id).unwrap();
    assert_eq!(states.len(), 3, "a reprint replaces its record");
    assert!(states.iter().all(|s| !s.out_of_date), "{states:?}");
}
