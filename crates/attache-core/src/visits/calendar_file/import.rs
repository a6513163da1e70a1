//! Reading a calendar file into a visit's programme. An event seen before (by its UID, ours
//! or another program's) updates its item; a new one becomes an item; what cannot become one
//! is skipped with the reason. The whole file goes in one transaction; a preview runs the same
//! import and rolls it back, so it reports exactly what the import would do.

use std::collections::HashSet;
use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};
use rusqlite::OptionalExtension;
use serde::Serialize;
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, VenueId, VisitId};
use crate::kernel::local_time;
use crate::store::{Store, Writer};
use crate::visits::engagements::{self, EngagementInput, EngagementKind};
use crate::visits::Visit;

use super::export::UID_DOMAIN;

/// Larger files are refused before they are read: a visit's programme is a few hundred events.
pub const MAX_MEGABYTES: u32 = 10;
const MAX_EVENTS: usize = 5_000;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub taken: Vec<ImportedEvent>,
    pub updated: Vec<ImportedEvent>,
    pub skipped: Vec<ImportedEvent>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedEvent {
    pub uid: Option<String>,
    pub title: String,
    /// In the visit's wall-clock time, when the event has a time Attaché could read.
    pub starts_local: Option<String>,
    pub ends_local: Option<String>,
    /// The item it became or updated.
    pub engagement_id: Option<EngagementId>,
    pub skip: Option<SkipReason>,
}

/// Why an event did not become a programme item.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SkipReason {
    /// RRULE or RDATE: Attaché plans each item on its own.
    Recurring,
    /// A whole-day event (a date without a time).
    AllDay,
    NoStart,
    NoEnd,
    /// STATUS:CANCELLED.
    Cancelled,
    UnknownTimeZone {
        zone: String,
    },
    /// Starts or ends outside the visit's dates.
    OutsideVisit,
    /// Already in the programme exactly like this.
    Unchanged,
    /// The same UID came earlier in the file.
    RepeatedInFile,
    /// The item it would become was refused (no title, end before start…).
    Refused {
        field: String,
        reason: Reason,
    },
}

impl SkipReason {
    /// The reason in English, for the command line and logs (the UI says it in the user's language).
    pub fn describe(&self) -> String {
        match self {
            SkipReason::Recurring => "repeats; Attaché plans each item on its own".into(),
            SkipReason::AllDay => "a whole-day event, without a time".into(),
            SkipReason::NoStart => "no start time".into(),
            SkipReason::NoEnd => "no end time".into(),
            SkipReason::Cancelled => "cancelled".into(),
            SkipReason::UnknownTimeZone { zone } => format!("unknown time zone {zone}"),
            SkipReason::OutsideVisit => "outside the visit's dates".into(),
            SkipReason::Unchanged => "already in the programme like this".into(),
            SkipReason::RepeatedInFile => "the same event came earlier in the file".into(),
            SkipReason::Refused { field, reason } => format!("refused on {field}: {reason:?}"),
        }
    }
}

/// What the import would do, without doing it.
pub fn preview(store: &mut Store, visit: &VisitId, bytes: &[u8]) -> CoreResult<ImportReport> {
    let text = text_of(bytes)?;
    store.write(|w| {
        w.execute_batch("SAVEPOINT calendar_preview")?;
        let report = apply(w, visit, &text);
        w.execute_batch("ROLLBACK TO calendar_preview; RELEASE calendar_preview")?;
        report
    })
}

/// Imports the file into the visit's programme, all of it or nothing.
pub fn import(store: &mut Store, visit: &VisitId, bytes: &[u8]) -> CoreResult<ImportReport> {
    let text = text_of(bytes)?;
    store.write(|w| apply(w, visit, &text))
}

fn refuse(problem: &str) -> CoreError {
    CoreError::invalid(
        "file",
        Reason::NotACalendar { problem: problem.to_owned() },
        format!("Not a calendar file Attaché can read: {problem}"),
    )
}

/// Refuses a file over the size limit (before it is read, where the size is known).
pub fn check_size(bytes: u64) -> CoreResult<()> {
    if bytes > u64::from(MAX_MEGABYTES) * 1024 * 1024 {
        let message = format!("The file is larger than {MAX_MEGABYTES} MB");
        return Err(CoreError::invalid("file", Reason::FileTooLarge { megabytes: MAX_MEGABYTES }, message));
    }
    Ok(())
}

fn text_of(bytes: &[u8]) -> CoreResult<String> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| refuse("the file is not UTF-8 text"))?;
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if !trimmed.starts_with("BEGIN:VCALENDAR") {
        return Err(refuse("it does not begin with BEGIN:VCALENDAR"));
    }
    if !trimmed.ends_with("END:VCALENDAR") {
        return Err(refuse("it is cut off (no END:VCALENDAR at the end)"));
    }
    Ok(text.to_owned())
}

fn apply(w: &Writer<'_>, visit: &VisitId, text: &str) -> CoreResult<ImportReport> {
    let visit = crate::visits::get(w, visit)?;
    crate::kernel::record::refuse_deleted(crate::kernel::record::RecordKind::Visit, &visit.deleted_at)?;
    let calendar = Calendar::from_str(text).map_err(|e| refuse(e.lines().next().unwrap_or("unreadable")))?;
    let events: Vec<&Event> = calendar.events().collect();
    if events.len() > MAX_EVENTS {
        let message = format!("The file holds {} events; at most {MAX_EVENTS} can be imported at once", events.len());
        return Err(CoreError::invalid("file", Reason::TooLarge { max: MAX_EVENTS as i32 }, message));
    }
    let zone = local_time::zone_or_utc(&visit.time_zone);
    let mut report = ImportReport { taken: Vec::new(), updated: Vec::new(), skipped: Vec::new() };
    let mut seen = HashSet::new();
    for event in events {
        let mut line = ImportedEvent {
            uid: event.get_uid().map(str::to_owned),
            title: event.get_summary().unwrap_or_default().to_owned(),
            starts_local: None,
            ends_local: None,
            engagement_id: None,
            skip: None,
        };
        match take(w, &visit, zone, event, &mut line, &mut seen) {
            Ok(Outcome::Taken) => report.taken.push(line),
            Ok(Outcome::Updated) => report.updated.push(line),
            Err(skip) => {
                line.skip = Some(skip);
                report.skipped.push(line);
            }
        }
    }
    Ok(report)
}

enum Outcome {
    Taken,
    Updated,
}

fn take(
    w: &Writer<'_>,
    visit: &Visit,
    zone: Tz,
    event: &Event,
    line: &mut ImportedEvent,
    seen: &mut HashSet<String>,
) -> Result<Outcome, SkipReason> {
    if let Some(uid) = &line.uid {
        if !seen.insert(uid.clone()) {
            return Err(SkipReason::RepeatedInFile);
        }
    }
    if event.property_value("RRULE").is_some() || event.property_value("RDATE").is_some() {
        return Err(SkipReason::Recurring);
    }
    if event.property_value("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")) {
        return Err(SkipReason::Cancelled);
    }
    let start = instant(event.get_start().ok_or(SkipReason::NoStart)?, zone)?;
    let end = instant(event.get_end().ok_or(SkipReason::NoEnd)?, zone)?;
    let local = |at: DateTime<Utc>| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
    line.starts_local = Some(local(start));
    line.ends_local = Some(local(end));
    let first_day = start.with_timezone(&zone).date_naive().to_string();
    let last_day = (end - chrono::Duration::seconds(1)).max(start).with_timezone(&zone).date_naive().to_string();
    if first_day < visit.start_date || last_day > visit.end_date {
        return Err(SkipReason::OutsideVisit);
    }
    let refused = |e: CoreError| match e {
        CoreError::Validation { field, reason, .. } => SkipReason::Refused { field, reason },
        other => {
            SkipReason::Refused { field: "file".into(), reason: Reason::NotACalendar { problem: other.to_string() } }
        }
    };
    let existing = matching(w, visit, line.uid.as_deref()).map_err(refused)?;
    match existing {
        Some(id) => {
            let stored = engagements::get(w, &id).map_err(refused)?;
            let input = EngagementInput {
                title: line.title.clone(),
                starts_local: local(start),
                ends_local: local(end),
                ..engagements::as_input(&stored)
            };
            if (&input.title, &input.starts_local, &input.ends_local)
                == (&stored.title, &stored.starts_local, &stored.ends_local)
            {
                line.engagement_id = Some(id);
                return Err(SkipReason::Unchanged);
            }
            engagements::change(w, &id, input).map_err(refused)?;
            line.engagement_id = Some(id);
            Ok(Outcome::Updated)
        }
        None => {
            let location = event.get_location().map(str::to_owned);
            let venue = location.as_deref().map(|l| venue_named(w, l)).transpose().map_err(refused)?.flatten();
            let mut notes: Vec<String> = event.get_description().map(str::to_owned).into_iter().collect();
            if venue.is_none() {
                notes.extend(location.map(|l| format!("Location: {l}")));
            }
            let input = EngagementInput {
                visit_id: visit.id.clone(),
                title: line.title.clone(),
                kind: kind_of(event),
                starts_local: local(start),
                ends_local: local(end),
                venue_id: venue,
                responsible_person_id: None,
                vehicle_id: None,
                security_notes: None,
                notes: Some(notes.join("\n\n")),
                attendee_ids: Vec::new(),
            };
            let created = engagements::insert(w, EngagementId::new(), input).map_err(refused)?;
            if let Some(uid) = &line.uid {
                w.execute("UPDATE engagements SET ical_uid = ?2 WHERE id = ?1", rusqlite::params![created.id, uid])
                    .map_err(|e| refused(e.into()))?;
            }
            line.engagement_id = Some(created.id);
            Ok(Outcome::Taken)
        }
    }
}

/// The item an event with this UID came from or went to, in this visit: one imported with the
/// UID, or one of ours (`<id>@attache.app`) that is still in the programme.
fn matching(w: &Writer<'_>, visit: &Visit, uid: Option<&str>) -> CoreResult<Option<EngagementId>> {
    let Some(uid) = uid else { return Ok(None) };
    let by_uid = w
        .query_row(
            "SELECT id FROM engagements WHERE visit_id = ?1 AND ical_uid = ?2 AND deleted_at IS NULL",
            rusqlite::params![visit.id, uid],
            |r| r.get(0),
        )
        .optional()?;
    if by_uid.is_some() {
        return Ok(by_uid);
    }
    let Some(ours) = uid.strip_suffix(&format!("@{UID_DOMAIN}")) else { return Ok(None) };
    Ok(w.query_row(
        "SELECT id FROM engagements WHERE id = ?1 AND visit_id = ?2 AND deleted_at IS NULL",
        rusqlite::params![ours, visit.id],
        |r| r.get(0),
    )
    .optional()?)
}

/// A live venue whose name the location starts with ("SCCI Auditorium, Paris Road, Sialkot").
fn venue_named(w: &Writer<'_>, location: &str) -> CoreResult<Option<VenueId>> {
    let name = location.split(',').next().unwrap_or_default().trim();
    Ok(w.query_row(
        "SELECT id FROM venues WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL ORDER BY id LIMIT 1",
        [name],
        |r| r.get(0),
    )
    .optional()?)
}

fn kind_of(event: &Event) -> EngagementKind {
    // The crate keeps CATEGORIES among the properties that may repeat.
    let repeated = event.multi_properties().get("CATEGORIES").into_iter().flatten().map(|p| p.value());
    let category = event.property_value("CATEGORIES").into_iter().chain(repeated).collect::<Vec<_>>().join(",");
    let category = category.to_lowercase().replace('-', "_");
    EngagementKind::ALL
        .iter()
        .copied()
        .find(|k| category.split(',').any(|c| c.trim() == k.as_str()))
        .unwrap_or(EngagementKind::Meeting)
}

fn instant(at: DatePerhapsTime, visit_zone: Tz) -> Result<DateTime<Utc>, SkipReason> {
    let in_zone = |zone: Tz, local: NaiveDateTime| match zone.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(SkipReason::Refused {
            field: "startsLocal".into(),
            reason: Reason::NoSuchLocalTime {
                local: local.format("%Y-%m-%dT%H:%M").to_string(),
                zone: zone.name().into(),
            },
        }),
    };
    match at {
        DatePerhapsTime::Date(_) => Err(SkipReason::AllDay),
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => Ok(t),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(local)) => in_zone(visit_zone, local),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            // Some programs write "/Europe/Berlin"; a name the tz database lacks is not guessed.
            let zone = Tz::from_str(tzid.trim_start_matches('/'))
                .map_err(|_| SkipReason::UnknownTimeZone { zone: tzid.clone() })?;
            in_zone(zone, date_time)
        }
    }
}
