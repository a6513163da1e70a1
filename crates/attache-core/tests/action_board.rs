mod common;

use attache_core::actions::{self, board, quick, ActionInput, ActionQuery, ActionStatus, Priority};
use attache_core::kernel::error::Reason;
use attache_core::CoreError;
use chrono::{NaiveDate, TimeZone, Utc};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn action(store: &mut attache_core::Store, title: &str, due: Option<&str>, status: ActionStatus) -> actions::Action {
    let input = ActionInput { due_on: due.map(Into::into), status, ..common::action_input(title) };
    actions::create(store, input).unwrap()
}

#[test]
fn the_board_has_a_column_per_status_with_its_cards_and_counts() {
    let (_dir, mut store) = common::temp_store();
    let later = action(&mut store, "Send the minutes", Some("2026-03-20"), ActionStatus::Open);
    let sooner = action(&mut store, "Book the hall", Some("2026-03-12"), ActionStatus::Open);
    action(&mut store, "Undated", None, ActionStatus::Open);
    let done = action(&mut store, "Thank the hosts", Some("2026-03-01"), ActionStatus::Done);

    let columns = board::board_on(store.conn(), &ActionQuery::default(), day("2026-03-10")).unwrap();
    let statuses: Vec<_> = columns.iter().map(|c| c.status).collect();
    assert_eq!(statuses, ActionStatus::ALL);
    let open = &columns[0];
    assert_eq!(open.total, 3);
    assert_eq!(open.items.iter().map(|a| &a.id).take(2).collect::<Vec<_>>(), [&sooner.id, &later.id], "soonest first");
    assert_eq!(columns[3].items.iter().map(|a| &a.id).collect::<Vec<_>>(), [&done.id]);

    let overdue = ActionQuery { overdue_only: true, ..ActionQuery::default() };
    let columns = board::board_on(store.conn(), &overdue, day("2026-03-15")).unwrap();
    assert_eq!(columns[0].items.iter().map(|a| &a.id).collect::<Vec<_>>(), [&sooner.id]);
    assert_eq!(columns[3].total, 0, "nothing done is overdue");
}

#[test]
fn a_bulk_change_is_all_or_nothing_and_names_the_action_refused() {
    let (_dir, mut store) = common::temp_store();
    let olga = common::person(&mut store, "Olga", "Petrova").id;
    let a = action(&mut store, "Book the hall", None, ActionStatus::Open);
    let b = action(&mut store, "Print the badges", None, ActionStatus::Open);

    let start = board::BulkChange {
        ids: vec![a.id.clone(), b.id.clone()],
        status: Some(ActionStatus::InProgress),
        owner_person_id: None,
    };
    match board::bulk_change(&mut store, &start).expect_err("no owner") {
        CoreError::Validation { field, reason, message } => {
            assert_eq!((field.as_str(), reason), ("ownerPersonId", Reason::NeedsOwner));
            assert!(message.starts_with("Book the hall: "), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(actions::get(store.conn(), &a.id).unwrap().status, ActionStatus::Open, "nothing half-written");

    let changed =
        board::bulk_change(&mut store, &board::BulkChange { owner_person_id: Some(olga.clone()), ..start }).unwrap();
    assert!(changed.iter().all(|x| x.status == ActionStatus::InProgress && x.owner_person_id.as_ref() == Some(&olga)));
    let moved = board::move_to(&mut store, &a.id, ActionStatus::Done).unwrap();
    assert_eq!(moved.completed_by.as_deref(), Some(store.actor()));
    assert!(
        common::audit_operations(&store, attache_core::kernel::record::RecordKind::Action, a.id.as_str()).len() >= 3
    );
}

#[test]
fn overdue_turns_at_the_users_midnight_and_the_due_range_filter_leaves_out_undated_actions() {
    let (_dir, mut store) = common::temp_store();
    let due9 = action(&mut store, "Call the embassy", Some("2026-03-09"), ActionStatus::Open);
    action(&mut store, "Later", Some("2026-04-02"), ActionStatus::Open);
    // 23:30 UTC on 9 March: already the 10th in Karachi, still the 9th in New York.
    let now = Utc.with_ymd_and_hms(2026, 3, 9, 23, 30, 0).unwrap();
    let karachi = actions::today_at(now, &chrono::FixedOffset::east_opt(5 * 3600).unwrap());
    let new_york = actions::today_at(now, &chrono::FixedOffset::west_opt(5 * 3600).unwrap());
    assert_eq!((karachi, new_york), (day("2026-03-10"), day("2026-03-09")));
    let overdue = ActionQuery { overdue_only: true, list: common::query(10), ..ActionQuery::default() };
    assert_eq!(actions::list_on(store.conn(), &overdue, karachi).unwrap().items.len(), 1);
    assert!(actions::list_on(store.conn(), &overdue, new_york).unwrap().items.is_empty());
    assert!(actions::list_on(store.conn(), &overdue, karachi).unwrap().items[0].overdue);

    let march = ActionQuery {
        due_from: Some("2026-03-01".into()),
        due_to: Some("2026-03-31".into()),
        list: common::query(10),
        ..ActionQuery::default()
    };
    let found = actions::list_on(store.conn(), &march, karachi).unwrap().items;
    assert_eq!(found.iter().map(|a| &a.id).collect::<Vec<_>>(), [&due9.id], "not April's, not the undated");
}

#[test]
fn quick_add_reads_the_due_day_priority_owner_and_who_it_is_about() {
    let (_dir, mut store) = common::temp_store();
    let olga = common::person(&mut store, "Olga", "Petrova").id;
    let ahtesham = common::person(&mut store, "Ahtesham", "Mazhar").id;
    common::person(&mut store, "Salman", "Sheikh");
    common::person(&mut store, "Salman", "Butt");
    // Wednesday 9 December 2026.
    let wednesday = day("2026-12-09");

    let draft = quick::parse(store.conn(), "Call Olga friday !high", wednesday).unwrap();
    assert_eq!(draft.input.title, "Call Olga");
    assert_eq!(draft.input.due_on.as_deref(), Some("2026-12-11"));
    assert_eq!(draft.input.priority, Priority::High);
    assert_eq!(draft.input.person_id.as_ref(), Some(&olga));
    assert_eq!(draft.person_name.as_deref(), Some("Olga Petrova"));

    let draft = quick::parse(store.conn(), "Send the minutes @mazhar wednesday !u", wednesday).unwrap();
    assert_eq!(draft.input.title, "Send the minutes");
    assert_eq!(draft.input.owner_person_id.as_ref(), Some(&ahtesham));
    assert_eq!(draft.input.due_on.as_deref(), Some("2026-12-16"), "a weekday is the next one after today");
    assert_eq!(draft.input.priority, Priority::Urgent);

    let draft = quick::parse(store.conn(), "Позвонить Salman завтра @nobody !срочно", wednesday).unwrap();
    assert_eq!(draft.input.priority, Priority::Urgent);
    assert_eq!(draft.input.title, "Позвонить Salman");
    assert_eq!(draft.input.person_id, None, "two Salmans: neither is guessed");
    assert_eq!(draft.input.due_on.as_deref(), Some("2026-12-10"));
    assert_eq!(draft.unmatched_owner.as_deref(), Some("nobody"));

    let draft = quick::parse(store.conn(), "Renew the MoU 4.1 !", wednesday).unwrap();
    assert_eq!(draft.input.due_on.as_deref(), Some("2027-01-04"), "a day and month comes next");
    assert_eq!(draft.input.title, "Renew the MoU !", "a lone ! is a word");
    assert_eq!(
        quick::parse(store.conn(), "Meet 2026-12-24", wednesday).unwrap().input.due_on.as_deref(),
        Some("2026-12-24")
    );
    let hostile = "<script>alert(1)</script> \u{202e}evil @";
    assert_eq!(quick::parse(store.conn(), hostile, wednesday).unwrap().input.title, hostile, "a bare @ is a word");

    match quick::parse(store.conn(), "  tomorrow !high ", wednesday).expect_err("no title") {
        CoreError::Validation { field, .. } => assert_eq!(field, "title"),
        other => panic!("{other:?}"),
    }
}
