//! Loading what the conflict rules look at: the items in focus, every other booking of the
//! same people, venues and vehicles around them (across all visits), and who is present.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, Row};

use crate::kernel::error::CoreResult;
use crate::kernel::ids::{EngagementId, PersonId};
use crate::visits::engagements;
use crate::visits::participants::Rsvp;

use super::rules::{Presence, Slot};
use super::Subject;

const COLUMNS: &str = "e.id, e.visit_id, v.title AS visit_title, v.time_zone, v.start_date, v.end_date,
    v.travel_buffer_minutes, e.title, e.starts_at, e.ends_at, e.venue_id, ve.name AS venue_name, e.vehicle_id,
    vh.label AS vehicle_label";
const FROM: &str = "engagements e JOIN visits v ON v.id = e.visit_id LEFT JOIN venues ve ON ve.id = e.venue_id
    LEFT JOIN vehicles vh ON vh.id = e.vehicle_id";
/// Items that can collide: live, in a live visit that is not cancelled.
const LIVE: &str = "e.deleted_at IS NULL AND v.deleted_at IS NULL AND v.status <> 'cancelled'";

/// What the rules need, gathered.
#[derive(Default)]
pub struct Loaded {
    pub focus: HashSet<EngagementId>,
    pub slots: HashMap<EngagementId, Slot>,
    pub bookings: HashMap<Subject, Vec<EngagementId>>,
    pub attendees: Vec<(EngagementId, PersonId)>,
}

impl Loaded {
    /// Takes `slots` as the focus, with their attendees.
    pub fn focus_on(&mut self, slots: Vec<Slot>, attendees: Vec<(EngagementId, PersonId)>) {
        for slot in slots {
            self.focus.insert(slot.id.clone());
            self.add(slot);
        }
        for (item, person) in &attendees {
            self.book(Subject::Person(person.clone()), item);
        }
        self.attendees.extend(attendees);
    }

    fn add(&mut self, slot: Slot) {
        if let Some(venue) = &slot.venue_id {
            self.book(Subject::Venue(venue.clone()), &slot.id);
        }
        if let Some(vehicle) = &slot.vehicle_id {
            self.book(Subject::Vehicle(vehicle.clone()), &slot.id);
        }
        self.slots.entry(slot.id.clone()).or_insert(slot);
    }

    fn book(&mut self, subject: Subject, item: &EngagementId) {
        self.bookings.entry(subject).or_default().push(item.clone());
    }

    /// Adds every other booking of the focus's people, venues and vehicles from a day before
    /// the first item to a day after the last (travel buffers are at most a day). `skip` is
    /// the stored version of an item being edited, which the draft replaces; `loaded_visit` is
    /// a visit whose items are all in focus already.
    ///
    /// Each query walks the items in that window first (an item lasts at most a week, so the
    /// window's start less a week bounds them), then keeps those of the focus's people, venues
    /// and vehicles: a window of days holds few items, where a person may have hundreds. (The
    /// unary `+` keeps SQLite from probing every person's index for every item of the window;
    /// it reads each item's few attendees instead.)
    pub fn surroundings(
        &mut self,
        conn: &Connection,
        skip: Option<&EngagementId>,
        loaded_visit: Option<&str>,
    ) -> CoreResult<()> {
        let starts = self.focus.iter().filter_map(|id| self.slots.get(id)).map(|s| s.start);
        let ends = self.focus.iter().filter_map(|id| self.slots.get(id)).map(|s| s.end);
        let (Some(first), Some(last)) = (starts.min(), ends.max()) else { return Ok(()) };
        let lo = first - Duration::days(1);
        let hi = last + Duration::days(1);
        let earliest = lo - Duration::days(engagements::MAX_DAYS);
        let mut people = Vec::new();
        let mut venues = Vec::new();
        let mut vehicles = Vec::new();
        for subject in self.bookings.keys() {
            match subject {
                Subject::Person(id) => people.push(id.as_str()),
                Subject::Venue(id) => venues.push(id.as_str()),
                Subject::Vehicle(id) => vehicles.push(id.as_str()),
            }
        }
        let window = "e.starts_at >= ?4 AND e.starts_at < ?3 AND e.ends_at > ?2 AND e.visit_id IS NOT ?5";
        let by_person = format!(
            "SELECT a.person_id AS subject, {COLUMNS} FROM engagements e CROSS JOIN engagement_attendees a ON a.engagement_id = e.id
             JOIN visits v ON v.id = e.visit_id LEFT JOIN venues ve ON ve.id = e.venue_id LEFT JOIN vehicles vh ON vh.id = e.vehicle_id
             WHERE {window} AND +a.person_id IN (SELECT value FROM json_each(?1)) AND {LIVE}"
        );
        let by_venue = format!(
            "SELECT e.venue_id AS subject, {COLUMNS} FROM {FROM}
             WHERE e.venue_id IN (SELECT value FROM json_each(?1)) AND {window} AND {LIVE}"
        );
        let by_vehicle = format!(
            "SELECT e.vehicle_id AS subject, {COLUMNS} FROM {FROM}
             WHERE e.vehicle_id IN (SELECT value FROM json_each(?1)) AND {window} AND {LIVE}"
        );
        type Query<'q> = (&'q str, &'q [&'q str], fn(String) -> Subject);
        let queries: [Query<'_>; 3] = [
            (&by_person, &people, |id| Subject::Person(id.as_str().into())),
            (&by_venue, &venues, |id| Subject::Venue(id.as_str().into())),
            (&by_vehicle, &vehicles, |id| Subject::Vehicle(id.as_str().into())),
        ];
        let (lo, hi, earliest) = (stamp(lo), stamp(hi), stamp(earliest));
        let mut rows = Vec::new();
        for (sql, ids, subject) in queries {
            if ids.is_empty() {
                continue;
            }
            let ids = serde_json::to_string(ids).unwrap_or_default();
            let mut stmt = conn.prepare_cached(sql)?;
            let params = rusqlite::params![ids, lo, hi, earliest, loaded_visit];
            let found = stmt.query_map(params, |r| Ok((subject(r.get("subject")?), slot(r)?)))?;
            rows.extend(found.collect::<Result<Vec<_>, _>>()?);
        }
        for (subject, slot) in rows {
            if Some(&slot.id) == skip || self.focus.contains(&slot.id) {
                continue;
            }
            self.book(subject, &slot.id);
            self.slots.entry(slot.id.clone()).or_insert(slot);
        }
        Ok(())
    }
}

/// The live items of one visit.
pub fn of_visit(conn: &Connection, visit: &str) -> CoreResult<Vec<Slot>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE e.visit_id = ?1 AND {LIVE}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([visit], slot)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The live items starting in `[from, to)`, in any visit.
pub fn starting_between(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> CoreResult<Vec<Slot>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE e.starts_at >= ?1 AND e.starts_at < ?2 AND {LIVE}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([stamp(from), stamp(to)], slot)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The attendees of the given items.
pub fn attendees(conn: &Connection, items: &[&EngagementId]) -> CoreResult<Vec<(EngagementId, PersonId)>> {
    let ids = serde_json::to_string(items).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT a.engagement_id, a.person_id FROM engagement_attendees a JOIN people p ON p.id = a.person_id
         WHERE a.engagement_id IN (SELECT value FROM json_each(?1)) AND p.deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Each focus attendee's place in the item's visit (attendees who are not participants have none).
pub fn presence(conn: &Connection, loaded: &Loaded) -> CoreResult<HashMap<(EngagementId, PersonId), Presence>> {
    let visits: HashSet<&str> =
        loaded.focus.iter().filter_map(|id| loaded.slots.get(id)).map(|s| s.visit_id.as_str()).collect();
    let ids = serde_json::to_string(&visits).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT visit_id, person_id, rsvp, arrival_at, departure_at FROM participants
         WHERE visit_id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
    )?;
    let mut by_visit: HashMap<(String, PersonId), Presence> = HashMap::new();
    let rows = stmt.query_map([ids], |r| {
        let at = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
            Ok(r.get::<_, Option<String>>(i)?.and_then(|t| parse(&t)))
        };
        Ok(((r.get(0)?, r.get(1)?), Presence { rsvp: r.get::<_, Rsvp>(2)?, arrival: at(3)?, departure: at(4)? }))
    })?;
    for row in rows {
        let (key, presence) = row?;
        by_visit.insert(key, presence);
    }
    let mut presence = HashMap::new();
    for (item, person) in &loaded.attendees {
        let Some(slot) = loaded.slots.get(item) else { continue };
        if let Some(p) = by_visit.get(&(slot.visit_id.0.clone(), person.clone())) {
            presence.insert((item.clone(), person.clone()), p.clone());
        }
    }
    Ok(presence)
}

fn slot(r: &Row<'_>) -> rusqlite::Result<Slot> {
    let instant = |name: &str| -> rusqlite::Result<DateTime<Utc>> {
        let text: String = r.get(name)?;
        parse(&text).ok_or_else(|| rusqlite::Error::InvalidColumnName(format!("{name} is not an instant: {text}")))
    };
    Ok(Slot {
        id: r.get("id")?,
        visit_id: r.get("visit_id")?,
        visit_title: r.get("visit_title")?,
        time_zone: r.get("time_zone")?,
        visit_start: r.get("start_date")?,
        visit_end: r.get("end_date")?,
        buffer: r.get("travel_buffer_minutes")?,
        title: r.get("title")?,
        start: instant("starts_at")?,
        end: instant("ends_at")?,
        venue_id: r.get("venue_id")?,
        venue_name: r.get("venue_name")?,
        vehicle_id: r.get("vehicle_id")?,
        vehicle_label: r.get("vehicle_label")?,
    })
}

pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

pub fn stamp(at: DateTime<Utc>) -> String {
    crate::kernel::record::instant(at)
}
