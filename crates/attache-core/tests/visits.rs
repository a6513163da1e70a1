mod common;

use attache_core::kernel::listing::ListQuery;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::engagements::{self, EngagementInput, EngagementKind, EngagementQuery};
use attache_core::visits::{self, VisitInput, VisitQuery, VisitStatus};

fn engagement_input(visit: &attache_core::visits::Visit, starts: &str, ends: &str) -> EngagementInput {
    EngagementInput {
        visit_id: visit.id.clone(),
        title: "Meeting at the SCCI Auditorium".into(),
        kind: EngagementKind::Meeting,
        starts_local: starts.into(),
        ends_local: ends.into(),
        venue_id: None,
        responsible_person_id: None,
        vehicle_id: None,
        security_notes: None,
        notes: None,
        attendee_ids: vec![],
    }
}

#[test]
fn visits_validate_time_zone_dates_and_organizations() {
    let (_dir, mut store) = common::temp_store();
    let field =
        |store: &mut attache_core::Store, input: VisitInput| common::invalid_field(visits::create(store, input));
    assert_eq!(field(&mut store, VisitInput { title: " ".into(), ..common::visit_input("x") }), "title");
    assert_eq!(
        field(&mut store, VisitInput { time_zone: "Asia/Sialkot".into(), ..common::visit_input("x") }),
        "timeZone"
    );
    assert_eq!(
        field(&mut store, VisitInput { start_date: "28/01/2026".into(), ..common::visit_input("x") }),
        "startDate"
    );
    assert_eq!(field(&mut store, VisitInput { end_date: "2026-01-27".into(), ..common::visit_input("x") }), "endDate");
    assert_eq!(
        field(&mut store, VisitInput { host_organization_id: Some("missing".into()), ..common::visit_input("x") }),
        "hostOrganizationId"
    );
    assert_eq!(field(&mut store, VisitInput { country: Some("PAK".into()), ..common::visit_input("x") }), "country");
}

#[test]
fn visit_lifecycle_and_filters() {
    let (_dir, mut store) = common::temp_store();
    let scci = common::organization(&mut store, "SCCI");
    let a = visits::create(
        &mut store,
        VisitInput { host_organization_id: Some(scci.clone()), ..common::visit_input("Sialkot") },
    )
    .unwrap();
    let b = visits::create(
        &mut store,
        VisitInput {
            status: VisitStatus::Draft,
            start_date: "2027-03-01".into(),
            end_date: "2027-03-02".into(),
            ..common::visit_input("Moscow")
        },
    )
    .unwrap();
    assert_eq!(a.host_organization_name.as_deref(), Some("SCCI"));

    let by_status =
        visits::list(store.conn(), &VisitQuery { status: Some(VisitStatus::Draft), ..VisitQuery::default() }).unwrap();
    assert_eq!(by_status.items.iter().map(|v| v.id.clone()).collect::<Vec<_>>(), vec![b.id.clone()]);
    let by_org =
        visits::list(store.conn(), &VisitQuery { organization_id: Some(scci.clone()), ..VisitQuery::default() })
            .unwrap();
    assert_eq!(by_org.total, 1);
    let sent =
        VisitInput { guest_organization_id: Some(scci.clone()), ..common::visit_input("Return visit to Moscow") };
    visits::create(&mut store, sent).unwrap();
    let hosted_or_sent =
        visits::list(store.conn(), &VisitQuery { organization_id: Some(scci), ..VisitQuery::default() }).unwrap();
    assert_eq!(hosted_or_sent.total, 2, "as host or as guest");
    let upcoming =
        visits::list(store.conn(), &VisitQuery { ends_from: Some("2026-06-01".into()), ..VisitQuery::default() })
            .unwrap();
    assert_eq!(upcoming.items[0].title, "Moscow");
    let newest_first = visits::list(
        store.conn(),
        &VisitQuery {
            list: ListQuery { sort: Some("startDate".into()), descending: true, ..ListQuery::default() },
            ..VisitQuery::default()
        },
    )
    .unwrap();
    assert_eq!(newest_first.items[0].title, "Moscow");

    visits::delete(&mut store, &a.id).unwrap();
    visits::delete(&mut store, &a.id).unwrap(); // twice is harmless
    assert_eq!(visits::list(store.conn(), &VisitQuery::default()).unwrap().total, 2);
    let with_deleted = visits::list(
        store.conn(),
        &VisitQuery { list: ListQuery { include_deleted: true, ..ListQuery::default() }, ..VisitQuery::default() },
    )
    .unwrap();
    assert_eq!(with_deleted.total, 3);
    visits::restore(&mut store, &a.id).unwrap();
    assert_eq!(visits::list(store.conn(), &VisitQuery::default()).unwrap().total, 3, "back in the list");
    assert_eq!(common::audit_operations(&store, RecordKind::Visit, a.id.as_str()), ["create", "delete", "restore"]);
}

#[test]
fn engagements_are_planned_in_the_visits_local_time_and_stored_in_utc() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let item =
        engagements::create(&mut store, engagement_input(&visit, "2026-01-28T13:00", "2026-01-28T14:30")).unwrap();
    assert_eq!(item.starts_at, "2026-01-28T08:00:00.000Z");
    assert_eq!(item.ends_at, "2026-01-28T09:30:00.000Z");
    assert_eq!(item.starts_local, "2026-01-28T13:00");
    assert_eq!(item.time_zone, "Asia/Karachi");
    assert_eq!(item.visit_title, "Sialkot");
}

#[test]
fn engagements_validate_times_and_references() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let field = |store: &mut attache_core::Store, input: EngagementInput| {
        common::invalid_field(engagements::create(store, input))
    };
    assert_eq!(field(&mut store, engagement_input(&visit, "2026-01-28T14:00", "2026-01-28T13:00")), "endsLocal");
    assert_eq!(field(&mut store, engagement_input(&visit, "tomorrow", "2026-01-28T13:00")), "startsLocal");
    assert_eq!(
        field(
            &mut store,
            EngagementInput { title: "".into(), ..engagement_input(&visit, "2026-01-28T10:00", "2026-01-28T11:00") }
        ),
        "title"
    );
    assert_eq!(
        field(
            &mut store,
            EngagementInput {
                venue_id: Some("nowhere".into()),
                ..engagement_input(&visit, "2026-01-28T10:00", "2026-01-28T11:00")
            }
        ),
        "venueId"
    );
    assert_eq!(
        field(
            &mut store,
            EngagementInput {
                attendee_ids: vec!["nobody".into()],
                ..engagement_input(&visit, "2026-01-28T10:00", "2026-01-28T11:00")
            }
        ),
        "attendeeIds"
    );
    visits::delete(&mut store, &visit.id).unwrap();
    assert_eq!(field(&mut store, engagement_input(&visit, "2026-01-28T10:00", "2026-01-28T11:00")), "visitId");
}

#[test]
fn engagement_attendees_and_programme_order() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    let khorev = common::person(&mut store, "Albert", "Khorev");
    let later =
        engagements::create(&mut store, engagement_input(&visit, "2026-01-28T13:00", "2026-01-28T14:30")).unwrap();
    let earlier = engagements::create(
        &mut store,
        EngagementInput {
            attendee_ids: vec![khorev.id.clone()],
            ..engagement_input(&visit, "2026-01-28T10:00", "2026-01-28T12:30")
        },
    )
    .unwrap();
    assert_eq!(earlier.attendee_ids, [khorev.id]);
    let programme = engagements::list(
        store.conn(),
        &EngagementQuery { visit_id: Some(visit.id.clone()), ..EngagementQuery::default() },
    )
    .unwrap();
    assert_eq!(
        programme.items.iter().map(|e| e.id.clone()).collect::<Vec<_>>(),
        [earlier.id.clone(), later.id.clone()]
    );

    engagements::delete(&mut store, &later.id).unwrap();
    assert_eq!(
        engagements::list(
            store.conn(),
            &EngagementQuery { visit_id: Some(visit.id.clone()), ..EngagementQuery::default() }
        )
        .unwrap()
        .total,
        1
    );
    let restored = engagements::restore(&mut store, &later.id).unwrap();
    assert!(restored.deleted_at.is_none());
    let programme =
        engagements::list(store.conn(), &EngagementQuery { visit_id: Some(visit.id), ..EngagementQuery::default() })
            .unwrap();
    assert_eq!(programme.total, 2, "the restored item is back in the programme");
    assert!(programme.items.iter().any(|e| e.id == later.id));
}
