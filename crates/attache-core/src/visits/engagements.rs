//! Engagements: the items of a visit's programme, hour by hour.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, PersonId, VehicleId, VenueId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::local_time;
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};
use crate::visits::Shift;

text_enum!(EngagementKind {
    Meeting = "meeting",
    SiteVisit = "site_visit",
    Meal = "meal",
    Ceremony = "ceremony",
    Signing = "signing",
    Transfer = "transfer",
    Press = "press",
    FreeTime = "free_time",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EngagementInput {
    pub visit_id: VisitId,
    pub title: String,
    pub kind: EngagementKind,
    /// Wall-clock `YYYY-MM-DDTHH:MM` in the visit's time zone.
    pub starts_local: String,
    pub ends_local: String,
    pub venue_id: Option<VenueId>,
    pub responsible_person_id: Option<PersonId>,
    pub vehicle_id: Option<VehicleId>,
    pub security_notes: Option<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub attendee_ids: Vec<PersonId>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Engagement {
    pub id: EngagementId,
    pub visit_id: VisitId,
    pub visit_title: String,
    pub title: String,
    pub kind: EngagementKind,
    pub starts_at: String,
    pub ends_at: String,
    pub starts_local: String,
    pub ends_local: String,
    pub time_zone: String,
    pub venue_id: Option<VenueId>,
    pub venue_name: Option<String>,
    pub venue_deleted: bool,
    pub responsible_person_id: Option<PersonId>,
    pub responsible_person_name: Option<String>,
    pub responsible_person_native_name: Option<String>,
    pub responsible_person_deleted: bool,
    pub vehicle_id: Option<VehicleId>,
    pub vehicle_label: Option<String>,
    pub vehicle_deleted: bool,
    /// Its visit is deleted: hidden from default lists, shown marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub security_notes: Option<String>,
    pub notes: Option<String>,
    pub attendee_ids: Vec<PersonId>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct EngagementQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub visit_id: Option<VisitId>,
    pub venue_id: Option<VenueId>,
    /// Only items starting at or after this UTC instant.
    pub starts_from: Option<String>,
    /// Only items starting before this UTC instant.
    pub starts_before: Option<String>,
}

const COLUMNS: &str = concat!(
    "e.id, e.visit_id, v.title AS visit_title, v.time_zone, e.title, e.kind, e.starts_at, e.ends_at,
    e.venue_id, ve.name AS venue_name, ve.deleted_at IS NOT NULL AS venue_deleted, e.responsible_person_id,
    ",
    person_name_sql!("p"),
    " AS responsible_person_name, p.native_name AS responsible_person_native_name, p.deleted_at IS NOT NULL AS responsible_person_deleted,
    e.vehicle_id, vh.label AS vehicle_label, vh.deleted_at IS NOT NULL AS vehicle_deleted, v.deleted_at IS NOT NULL AS belongs_to_deleted,
    e.security_notes, e.notes, e.attendee_list, e.created_at, e.updated_at, e.deleted_at"
);
const FROM: &str = "engagements e JOIN visits v ON v.id = e.visit_id LEFT JOIN venues ve ON ve.id = e.venue_id
    LEFT JOIN people p ON p.id = e.responsible_person_id LEFT JOIN vehicles vh ON vh.id = e.vehicle_id";
/// The owner rule (see the crate docs): a programme item goes with its visit. Put as "not one
/// of the few deleted visits" so that counting a month's items reads no visit (a calendar month
/// of a large store: 1,600 look-ups).
const LIVE_OWNERS: &str = "e.visit_id NOT IN (SELECT id FROM visits WHERE deleted_at IS NOT NULL)";
const SOURCE: Source = Source { from: FROM, count_from: "engagements e" };
const SORTS: &[(&str, &str)] = &[("startsAt", "e.starts_at"), ("title", "e.title COLLATE NOCASE"), ("kind", "e.kind")];

/// The longest a programme item can last. Longer is a typing error (a wrong month or year),
/// and the conflict checks rely on it to look only a week back for what overlaps.
pub const MAX_DAYS: i64 = 7;

pub fn create(store: &mut Store, input: EngagementInput) -> CoreResult<Engagement> {
    store.write(|w| insert(w, EngagementId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: EngagementId, input: EngagementInput) -> CoreResult<Engagement> {
    let refs = References::new(w);
    let (i, starts_at, ends_at) = validated(w, input, &refs)?;
    w.execute(
        "INSERT INTO engagements (id, visit_id, title, kind, starts_at, ends_at, venue_id, responsible_person_id,
         vehicle_id, security_notes, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        rusqlite::params![
            id,
            i.visit_id,
            i.title,
            i.kind,
            starts_at,
            ends_at,
            i.venue_id,
            i.responsible_person_id,
            i.vehicle_id,
            i.security_notes,
            i.notes,
            now()
        ],
    )?;
    set_attendees(w, &id, &i.attendee_ids, &refs)?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Engagement, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &EngagementId, input: EngagementInput) -> CoreResult<Engagement> {
    store.write(|w| change(w, id, input))
}

/// Updates the record inside an open write (a calendar import changes many in one).
pub fn change(w: &Writer<'_>, id: &EngagementId, input: EngagementInput) -> CoreResult<Engagement> {
    let before = get(w, id)?;
    let snapshot = audit::snapshot(w, RecordKind::Engagement, id.as_str())?;
    record::refuse_deleted(RecordKind::Engagement, &before.deleted_at)?;
    let mut kept = vec![before.visit_id.as_str()];
    kept.extend(before.venue_id.as_ref().map(|v| v.as_str()));
    kept.extend(before.responsible_person_id.as_ref().map(|p| p.as_str()));
    kept.extend(before.vehicle_id.as_ref().map(|v| v.as_str()));
    kept.extend(before.attendee_ids.iter().map(|p| p.as_str()));
    let refs = References::keeping(w, kept);
    let (i, starts_at, ends_at) = validated(w, input, &refs)?;
    w.execute(
        "UPDATE engagements SET visit_id = ?2, title = ?3, kind = ?4, starts_at = ?5, ends_at = ?6, venue_id = ?7,
         responsible_person_id = ?8, vehicle_id = ?9, security_notes = ?10, notes = ?11, updated_at = ?12 WHERE id = ?1",
        rusqlite::params![
            id, i.visit_id, i.title, i.kind, starts_at, ends_at, i.venue_id, i.responsible_person_id, i.vehicle_id,
            i.security_notes, i.notes, now()
        ],
    )?;
    set_attendees(w, id, &i.attendee_ids, &refs)?;
    audit::changed(w, RecordKind::Engagement, id.as_str(), Some(snapshot))?;
    get(w, id)
}

pub fn delete(store: &mut Store, id: &EngagementId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Engagement, id.as_str()))
}

pub fn restore(store: &mut Store, id: &EngagementId) -> CoreResult<Engagement> {
    store.write(|w| {
        record::restore(w, RecordKind::Engagement, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &EngagementId) -> CoreResult<Engagement> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE e.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "engagement", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &EngagementQuery) -> CoreResult<Page<Engagement>> {
    let mut select = Select::new("e", &query.list);
    select
        .filter("e.visit_id = ?", query.visit_id.clone().map(|v| v.0))
        .filter("e.venue_id = ?", query.venue_id.clone().map(|v| v.0))
        .filter("e.starts_at >= ?", query.starts_from.clone())
        .filter("e.starts_at < ?", query.starts_before.clone())
        .search(&["e.title", "iif(ve.deleted_at IS NULL, ve.name, NULL)"], query.list.search.as_deref());
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    let order = order_by(&query.list, SORTS, "e.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

/// Keeps the clock times of a visit's programme when the visit changes zone or moves its dates.
pub(crate) fn reschedule(w: &Writer<'_>, visit: &VisitId, shift: Shift) -> CoreResult<()> {
    let items: Vec<(EngagementId, String, String, bool)> = w
        .prepare("SELECT id, starts_at, ends_at, deleted_at IS NULL FROM engagements WHERE visit_id = ?1")?
        .query_map([visit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (id, starts_at, ends_at, live) in items {
        let shift = if live { shift } else { shift.for_hidden() };
        let snapshot = audit::snapshot(w, RecordKind::Engagement, id.as_str())?;
        w.execute(
            "UPDATE engagements SET starts_at = ?2, ends_at = ?3, updated_at = ?4 WHERE id = ?1",
            rusqlite::params![id, shift.apply(&starts_at)?, shift.apply(&ends_at)?, now()],
        )?;
        audit::changed(w, RecordKind::Engagement, id.as_str(), Some(snapshot))?;
    }
    Ok(())
}

/// The input that would save the item as it is.
/// Refuses `item` unless it is a programme item of `visit`: a gift given at it, a document
/// printed for it, must be of the same visit. The error names `engagementId`.
pub fn refuse_other_visit(conn: &Connection, item: &EngagementId, visit: &VisitId) -> CoreResult<()> {
    let owner: Option<VisitId> = conn
        .prepare_cached("SELECT visit_id FROM engagements WHERE id = ?1")?
        .query_row([item], |r| r.get(0))
        .optional()?;
    if owner.as_ref() != Some(visit) {
        return Err(CoreError::invalid(
            "engagementId",
            Reason::ChosenMissing { record: RecordKind::Engagement },
            "the programme item is not of this visit",
        ));
    }
    Ok(())
}

pub fn as_input(e: &Engagement) -> EngagementInput {
    EngagementInput {
        visit_id: e.visit_id.clone(),
        title: e.title.clone(),
        kind: e.kind,
        starts_local: e.starts_local.clone(),
        ends_local: e.ends_local.clone(),
        venue_id: e.venue_id.clone(),
        responsible_person_id: e.responsible_person_id.clone(),
        vehicle_id: e.vehicle_id.clone(),
        security_notes: e.security_notes.clone(),
        notes: e.notes.clone(),
        attendee_ids: e.attendee_ids.clone(),
    }
}

fn set_attendees(w: &Writer<'_>, id: &EngagementId, people: &[PersonId], refs: &References<'_>) -> CoreResult<()> {
    w.execute("DELETE FROM engagement_attendees WHERE engagement_id = ?1", [id])?;
    let at = now();
    for person in people {
        refs.check(RecordKind::Person, person, "attendeeIds")?;
        w.execute(
            "INSERT OR IGNORE INTO engagement_attendees (engagement_id, person_id, created_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, person, at],
        )?;
    }
    Ok(())
}

/// Checks the input and turns its wall-clock times into UTC instants in the visit's zone.
fn validated(
    w: &Writer<'_>,
    input: EngagementInput,
    refs: &References<'_>,
) -> CoreResult<(EngagementInput, String, String)> {
    refs.check(RecordKind::Visit, &input.visit_id, "visitId")?;
    validate::required("title", "Title", &input.title)?;
    let zone = crate::visits::time_zone(w, &input.visit_id)?;
    let start = validate::local_date_time("startsLocal", "Start", &input.starts_local)?;
    let end = validate::local_date_time("endsLocal", "End", &input.ends_local)?;
    if end < start {
        return Err(CoreError::invalid("endsLocal", Reason::BeforeStart, "End is before the start"));
    }
    if end == start {
        return Err(CoreError::invalid("endsLocal", Reason::NoDuration, "End is the same as the start"));
    }
    if end - start > chrono::Duration::days(MAX_DAYS) {
        let message = format!("A programme item lasts at most {MAX_DAYS} days");
        return Err(CoreError::invalid("endsLocal", Reason::SpanTooLong { days: MAX_DAYS as u32 }, message));
    }
    let starts_at = local_time::to_utc("startsLocal", zone, start)?;
    let ends_at = local_time::to_utc("endsLocal", zone, end)?;
    refs.check_opt(RecordKind::Venue, input.venue_id.as_ref(), "venueId")?;
    refs.check_opt(RecordKind::Person, input.responsible_person_id.as_ref(), "responsiblePersonId")?;
    refs.check_opt(RecordKind::Vehicle, input.vehicle_id.as_ref(), "vehicleId")?;
    let input = EngagementInput {
        security_notes: validate::text("securityNotes", "Security notes", input.security_notes)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    };
    Ok((input, starts_at, ends_at))
}

/// The names of COLUMNS, in order: `from_row` reads by position (by name, a calendar month's
/// 500 items spent a quarter of their time finding columns), and a test holds the two together.
const NAMES: [&str; 25] = [
    "id",
    "visit_id",
    "visit_title",
    "time_zone",
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "venue_id",
    "venue_name",
    "venue_deleted",
    "responsible_person_id",
    "responsible_person_name",
    "responsible_person_native_name",
    "responsible_person_deleted",
    "vehicle_id",
    "vehicle_label",
    "vehicle_deleted",
    "belongs_to_deleted",
    "security_notes",
    "notes",
    "attendee_list",
    "created_at",
    "updated_at",
    "deleted_at",
];

/// The place of a column in COLUMNS, found when compiling.
macro_rules! col {
    ($name:literal) => {{
        const AT: usize = crate::kernel::listing::column_at(&NAMES, $name);
        AT
    }};
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Engagement> {
    let time_zone: String = row.get(col!("time_zone"))?;
    let zone = local_time::zone_or_utc(&time_zone);
    let starts_at: String = row.get(col!("starts_at"))?;
    let ends_at: String = row.get(col!("ends_at"))?;
    let list: String = row.get(col!("attendee_list"))?;
    // The item's attendees, from the list its row keeps (migration 0006), in the order added.
    let attendee_ids = serde_json::from_str(&list).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col!("attendee_list"), rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Engagement {
        id: row.get(col!("id"))?,
        visit_id: row.get(col!("visit_id"))?,
        visit_title: row.get(col!("visit_title"))?,
        title: row.get(col!("title"))?,
        kind: row.get(col!("kind"))?,
        starts_local: local_time::to_local(zone, &starts_at),
        ends_local: local_time::to_local(zone, &ends_at),
        starts_at,
        ends_at,
        time_zone,
        venue_id: row.get(col!("venue_id"))?,
        venue_name: row.get(col!("venue_name"))?,
        venue_deleted: row.get(col!("venue_deleted"))?,
        responsible_person_id: row.get(col!("responsible_person_id"))?,
        responsible_person_name: row.get(col!("responsible_person_name"))?,
        responsible_person_native_name: row.get(col!("responsible_person_native_name"))?,
        responsible_person_deleted: row.get(col!("responsible_person_deleted"))?,
        vehicle_id: row.get(col!("vehicle_id"))?,
        vehicle_label: row.get(col!("vehicle_label"))?,
        vehicle_deleted: row.get(col!("vehicle_deleted"))?,
        belongs_to_deleted: row.get(col!("belongs_to_deleted"))?,
        security_notes: row.get(col!("security_notes"))?,
        notes: row.get(col!("notes"))?,
        attendee_ids,
        created_at: row.get(col!("created_at"))?,
        updated_at: row.get(col!("updated_at"))?,
        deleted_at: row.get(col!("deleted_at"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_columns_are_read_where_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        let stmt = store.conn().prepare(&format!("SELECT {COLUMNS} FROM {FROM}")).unwrap();
        assert_eq!(stmt.column_names().collect::<Vec<_>>(), NAMES);
    }
}
