mod common;

use attache_core::directory::people::{self, PersonInput};
use attache_core::visits::participants::{self, ParticipantInput, ParticipantQuery, ParticipantRole, Rsvp, Side};

fn input(
    visit: &attache_core::visits::Visit,
    person: &attache_core::directory::people::Person,
    role: ParticipantRole,
) -> ParticipantInput {
    ParticipantInput {
        visit_id: visit.id.clone(),
        person_id: person.id.clone(),
        side: Side::Guest,
        role,
        rsvp: Rsvp::Invited,
        arrival_local: None,
        departure_local: None,
        hotel: None,
        precedence_override: None,
        notes: None,
    }
}

fn ranked(
    store: &mut attache_core::Store,
    given: &str,
    family: &str,
    rank: Option<i64>,
) -> attache_core::directory::people::Person {
    people::create(store, PersonInput { protocol_rank: rank, ..common::person_input(given, family) }).unwrap()
}

#[test]
fn participants_come_in_order_of_precedence() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let aide = ranked(&mut store, "Anton", "Vereshchagin", Some(70));
    let unranked = ranked(&mut store, "Guest", "Aaronson", None);
    let ambassador = ranked(&mut store, "Albert", "Khorev", Some(10));
    let trade = ranked(&mut store, "Denis", "Nevzorov", Some(30));
    for (person, role) in [
        (&aide, ParticipantRole::Member),
        (&unranked, ParticipantRole::Member),
        (&ambassador, ParticipantRole::HeadOfDelegation),
    ] {
        participants::create(&mut store, input(&visit, person, role)).unwrap();
    }
    // For this visit the trade representative goes first, whatever his usual rank.
    participants::create(
        &mut store,
        ParticipantInput { precedence_override: Some(1), ..input(&visit, &trade, ParticipantRole::Member) },
    )
    .unwrap();

    let order = participants::list(
        store.conn(),
        &ParticipantQuery { visit_id: Some(visit.id.clone()), ..ParticipantQuery::default() },
    )
    .unwrap();
    let names: Vec<_> = order.items.iter().map(|p| p.person_name.as_str()).collect();
    assert_eq!(names, ["Denis Nevzorov", "Albert Khorev", "Anton Vereshchagin", "Guest Aaronson"]);
}

#[test]
fn a_person_takes_part_in_a_visit_once() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let person = common::person(&mut store, "Salman", "Sheikh");
    let first = participants::create(&mut store, input(&visit, &person, ParticipantRole::Host)).unwrap();
    assert_eq!(
        common::invalid_field(participants::create(&mut store, input(&visit, &person, ParticipantRole::Host))),
        "personId"
    );
    // Removed, the person can be added again; the old entry then cannot come back.
    participants::delete(&mut store, &first.id).unwrap();
    participants::create(&mut store, input(&visit, &person, ParticipantRole::Host)).unwrap();
    assert!(matches!(participants::restore(&mut store, &first.id), Err(attache_core::CoreError::Conflict { .. })));
}

#[test]
fn check_in_and_travel_validation() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let person = common::person(&mut store, "Sergey", "Chekalin");
    let bad = ParticipantInput {
        arrival_local: Some("2026-01-28T10:00".into()),
        departure_local: Some("2026-01-27T10:00".into()),
        ..input(&visit, &person, ParticipantRole::Staff)
    };
    assert_eq!(common::invalid_field(participants::create(&mut store, bad)), "departureLocal");
    let garbled = ParticipantInput {
        arrival_local: Some("next Tuesday".into()),
        ..input(&visit, &person, ParticipantRole::Staff)
    };
    assert_eq!(common::invalid_field(participants::create(&mut store, garbled)), "arrivalLocal");
    let ok = ParticipantInput {
        arrival_local: Some("2026-01-28T10:00".into()),
        ..input(&visit, &person, ParticipantRole::Staff)
    };
    let participant = participants::create(&mut store, ok).unwrap();
    assert_eq!(participant.arrival_at.as_deref(), Some("2026-01-28T05:00:00.000Z"), "stored in UTC");
    assert_eq!(participant.arrival_local.as_deref(), Some("2026-01-28T10:00"), "shown in the visit's time");
    let checked = participants::check_in(&mut store, &participant.id, true).unwrap();
    assert!(checked.checked_in_at.is_some());
    let unchecked = participants::check_in(&mut store, &participant.id, false).unwrap();
    assert!(unchecked.checked_in_at.is_none());
}
