//! A visit's workflow and visits as templates.

mod common;

use attache_core::kernel::error::Reason;
use attache_core::visits::conflicts;
use attache_core::visits::engagements::{self, EngagementQuery};
use attache_core::visits::participants::{self, ParticipantInput, ParticipantQuery, ParticipantRole, Rsvp};
use attache_core::visits::workflow::{self, DuplicateVisit};
use attache_core::visits::{self, VisitInput, VisitStatus};
use attache_core::CoreError;

fn refusal<T: std::fmt::Debug>(result: attache_core::CoreResult<T>) -> Reason {
    match result {
        Err(CoreError::Validation { field, reason, .. }) if field == "status" => reason,
        other => panic!("expected a refusal on status, got {other:?}"),
    }
}

#[test]
fn confirming_needs_a_head_a_programme_and_no_open_conflict() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    assert_eq!(
        refusal(workflow::set_status(&mut store, &visit, VisitStatus::Completed)),
        Reason::StatusStep { from: "planned".into(), to: "completed".into() }
    );
    let steps = workflow::steps(store.conn(), &visit).unwrap();
    let confirm = steps.iter().find(|s| s.to == VisitStatus::Confirmed).unwrap();
    assert_eq!(confirm.missing, vec![Reason::NeedsHeadOfDelegation, Reason::NeedsProgramme]);
    assert_eq!(
        refusal(workflow::set_status(&mut store, &visit, VisitStatus::Confirmed)),
        Reason::NeedsHeadOfDelegation
    );

    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let head =
        ParticipantInput { role: ParticipantRole::HeadOfDelegation, ..common::participant_input(&visit, &khorev) };
    participants::create(&mut store, head).unwrap();
    let tour = common::engagement_input(&visit, "Tour", "2026-01-28T10:00", "2026-01-28T12:00");
    engagements::create(
        &mut store,
        attache_core::visits::engagements::EngagementInput { attendee_ids: vec![khorev.clone()], ..tour },
    )
    .unwrap();
    let lunch = common::engagement_input(&visit, "Lunch", "2026-01-28T11:30", "2026-01-28T13:00");
    engagements::create(
        &mut store,
        attache_core::visits::engagements::EngagementInput { attendee_ids: vec![khorev], ..lunch },
    )
    .unwrap();
    assert_eq!(
        refusal(workflow::set_status(&mut store, &visit, VisitStatus::Confirmed)),
        Reason::UnacknowledgedConflicts { count: 1 }
    );
    let key = conflicts::for_visit(store.conn(), &visit).unwrap()[0].key.clone();
    conflicts::acknowledge(&mut store, &key, "Leaves the tour early").unwrap();
    let confirmed = workflow::set_status(&mut store, &visit, VisitStatus::Confirmed).unwrap();
    assert_eq!(confirmed.status, VisitStatus::Confirmed);
    workflow::set_status(&mut store, &visit, VisitStatus::InProgress).unwrap();
    // Completing needs the outcome summary, or the summary waived on purpose.
    let steps = workflow::steps(store.conn(), &visit).unwrap();
    assert_eq!(steps.iter().find(|s| s.to == VisitStatus::Completed).unwrap().missing, vec![Reason::NeedsOutcome]);
    match workflow::set_status(&mut store, &visit, VisitStatus::Completed) {
        Err(CoreError::Validation { field, reason: Reason::NeedsOutcome, .. }) => assert_eq!(field, "outcomeSummary"),
        other => panic!("expected the outcome to be asked for, got {other:?}"),
    }
    let waived = VisitInput { outcome_waived: true, ..workflow::as_input(&visits::get(store.conn(), &visit).unwrap()) };
    visits::update(&mut store, &visit, waived).unwrap();
    assert!(workflow::steps(store.conn(), &visit).unwrap().iter().all(|s| s.missing.is_empty()));
    for step in [VisitStatus::Completed, VisitStatus::InProgress] {
        assert_eq!(workflow::set_status(&mut store, &visit, step).unwrap().status, step);
    }
    // A summary written in the same save as the step is enough.
    let written = VisitInput {
        status: VisitStatus::Completed,
        outcome_waived: false,
        outcome_summary: Some("Two MoUs signed; a return visit agreed for spring.".into()),
        ..workflow::as_input(&visits::get(store.conn(), &visit).unwrap())
    };
    assert_eq!(visits::update(&mut store, &visit, written).unwrap().status, VisitStatus::Completed);
    workflow::set_status(&mut store, &visit, VisitStatus::InProgress).unwrap();
    // The form goes through the same rule.
    let jump =
        VisitInput { status: VisitStatus::Draft, ..workflow::as_input(&visits::get(store.conn(), &visit).unwrap()) };
    assert!(matches!(refusal(visits::update(&mut store, &visit, jump)), Reason::StatusStep { .. }));
}

#[test]
fn a_new_visit_starts_as_a_draft_or_planned_and_a_cancelled_one_starts_again_as_a_draft() {
    let (_dir, mut store) = common::temp_store();
    let confirmed = VisitInput { status: VisitStatus::Confirmed, ..common::visit_input("Sialkot") };
    assert!(matches!(refusal(visits::create(&mut store, confirmed)), Reason::StatusStep { .. }));
    assert_eq!(visits::list(store.conn(), &Default::default()).unwrap().total, 0);
    let visit = common::visit(&mut store, "Sialkot").id;
    workflow::set_status(&mut store, &visit, VisitStatus::Cancelled).unwrap();
    let next = workflow::steps(store.conn(), &visit).unwrap();
    assert_eq!(next.iter().map(|s| s.to).collect::<Vec<_>>(), [VisitStatus::Draft]);
    workflow::set_status(&mut store, &visit, VisitStatus::Draft).unwrap();
}

#[test]
fn a_visit_duplicated_as_a_template_moves_its_programme_to_the_new_dates() {
    let (_dir, mut store) = common::temp_store();
    let visit = common::visit(&mut store, "Sialkot").id;
    let khorev = common::person(&mut store, "Albert", "Khorev").id;
    let input = ParticipantInput {
        rsvp: Rsvp::Accepted,
        arrival_local: Some("2026-01-28T08:00".into()),
        ..common::participant_input(&visit, &khorev)
    };
    participants::create(&mut store, input).unwrap();
    let tour = common::engagement_input(&visit, "Tour", "2026-01-28T10:00", "2026-01-28T12:00");
    engagements::create(
        &mut store,
        attache_core::visits::engagements::EngagementInput { attendee_ids: vec![khorev.clone()], ..tour },
    )
    .unwrap();

    let bare =
        DuplicateVisit { title: "Sialkot, spring".into(), start_date: "2026-04-14".into(), with_participants: false };
    let copy = workflow::duplicate(&mut store, &visit, bare).unwrap();
    assert_eq!(
        (copy.start_date.as_str(), copy.end_date.as_str(), copy.status),
        ("2026-04-14", "2026-04-15", VisitStatus::Draft)
    );
    let items =
        engagements::list(store.conn(), &EngagementQuery { visit_id: Some(copy.id.clone()), ..Default::default() })
            .unwrap();
    assert_eq!(items.items[0].starts_local, "2026-04-14T10:00");
    assert!(items.items[0].attendee_ids.is_empty());
    let people = ParticipantQuery { visit_id: Some(copy.id.clone()), ..Default::default() };
    assert_eq!(participants::list(store.conn(), &people).unwrap().total, 0);

    let full =
        DuplicateVisit { title: "Sialkot, autumn".into(), start_date: "2026-10-05".into(), with_participants: true };
    let copy = workflow::duplicate(&mut store, &visit, full).unwrap();
    let people = ParticipantQuery { visit_id: Some(copy.id.clone()), ..Default::default() };
    let people = participants::list(store.conn(), &people).unwrap().items;
    assert_eq!((people[0].rsvp, people[0].arrival_local.as_deref()), (Rsvp::Invited, Some("2026-10-05T08:00")));
    let items =
        engagements::list(store.conn(), &EngagementQuery { visit_id: Some(copy.id), ..Default::default() }).unwrap();
    assert_eq!(items.items[0].attendee_ids, vec![khorev]);

    let bad = DuplicateVisit { title: " ".into(), start_date: "2026-10-05".into(), with_participants: true };
    assert_eq!(common::invalid_field(workflow::duplicate(&mut store, &visit, bad)), "title");
    let bad = DuplicateVisit { title: "x".into(), start_date: "soon".into(), with_participants: true };
    assert_eq!(common::invalid_field(workflow::duplicate(&mut store, &visit, bad)), "startDate");
    assert_eq!(visits::list(store.conn(), &Default::default()).unwrap().total, 3);
}
