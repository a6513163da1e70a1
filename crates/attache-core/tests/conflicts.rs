//! Conflict detection across visits, against a temporary store.

mod common;

use attache_core::kernel::ids::{EngagementId, PersonId, VenueId, VisitId};
use attache_core::kernel::record::RecordKind;
use attache_core::visits::conflicts::{self, Conflict, ConflictKind};
use attache_core::visits::engagements::{self, EngagementInput};
use attache_core::visits::participants::{self, Rsvp};
use attache_core::visits::vehicles::{self, VehicleInput, VehicleKind};
use attache_core::visits::venues::{self, VenueInput};
use attache_core::visits::{self, travel, VisitInput, VisitStatus};
use attache_core::{CoreError, Store};

fn save(store: &mut Store, input: EngagementInput) -> EngagementId {
    engagements::create(store, input).expect("create item").id
}

fn venue(store: &mut Store, name: &str) -> VenueId {
    venues::create(store, VenueInput { name: name.into(), ..VenueInput::default() }).unwrap().id
}

fn kinds(list: &[Conflict]) -> Vec<ConflictKind> {
    list.iter().map(|c| c.kind).collect()
}

fn second_visit(store: &mut Store) -> VisitId {
    visits::create(store, VisitInput { title: "Lahore trade fair".into(), ..common::visit_input("x") }).unwrap().id
}

fn with_attendees(input: EngagementInput, people: &[&PersonId]) -> EngagementInput {
    EngagementInput { attendee_ids: people.iter().map(|p| (*p).clone()).collect(), ..input }
}

#[test]
fn a_person_booked_in_two_visits_at_once_shows_in_both() {
    let (_dir, mut store) = common::temp_store();
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let sialkot = common::visit(&mut store, "Sialkot").id;
    let lahore = second_visit(&mut store);
    let tour = common::engagement_input(&sialkot, "Tour", "2026-01-28T10:00", "2026-01-28T12:30");
    let tour = save(&mut store, with_attendees(tour, &[&khorev]));
    let fair = common::engagement_input(&lahore, "Fair opening", "2026-01-28T12:00", "2026-01-28T13:00");
    let fair = save(&mut store, with_attendees(fair, &[&khorev]));

    for visit in [&sialkot, &lahore] {
        let found = conflicts::for_visit(store.conn(), visit).unwrap();
        assert_eq!(kinds(&found), vec![ConflictKind::PersonDoubleBooked], "{visit}");
        let c = &found[0];
        assert_eq!(c.first.id, tour);
        assert_eq!(c.second.as_ref().unwrap().id, fair);
        assert_eq!(c.subject.as_ref().unwrap().name, "Albert Khorev");
        assert!(c.message.contains("Albert Khorev"), "{}", c.message);
    }
    // Touching is not overlapping.
    let mut moved = common::engagement_input(&lahore, "Fair opening", "2026-01-28T12:30", "2026-01-28T13:00");
    moved = with_attendees(moved, &[&khorev]);
    engagements::update(&mut store, &fair, moved).unwrap();
    assert!(conflicts::for_visit(store.conn(), &sialkot).unwrap().is_empty());
}

#[test]
fn cancelled_visits_and_deleted_items_do_not_collide() {
    let (_dir, mut store) = common::temp_store();
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let sialkot = common::visit(&mut store, "Sialkot").id;
    let lahore = second_visit(&mut store);
    let a = common::engagement_input(&sialkot, "Tour", "2026-01-28T10:00", "2026-01-28T12:30");
    save(&mut store, with_attendees(a, &[&khorev]));
    let b = common::engagement_input(&lahore, "Fair", "2026-01-28T11:00", "2026-01-28T12:00");
    let fair = save(&mut store, with_attendees(b, &[&khorev]));
    assert_eq!(conflicts::for_visit(store.conn(), &sialkot).unwrap().len(), 1);
    engagements::delete(&mut store, &fair).unwrap();
    assert!(conflicts::for_visit(store.conn(), &sialkot).unwrap().is_empty());
    engagements::restore(&mut store, &fair).unwrap();
    let cancelled =
        VisitInput { title: "Lahore trade fair".into(), status: VisitStatus::Cancelled, ..common::visit_input("x") };
    visits::update(&mut store, &lahore, cancelled).unwrap();
    assert!(conflicts::for_visit(store.conn(), &sialkot).unwrap().is_empty());
}

#[test]
fn a_venue_and_a_vehicle_booked_twice() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let hall = venue(&mut store, "SCCI Auditorium");
    let car = vehicles::create(
        &mut store,
        VehicleInput {
            label: "Car 1".into(),
            kind: VehicleKind::Car,
            registration: None,
            seats: Some(4),
            driver: Some("Imran".into()),
            phone: None,
            notes: None,
        },
    )
    .unwrap()
    .id;
    let a = common::engagement_input(&visit, "Talks", "2026-01-28T10:00", "2026-01-28T11:00");
    save(&mut store, EngagementInput { venue_id: Some(hall.clone()), vehicle_id: Some(car.clone()), ..a });
    let b = common::engagement_input(&visit, "Press", "2026-01-28T10:30", "2026-01-28T11:30");
    save(&mut store, EngagementInput { venue_id: Some(hall), vehicle_id: Some(car), ..b });
    let found = conflicts::for_visit(store.conn(), &visit).unwrap();
    let mut found = kinds(&found);
    found.sort_by_key(|k| *k as u8);
    assert_eq!(found, vec![ConflictKind::VenueDoubleBooked, ConflictKind::VehicleDoubleBooked]);
}

#[test]
fn too_little_time_between_venues_uses_the_pairs_time_or_the_visits_buffer() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let naqvi = common::person(&mut store, "Ali", "Naqvi").id;
    let factory = venue(&mut store, "Forward Sports factory");
    let chamber = venue(&mut store, "SCCI Auditorium");
    let a = common::engagement_input(&visit, "Factory tour", "2026-01-28T10:00", "2026-01-28T12:30");
    save(&mut store, with_attendees(EngagementInput { venue_id: Some(factory.clone()), ..a }, &[&naqvi]));
    let b = common::engagement_input(&visit, "Meeting", "2026-01-28T12:50", "2026-01-28T14:00");
    save(&mut store, with_attendees(EngagementInput { venue_id: Some(chamber.clone()), ..b }, &[&naqvi]));

    let found = conflicts::for_visit(store.conn(), &visit).unwrap();
    assert_eq!(kinds(&found), vec![ConflictKind::TooLittleTravelTime]);
    assert_eq!((found[0].minutes_available, found[0].minutes_needed), (Some(20), Some(30)));

    travel::set(&mut store, &chamber, &factory, Some(15)).unwrap();
    assert!(conflicts::for_visit(store.conn(), &visit).unwrap().is_empty());
    travel::set(&mut store, &factory, &chamber, Some(60)).unwrap();
    let found = conflicts::for_visit(store.conn(), &visit).unwrap();
    assert_eq!(found[0].minutes_needed, Some(60));
    travel::set(&mut store, &factory, &chamber, None).unwrap();
    let visit_input = VisitInput { travel_buffer_minutes: 10, ..common::visit_input("Sialkot") };
    visits::update(&mut store, &visit, visit_input).unwrap();
    assert!(conflicts::for_visit(store.conn(), &visit).unwrap().is_empty());
}

#[test]
fn travel_time_counts_real_minutes_across_a_daylight_saving_change() {
    let (_dir, mut store) = common::temp_store();
    let berlin = VisitInput {
        time_zone: "Europe/Berlin".into(),
        start_date: "2026-03-28".into(),
        end_date: "2026-03-29".into(),
        ..common::visit_input("Berlin")
    };
    let visit = visits::create(&mut store, berlin).unwrap().id;
    let who = common::person(&mut store, "Sergey", "Nevzorov").id;
    let (a, b) = (venue(&mut store, "Hotel"), venue(&mut store, "Ministry"));
    // On 29 March 2026 the clocks jump from 02:00 to 03:00: 01:45 to 03:00 on the wall is 15 minutes.
    let late = common::engagement_input(&visit, "Late dinner", "2026-03-29T00:30", "2026-03-29T01:45");
    save(&mut store, with_attendees(EngagementInput { venue_id: Some(a), ..late }, &[&who]));
    let early = common::engagement_input(&visit, "Early call", "2026-03-29T03:00", "2026-03-29T04:00");
    save(&mut store, with_attendees(EngagementInput { venue_id: Some(b), ..early }, &[&who]));
    let found = conflicts::for_visit(store.conn(), &visit).unwrap();
    assert_eq!(kinds(&found), vec![ConflictKind::TooLittleTravelTime]);
    assert_eq!(found[0].minutes_available, Some(15));
}

#[test]
fn items_outside_the_visits_dates_and_attendees_who_are_not_there() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let (declined, late, early) = (
        common::person(&mut store, "A", "Declined").id,
        common::person(&mut store, "B", "Late").id,
        common::person(&mut store, "C", "Early").id,
    );
    participants::create(
        &mut store,
        participants::ParticipantInput { rsvp: Rsvp::Declined, ..common::participant_input(&visit, &declined) },
    )
    .unwrap();
    participants::create(
        &mut store,
        participants::ParticipantInput {
            arrival_local: Some("2026-01-28T11:00".into()),
            ..common::participant_input(&visit, &late)
        },
    )
    .unwrap();
    participants::create(
        &mut store,
        participants::ParticipantInput {
            departure_local: Some("2026-01-28T10:30".into()),
            ..common::participant_input(&visit, &early)
        },
    )
    .unwrap();
    let a = common::engagement_input(&visit, "Tour", "2026-01-28T10:00", "2026-01-28T12:00");
    save(&mut store, with_attendees(a, &[&declined, &late, &early]));
    let after = common::engagement_input(&visit, "Farewell", "2026-01-30T09:00", "2026-01-30T10:00");
    save(&mut store, after);
    // Ending at midnight is still on the last day.
    let midnight = common::engagement_input(&visit, "Dinner", "2026-01-29T21:00", "2026-01-30T00:00");
    save(&mut store, midnight);
    let mut found = kinds(&conflicts::for_visit(store.conn(), &visit).unwrap());
    found.sort_by_key(|k| *k as u8);
    assert_eq!(
        found,
        vec![
            ConflictKind::OutsideVisitDates,
            ConflictKind::AttendeeDeclined,
            ConflictKind::AttendeeNotYetArrived,
            ConflictKind::AttendeeAlreadyLeft
        ]
    );
}

#[test]
fn an_acknowledged_conflict_stays_acknowledged_after_an_unrelated_edit() {
    let (_dir, mut store) = common::temp_store();
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let visit = common::visit(&mut store, "Sialkot").id;
    let a = common::engagement_input(&visit, "Tour", "2026-01-28T10:00", "2026-01-28T12:30");
    let tour = save(&mut store, with_attendees(a, &[&khorev]));
    let b = common::engagement_input(&visit, "Lunch", "2026-01-28T12:00", "2026-01-28T13:00");
    save(&mut store, with_attendees(b, &[&khorev]));
    let key = conflicts::for_visit(store.conn(), &visit).unwrap()[0].key.clone();

    let refused = conflicts::acknowledge(&mut store, &key, "  ");
    assert!(matches!(refused, Err(CoreError::Validation { ref field, .. }) if field == "reason"));
    conflicts::acknowledge(&mut store, &key, "He leaves the tour early by arrangement").unwrap();
    let renamed =
        common::engagement_input(&visit, "Tour of the industrial units", "2026-01-28T10:00", "2026-01-28T12:30");
    engagements::update(&mut store, &tour, with_attendees(renamed, &[&khorev])).unwrap();

    let found = conflicts::for_visit(store.conn(), &visit).unwrap();
    let ack = found[0].acknowledgement.as_ref().expect("still acknowledged");
    assert_eq!(ack.reason, "He leaves the tour early by arrangement");
    assert_eq!(conflicts::unacknowledged(&found), 0);
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Engagement, tour.as_str()).unwrap();
    assert!(!history.is_empty());
    let logged: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM audit_log WHERE record_kind = 'conflict' AND record_id = ?1", [&key], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(logged, 1);

    conflicts::unacknowledge(&mut store, &key).unwrap();
    assert_eq!(conflicts::unacknowledged(&conflicts::for_visit(store.conn(), &visit).unwrap()), 1);
}

#[test]
fn a_draft_is_checked_before_it_is_saved_and_replaces_its_stored_self() {
    let (_dir, mut store) = common::temp_store();
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let visit = common::visit(&mut store, "Sialkot").id;
    let a = common::engagement_input(&visit, "Tour", "2026-01-28T10:00", "2026-01-28T12:30");
    let tour = save(&mut store, with_attendees(a, &[&khorev]));
    let draft =
        with_attendees(common::engagement_input(&visit, "Lunch", "2026-01-28T12:00", "2026-01-28T13:00"), &[&khorev]);
    let found = conflicts::for_draft(store.conn(), &draft, None).unwrap();
    assert_eq!(kinds(&found), vec![ConflictKind::PersonDoubleBooked]);
    assert!(found[0].key.contains(conflicts::DRAFT_ID));
    // Moving the tour itself never collides with where the tour was.
    let moved =
        with_attendees(common::engagement_input(&visit, "Tour", "2026-01-28T11:00", "2026-01-28T13:30"), &[&khorev]);
    assert!(conflicts::for_draft(store.conn(), &moved, Some(&tour)).unwrap().is_empty());
    let broken = EngagementInput { starts_local: "soon".into(), ..moved };
    assert!(conflicts::for_draft(store.conn(), &broken, Some(&tour)).is_err());
}

#[test]
fn bad_times_and_buffers_are_refused_and_nothing_is_stored() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let zero = common::engagement_input(&visit, "Blink", "2026-01-28T10:00", "2026-01-28T10:00");
    assert_eq!(common::invalid_field(engagements::create(&mut store, zero)), "endsLocal");
    let endless = common::engagement_input(&visit, "Typo in the year", "2026-01-28T10:00", "2027-01-28T11:00");
    assert_eq!(common::invalid_field(engagements::create(&mut store, endless)), "endsLocal");
    let week = common::engagement_input(&visit, "Exhibition", "2026-01-28T10:00", "2026-02-04T10:00");
    engagements::create(&mut store, week).expect("a week is the longest an item can last");
    let negative = VisitInput { travel_buffer_minutes: -5, ..common::visit_input("Sialkot") };
    assert_eq!(common::invalid_field(visits::update(&mut store, &visit, negative)), "travelBufferMinutes");
    assert_eq!(visits::get(store.conn(), &visit).unwrap().travel_buffer_minutes, 30);
    let (a, b) = (venue(&mut store, "A"), venue(&mut store, "B"));
    assert_eq!(common::invalid_field(travel::set(&mut store, &a, &b, Some(-1))), "minutes");
    assert_eq!(common::invalid_field(travel::set(&mut store, &a, &a, Some(10))), "toVenueId");
    venues::delete(&mut store, &b).unwrap();
    assert_eq!(common::invalid_field(travel::set(&mut store, &a, &b, Some(10))), "toVenueId");
    let on_deleted = common::engagement_input(&visit, "Talks", "2026-01-28T10:00", "2026-01-28T11:00");
    let on_deleted = EngagementInput { venue_id: Some(b), ..on_deleted };
    assert_eq!(common::invalid_field(engagements::create(&mut store, on_deleted)), "venueId");
    assert!(travel::for_venue(store.conn(), &a).unwrap().is_empty());
}

#[test]
fn the_next_thirty_days_cover_every_visit() {
    let (_dir, mut store) = common::temp_store();
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let sialkot = common::visit(&mut store, "Sialkot").id;
    let lahore = second_visit(&mut store);
    let a = common::engagement_input(&sialkot, "Tour", "2026-01-28T10:00", "2026-01-28T12:30");
    save(&mut store, with_attendees(a, &[&khorev]));
    let b = common::engagement_input(&lahore, "Fair", "2026-01-28T11:00", "2026-01-28T12:00");
    save(&mut store, with_attendees(b, &[&khorev]));
    let from = "2026-01-20T00:00:00Z".parse().unwrap();
    assert_eq!(conflicts::upcoming(store.conn(), from, 30).unwrap().len(), 1);
    let later = "2026-03-01T00:00:00Z".parse().unwrap();
    assert!(conflicts::upcoming(store.conn(), later, 30).unwrap().is_empty());
}
