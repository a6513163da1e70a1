//! Engagements are stored as UTC instants but planned in the visit's wall-clock time.

use std::str::FromStr;

use chrono::{LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::kernel::error::{CoreError, CoreResult, Reason};

/// Moves a stored instant so that it shows the same wall-clock time in `to` as it did in `from`,
/// `days` later: a programme planned for 10:30 stays at 10:30 when its visit's time zone is
/// corrected or its dates move, even across a change of clocks.
pub fn reschedule(field: &str, from: Tz, to: Tz, days: i64, utc: &str) -> CoreResult<String> {
    let local = NaiveDateTime::parse_from_str(&to_local(from, utc), "%Y-%m-%dT%H:%M").map_err(|_| {
        CoreError::invalid(field, Reason::NotADateTime, format!("the stored time {utc} cannot be read"))
    })?;
    to_utc(field, to, local + chrono::Duration::days(days))
}

/// A stored zone name as a zone; UTC for a name this build does not know (it was valid when
/// stored, so only an older tz database could miss it), so a list still shows.
pub fn zone_or_utc(name: &str) -> Tz {
    Tz::from_str(name).unwrap_or(Tz::UTC)
}

/// The UTC instant (RFC 3339) of a wall-clock time in `zone`. In the hour that repeats when
/// clocks go back the earlier instant is taken; a time skipped when clocks go forward is refused.
pub fn to_utc(field: &str, zone: Tz, local: NaiveDateTime) -> CoreResult<String> {
    let instant = match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => {
            return Err(CoreError::invalid(
                field,
                Reason::NoSuchLocalTime {
                    local: local.format("%Y-%m-%dT%H:%M").to_string(),
                    zone: zone.name().to_owned(),
                },
                format!("{local} does not exist in {zone} (the clocks change then)"),
            ));
        }
    };
    Ok(crate::kernel::record::instant(instant.with_timezone(&Utc)))
}

/// The wall-clock time `YYYY-MM-DDTHH:MM` in `zone` of a stored UTC instant.
pub fn to_local(zone: Tz, utc: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(utc)
        .map(|t| instant_to_local(zone, t.with_timezone(&Utc)))
        .unwrap_or_else(|_| utc.to_owned())
}

/// The wall-clock time `YYYY-MM-DDTHH:MM` in `zone` of an instant. (Written out rather than
/// through `format`, which parses its pattern on every call: lists and the conflict check
/// name hundreds of times at once.)
pub fn instant_to_local(zone: Tz, at: chrono::DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    let t = at.with_timezone(&zone);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn karachi_is_five_hours_ahead() {
        let local = NaiveDateTime::parse_from_str("2026-01-28T10:30", "%Y-%m-%dT%H:%M").unwrap();
        let utc = to_utc("startsLocal", chrono_tz::Asia::Karachi, local).unwrap();
        assert_eq!(utc, "2026-01-28T05:30:00.000Z");
        assert_eq!(to_local(chrono_tz::Asia::Karachi, &utc), "2026-01-28T10:30");
    }

    #[test]
    fn a_skipped_hour_is_refused() {
        let local = NaiveDateTime::parse_from_str("2026-03-29T02:30", "%Y-%m-%dT%H:%M").unwrap();
        let err = to_utc("startsLocal", chrono_tz::Europe::Berlin, local).unwrap_err();
        assert_eq!(err.field(), Some("startsLocal"));
    }
}
