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

#[test]
fn the_office_edits_the_precedence_rule_and_every_list_follows_it() {
    use attache_core::visits::participants::{ParticipantQuery, ParticipantRole, Side};
    use attache_core::visits::precedence::{self, PrecedenceRule, SideOrder};
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let ranked = |store: &mut attache_core::Store, given: &str, rank: i64| {
        let input = attache_core::directory::people::PersonInput {
            protocol_rank: Some(rank),
            ..common::person_input(given, "X")
        };
        attache_core::directory::people::create(store, input).unwrap().id
    };
    let (host, guest, head) =
        (ranked(&mut store, "Host", 1), ranked(&mut store, "Guest", 2), ranked(&mut store, "Head", 3));
    let add = |store: &mut attache_core::Store, person, side, role| {
        let input = ParticipantInput { side, role, ..common::participant_input(&visit, &person) };
        participants::create(store, input).unwrap();
    };
    add(&mut store, host, Side::Host, ParticipantRole::Host);
    add(&mut store, guest, Side::Guest, ParticipantRole::Member);
    add(&mut store, head, Side::Guest, ParticipantRole::HeadOfDelegation);
    let order = |store: &attache_core::Store| -> Vec<String> {
        let query = ParticipantQuery { visit_id: Some(visit.clone()), ..Default::default() };
        participants::list(store.conn(), &query).unwrap().items.into_iter().map(|p| p.person_name).collect()
    };
    assert_eq!(order(&store), ["Host X", "Guest X", "Head X"], "by rank, sides mixed");
    precedence::set_rule(&mut store, PrecedenceRule { sides: SideOrder::GuestsFirst, heads_first: true }).unwrap();
    assert_eq!(precedence::rule(store.conn()).unwrap().sides, SideOrder::GuestsFirst);
    assert_eq!(order(&store), ["Head X", "Guest X", "Host X"], "guests first, their head ahead of rank");
    precedence::set_rule(&mut store, PrecedenceRule { sides: SideOrder::HostsFirst, heads_first: false }).unwrap();
    assert_eq!(order(&store), ["Host X", "Guest X", "Head X"]);
}

#[test]
fn answers_change_for_several_participants_at_once_or_not_at_all() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let a = common::person(&mut store, "A", "One").id;
    let b = common::person(&mut store, "B", "Two").id;
    let pa = participants::create(&mut store, common::participant_input(&visit, &a)).unwrap().id;
    let pb = participants::create(&mut store, common::participant_input(&visit, &b)).unwrap().id;
    assert_eq!(participants::set_rsvp(&mut store, &[pa.clone(), pb.clone()], Rsvp::Tentative).unwrap(), 2);
    assert_eq!(participants::get(store.conn(), &pb).unwrap().rsvp, Rsvp::Tentative);
    participants::delete(&mut store, &pb).unwrap();
    assert!(participants::set_rsvp(&mut store, &[pa.clone(), pb], Rsvp::Declined).is_err());
    assert_eq!(participants::get(store.conn(), &pa).unwrap().rsvp, Rsvp::Tentative, "nothing changed half-way");
}
