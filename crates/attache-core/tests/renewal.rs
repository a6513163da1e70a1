mod common;

use attache_core::actions::{self, ActionQuery, ActionStatus, Priority};
use attache_core::agreements::{self, renewal, AgreementInput, AgreementStatus};
use attache_core::dashboard;
use attache_core::kernel::error::Reason;
use attache_core::kernel::ids::{AgreementId, PersonId};
use attache_core::{CoreError, Store};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An MoU in force until 31 March 2027 with 60 days' notice: its window opens on 30 January.
fn mou(store: &mut Store, owner: Option<PersonId>) -> AgreementId {
    let input = AgreementInput {
        status: AgreementStatus::InForce,
        expires_on: Some("2027-03-31".into()),
        renewal_notice_days: Some(60),
        owner_person_id: owner,
        ..common::agreement_input("MoU on surgical instruments")
    };
    agreements::create(store, input).unwrap().id
}

fn renewal_actions(store: &Store, agreement: &AgreementId) -> Vec<actions::Action> {
    let query =
        ActionQuery { list: common::query(50), agreement_id: Some(agreement.clone()), ..ActionQuery::default() };
    actions::list(store.conn(), &query).unwrap().items
}

#[test]
fn the_renewal_action_is_raised_for_the_owner_when_the_window_opens_and_only_once() {
    let (_dir, mut store) = common::temp_store();
    let owner = common::person(&mut store, "Ahtesham", "Mazhar").id;
    let id = mou(&mut store, Some(owner.clone()));

    assert_eq!(renewal::raise_due(&mut store, day("2027-01-29")).unwrap(), 0, "the day before the window");
    assert!(renewal::in_window(store.conn(), day("2027-01-29"), 10).unwrap().items.is_empty());
    assert_eq!(renewal::raise_due(&mut store, day("2027-01-30")).unwrap(), 1, "the day it opens");
    for later in ["2027-01-30", "2027-01-31", "2027-03-31"] {
        assert_eq!(renewal::raise_due(&mut store, day(later)).unwrap(), 0, "once per period ({later})");
    }

    let raised = renewal_actions(&store, &id);
    assert_eq!(raised.len(), 1);
    let action = &raised[0];
    assert_eq!(action.owner_person_id.as_ref(), Some(&owner));
    assert_eq!(action.due_on.as_deref(), Some("2027-03-31"));
    assert_eq!(action.priority, Priority::High);
    assert_eq!(action.renewal_for_expiry.as_deref(), Some("2027-03-31"));
    assert_eq!(action.title, "MoU on surgical instruments");

    let window = renewal::in_window(store.conn(), day("2027-03-31"), 10).unwrap();
    assert_eq!(window.items.iter().map(|a| &a.id).collect::<Vec<_>>(), [&id], "the last day is still in the window");
    assert!(renewal::in_window(store.conn(), day("2027-04-01"), 10).unwrap().items.is_empty());
}

#[test]
fn a_window_that_opened_while_the_app_was_closed_is_caught_up_and_a_deleted_action_stays_deleted() {
    let (_dir, mut store) = common::temp_store();
    let id = mou(&mut store, None);
    assert_eq!(renewal::raise_due(&mut store, day("2027-02-20")).unwrap(), 1, "first opened three weeks late");
    let action = renewal_actions(&store, &id).remove(0);
    assert_eq!(action.owner_person_id, None, "an agreement without an owner raises an unowned action");

    actions::delete(&mut store, &action.id).unwrap();
    assert_eq!(renewal::raise_due(&mut store, day("2027-02-21")).unwrap(), 0, "deleting it is an answer");
    assert!(renewal_actions(&store, &id).is_empty());
}

#[test]
fn a_renewed_agreement_opens_a_new_period_and_a_window_missed_entirely_raises_nothing() {
    let (_dir, mut store) = common::temp_store();
    let id = mou(&mut store, None);
    renewal::raise_due(&mut store, day("2027-02-01")).unwrap();

    let renewed = AgreementInput {
        expires_on: Some("2029-03-31".into()),
        ..agreements::as_input(&agreements::get(store.conn(), &id).unwrap())
    };
    agreements::update(&mut store, &id, renewed).unwrap();
    assert_eq!(renewal::raise_due(&mut store, day("2027-02-02")).unwrap(), 0, "the new period is years away");
    assert_eq!(renewal::raise_due(&mut store, day("2029-01-30")).unwrap(), 1, "the new period's window");
    let periods: Vec<_> = renewal_actions(&store, &id).into_iter().filter_map(|a| a.renewal_for_expiry).collect();
    assert_eq!(periods.len(), 2);
    assert!(periods.contains(&"2027-03-31".to_owned()) && periods.contains(&"2029-03-31".to_owned()));

    let other = mou(&mut store, None);
    agreements::keep_current(&mut store, day("2027-04-01")).unwrap();
    assert!(renewal_actions(&store, &other).is_empty(), "closed all through the window: nothing to renew now");
    assert_eq!(agreements::get(store.conn(), &other).unwrap().status, AgreementStatus::Expired);
}

#[test]
fn the_dashboard_shows_the_window_and_the_agreements_expiring_within_ninety_days() {
    let (_dir, mut store) = common::temp_store();
    let id = mou(&mut store, None);
    let later = AgreementInput {
        title: "Letter of intent on leather".into(),
        expires_on: Some("2027-06-30".into()),
        renewal_notice_days: None,
        ..common::agreement_input("x")
    };
    let later = agreements::create(&mut store, later).unwrap().id;
    agreements::create(
        &mut store,
        AgreementInput { status: AgreementStatus::Negotiating, ..common::agreement_input("y") },
    )
    .unwrap();

    let board = dashboard::dashboard_on(store.conn(), day("2027-02-01"), &chrono::Utc).unwrap();
    assert_eq!(board.renewals_due.iter().map(|a| &a.id).collect::<Vec<_>>(), [&id]);
    assert_eq!(board.renewals_due[0].renewal_opens_on.as_deref(), Some("2027-01-30"));
    assert!(board.renewals_due[0].in_renewal_window(day("2027-02-01")));
    assert!(!board.renewals_due[0].in_renewal_window(day("2027-01-29")));
    assert_eq!(board.expiring_agreements.iter().map(|a| &a.id).collect::<Vec<_>>(), [&id], "June is past 90 days");

    let board = dashboard::dashboard_on(store.conn(), day("2027-04-15"), &chrono::Utc).unwrap();
    assert!(board.renewals_due.is_empty());
    assert_eq!(board.expiring_agreements.iter().map(|a| &a.id).collect::<Vec<_>>(), [&later]);
    assert_eq!(board.expiring_agreement_count, 1);
    let latest = &board.recent_changes[0];
    assert_eq!((latest.record_kind.as_str(), latest.operation.as_str()), ("agreement", "create"));
    assert_eq!(latest.names.get(&latest.record_id).map(String::as_str), Some("y"), "the newest first, named");
    assert!(board.recent_changes.len() <= 8);
}

#[test]
fn an_action_in_progress_needs_an_owner_and_completing_one_records_who() {
    let (_dir, mut store) = common::temp_store();
    let started = actions::ActionInput { status: ActionStatus::InProgress, ..common::action_input("Send the draft") };
    match actions::create(&mut store, started.clone()).expect_err("refused") {
        CoreError::Validation { field, reason, .. } => {
            assert_eq!((field.as_str(), reason), ("ownerPersonId", Reason::NeedsOwner))
        }
        other => panic!("{other:?}"),
    }
    let owner = common::person(&mut store, "Olga", "Petrova").id;
    let action = actions::create(&mut store, actions::ActionInput { owner_person_id: Some(owner), ..started }).unwrap();
    assert_eq!(action.completed_by, None);

    let done = actions::ActionInput { status: ActionStatus::Done, ..actions::as_input(&action) };
    let done = actions::update(&mut store, &action.id, done).unwrap();
    assert_eq!(done.completed_by.as_deref(), Some(store.actor()));
    assert!(done.completed_at.is_some());
    let reopened = actions::ActionInput { status: ActionStatus::Open, ..actions::as_input(&done) };
    let reopened = actions::update(&mut store, &action.id, reopened).unwrap();
    assert_eq!((reopened.completed_at, reopened.completed_by), (None, None));
}
