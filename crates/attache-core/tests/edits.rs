//! Edits that touch more than one record: time zones, deleted references, history.

mod common;

use attache_core::actions::{self, ActionInput, ActionStatus, Priority};
use attache_core::agreements::{self, AgreementInput, AgreementKind, AgreementStatus, PartyInput};
use attache_core::directory::organizations;
use attache_core::directory::people::{self, PersonInput};
use attache_core::kernel::audit;
use attache_core::kernel::ids::EngagementId;
use attache_core::kernel::listing::ListQuery;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::engagements::{self, EngagementInput};
use attache_core::visits::participants::{self, ParticipantInput, ParticipantQuery, ParticipantRole, Rsvp, Side};
use attache_core::visits::{self, VisitInput};

fn meeting(visit: &attache_core::visits::Visit) -> EngagementInput {
    common::engagement_input(&visit.id, "Meeting at the SCCI Auditorium", "2026-01-28T13:00", "2026-01-28T14:30")
}

fn guest(visit: &attache_core::visits::Visit, person: &attache_core::directory::people::Person) -> ParticipantInput {
    ParticipantInput {
        visit_id: visit.id.clone(),
        person_id: person.id.clone(),
        side: Side::Guest,
        role: ParticipantRole::Member,
        rsvp: Rsvp::Accepted,
        arrival_local: Some("2026-01-28T09:15".into()),
        departure_local: None,
        hotel: None,
        precedence_override: None,
        notes: None,
    }
}

#[test]
fn correcting_a_visits_time_zone_keeps_the_programmes_clock_times() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let item = engagements::create(&mut store, meeting(&visit)).unwrap();
    let person = common::person(&mut store, "Denis", "Nevzorov");
    let participant = participants::create(&mut store, guest(&visit, &person)).unwrap();
    assert_eq!(item.starts_at, "2026-01-28T08:00:00.000Z");

    visits::update(
        &mut store,
        &visit.id,
        VisitInput { time_zone: "Europe/Moscow".into(), ..common::visit_input("Sialkot") },
    )
    .unwrap();
    let moved = engagements::get(store.conn(), &item.id).unwrap();
    assert_eq!((moved.starts_local.as_str(), moved.ends_local.as_str()), ("2026-01-28T13:00", "2026-01-28T14:30"));
    assert_eq!(moved.starts_at, "2026-01-28T10:00:00.000Z", "13:00 in Moscow");
    let arrived = participants::get(store.conn(), &participant.id).unwrap();
    assert_eq!(arrived.arrival_local.as_deref(), Some("2026-01-28T09:15"));
    let history = audit::history(store.conn(), RecordKind::Engagement, item.id.as_str()).unwrap();
    assert!(history.last().unwrap().changes.contains("startsAt"), "the move is in the item's history");
}

#[test]
fn a_record_keeps_a_link_to_something_deleted_since_and_stays_editable() {
    let (_dir, mut store) = common::temp_store();
    let org = common::organization(&mut store, "Regional Rapport");
    let naqvi = people::create(
        &mut store,
        PersonInput { organization_id: Some(org.clone()), ..common::person_input("Almas", "Naqvi") },
    )
    .unwrap();
    organizations::delete(&mut store, &org).unwrap();
    let edited = people::update(
        &mut store,
        &naqvi.id,
        PersonInput {
            organization_id: Some(org.clone()),
            phone: Some("+92 51 000 0000".into()),
            ..common::person_input("Almas", "Naqvi")
        },
    )
    .unwrap();
    assert_eq!(edited.organization_id, Some(org.clone()), "the existing link is kept");
    let other = common::person(&mut store, "Salman", "Sheikh");
    let relinked = people::update(
        &mut store,
        &other.id,
        PersonInput { organization_id: Some(org), ..common::person_input("Salman", "Sheikh") },
    );
    assert_eq!(common::invalid_field(relinked), "organizationId", "a new link to a deleted record is refused");
}

#[test]
fn an_agreement_lists_each_party_once() {
    let (_dir, mut store) = common::temp_store();
    let pakistan = common::organization(&mut store, "Government of Pakistan");
    let party = || PartyInput { organization_id: pakistan.clone(), signatory_person_id: None };
    let input = AgreementInput {
        title: "MoU".into(),
        kind: AgreementKind::Mou,
        status: AgreementStatus::Draft,
        signed_on: None,
        signed_place: None,
        signed_visit_id: None,
        effective_on: None,
        expires_on: None,
        renewal_notice_days: None,
        value_amount: None,
        value_currency: None,
        summary: None,
        owner_person_id: None,
        sector_ids: vec![],
        parties: vec![party(), party()],
    };
    assert_eq!(common::invalid_field(agreements::create(&mut store, input)), "parties");
}

#[test]
fn a_deleted_visit_takes_its_participants_out_of_lists() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let person = common::person(&mut store, "Anton", "Vereshchagin");
    participants::create(&mut store, guest(&visit, &person)).unwrap();
    let of_person = ParticipantQuery { person_id: Some(person.id.clone()), ..ParticipantQuery::default() };
    assert_eq!(participants::list(store.conn(), &of_person).unwrap().total, 1);
    visits::delete(&mut store, &visit.id).unwrap();
    assert_eq!(participants::list(store.conn(), &of_person).unwrap().total, 0);
}

#[test]
fn precedence_reverses_as_a_whole() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    for (given, family, rank) in [("Albert", "Khorev", 10), ("Denis", "Nevzorov", 30), ("Anton", "Vereshchagin", 70)] {
        let person = people::create(
            &mut store,
            PersonInput { protocol_rank: Some(rank), ..common::person_input(given, family) },
        )
        .unwrap();
        participants::create(&mut store, guest(&visit, &person)).unwrap();
    }
    let query = |descending| ParticipantQuery {
        list: ListQuery { sort: Some("precedence".into()), descending, ..ListQuery::default() },
        visit_id: Some(visit.id.clone()),
        ..ParticipantQuery::default()
    };
    let names =
        |q| participants::list(store.conn(), &q).unwrap().items.into_iter().map(|p| p.person_name).collect::<Vec<_>>();
    assert_eq!(names(query(false)), ["Albert Khorev", "Denis Nevzorov", "Anton Vereshchagin"]);
    assert_eq!(names(query(true)), ["Anton Vereshchagin", "Denis Nevzorov", "Albert Khorev"]);
}

#[test]
fn history_records_stored_fields_not_derived_ones() {
    let (_dir, mut store) = common::temp_store();
    let about = common::person(&mut store, "Salman", "Sheikh");
    let input = ActionInput {
        title: "Send the minutes".into(),
        details: None,
        owner_person_id: None,
        due_on: Some("2020-01-01".into()),
        priority: Priority::Normal,
        status: ActionStatus::Open,
        visit_id: None,
        agreement_id: None,
        organization_id: None,
        person_id: Some(about.id.clone()),
        sector_ids: vec![],
    };
    let action = actions::create(&mut store, input.clone()).unwrap();
    assert_eq!(action.person_name.as_deref(), Some("Salman Sheikh"));
    actions::update(&mut store, &action.id, ActionInput { status: ActionStatus::Done, ..input }).unwrap();
    let history = audit::history(store.conn(), RecordKind::Action, action.id.as_str()).unwrap();
    let update: serde_json::Value = serde_json::from_str(&history[1].changes).unwrap();
    let fields: Vec<&String> = update.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["completedAt", "completedBy", "status"], "not `overdue`, which only follows from them");
}

/// A visit in Berlin whose programme item is at `local`.
fn berlin_visit_with_item(
    store: &mut attache_core::Store,
    start: &str,
    local: &str,
) -> (attache_core::visits::Visit, EngagementId) {
    let visit = visits::create(
        store,
        VisitInput {
            time_zone: "Europe/Berlin".into(),
            start_date: start.into(),
            end_date: start.into(),
            ..common::visit_input("Berlin")
        },
    )
    .unwrap();
    let end = format!("{}T23:59", &local[..10]);
    let item =
        engagements::create(store, EngagementInput { starts_local: local.into(), ends_local: end, ..meeting(&visit) })
            .unwrap();
    (visit, item.id)
}

#[test]
fn moving_a_visits_dates_moves_its_programme_when_asked_and_only_then() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let item = engagements::create(&mut store, meeting(&visit)).unwrap();
    let person = common::person(&mut store, "Denis", "Nevzorov");
    let participant = participants::create(&mut store, guest(&visit, &person)).unwrap();
    let later = |move_programme| VisitInput {
        start_date: "2026-02-02".into(),
        end_date: "2026-02-03".into(),
        move_programme,
        ..common::visit_input("Sialkot")
    };

    visits::update(&mut store, &visit.id, later(false)).unwrap();
    let kept = engagements::get(store.conn(), &item.id).unwrap();
    assert_eq!(kept.starts_local, "2026-01-28T13:00", "not asked: the programme stays where it was");

    let back = VisitInput { move_programme: false, ..common::visit_input("Sialkot") };
    visits::update(&mut store, &visit.id, back).unwrap();
    visits::update(&mut store, &visit.id, later(true)).unwrap();
    let moved = engagements::get(store.conn(), &item.id).unwrap();
    assert_eq!((moved.starts_local.as_str(), moved.ends_local.as_str()), ("2026-02-02T13:00", "2026-02-02T14:30"));
    assert_eq!(moved.starts_at, "2026-02-02T08:00:00.000Z", "stored in UTC, milliseconds");
    let arrived = participants::get(store.conn(), &participant.id).unwrap();
    assert_eq!(arrived.arrival_local.as_deref(), Some("2026-02-02T09:15"), "arrivals move too");
}

#[test]
fn a_deleted_item_keeps_its_day_when_the_programme_moves() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let kept = engagements::create(&mut store, meeting(&visit)).unwrap();
    let gone = engagements::create(&mut store, meeting(&visit)).unwrap();
    engagements::delete(&mut store, &gone.id).unwrap();
    let later = VisitInput {
        start_date: "2026-02-02".into(),
        end_date: "2026-02-03".into(),
        move_programme: true,
        ..common::visit_input("Sialkot")
    };
    visits::update(&mut store, &visit.id, later).unwrap();
    assert_eq!(engagements::get(store.conn(), &kept.id).unwrap().starts_local, "2026-02-02T13:00");
    let restored = engagements::restore(&mut store, &gone.id).unwrap();
    assert_eq!(restored.starts_local, "2026-01-28T13:00", "the user moved what they could see");
}

#[test]
fn a_programme_moved_across_a_change_of_clocks_keeps_its_clock_times() {
    let (_dir, mut store) = common::temp_store();
    // 10:00 in Berlin is 09:00 UTC in winter and 08:00 UTC in summer (clocks go forward on 29 March 2026).
    let (visit, item) = berlin_visit_with_item(&mut store, "2026-03-27", "2026-03-27T10:00");
    let input = VisitInput {
        time_zone: "Europe/Berlin".into(),
        start_date: "2026-03-30".into(),
        end_date: "2026-03-30".into(),
        move_programme: true,
        ..common::visit_input("Berlin")
    };
    visits::update(&mut store, &visit.id, input).unwrap();
    let moved = engagements::get(store.conn(), &item).unwrap();
    assert_eq!(moved.starts_local, "2026-03-30T10:00");
    assert_eq!(moved.starts_at, "2026-03-30T08:00:00.000Z");
}

#[test]
fn a_zone_change_that_lands_an_item_in_a_skipped_hour_is_refused_and_changes_nothing() {
    let (_dir, mut store) = common::temp_store();
    // 02:30 exists in Karachi on 29 March 2026; in Berlin the clocks jump from 02:00 to 03:00.
    let visit = visits::create(
        &mut store,
        VisitInput { start_date: "2026-03-29".into(), end_date: "2026-03-29".into(), ..common::visit_input("Moved") },
    )
    .unwrap();
    let item = engagements::create(
        &mut store,
        EngagementInput {
            starts_local: "2026-03-29T02:30".into(),
            ends_local: "2026-03-29T04:00".into(),
            ..meeting(&visit)
        },
    )
    .unwrap();
    let to_berlin = VisitInput {
        time_zone: "Europe/Berlin".into(),
        start_date: "2026-03-29".into(),
        end_date: "2026-03-29".into(),
        ..common::visit_input("Moved")
    };
    assert_eq!(common::invalid_field(visits::update(&mut store, &visit.id, to_berlin)), "timeZone");
    assert_eq!(visits::get(store.conn(), &visit.id).unwrap().time_zone, "Asia/Karachi", "the visit kept its zone");
    let kept = engagements::get(store.conn(), &item.id).unwrap();
    assert_eq!((kept.starts_local.as_str(), kept.time_zone.as_str()), ("2026-03-29T02:30", "Asia/Karachi"));
}

#[test]
fn an_item_in_the_repeated_hour_is_stored_at_its_first_occurrence() {
    let (_dir, mut store) = common::temp_store();
    // On 25 October 2026 Berlin's clocks go back from 03:00 to 02:00: 02:30 happens twice.
    let (_visit, item) = berlin_visit_with_item(&mut store, "2026-10-25", "2026-10-25T02:30");
    let stored = engagements::get(store.conn(), &item).unwrap();
    assert_eq!(stored.starts_at, "2026-10-25T00:30:00.000Z", "02:30 summer time (UTC+2), the first of the two");
    assert_eq!(stored.starts_local, "2026-10-25T02:30");
}
