//! The dashboard's "today" is the user's calendar day: from one local midnight to the next,
//! which is 23 or 25 hours on the days the clocks change.

mod common;

use attache_core::dashboard;
use attache_core::visits::engagements::{self};
use attache_core::visits::{self, VisitInput};
use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A visit in Berlin over `from`..=`to` with one programme item at each local time given.
fn berlin_programme(store: &mut attache_core::Store, from: &str, to: &str, starts: &[&str]) {
    let input = VisitInput {
        time_zone: "Europe/Berlin".into(),
        start_date: from.into(),
        end_date: to.into(),
        ..common::visit_input("Berlin")
    };
    let visit = visits::create(store, input).unwrap();
    for start in starts {
        let end =
            chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap() + chrono::Duration::minutes(5);
        let end = end.format("%Y-%m-%dT%H:%M").to_string();
        let item = common::engagement_input(&visit.id, &format!("At {start}"), start, &end);
        engagements::create(store, item).unwrap();
    }
}

fn todays_titles(store: &attache_core::Store, today: &str) -> Vec<String> {
    let page = dashboard::todays_engagements(store.conn(), day(today), &Berlin).unwrap();
    page.items.into_iter().map(|e| e.title).collect()
}

#[test]
fn the_day_the_clocks_go_forward_has_23_hours() {
    let (start, end) = dashboard::local_day(day("2026-03-29"), &Berlin);
    assert_eq!(start.to_rfc3339(), "2026-03-28T23:00:00+00:00");
    assert_eq!(end.to_rfc3339(), "2026-03-29T22:00:00+00:00");

    let (_dir, mut store) = common::temp_store();
    berlin_programme(
        &mut store,
        "2026-03-28",
        "2026-03-30",
        &["2026-03-29T00:15", "2026-03-29T23:30", "2026-03-30T00:30"],
    );
    // 00:30 on the 30th is 22:30 UTC on the 29th: a 24-hour day would have taken it.
    assert_eq!(todays_titles(&store, "2026-03-29"), ["At 2026-03-29T00:15", "At 2026-03-29T23:30"]);
}

#[test]
fn the_day_the_clocks_go_back_has_25_hours() {
    let (start, end) = dashboard::local_day(day("2026-10-25"), &Berlin);
    assert_eq!(start.to_rfc3339(), "2026-10-24T22:00:00+00:00");
    assert_eq!(end.to_rfc3339(), "2026-10-25T23:00:00+00:00");

    let (_dir, mut store) = common::temp_store();
    berlin_programme(
        &mut store,
        "2026-10-24",
        "2026-10-26",
        &["2026-10-24T23:30", "2026-10-25T23:30", "2026-10-26T00:10"],
    );
    // 23:30 on the 25th is 22:30 UTC: a 24-hour day, ending at 22:00 UTC, would have lost it.
    assert_eq!(todays_titles(&store, "2026-10-25"), ["At 2026-10-25T23:30"]);
}
