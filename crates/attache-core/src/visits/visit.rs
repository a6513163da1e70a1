//! Visits: an incoming or outgoing delegation, or a hosted event, with its dates and time zone.

use std::str::FromStr;

use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{OrganizationId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::local_time;
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::store::{Store, Writer};

text_enum!(VisitDirection { Incoming = "incoming", Outgoing = "outgoing", Hosted = "hosted" });

text_enum!(VisitStatus {
    Draft = "draft",
    Planned = "planned",
    Confirmed = "confirmed",
    InProgress = "in_progress",
    Completed = "completed",
    Cancelled = "cancelled",
});

text_enum!(SecurityLevel { Standard = "standard", Elevated = "elevated", High = "high" });

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisitInput {
    pub title: String,
    pub direction: VisitDirection,
    pub status: VisitStatus,
    pub host_organization_id: Option<OrganizationId>,
    pub guest_organization_id: Option<OrganizationId>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// IANA name; the programme is shown in this zone's local time.
    pub time_zone: String,
    pub start_date: String,
    pub end_date: String,
    /// Only the month or the span is known (a report says "in November 2025"): the dates hold
    /// that span, and the programme is not laid out day by day.
    #[serde(default)]
    pub exact_dates_unknown: bool,
    pub objectives: Option<String>,
    pub security_level: SecurityLevel,
    pub security_notes: Option<String>,
    pub outcome_summary: Option<String>,
    /// No outcome summary is to be written (said on purpose): the visit may be completed without.
    #[serde(default)]
    pub outcome_waived: bool,
    /// Minutes its people need between items at two different venues (unless the pair of
    /// venues has its own travel time); the conflict checks use it.
    pub travel_buffer_minutes: i64,
    /// Not stored: when the start date moves, move the programme (and arrivals and departures)
    /// by the same number of days, keeping their clock times. The UI asks the user first.
    #[serde(default)]
    pub move_programme: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    pub id: VisitId,
    pub title: String,
    pub direction: VisitDirection,
    pub status: VisitStatus,
    pub host_organization_id: Option<OrganizationId>,
    pub host_organization_name: Option<String>,
    pub host_organization_deleted: bool,
    pub guest_organization_id: Option<OrganizationId>,
    pub guest_organization_name: Option<String>,
    pub guest_organization_deleted: bool,
    pub city: Option<String>,
    pub country: Option<String>,
    pub time_zone: String,
    pub start_date: String,
    pub end_date: String,
    pub exact_dates_unknown: bool,
    pub objectives: Option<String>,
    pub security_level: SecurityLevel,
    pub security_notes: Option<String>,
    pub outcome_summary: Option<String>,
    pub outcome_waived: bool,
    pub travel_buffer_minutes: i64,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct VisitQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub status: Option<VisitStatus>,
    pub direction: Option<VisitDirection>,
    pub organization_id: Option<OrganizationId>,
    /// Only visits ending on or after this date (`YYYY-MM-DD`): "upcoming and current".
    pub ends_from: Option<String>,
    /// Only visits that ended before this date: "recent", with a descending sort.
    pub ends_before: Option<String>,
    /// Only visits starting before this date: with `ends_from`, the visits a calendar's
    /// month or week overlaps.
    pub starts_before: Option<String>,
}

const COLUMNS: &str = "v.id, v.title, v.direction, v.status, v.host_organization_id, h.name AS host_organization_name,
    h.deleted_at IS NOT NULL AS host_organization_deleted, v.guest_organization_id,
    g.name AS guest_organization_name, g.deleted_at IS NOT NULL AS guest_organization_deleted, v.city, v.country,
    v.time_zone, v.start_date, v.end_date, v.exact_dates_unknown, v.objectives, v.security_level, v.security_notes, v.outcome_summary, v.outcome_waived, v.travel_buffer_minutes, v.created_at, v.updated_at,
    v.deleted_at";
const FROM: &str = "visits v LEFT JOIN organizations h ON h.id = v.host_organization_id
    LEFT JOIN organizations g ON g.id = v.guest_organization_id";
const SOURCE: Source = Source { from: FROM, count_from: "visits v" };
/// Visits an organization hosts or sends. Written as one rowid set from the two partial indexes:
/// SQLite answers an OR of the two columns by walking every visit.
const BY_ORGANIZATION_LIVE: &str = "v.rowid IN
    (SELECT rowid FROM visits WHERE deleted_at IS NULL AND host_organization_id = ?
     UNION SELECT rowid FROM visits WHERE deleted_at IS NULL AND guest_organization_id = ?)";
const BY_ORGANIZATION_ANY: &str = "(v.host_organization_id = ? OR v.guest_organization_id = ?)";
const SORTS: &[(&str, &str)] = &[
    ("startDate", "v.start_date"),
    ("title", "v.title COLLATE NOCASE"),
    ("status", "v.status"),
    ("city", "v.city COLLATE NOCASE"),
    ("updatedAt", "v.updated_at"),
];

pub fn create(store: &mut Store, input: VisitInput) -> CoreResult<Visit> {
    crate::visits::workflow::check_new(input.status)?;
    store.write(|w| insert(w, VisitId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: VisitId, input: VisitInput) -> CoreResult<Visit> {
    let i = validated(input, &References::new(w))?;
    w.execute(
        "INSERT INTO visits (id, title, direction, status, host_organization_id, guest_organization_id, city, country,
         time_zone, start_date, end_date, objectives, security_level, security_notes, outcome_summary, created_at, updated_at,
         exact_dates_unknown, travel_buffer_minutes, outcome_waived)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19)",
        rusqlite::params![
            id, i.title, i.direction, i.status, i.host_organization_id, i.guest_organization_id, i.city, i.country,
            i.time_zone, i.start_date, i.end_date, i.objectives, i.security_level, i.security_notes, i.outcome_summary, now(),
            i.exact_dates_unknown,
            i.travel_buffer_minutes,
            i.outcome_waived
        ],
    )?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Visit, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &VisitId, input: VisitInput) -> CoreResult<Visit> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Visit, id.as_str())?;
        record::refuse_deleted(RecordKind::Visit, &before.deleted_at)?;
        let kept = [&before.host_organization_id, &before.guest_organization_id];
        let i = validated(input, &References::keeping(w, kept.into_iter().flatten()))?;
        crate::visits::workflow::check_step(w, id, before.status, i.status)?;
        if before.status != i.status {
            crate::visits::workflow::check_outcome(&i)?;
        }
        w.execute(
            "UPDATE visits SET title = ?2, direction = ?3, status = ?4, host_organization_id = ?5,
             guest_organization_id = ?6, city = ?7, country = ?8, time_zone = ?9, start_date = ?10, end_date = ?11,
             objectives = ?12, security_level = ?13, security_notes = ?14, outcome_summary = ?15, updated_at = ?16,
             exact_dates_unknown = ?17, travel_buffer_minutes = ?18, outcome_waived = ?19
             WHERE id = ?1",
            rusqlite::params![
                id,
                i.title,
                i.direction,
                i.status,
                i.host_organization_id,
                i.guest_organization_id,
                i.city,
                i.country,
                i.time_zone,
                i.start_date,
                i.end_date,
                i.objectives,
                i.security_level,
                i.security_notes,
                i.outcome_summary,
                now(),
                i.exact_dates_unknown,
                i.travel_buffer_minutes,
                i.outcome_waived
            ],
        )?;
        let days = if i.move_programme { days_between(&before.start_date, &i.start_date) } else { 0 };
        if before.time_zone != i.time_zone || days != 0 {
            // The programme was planned in local time: it keeps its clock times in the new zone,
            // and on the new dates when the user chose to move it with the visit.
            let shift = Shift { from: local_time::zone_or_utc(&before.time_zone), to: time_zone(w, id)?, days };
            crate::visits::engagements::reschedule(w, id, shift)?;
            crate::visits::participants::reschedule(w, id, shift)?;
        }
        audit::changed(w, RecordKind::Visit, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

/// How a visit's programme moves when the visit changes: from one zone to another (or the same)
/// and by a number of days, in wall-clock time.
#[derive(Debug, Clone, Copy)]
pub struct Shift {
    pub from: Tz,
    pub to: Tz,
    pub days: i64,
}

impl Shift {
    /// The stored instant `utc` moved: same clock time, `days` later, in the new zone. A time
    /// that does not exist there (the clocks skip it) is refused on the field that moved it.
    pub fn apply(&self, utc: &str) -> CoreResult<String> {
        let field = if self.days != 0 { "startDate" } else { "timeZone" };
        local_time::reschedule(field, self.from, self.to, self.days, utc)
    }

    /// The shift for a record that is deleted or hidden with its owner: it keeps its clock
    /// times in a new zone like every record, but not a move of dates, which the user was
    /// asked about for the programme they could see (a restored item comes back on its day).
    pub fn for_hidden(self) -> Shift {
        Shift { days: 0, ..self }
    }
}

/// Half an hour between venues, unless the office says otherwise for a visit or a pair.
pub const DEFAULT_TRAVEL_BUFFER: i64 = 30;

fn days_between(from: &str, to: &str) -> i64 {
    match (from.parse::<chrono::NaiveDate>(), to.parse::<chrono::NaiveDate>()) {
        (Ok(from), Ok(to)) => (to - from).num_days(),
        _ => 0,
    }
}

/// The time zone a visit is planned in.
pub fn time_zone(conn: &Connection, id: &VisitId) -> CoreResult<Tz> {
    let name: String = conn.query_row("SELECT time_zone FROM visits WHERE id = ?1", [id], |r| r.get(0))?;
    Tz::from_str(&name).map_err(|_| {
        CoreError::invalid(
            "visitId",
            Reason::NotATimeZone { value: name.clone() },
            format!("the visit's time zone {name} is unknown"),
        )
    })
}

pub fn delete(store: &mut Store, id: &VisitId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Visit, id.as_str()))
}

pub fn restore(store: &mut Store, id: &VisitId) -> CoreResult<Visit> {
    store.write(|w| {
        record::restore(w, RecordKind::Visit, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &VisitId) -> CoreResult<Visit> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE v.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "visit", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &VisitQuery) -> CoreResult<Page<Visit>> {
    let mut select = Select::new("v", &query.list);
    select
        .filter("v.status = ?", query.status)
        .filter("v.direction = ?", query.direction)
        .filter("v.end_date >= ?", query.ends_from.clone())
        // "Recent" lists are short and sorted by start date: the unary + keeps SQLite from taking
        // the end-date index (which would sort every past visit) instead of walking start dates.
        .filter("+v.end_date < ?", query.ends_before.clone())
        .filter("v.start_date < ?", query.starts_before.clone())
        // Never through a deleted organization's name.
        .search(
            &[
                "v.title",
                "v.city",
                "iif(h.deleted_at IS NULL, h.name, NULL)",
                "iif(g.deleted_at IS NULL, g.name, NULL)",
            ],
            query.list.search.as_deref(),
        )
        .filter(
            if query.list.include_deleted { BY_ORGANIZATION_ANY } else { BY_ORGANIZATION_LIVE },
            query.organization_id.clone().map(|o| o.0),
        );
    let order = order_by(&query.list, SORTS, "v.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

fn validated(input: VisitInput, refs: &References<'_>) -> CoreResult<VisitInput> {
    validate::required("title", "Title", &input.title)?;
    validate::time_zone("timeZone", &input.time_zone)?;
    let start = validate::date("startDate", "Start date", &input.start_date)?;
    let end = validate::date("endDate", "End date", &input.end_date)?;
    if end < start {
        return Err(CoreError::invalid("endDate", Reason::BeforeStart, "End date is before the start date"));
    }
    refs.check_opt(RecordKind::Organization, input.host_organization_id.as_ref(), "hostOrganizationId")?;
    refs.check_opt(RecordKind::Organization, input.guest_organization_id.as_ref(), "guestOrganizationId")?;
    Ok(VisitInput {
        time_zone: input.time_zone.trim().to_owned(),
        start_date: start.to_string(),
        end_date: end.to_string(),
        city: validate::line("city", "City", input.city)?,
        country: validate::country("country", input.country)?,
        objectives: validate::text("objectives", "Objectives", input.objectives)?,
        security_notes: validate::text("securityNotes", "Security notes", input.security_notes)?,
        outcome_summary: validate::text("outcomeSummary", "Outcome summary", input.outcome_summary)?,
        travel_buffer_minutes: validate::minutes("travelBufferMinutes", "Travel buffer", input.travel_buffer_minutes)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Visit> {
    Ok(Visit {
        id: row.get("id")?,
        title: row.get("title")?,
        direction: row.get("direction")?,
        status: row.get("status")?,
        host_organization_id: row.get("host_organization_id")?,
        host_organization_name: row.get("host_organization_name")?,
        host_organization_deleted: row.get("host_organization_deleted")?,
        guest_organization_id: row.get("guest_organization_id")?,
        guest_organization_name: row.get("guest_organization_name")?,
        guest_organization_deleted: row.get("guest_organization_deleted")?,
        city: row.get("city")?,
        country: row.get("country")?,
        time_zone: row.get("time_zone")?,
        start_date: row.get("start_date")?,
        end_date: row.get("end_date")?,
        exact_dates_unknown: row.get("exact_dates_unknown")?,
        objectives: row.get("objectives")?,
        security_level: row.get("security_level")?,
        security_notes: row.get("security_notes")?,
        outcome_summary: row.get("outcome_summary")?,
        outcome_waived: row.get("outcome_waived")?,
        travel_buffer_minutes: row.get("travel_buffer_minutes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
