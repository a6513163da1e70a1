//! VTIMEZONE definitions from the tz database, so a calendar program shows a programme item
//! at the visit's local time even where it knows no zone by that name. Each definition holds
//! the offset in force before the first item and every change of offset up to the last one.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// The VTIMEZONE component of `zone` covering `[from, to]`, as iCalendar lines.
pub fn vtimezone(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", zone.name())];
    let first = zone.offset_from_utc_datetime(&from.naive_utc());
    let epoch = NaiveDateTime::parse_from_str("1970-01-01T00:00", "%Y-%m-%dT%H:%M").unwrap_or_default();
    lines.extend(observance(&first, &first, epoch));
    for at in changes(zone, from, to) {
        let before = zone.offset_from_utc_datetime(&(at - Duration::seconds(1)).naive_utc());
        let after = zone.offset_from_utc_datetime(&at.naive_utc());
        // DTSTART of an observance is the wall time just before the change, in the old offset.
        let local = at.naive_utc() + Duration::seconds(i64::from(before.fix().local_minus_utc()));
        lines.extend(observance(&before, &after, local));
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

fn observance(before: &chrono_tz::TzOffset, after: &chrono_tz::TzOffset, start: NaiveDateTime) -> Vec<String> {
    let kind = if after.dst_offset().is_zero() { "STANDARD" } else { "DAYLIGHT" };
    let mut lines = vec![
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
        format!("TZOFFSETFROM:{}", offset(before)),
        format!("TZOFFSETTO:{}", offset(after)),
    ];
    if let Some(name) = after.abbreviation() {
        lines.push(format!("TZNAME:{name}"));
    }
    lines.push(format!("END:{kind}"));
    lines
}

fn offset(o: &chrono_tz::TzOffset) -> String {
    let seconds = o.fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// The instants in `[from, to]` at which `zone` changes its offset, to the second: a day at
/// a time, then halving the day that holds a change.
fn changes(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix();
    let mut found = Vec::new();
    let mut day = from;
    while day < to {
        let next = (day + Duration::days(1)).min(to);
        if offset_at(day) != offset_at(next) {
            let (mut lo, mut hi) = (day, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(mid) == offset_at(lo) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            found.push(hi);
        }
        day = next;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn berlin_in_spring_has_one_change_at_two_in_the_morning() {
        let lines = vtimezone(chrono_tz::Europe::Berlin, at("2026-03-20T00:00:00Z"), at("2026-04-05T00:00:00Z"));
        let text = lines.join("\n");
        assert!(
            text.contains("BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200"),
            "{text}"
        );
        assert!(text.starts_with("BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\nDTSTART:19700101T000000"));
    }

    #[test]
    fn karachi_has_one_offset() {
        let lines = vtimezone(chrono_tz::Asia::Karachi, at("2026-01-01T00:00:00Z"), at("2026-12-31T00:00:00Z"));
        assert_eq!(lines.iter().filter(|l| l.starts_with("BEGIN:STANDARD")).count(), 1);
        assert!(lines.contains(&"TZOFFSETTO:+0500".to_owned()));
    }
}
