//! The caterer's sheet of the sample visit's dinner, read back by an independent PDF reader.

mod reader;

use attache_core::directory::people::{self, PersonQuery};
use attache_core::kernel::ids::VisitId;
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::engagements::{self, EngagementInput, EngagementKind};
use attache_core::visits::{self, VisitQuery};
use attache_core::Store;
use attache_documents::{typeset, DocumentKind, DocumentRequest, Lang};
use chrono::NaiveDate;
use reader::{compact, pdf_text, sample_store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn sample_visit(store: &Store) -> VisitId {
    let visits = visits::list(store.conn(), &VisitQuery::default()).unwrap().items;
    visits.into_iter().find(|v| v.title.starts_with("Russian Ambassador's visit")).unwrap().id
}

fn needs(store: &mut Store, family: &str, dietary: &str) {
    let query =
        PersonQuery { list: ListQuery { search: Some(family.into()), ..Default::default() }, ..Default::default() };
    let person = people::list(store.conn(), &query).unwrap().items.remove(0);
    let mut input = people::input_of(&person);
    input.dietary_needs = Some(dietary.into());
    people::update(store, &person.id, input).unwrap();
}

fn text(store: &Store, visit: &VisitId, lang: Lang) -> String {
    let request = DocumentRequest::new(DocumentKind::Caterer, visit.clone(), lang);
    compact(&pdf_text(&typeset(store.conn(), &request, today()).unwrap().pdf().unwrap()))
}

#[test]
fn the_caterers_sheet_counts_each_meals_needs_and_names_who_is_not_known() {
    let (_dir, mut store) = sample_store();
    let visit = sample_visit(&store);
    assert!(text(&store, &visit, Lang::En).contains(&compact("No meals are planned in this visit's programme.")));

    let input = EngagementInput {
        visit_id: visit.clone(),
        title: "Dinner <b>#eval(\"x\")</b>".into(),
        kind: EngagementKind::Meal,
        starts_local: "2026-01-28T19:30".into(),
        ends_local: "2026-01-28T22:00".into(),
        venue_id: None,
        responsible_person_id: None,
        vehicle_id: None,
        security_notes: None,
        notes: None,
        attendee_ids: vec![],
    };
    engagements::create(&mut store, input).unwrap();
    needs(&mut store, "Khorev", "Halal");
    needs(&mut store, "Mazhar", "halal");
    needs(&mut store, "Arshad", "Vegetarian, no nuts");
    let english = text(&store, &visit, Lang::En);
    for expected in [
        "Dinner <b>#eval(\"x\")</b>",
        "Wednesday, 28 January 2026",
        "19:30–22:00",
        "8 at table",
        "Halal 2 H.E. Albert P. Khorev, Syed Ahtesham Mazhar",
        "Vegetarian, no nuts 1",
        "Dietary needs not known for 5:",
        "Denis Nevzorov",
        "No access needs are recorded.",
    ] {
        assert!(english.contains(&compact(expected)), "{expected:?} missing from the caterer's sheet");
    }
    let russian = text(&store, &visit, Lang::Ru);
    assert!(russian.contains(&compact("За столом: 8")) && russian.contains(&compact("Питание не уточнено (5):")));
}
