//! Seating plans: proposed from the order of precedence, adjusted and kept, checked.

mod common;

use attache_core::fixtures::sample;
use attache_core::kernel::ids::EngagementId;
use attache_core::visits::engagements::{self, EngagementQuery};
use attache_core::visits::participants::Side;
use attache_core::visits::seating::{self, Seating, TableLayout};
use attache_core::Store;
use common::{audit_operations, invalid_field, temp_store};

fn sample_meeting(store: &mut Store) -> EngagementId {
    sample::load(store).unwrap();
    let items = engagements::list(store.conn(), &EngagementQuery { list: common::query(100), ..Default::default() })
        .unwrap()
        .items;
    items.into_iter().find(|e| e.title.starts_with("Meeting with SCCI")).unwrap().id
}

fn seat_names(plan: &Seating) -> Vec<Vec<Option<String>>> {
    plan.plan.iter().map(|t| t.seats.iter().map(|s| s.guest.as_ref().map(|g| g.name.clone())).collect()).collect()
}

#[test]
fn a_long_table_seats_the_principals_facing_each_other_in_the_middle() {
    let (_dir, mut store) = temp_store();
    let meeting = sample_meeting(&mut store);
    let plan = seating::get(store.conn(), &meeting).unwrap();
    assert!(!plan.saved);
    assert_eq!((plan.layout, plan.tables, plan.seats_per_table), (TableLayout::Long, 1, 8));
    let seats = &plan.plan[0].seats;
    // Four hosts' seats (1–4) face four guests' seats (5–8); the principals sit at 2 and 6.
    let head = seats.iter().find(|s| s.head).unwrap();
    let honour = seats.iter().find(|s| s.honour).unwrap();
    assert_eq!((head.number, honour.number), (2, 6));
    assert_eq!(head.guest.as_ref().unwrap().name, "Syed Ahtesham Mazhar");
    assert_eq!(honour.guest.as_ref().unwrap().name, "H.E. Albert P. Khorev");
    assert!(seats[..4].iter().all(|s| s.side == Side::Host) && seats[4..].iter().all(|s| s.side == Side::Guest));
    // The second of each side sits to the right of their principal, facing each other.
    assert_eq!(seats[2].guest.as_ref().unwrap().precedence, 4);
    assert_eq!(seats[6].guest.as_ref().unwrap().precedence, 3);
    assert!(plan.unseated.is_empty());
}

#[test]
fn round_tables_alternate_hosts_and_guests_from_the_host_at_the_top_table() {
    let (_dir, mut store) = temp_store();
    let meeting = sample_meeting(&mut store);
    let plan = seating::propose(store.conn(), &meeting, TableLayout::Rounds, 2, 4).unwrap();
    let names = seat_names(&plan);
    let first = &plan.plan[0].seats;
    assert!(first[0].head && first[1].honour);
    assert_eq!(names[0][0].as_deref(), Some("Syed Ahtesham Mazhar"));
    assert_eq!(names[0][1].as_deref(), Some("H.E. Albert P. Khorev"));
    assert_eq!(first[3].guest.as_ref().unwrap().side, Side::Guest, "the next guest on the host's left");
    assert_eq!(first[2].side, Side::Host);
    assert!(plan.plan[1].seats[0].head && !plan.plan[1].seats[1].honour);
    assert!(plan.unseated.is_empty());

    let small = seating::propose(store.conn(), &meeting, TableLayout::Rounds, 1, 4).unwrap();
    assert_eq!(small.unseated.len(), 4, "eight guests, four seats");
    assert_eq!(small.unseated[0].precedence, 5, "the lowest in precedence go without a seat");
}

#[test]
fn a_plan_adjusted_by_hand_is_kept_audited_and_checked() {
    let (_dir, mut store) = temp_store();
    let meeting = sample_meeting(&mut store);
    let plan = seating::get(store.conn(), &meeting).unwrap();
    let mut seats: Vec<Vec<_>> = plan
        .plan
        .iter()
        .map(|t| t.seats.iter().map(|s| s.guest.as_ref().map(|g| g.person_id.clone())).collect())
        .collect();
    seats[0].swap(0, 1);
    let input = seating::SeatingInput { layout: plan.layout, tables: 1, seats_per_table: 8, seats: seats.clone() };
    let saved = seating::save(&mut store, &meeting, input.clone()).unwrap();
    assert!(saved.saved);
    let again = seating::get(store.conn(), &meeting).unwrap();
    assert_eq!(seat_names(&again), seat_names(&saved));
    assert_eq!(seat_names(&again)[0][0].as_deref(), Some("Syed Ahtesham Mazhar"));
    assert!(
        audit_operations(&store, attache_core::kernel::record::RecordKind::Engagement, meeting.as_str()).len() >= 2
    );

    let mut twice = input.clone();
    twice.seats[0][1] = twice.seats[0][0].clone();
    assert_eq!(invalid_field(seating::save(&mut store, &meeting, twice)), "seats");
    let stranger = common::person(&mut store, "Not", "Invited").id;
    let mut outsider = input.clone();
    outsider.seats[0][7] = Some(stranger);
    assert_eq!(invalid_field(seating::save(&mut store, &meeting, outsider)), "seats");
    let mut shapeless = input.clone();
    shapeless.seats[0].pop();
    assert_eq!(invalid_field(seating::save(&mut store, &meeting, shapeless)), "seats");
    let two_long = seating::SeatingInput { tables: 2, seats: vec![seats[0].clone(), vec![None; 8]], ..input.clone() };
    assert_eq!(invalid_field(seating::save(&mut store, &meeting, two_long)), "tables");
    assert_eq!(invalid_field(seating::propose(store.conn(), &meeting, TableLayout::Rounds, 1, 1)), "seatsPerTable");
    assert_eq!(
        seat_names(&seating::get(store.conn(), &meeting).unwrap()),
        seat_names(&saved),
        "nothing refused was kept"
    );

    let cleared = seating::clear(&mut store, &meeting).unwrap();
    assert!(!cleared.saved);
    assert_eq!(cleared.plan, plan.plan);
}
