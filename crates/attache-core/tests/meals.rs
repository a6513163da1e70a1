//! Meals and special needs: who eats at each meal, what they need (from their record, or said
//! for the meal), the counts for the caterer, and a warning by name where nobody knows.

mod common;

use attache_core::directory::people::{self, PersonQuery};
use attache_core::fixtures::sample;
use attache_core::kernel::ids::{EngagementId, PersonId, VisitId};
use attache_core::kernel::listing::ListQuery;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::engagements::{self, EngagementKind};
use attache_core::visits::meals::{self, NeedCount, NeedsOverride};
use attache_core::visits::{self, VisitQuery};
use attache_core::Store;
use common::*;

fn person(store: &Store, family: &str) -> PersonId {
    let query =
        PersonQuery { list: ListQuery { search: Some(family.into()), ..Default::default() }, ..Default::default() };
    people::list(store.conn(), &query).unwrap().items.remove(0).id
}

fn needs(store: &mut Store, family: &str, dietary: Option<&str>, access: Option<&str>) {
    let id = person(store, family);
    let mut input = people::input_of(&people::get(store.conn(), &id).unwrap());
    input.dietary_needs = dietary.map(Into::into);
    input.access_needs = access.map(Into::into);
    people::update(store, &id, input).unwrap();
}

/// The sample visit with a dinner for everybody taking part, and some needs written down.
fn dinner() -> (tempfile::TempDir, Store, VisitId, EngagementId) {
    let (dir, mut store) = temp_store();
    sample::load(&mut store).unwrap();
    let all = visits::list(store.conn(), &VisitQuery::default()).unwrap().items;
    let visit = all.into_iter().find(|v| v.title.starts_with("Russian Ambassador's visit")).unwrap().id;
    let mut input = engagement_input(&visit, "Dinner at the Chamber", "2026-01-28T19:30", "2026-01-28T22:00");
    input.kind = EngagementKind::Meal;
    let item = engagements::create(&mut store, input).unwrap().id;
    needs(&mut store, "Khorev", Some("Halal"), None);
    needs(&mut store, "Mazhar", Some("  halal "), Some("Step-free access"));
    needs(&mut store, "Arshad", Some("Vegetarian"), None);
    needs(&mut store, "Naqvi", Some("none"), None);
    (dir, store, visit, item)
}

fn count(need: &str, count: u32, names: &[&str]) -> NeedCount {
    NeedCount { need: need.into(), count, names: names.iter().map(|n| (*n).to_owned()).collect() }
}

#[test]
fn a_meal_counts_its_attendees_needs_and_names_those_nobody_has_asked() {
    let (_dir, store, visit, item) = dinner();
    let meals = meals::of_visit(store.conn(), &visit).unwrap();
    assert_eq!(meals.len(), 1, "only the meal of the programme");
    let meal = &meals[0];
    assert_eq!(meal.engagement_id, item);
    assert_eq!(meal.diners.len(), 8, "everybody taking part, none declined");
    assert_eq!(meal.dietary[0], count("Halal", 2, &["H.E. Albert P. Khorev", "Syed Ahtesham Mazhar"]));
    assert_eq!(meal.dietary[1].need, "Vegetarian");
    assert_eq!(meal.dietary.len(), 2);
    assert_eq!(meal.no_dietary_needs, 1);
    assert_eq!(meal.dietary_unknown.len(), 4, "{:?}", meal.dietary_unknown);
    assert!(!meal.dietary_unknown.iter().any(|n| n.contains("Khorev") || n.contains("Mazhar")));
    assert_eq!(meal.access, vec![count("Step-free access", 1, &["Syed Ahtesham Mazhar"])]);
}

#[test]
fn what_is_said_for_one_meal_wins_over_the_record_and_can_be_taken_back() {
    let (_dir, mut store, _visit, item) = dinner();
    let khorev = person(&store, "Khorev");
    let said = NeedsOverride { dietary: Some("Fasting — water only".into()), access: None };
    let meal = meals::set_needs(&mut store, &item, &khorev, said).unwrap();
    let diner = meal.diners.iter().find(|d| d.person_id == khorev).unwrap();
    assert!(diner.overridden);
    assert_eq!(diner.dietary.as_deref(), Some("Fasting — water only"));
    assert_eq!(diner.record_dietary.as_deref(), Some("Halal"), "the record is unchanged");
    assert_eq!(meal.dietary.iter().find(|c| c.need.eq_ignore_ascii_case("halal")).unwrap().count, 1);
    // The item's history holds the change; saying nothing goes back to the record.
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Engagement, item.as_str()).unwrap();
    assert!(history.last().unwrap().changes.contains("mealNeeds"));
    let meal = meals::set_needs(&mut store, &item, &khorev, NeedsOverride::default()).unwrap();
    let diner = meal.diners.iter().find(|d| d.person_id == khorev).unwrap();
    assert!(!diner.overridden);
    assert_eq!(meal.dietary[0].count, 2);
}

#[test]
fn needs_are_said_only_for_an_attendee_and_in_a_line() {
    let (_dir, mut store, _visit, item) = dinner();
    let stranger = common::person(&mut store, "Nobody", "Attending").id;
    let said = NeedsOverride { dietary: Some("Halal".into()), access: None };
    assert_eq!(invalid_field(meals::set_needs(&mut store, &item, &stranger, said)), "personId");
    let khorev = person(&store, "Khorev");
    let long = NeedsOverride { dietary: Some("x".repeat(501)), access: None };
    assert_eq!(invalid_field(meals::set_needs(&mut store, &item, &khorev, long)), "dietary");
    let meal = meals::of_item(store.conn(), &item).unwrap();
    assert!(!meal.diners.iter().any(|d| d.overridden), "nothing kept from a refusal");
}

#[test]
fn a_meal_with_listed_attendees_counts_only_them() {
    let (_dir, mut store, _visit, item) = dinner();
    let (khorev, arshad) = (person(&store, "Khorev"), person(&store, "Arshad"));
    let mut input = engagements::as_input(&engagements::get(store.conn(), &item).unwrap());
    input.attendee_ids = vec![khorev, arshad];
    engagements::update(&mut store, &item, input).unwrap();
    let meal = meals::of_item(store.conn(), &item).unwrap();
    assert_eq!(meal.diners.len(), 2);
    assert_eq!(meal.dietary.iter().map(|c| c.need.as_str()).collect::<Vec<_>>(), ["Halal", "Vegetarian"]);
    assert!(meal.dietary_unknown.is_empty());
}
