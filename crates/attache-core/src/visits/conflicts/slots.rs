//! Loading what the conflict rules look at: the items in focus, every other booking of the
//! same people, venues and vehicles around them (across all visits), and who is present.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, Row};

use crate::kernel::error::CoreResult;
use crate::kernel::ids::{EngagementId, PersonId, VisitId};
use crate::visits::engagements;
use crate::visits::participants::Rsvp;

use super::rules::{Map, Presence, Slot};
use super::Subject;

const COLUMNS: &str = "e.id, e.visit_id, v.title AS visit_title, v.time_zone, v.start_date, v.end_date,
    v.travel_buffer_minutes, e.title, e.starts_at, e.ends_at, e.venue_id, e.vehicle_id";
/// The column after COLUMNS: what a booking is of, or an item's attendees.
const SUBJECT: usize = 12;
const FROM: &str = "engagements e JOIN visits v ON v.id = e.visit_id";
/// Items that can collide: live, in a live visit that is not cancelled.
const LIVE: &str = "e.deleted_at IS NULL AND v.deleted_at IS NULL AND v.status <> 'cancelled'";

/// What the rules need, gathered. Items are referred to by their place in `slots`: a busy
/// programme books each item for many people, and an index is cheaper to copy and compare
/// than an id.
#[derive(Default)]
pub struct Loaded {
    /// The items, those in focus first.
    pub slots: Vec<Slot>,
    /// How many of `slots` are in focus.
    pub in_focus: usize,
    places: Map<EngagementId, usize>,
    /// Every item each person, venue and vehicle is booked for, in focus or not.
    pub bookings: Map<Subject, Vec<usize>>,
    /// The attendees of the items in focus.
    pub attendees: Vec<(usize, PersonId)>,
}

impl Loaded {
    /// Takes the items in `focus`, with their attendees.
    pub fn focus_on(&mut self, focus: Focus) {
        for (slot, people) in focus.items {
            let at = self.add(slot);
            for person in people {
                self.book(Subject::Person(person.clone()), at);
                self.attendees.push((at, person));
            }
        }
        self.in_focus = self.slots.len();
    }

    fn add(&mut self, slot: Slot) -> usize {
        let at = self.slots.len();
        if let Some(venue) = &slot.venue_id {
            self.book(Subject::Venue(venue.clone()), at);
        }
        if let Some(vehicle) = &slot.vehicle_id {
            self.book(Subject::Vehicle(vehicle.clone()), at);
        }
        self.places.insert(slot.id.clone(), at);
        self.slots.push(slot);
        at
    }

    fn book(&mut self, subject: Subject, at: usize) {
        self.bookings.entry(subject).or_default().push(at);
    }

    /// Adds every other booking of the focus's people, venues and vehicles from a day before
    /// the first item to a day after the last (travel buffers are at most a day). `skip` is
    /// the stored version of an item being edited, which the draft replaces; `loaded_visit` is
    /// a visit whose items are all in focus already.
    ///
    /// The people's query walks the items in that window first (an item lasts at most a week,
    /// so the window's start less a week bounds them), then each item's attendees: a window of
    /// days holds few items, where a person may have hundreds. It reads only the window's index,
    /// which holds each item's attendees (migration 0006); `INDEXED BY` keeps the planner from
    /// reading every item's row instead.
    pub fn surroundings(
        &mut self,
        conn: &Connection,
        skip: Option<&EngagementId>,
        loaded_visit: Option<&str>,
    ) -> CoreResult<()> {
        let focus = &self.slots[..self.in_focus];
        let (Some(first), Some(last)) = (focus.iter().map(|s| s.start).min(), focus.iter().map(|s| s.end).max()) else {
            return Ok(());
        };
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
            "SELECT {COLUMNS}, a.value FROM engagements e INDEXED BY engagements_window
             CROSS JOIN json_each(e.attendee_list) a CROSS JOIN visits v ON v.id = e.visit_id
             WHERE {window} AND a.value IN (SELECT value FROM json_each(?1)) AND {LIVE}"
        );
        let by_venue = format!(
            "SELECT {COLUMNS}, e.venue_id FROM {FROM}
             WHERE e.venue_id IN (SELECT value FROM json_each(?1)) AND {window} AND {LIVE}"
        );
        let by_vehicle = format!(
            "SELECT {COLUMNS}, e.vehicle_id FROM {FROM}
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
            let found = stmt.query_map(params, |r| Ok((subject(r.get(SUBJECT)?), slot(r)?)))?;
            rows.extend(found.collect::<Result<Vec<_>, _>>()?);
        }
        for (subject, slot) in rows {
            if Some(&slot.id) == skip {
                continue;
            }
            match self.places.get(&slot.id) {
                Some(&at) if at < self.in_focus => {}
                Some(&at) => self.book(subject, at),
                None => {
                    let at = self.add(slot);
                    self.book(subject, at);
                }
            }
        }
        Ok(())
    }
}

/// The items a check looks at, each with who attends it.
pub struct Focus {
    pub items: Vec<(Slot, Vec<PersonId>)>,
}

/// The live items of one visit.
pub fn of_visit(conn: &Connection, visit: &str) -> CoreResult<Focus> {
    focus(conn, "e.visit_id = ?1", [visit])
}

/// The live items starting in `[from, to)`, in any visit.
pub fn starting_between(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> CoreResult<Focus> {
    focus(conn, "e.starts_at >= ?1 AND e.starts_at < ?2", rusqlite::params![stamp(from), stamp(to)])
}

/// The items matching `filter`, each with its attendees (from the item's own list, see
/// migration 0006), less the attendees who are deleted (looked for among the few people
/// rather than joined to every attendance).
fn focus(conn: &Connection, filter: &str, params: impl rusqlite::Params) -> CoreResult<Focus> {
    let sql = format!("SELECT {COLUMNS}, e.attendee_list FROM {FROM} WHERE {filter} AND {LIVE}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut items = Vec::new();
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        let list: String = row.get(SUBJECT)?;
        let people: Vec<PersonId> = serde_json::from_str(&list)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(SUBJECT, rusqlite::types::Type::Text, e.into()))?;
        items.push((slot(row)?, people));
    }
    let people: HashSet<&str> = items.iter().flat_map(|(_, people)| people.iter().map(|p| p.as_str())).collect();
    if !people.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NOT NULL",
        )?;
        let people = serde_json::to_string(&people).unwrap_or_default();
        let deleted = stmt.query_map([people], |r| r.get::<_, PersonId>(0))?.collect::<Result<HashSet<_>, _>>()?;
        for (_, people) in &mut items {
            people.retain(|p| !deleted.contains(p));
        }
    }
    Ok(Focus { items })
}

/// Where each person stands in each visit of the focus (visit → person → presence).
pub type Presences = Map<VisitId, Map<PersonId, Presence>>;

/// The focus visits' participants: whether they come, and when they arrive and leave.
pub fn presence(conn: &Connection, loaded: &Loaded) -> CoreResult<Presences> {
    let visits: HashSet<&str> = loaded.slots[..loaded.in_focus].iter().map(|s| s.visit_id.as_str()).collect();
    let ids = serde_json::to_string(&visits).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT visit_id, person_id, rsvp, arrival_at, departure_at FROM participants
         WHERE visit_id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([ids], |r| {
        let at = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
            Ok(r.get::<_, Option<String>>(i)?.and_then(|t| parse(&t)))
        };
        let presence = Presence { rsvp: r.get::<_, Rsvp>(2)?, arrival: at(3)?, departure: at(4)? };
        Ok((r.get::<_, VisitId>(0)?, r.get::<_, PersonId>(1)?, presence))
    })?;
    let mut presences = Presences::default();
    for row in rows {
        let (visit, person, presence) = row?;
        presences.entry(visit).or_default().insert(person, presence);
    }
    Ok(presences)
}

/// A slot from the first columns of a row, in COLUMNS' order (by position: reading them by
/// name was a tenth of a check).
fn slot(r: &Row<'_>) -> rusqlite::Result<Slot> {
    let instant = |i: usize| -> rusqlite::Result<DateTime<Utc>> {
        let text: String = r.get(i)?;
        parse(&text).ok_or_else(|| rusqlite::Error::InvalidColumnName(format!("{i} is not an instant: {text}")))
    };
    Ok(Slot {
        id: r.get(0)?,
        visit_id: r.get(1)?,
        visit_title: r.get(2)?,
        time_zone: r.get(3)?,
        visit_start: r.get(4)?,
        visit_end: r.get(5)?,
        buffer: r.get(6)?,
        title: r.get(7)?,
        start: instant(8)?,
        end: instant(9)?,
        venue_id: r.get(10)?,
        vehicle_id: r.get(11)?,
    })
}

pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

pub fn stamp(at: DateTime<Utc>) -> String {
    crate::kernel::record::instant(at)
}
