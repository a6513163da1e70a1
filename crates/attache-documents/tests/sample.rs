//! Each document of the sample visit, typeset and read back by an independent PDF reader
//! (Python's pypdf), in every language.

mod reader;

use attache_core::visits::{self, dossier, seating, VisitQuery};
use attache_documents::{typeset, DocumentKind, DocumentRequest, Lang};
use chrono::NaiveDate;
use reader::{compact, pdf_text, sample_store};

fn sample_visit(store: &attache_core::Store) -> attache_core::visits::Visit {
    let visits = visits::list(store.conn(), &VisitQuery::default()).unwrap().items;
    visits.into_iter().find(|v| v.title.starts_with("Russian Ambassador's visit")).unwrap()
}

fn request(kind: DocumentKind, store: &attache_core::Store, lang: Lang) -> DocumentRequest {
    DocumentRequest::new(kind, sample_visit(store).id, lang)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn text_of(store: &attache_core::Store, request: &DocumentRequest) -> String {
    pdf_text(&typeset(store.conn(), request, today()).unwrap().pdf().unwrap())
}

/// Each name appears after the one before it; for a name in Arabic script, each of its words
/// (readers give a right-to-left line's words in visual order).
fn assert_in_order(text: &str, names: &[String]) {
    let text = compact(text);
    let mut at = 0;
    for name in names {
        let found = text[at..].find(&compact(name)).unwrap_or_else(|| panic!("{name} missing or out of order"));
        at += found + compact(name).len();
    }
}

fn assert_words(text: &str, native: &str) {
    let text = compact(text);
    for word in native.split_whitespace() {
        assert!(text.contains(&compact(word)), "{word} of {native} is missing");
    }
}

#[test]
fn the_brief_lists_each_side_in_precedence_order_with_names_in_both_scripts() {
    let (_dir, store) = sample_store();
    let visit = sample_visit(&store);
    let dossier = dossier::gather(store.conn(), &visit.id).unwrap();
    assert_eq!(dossier.people.len(), 8);
    for lang in Lang::ALL {
        let text = text_of(&store, &request(DocumentKind::Brief, &store, lang));
        for side in ["guest", "host", "third_party"] {
            let names: Vec<String> = dossier
                .people
                .iter()
                .filter(|p| p.participant.side.as_str() == side)
                .map(|p| p.person.display_name.clone())
                .collect();
            assert_in_order(&text, &names);
        }
        for p in &dossier.people {
            assert_words(&text, p.person.native_name.as_deref().unwrap_or_default());
        }
        for item in dossier.days.iter().flat_map(|d| &d.items) {
            assert!(compact(&text).contains(&compact(&item.engagement.title)));
        }
        assert!(compact(&text).contains(&compact("10:00–12:30")), "{lang:?}: the time reads left to right");
    }
    let russian = text_of(&store, &request(DocumentKind::Brief, &store, Lang::Ru));
    assert!(compact(&russian).contains(&compact("Справка к визиту")));
    assert!(compact(&russian).contains(&compact("Среда, 28 января 2026 г.")));
    let urdu = text_of(&store, &request(DocumentKind::Brief, &store, Lang::Ur));
    assert_words(&urdu, "شرکاء");
}

#[test]
fn the_run_sheet_gives_the_days_items_contacts_and_security() {
    let (_dir, store) = sample_store();
    let text = compact(&text_of(&store, &request(DocumentKind::RunSheet, &store, Lang::En)));
    for expected in
        ["Run-sheet", "Wednesday, 28 January 2026", "10:00–12:30", "13:00–14:30", "SCCI Auditorium", "Tight security"]
    {
        assert!(text.contains(&compact(expected)), "{expected}");
    }
    let sheet = typeset(store.conn(), &request(DocumentKind::RunSheet, &store, Lang::En), today()).unwrap();
    assert_eq!(sheet.page_count(), 1, "the sample's day fits one page");

    let mut other_day = request(DocumentKind::RunSheet, &store, Lang::En);
    other_day.day = Some("2026-01-29".into());
    let text = compact(&text_of(&store, &other_day));
    assert!(text.contains(&compact("Nothing is planned this day.")));
    other_day.day = Some("29/01/2026".into());
    let refused = typeset(store.conn(), &other_day, today()).err().unwrap();
    assert_eq!(refused.field(), Some("day"));
}

#[test]
fn the_report_gives_outcome_actions_and_attendance() {
    let (_dir, store) = sample_store();
    let visit = sample_visit(&store);
    let dossier = dossier::gather(store.conn(), &visit.id).unwrap();
    let text = compact(&text_of(&store, &request(DocumentKind::Report, &store, Lang::En)));
    assert!(text.contains(&compact("Post-visit report")));
    assert!(text.contains(&compact(visit.outcome_summary.as_deref().unwrap_or("No outcome summary"))));
    for action in &dossier.actions {
        assert!(text.contains(&compact(&action.title)), "{}", action.title);
    }
    let checked = dossier.people.iter().filter(|p| p.checked_in_local.is_some()).count();
    assert!(text.contains(&compact(&format!("{checked} of 8 participants checked in."))));
}

#[test]
fn badges_and_place_cards_follow_precedence_or_the_seating_plan() {
    let (_dir, store) = sample_store();
    let visit = sample_visit(&store);
    let dossier = dossier::gather(store.conn(), &visit.id).unwrap();
    let names: Vec<String> = dossier.people.iter().map(|p| p.person.display_name.clone()).collect();
    let badges = text_of(&store, &request(DocumentKind::Badges, &store, Lang::En));
    assert_in_order(&badges, &names);
    let cards = text_of(&store, &request(DocumentKind::PlaceCards, &store, Lang::En));
    assert_in_order(&cards, &names);

    let mut two = request(DocumentKind::Badges, &store, Lang::En);
    two.person_ids =
        vec![dossier.people[3].participant.person_id.clone(), dossier.people[0].participant.person_id.clone()];
    let text = compact(&text_of(&store, &two));
    assert!(text.contains(&compact(&names[0])) && text.contains(&compact(&names[3])));
    assert!(!text.contains(&compact(&names[1])));

    let meeting = dossier.days[0].items.iter().find(|i| i.engagement.title.starts_with("Meeting")).unwrap();
    let plan = seating::get(store.conn(), &meeting.engagement.id).unwrap();
    let seated: Vec<String> =
        plan.plan.iter().flat_map(|t| &t.seats).filter_map(|s| s.guest.as_ref().map(|g| g.name.clone())).collect();
    let mut by_seat = request(DocumentKind::PlaceCards, &store, Lang::En);
    by_seat.engagement_id = Some(meeting.engagement.id.clone());
    let cards = text_of(&store, &by_seat);
    assert_in_order(&cards, &seated);
    assert!(compact(&cards).contains(&compact("Table 1 · Seat 1")));

    let mut plan_request = by_seat.clone();
    plan_request.kind = DocumentKind::Seating;
    let text = compact(&text_of(&store, &plan_request));
    assert!(text.contains(&compact("Seating plan")) && text.contains(&compact("seat of honour")));
    for name in &seated {
        assert!(text.contains(&compact(name)), "{name}");
    }
}
