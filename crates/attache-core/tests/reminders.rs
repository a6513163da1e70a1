mod common;

use attache_core::actions::{self, ActionInput, ActionStatus};
use attache_core::agreements::{self, AgreementInput, AgreementStatus};
use attache_core::reminders::{self, ReminderKind};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn each_item_is_announced_once_a_day_and_a_renewal_once_per_period() {
    let (_dir, mut store) = common::temp_store();
    let due =
        |title: &str, on: &str, status| ActionInput { due_on: Some(on.into()), status, ..common::action_input(title) };
    let overdue = actions::create(&mut store, due("Send the minutes", "2027-02-01", ActionStatus::Open)).unwrap();
    let today = actions::create(&mut store, due("Call the embassy", "2027-02-03", ActionStatus::Open)).unwrap();
    actions::create(&mut store, due("Later", "2027-02-04", ActionStatus::Open)).unwrap();
    actions::create(&mut store, due("Done already", "2027-02-01", ActionStatus::Done)).unwrap();
    let mou = AgreementInput {
        status: AgreementStatus::InForce,
        expires_on: Some("2027-03-31".into()),
        renewal_notice_days: Some(60),
        ..common::agreement_input("MoU on surgical instruments")
    };
    let mou = agreements::create(&mut store, mou).unwrap().id;

    let first = reminders::take_due(&mut store, day("2027-02-03")).unwrap();
    let seen: Vec<_> = first.iter().map(|r| (r.kind, r.record_id.as_str(), r.overdue)).collect();
    assert_eq!(
        seen,
        [
            (ReminderKind::Action, overdue.id.as_str(), true),
            (ReminderKind::Action, today.id.as_str(), false),
            (ReminderKind::Renewal, mou.as_str(), false)
        ]
    );
    assert!(reminders::take_due(&mut store, day("2027-02-03")).unwrap().is_empty(), "not twice the same day");

    let next_day = reminders::take_due(&mut store, day("2027-02-04")).unwrap();
    let kinds: Vec<_> = next_day.iter().map(|r| (r.kind, r.title.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (ReminderKind::Action, "Send the minutes"),
            (ReminderKind::Action, "Call the embassy"),
            (ReminderKind::Action, "Later")
        ],
        "the actions again the next day; the renewal not again in its period"
    );

    reminders::set_enabled(&mut store, false).unwrap();
    assert!(!reminders::enabled(store.conn()).unwrap());
    assert!(reminders::take_due(&mut store, day("2027-02-05")).unwrap().is_empty(), "turned off");
    reminders::set_enabled(&mut store, true).unwrap();
    assert_eq!(reminders::take_due(&mut store, day("2027-02-05")).unwrap().len(), 3);
}
