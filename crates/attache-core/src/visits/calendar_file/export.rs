//! Writing calendar files: a visit's whole programme, or one person's own programme across
//! visits. Each item keeps one UID for life and a SEQUENCE that rises with every change, so a
//! calendar that imports the file again updates its events instead of adding them twice.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use icalendar::{Attendee, Calendar, CalendarDateTime, Component, Event, EventLike};
use rusqlite::{Connection, Row};

use crate::kernel::error::CoreResult;
use crate::kernel::ids::{EngagementId, PersonId, VisitId};
use crate::kernel::local_time;

use super::zones;

/// The domain that makes our UIDs unique among everyone's.
pub const UID_DOMAIN: &str = "attache.app";

struct Item {
    id: EngagementId,
    uid: String,
    sequence: u32,
    title: String,
    kind: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    updated: DateTime<Utc>,
    notes: Option<String>,
    visit_title: String,
    zone: String,
    venue: Option<String>,
    vehicle: Option<String>,
}

const COLUMNS: &str = "e.id, coalesce(e.ical_uid, e.id || '@attache.app') AS uid, e.title, e.kind, e.starts_at,
    e.ends_at, e.updated_at, e.notes, v.title AS visit_title, v.time_zone,
    nullif(concat_ws(', ', ve.name, ve.address, ve.city), '') AS venue, vh.label AS vehicle,
    (SELECT count(*) FROM audit_log a WHERE a.record_kind = 'engagement' AND a.record_id = e.id
     AND a.operation <> 'create') AS sequence";
const JOINS: &str = "JOIN visits v ON v.id = e.visit_id LEFT JOIN venues ve ON ve.id = e.venue_id
    AND ve.deleted_at IS NULL LEFT JOIN vehicles vh ON vh.id = e.vehicle_id AND vh.deleted_at IS NULL";

/// A visit's programme as an iCalendar file.
pub fn visit_calendar(conn: &Connection, visit: &VisitId) -> CoreResult<String> {
    let visit = crate::visits::get(conn, visit)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM engagements e {JOINS} WHERE e.visit_id = ?1 AND e.deleted_at IS NULL AND v.deleted_at IS NULL
         ORDER BY e.starts_at, e.id"
    );
    let items = load(conn, &sql, visit.id.as_str())?;
    write(conn, &visit.title, &items)
}

/// One person's own programme, across the visits they attend (not cancelled ones).
pub fn person_calendar(conn: &Connection, person: &PersonId) -> CoreResult<String> {
    let person = crate::directory::people::get(conn, person)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM engagement_attendees at JOIN engagements e ON e.id = at.engagement_id {JOINS}
         WHERE at.person_id = ?1 AND e.deleted_at IS NULL AND v.deleted_at IS NULL AND v.status <> 'cancelled'
         ORDER BY e.starts_at, e.id"
    );
    let items = load(conn, &sql, person.id.as_str())?;
    let name = [person.given_name.as_str(), person.family_name.as_deref().unwrap_or("")].join(" ");
    write(conn, name.trim(), &items)
}

fn load(conn: &Connection, sql: &str, id: &str) -> CoreResult<Vec<Item>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([id], item)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn item(r: &Row<'_>) -> rusqlite::Result<Item> {
    let instant = |name: &str| -> rusqlite::Result<DateTime<Utc>> {
        let text: String = r.get(name)?;
        instant_of(&text).ok_or_else(|| rusqlite::Error::InvalidColumnName(name.to_owned()))
    };
    Ok(Item {
        id: r.get("id")?,
        uid: r.get("uid")?,
        sequence: r.get("sequence")?,
        title: r.get("title")?,
        kind: r.get("kind")?,
        start: instant("starts_at")?,
        end: instant("ends_at")?,
        updated: instant("updated_at")?,
        notes: r.get("notes")?,
        visit_title: r.get("visit_title")?,
        zone: r.get("time_zone")?,
        venue: r.get("venue")?,
        vehicle: r.get("vehicle")?,
    })
}

fn instant_of(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

fn write(conn: &Connection, name: &str, items: &[Item]) -> CoreResult<String> {
    let attendees = attendees(conn, items)?;
    let mut calendar = Calendar::new();
    calendar.name(name);
    let stamp = Utc::now();
    for item in items {
        calendar.push(event(item, attendees.get(&item.id).map(Vec::as_slice).unwrap_or_default(), stamp));
    }
    let text = calendar.done().to_string();
    // The zones go before the first event (RFC 5545 allows any order; calendars expect this).
    let at = text.find("BEGIN:VEVENT").or_else(|| text.find("END:VCALENDAR")).unwrap_or(text.len());
    Ok(format!("{}{}{}", &text[..at], timezones(items), &text[at..]))
}

/// An attendee as a calendar names them: name, e-mail (if known), person id.
type Invitee = (String, Option<String>, String);

fn event(item: &Item, attendees: &[Invitee], stamp: DateTime<Utc>) -> Event {
    let zone = local_time::zone_or_utc(&item.zone);
    let local = |at: DateTime<Utc>| -> CalendarDateTime {
        if zone == chrono_tz::UTC {
            CalendarDateTime::Utc(at)
        } else {
            CalendarDateTime::WithTimezone {
                date_time: at.with_timezone(&zone).naive_local(),
                tzid: zone.name().into(),
            }
        }
    };
    let mut description = vec![item.visit_title.clone()];
    description.extend(item.vehicle.as_ref().map(|v| format!("Vehicle: {v}")));
    description.extend(item.notes.clone());
    let mut event = Event::new();
    event
        .uid(&item.uid)
        .sequence(item.sequence)
        .timestamp(stamp)
        .last_modified(item.updated)
        .summary(&item.title)
        .description(&description.join("\n\n"))
        .starts(local(item.start))
        .ends(local(item.end))
        .add_property("CATEGORIES", item.kind.to_uppercase().replace('_', "-"));
    if let Some(venue) = &item.venue {
        event.location(venue);
    }
    for (name, email, id) in attendees {
        let address = email.as_ref().map_or_else(|| format!("urn:uuid:{id}"), |e| format!("mailto:{e}"));
        event.attendee(Attendee::new(address).cn(name.clone()));
    }
    event.done()
}

/// One VTIMEZONE per zone the items use, spanning them (none for UTC), as text: the builder
/// of the `icalendar` crate has no time-zone component.
fn timezones(items: &[Item]) -> String {
    let mut spans: BTreeMap<&str, (DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    for item in items {
        let span = spans.entry(item.zone.as_str()).or_insert((item.start, item.end));
        *span = (span.0.min(item.start), span.1.max(item.end));
    }
    let mut lines = Vec::new();
    for (name, (from, to)) in spans {
        let zone = local_time::zone_or_utc(name);
        if zone != chrono_tz::UTC {
            lines.extend(zones::vtimezone(zone, from, to));
        }
    }
    lines.iter().map(|line| format!("{line}\r\n")).collect()
}

/// Each item's attendees: name, e-mail, id, in the order of precedence's rank then name.
fn attendees(conn: &Connection, items: &[Item]) -> CoreResult<HashMap<EngagementId, Vec<Invitee>>> {
    let ids = serde_json::to_string(&items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>()).unwrap_or_default();
    let sql = concat!(
        "SELECT a.engagement_id, ",
        crate::person_name_sql!("p"),
        ", p.email, p.id FROM engagement_attendees a JOIN people p ON p.id = a.person_id
         WHERE a.engagement_id IN (SELECT value FROM json_each(?1)) AND p.deleted_at IS NULL
         ORDER BY coalesce(p.protocol_rank, 1000000000), p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([ids], |r| Ok((r.get::<_, EngagementId>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
    let mut by_item: HashMap<EngagementId, Vec<_>> = HashMap::new();
    for row in rows {
        let (item, attendee) = row?;
        by_item.entry(item).or_default().push(attendee);
    }
    Ok(by_item)
}
