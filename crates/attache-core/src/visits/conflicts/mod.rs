//! Conflicts in planning, across all visits: a person in two items at once, a venue or a
//! vehicle booked twice, too little time to travel between venues, an item outside its visit's
//! dates, an attendee who declined or is not there yet. Each conflict names both items and
//! can be acknowledged with a reason (kept in the audit log); the acknowledgement is keyed by
//! the conflict's kind, subject and items, so an unrelated edit leaves it acknowledged.

mod rules;
mod slots;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::json;
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, PersonId, VehicleId, VenueId, VisitId};
use crate::kernel::local_time;
use crate::kernel::record::now;
use crate::kernel::validate;
use crate::store::Store;
use crate::visits::engagements::EngagementInput;
use crate::visits::travel;
use rules::{Found, Rules, Slot};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum ConflictKind {
    PersonDoubleBooked,
    VenueDoubleBooked,
    VehicleDoubleBooked,
    TooLittleTravelTime,
    OutsideVisitDates,
    AttendeeDeclined,
    AttendeeNotYetArrived,
    AttendeeAlreadyLeft,
}

/// Who or what a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    Person(PersonId),
    Venue(VenueId),
    Vehicle(VehicleId),
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConflictSubject {
    /// `person`, `venue` or `vehicle`.
    pub kind: String,
    pub id: String,
    pub name: String,
    pub native_name: Option<String>,
}

/// A programme item in a conflict, with enough to name it and link to it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConflictItem {
    pub id: EngagementId,
    pub visit_id: VisitId,
    pub visit_title: String,
    pub title: String,
    pub starts_local: String,
    pub ends_local: String,
    pub time_zone: String,
    pub venue_name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledgement {
    pub reason: String,
    pub at: String,
    pub actor: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Stable while the conflict lasts: kind, subject and the two items' ids.
    pub key: String,
    pub kind: ConflictKind,
    pub subject: Option<ConflictSubject>,
    /// The earlier item (or the only one).
    pub first: ConflictItem,
    pub second: Option<ConflictItem>,
    pub minutes_available: Option<i64>,
    pub minutes_needed: Option<i64>,
    pub acknowledgement: Option<Acknowledgement>,
    /// The conflict in English, for the CLI and logs; the UI says it in the user's language.
    pub message: String,
}

/// The id a draft (an item not saved yet) carries in the conflicts found for it.
pub const DRAFT_ID: &str = "draft";

/// Every conflict of a visit's programme, with the other visits it collides with.
pub fn for_visit(conn: &Connection, visit: &VisitId) -> CoreResult<Vec<Conflict>> {
    let focus = slots::of_visit(conn, visit.as_str())?;
    check(conn, focus, Scope { editing: None, loaded_visit: Some(visit.as_str()) })
}

/// The conflicts of the items starting from now to `days` days ahead, in every visit.
pub fn ahead(conn: &Connection, days: i64) -> CoreResult<Vec<Conflict>> {
    upcoming(conn, Utc::now(), days)
}

/// The conflicts of the items starting in the next `days` days from `from`, in every visit.
pub fn upcoming(conn: &Connection, from: DateTime<Utc>, days: i64) -> CoreResult<Vec<Conflict>> {
    let focus = slots::starting_between(conn, from, from + Duration::days(days))?;
    check(conn, focus, Scope::default())
}

/// The conflicts an item would have if saved as `draft` (`editing` is its id when it exists),
/// so a form can show them while the user types. Refuses what the form would refuse.
pub fn for_draft(
    conn: &Connection,
    draft: &EngagementInput,
    editing: Option<&EngagementId>,
) -> CoreResult<Vec<Conflict>> {
    let visit = crate::visits::get(conn, &draft.visit_id)?;
    let zone = local_time::zone_or_utc(&visit.time_zone);
    let start = validate::local_date_time("startsLocal", "Start", &draft.starts_local)?;
    let end = validate::local_date_time("endsLocal", "End", &draft.ends_local)?;
    let instant = |field, at| -> CoreResult<DateTime<Utc>> {
        slots::parse(&local_time::to_utc(field, zone, at)?)
            .ok_or_else(|| CoreError::invalid(field, Reason::NotADateTime, "not a time"))
    };
    let (start, end) = (instant("startsLocal", start)?, instant("endsLocal", end)?);
    if end <= start {
        return Ok(Vec::new());
    }
    let id = editing.cloned().unwrap_or_else(|| EngagementId::from(DRAFT_ID));
    let slot = Slot {
        id: id.clone(),
        visit_id: visit.id.clone(),
        visit_title: visit.title.clone(),
        time_zone: visit.time_zone.clone(),
        visit_start: visit.start_date.clone(),
        visit_end: visit.end_date.clone(),
        buffer: visit.travel_buffer_minutes,
        title: draft.title.clone(),
        start,
        end,
        venue_id: draft.venue_id.clone(),
        vehicle_id: draft.vehicle_id.clone(),
    };
    let focus = slots::Focus { items: vec![(slot, draft.attendee_ids.clone())] };
    check(conn, focus, Scope { editing, loaded_visit: None })
}

/// Acknowledges a conflict: the office knows and accepts it. The reason is required.
pub fn acknowledge(store: &mut Store, key: &str, reason: &str) -> CoreResult<()> {
    validate::required("reason", "Reason", reason)?;
    store.write(|w| {
        let at = now();
        w.execute(
            "INSERT INTO conflict_acknowledgements (key, reason, acknowledged_at, actor) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET reason = excluded.reason, acknowledged_at = excluded.acknowledged_at,
             actor = excluded.actor",
            rusqlite::params![key, reason, at, w.actor],
        )?;
        note(w, key, "create", json!({ "reason": { "before": null, "after": reason } }))
    })
}

/// Takes an acknowledgement back: the conflict counts again.
pub fn unacknowledge(store: &mut Store, key: &str) -> CoreResult<()> {
    store.write(|w| {
        let reason: Option<String> =
            w.query_row("SELECT reason FROM conflict_acknowledgements WHERE key = ?1", [key], |r| r.get(0)).ok();
        let Some(reason) = reason else { return Ok(()) };
        w.execute("DELETE FROM conflict_acknowledgements WHERE key = ?1", [key])?;
        note(w, key, "delete", json!({ "reason": { "before": reason, "after": null } }))
    })
}

/// How many of the conflicts are neither resolved nor acknowledged.
pub fn unacknowledged(conflicts: &[Conflict]) -> usize {
    conflicts.iter().filter(|c| c.acknowledgement.is_none()).count()
}

/// Acknowledgements are not records with versions: the audit log keeps them under `conflict`.
fn note(w: &crate::store::Writer<'_>, key: &str, operation: &str, changes: serde_json::Value) -> CoreResult<()> {
    w.execute(
        "INSERT INTO audit_log (at, actor, record_kind, record_id, operation, changes) VALUES (?1, ?2, 'conflict', ?3, ?4, ?5)",
        rusqlite::params![now(), w.actor, key, operation, changes.to_string()],
    )?;
    Ok(())
}

/// What a check already holds: the item being edited (its stored self is replaced by the
/// draft), or a visit whose every item is in focus (so its items need no second look-up).
#[derive(Default)]
struct Scope<'a> {
    editing: Option<&'a EngagementId>,
    loaded_visit: Option<&'a str>,
}

fn check(conn: &Connection, focus: slots::Focus, scope: Scope<'_>) -> CoreResult<Vec<Conflict>> {
    let mut loaded = slots::Loaded::default();
    loaded.focus_on(focus);
    loaded.surroundings(conn, scope.editing, scope.loaded_visit)?;
    let venues: HashSet<&VenueId> = loaded.slots.iter().filter_map(|s| s.venue_id.as_ref()).collect();
    let travel = travel::among(conn, &venues)?;
    let presence = slots::presence(conn, &loaded)?;
    let rules = Rules {
        slots: &loaded.slots,
        in_focus: loaded.in_focus,
        bookings: &loaded.bookings,
        travel: &travel,
        attendees: &loaded.attendees,
        presence: &presence,
    };
    let found = rules.run();
    describe(conn, &loaded.slots, found)
}

/// Names the subjects and items and looks up acknowledgements.
fn describe(conn: &Connection, slots: &[Slot], found: Vec<Found>) -> CoreResult<Vec<Conflict>> {
    let people: HashSet<&str> = found
        .iter()
        .filter_map(|f| match &f.subject {
            Some(Subject::Person(p)) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    let names = person_names(conn, &people)?;
    let involved = || found.iter().flat_map(|f| std::iter::once(f.first).chain(f.second));
    let venues: HashSet<&str> = involved().filter_map(|at| slots[at].venue_id.as_ref()).map(|v| v.as_str()).collect();
    let vehicles: HashSet<&str> = found
        .iter()
        .filter_map(|f| match &f.subject {
            Some(Subject::Vehicle(v)) => Some(v.as_str()),
            _ => None,
        })
        .collect();
    let labels = Labels {
        venues: labels(conn, "SELECT id, name FROM venues WHERE id IN (SELECT value FROM json_each(?1))", &venues)?,
        vehicles: labels(
            conn,
            "SELECT id, label FROM vehicles WHERE id IN (SELECT value FROM json_each(?1))",
            &vehicles,
        )?,
    };
    let keys: Vec<String> = found.iter().map(|f| key(f, slots)).collect();
    let acks = acknowledgements(conn, &keys)?;
    // An item is in many conflicts of a busy programme: it is described once.
    let mut items: HashMap<usize, ConflictItem> = HashMap::new();
    for at in involved() {
        items.entry(at).or_insert_with(|| item(&slots[at], &labels));
    }
    let mut conflicts: Vec<Conflict> = found
        .iter()
        .zip(keys)
        .map(|(f, key)| {
            let subject = f.subject.as_ref().map(|s| subject(s, &names, &labels));
            let mut conflict = Conflict {
                acknowledgement: acks.get(&key).cloned(),
                key,
                kind: f.kind,
                first: items[&f.first].clone(),
                second: f.second.map(|at| items[&at].clone()),
                minutes_available: f.minutes_available,
                minutes_needed: f.minutes_needed,
                message: String::new(),
                subject,
            };
            conflict.message = message(&conflict);
            conflict
        })
        .collect();
    conflicts.sort_by(|a, b| {
        (&a.first.starts_local, &a.first.id, a.kind as u8, &a.key).cmp(&(
            &b.first.starts_local,
            &b.first.id,
            b.kind as u8,
            &b.key,
        ))
    });
    Ok(conflicts)
}

fn key(f: &Found, slots: &[Slot]) -> String {
    let kind = format!("{:?}", f.kind);
    let kind = kind[..1].to_lowercase() + &kind[1..];
    let subject = match &f.subject {
        Some(Subject::Person(id)) => format!("person/{id}"),
        Some(Subject::Venue(id)) => format!("venue/{id}"),
        Some(Subject::Vehicle(id)) => format!("vehicle/{id}"),
        None => "-".into(),
    };
    let mut items = [slots[f.first].id.as_str(), f.second.map_or("-", |at| slots[at].id.as_str())];
    if f.second.is_some() {
        items.sort();
    }
    format!("{kind}:{subject}:{}:{}", items[0], items[1])
}

/// The names of the venues and vehicles in the conflicts found, looked up once for all.
struct Labels {
    venues: HashMap<String, String>,
    vehicles: HashMap<String, String>,
}

fn subject(s: &Subject, names: &HashMap<String, (String, Option<String>)>, labels: &Labels) -> ConflictSubject {
    let (kind, id, name, native_name) = match s {
        Subject::Person(id) => {
            let (name, native) = names.get(id.as_str()).cloned().unwrap_or_default();
            ("person", id.as_str(), name, native)
        }
        Subject::Venue(id) => ("venue", id.as_str(), labels.venues.get(id.as_str()).cloned().unwrap_or_default(), None),
        Subject::Vehicle(id) => {
            ("vehicle", id.as_str(), labels.vehicles.get(id.as_str()).cloned().unwrap_or_default(), None)
        }
    };
    ConflictSubject { kind: kind.into(), id: id.into(), name, native_name }
}

fn item(slot: &Slot, labels: &Labels) -> ConflictItem {
    let zone = local_time::zone_or_utc(&slot.time_zone);
    ConflictItem {
        id: slot.id.clone(),
        visit_id: slot.visit_id.clone(),
        visit_title: slot.visit_title.clone(),
        title: slot.title.clone(),
        starts_local: local_time::instant_to_local(zone, slot.start),
        ends_local: local_time::instant_to_local(zone, slot.end),
        time_zone: slot.time_zone.clone(),
        venue_name: slot.venue_id.as_ref().and_then(|v| labels.venues.get(v.as_str()).cloned()),
    }
}

fn message(c: &Conflict) -> String {
    let who = c.subject.as_ref().map_or(String::new(), |s| s.name.clone());
    let first = format!("“{}” ({})", c.first.title, c.first.starts_local.replace('T', " "));
    let second =
        c.second.as_ref().map_or(String::new(), |s| format!("“{}” ({})", s.title, s.starts_local.replace('T', " ")));
    match c.kind {
        ConflictKind::PersonDoubleBooked => format!("{who} is in {first} and {second} at the same time"),
        ConflictKind::VenueDoubleBooked => format!("{who} is booked for {first} and {second} at the same time"),
        ConflictKind::VehicleDoubleBooked => format!("{who} is needed for {first} and {second} at the same time"),
        ConflictKind::TooLittleTravelTime => format!(
            "{who} has {} min to get from {first} to {second}; the trip takes {} min",
            c.minutes_available.unwrap_or_default(),
            c.minutes_needed.unwrap_or_default()
        ),
        ConflictKind::OutsideVisitDates => format!("{first} is outside the dates of “{}”", c.first.visit_title),
        ConflictKind::AttendeeDeclined => format!("{who} declined the visit but attends {first}"),
        ConflictKind::AttendeeNotYetArrived => format!("{who} arrives after {first} starts"),
        ConflictKind::AttendeeAlreadyLeft => format!("{who} leaves before {first} ends"),
    }
}

fn person_names(conn: &Connection, ids: &HashSet<&str>) -> CoreResult<HashMap<String, (String, Option<String>)>> {
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let sql = concat!(
        "SELECT p.id, ",
        crate::person_name_sql!("p"),
        ", p.native_name FROM people p WHERE p.id IN (SELECT value FROM json_each(?1))"
    );
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn labels(conn: &Connection, sql: &str, ids: &HashSet<&str>) -> CoreResult<HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn acknowledgements(conn: &Connection, keys: &[String]) -> CoreResult<HashMap<String, Acknowledgement>> {
    let keys = serde_json::to_string(keys).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT key, reason, acknowledged_at, actor FROM conflict_acknowledgements WHERE key IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([keys], |r| {
        Ok((r.get(0)?, Acknowledgement { reason: r.get(1)?, at: r.get(2)?, actor: r.get(3)? }))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
