//! The dashboard: upcoming and recent visits, today's programme across visits, and the
//! follow-ups that fall due first. Each part is its own function so the benchmarks measure
//! exactly what the dashboard runs.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::actions::{self, Action, ActionQuery};
use crate::agreements::{renewal, Agreement};
use crate::kernel::audit::{self, AuditEntry};
use crate::kernel::error::CoreResult;
use crate::kernel::listing::{ListQuery, Page};
use crate::kernel::record::instant;
use crate::pipeline::{self, OwnerLoad, Pipeline};
use crate::visits::engagements::{self, Engagement, EngagementQuery};
use crate::visits::{self, Visit, VisitQuery};

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub today: String,
    pub upcoming_visits: Vec<Visit>,
    pub upcoming_visit_count: u32,
    /// The last visits that have ended, newest first: what follow-ups come from.
    pub recent_visits: Vec<Visit>,
    pub todays_engagements: Vec<Engagement>,
    pub open_actions: Vec<Action>,
    pub open_action_count: u32,
    /// More open actions than were counted: show the count as "at least".
    pub open_action_count_capped: bool,
    pub overdue_action_count: u32,
    pub overdue_action_count_capped: bool,
    /// Agreements in their renewal notice window: to renew or let lapse, now.
    pub renewals_due: Vec<Agreement>,
    pub renewals_due_count: u32,
    /// Signed and in-force agreements expiring in the next `EXPIRING_DAYS` days.
    pub expiring_agreements: Vec<Agreement>,
    pub expiring_agreement_count: u32,
    pub expiring_agreement_count_capped: bool,
    /// The agreements by status and by sector, for the charts.
    pub pipeline: Pipeline,
    /// Who carries the actions overdue or due this week.
    pub owner_loads: Vec<OwnerLoad>,
    /// The latest changes from the audit log, newest first.
    pub recent_changes: Vec<AuditEntry>,
}

/// How far ahead the dashboard looks for agreements that expire.
pub const EXPIRING_DAYS: u32 = 90;

/// The dashboard counts its backlog this far and then says "1,000+": an exact count of a large
/// office's backlog costs more than the rest of the dashboard.
const COUNT_UP_TO: u32 = 1_000;

/// The first `size` rows, counted no further than `count_up_to` (0: not counted).
fn first(size: u32, sort: &str, count_up_to: u32) -> ListQuery {
    ListQuery {
        page: 1,
        page_size: size,
        sort: Some(sort.to_owned()),
        count_up_to: Some(count_up_to),
        ..ListQuery::default()
    }
}

/// The dashboard for today in the zone of this machine.
pub fn dashboard(conn: &Connection) -> CoreResult<Dashboard> {
    dashboard_on(conn, chrono::Local::now().date_naive(), &chrono::Local)
}

/// The dashboard for the day `today` in `zone`.
pub fn dashboard_on<Z: TimeZone>(conn: &Connection, today: NaiveDate, zone: &Z) -> CoreResult<Dashboard> {
    let upcoming = upcoming_visits(conn, today)?;
    let pending = pending_actions(conn, today)?;
    let overdue = overdue_actions(conn, today)?;
    let renewals = renewals_due(conn, today)?;
    let expiring = expiring_agreements(conn, today)?;
    Ok(Dashboard {
        pipeline: pipeline::pipeline(conn)?,
        owner_loads: pipeline::actions_by_owner(conn, today)?,
        recent_changes: audit::recent(conn, 8)?,
        renewals_due_count: renewals.total,
        renewals_due: renewals.items,
        expiring_agreement_count: expiring.total,
        expiring_agreement_count_capped: expiring.total_capped,
        expiring_agreements: expiring.items,
        upcoming_visit_count: upcoming.total,
        upcoming_visits: upcoming.items,
        recent_visits: recent_visits(conn, today)?.items,
        todays_engagements: todays_engagements(conn, today, zone)?.items,
        open_action_count: pending.total,
        open_action_count_capped: pending.total_capped,
        open_actions: pending.items,
        overdue_action_count: overdue.total,
        overdue_action_count_capped: overdue.total_capped,
        today: today.to_string(),
    })
}

/// Visits that end today or later, soonest first.
pub fn upcoming_visits(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Visit>> {
    let query = VisitQuery {
        list: first(8, "startDate", COUNT_UP_TO),
        ends_from: Some(today.to_string()),
        ..Default::default()
    };
    visits::list(conn, &query)
}

/// The last visits that ended before today, newest first.
pub fn recent_visits(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Visit>> {
    let query = VisitQuery {
        list: ListQuery { descending: true, ..first(5, "startDate", 0) },
        ends_before: Some(today.to_string()),
        ..Default::default()
    };
    visits::list(conn, &query)
}

/// Programme items of every visit that start on `today` in `zone`.
pub fn todays_engagements<Z: TimeZone>(conn: &Connection, today: NaiveDate, zone: &Z) -> CoreResult<Page<Engagement>> {
    let (start, end) = local_day(today, zone);
    let query = EngagementQuery {
        list: first(50, "startsAt", 0),
        starts_from: Some(instant(start)),
        starts_before: Some(instant(end)),
        ..Default::default()
    };
    engagements::list(conn, &query)
}

/// Pending actions, those due first at the top.
pub fn pending_actions(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Action>> {
    let query = ActionQuery { list: first(10, "dueOn", COUNT_UP_TO), pending_only: true, ..Default::default() };
    actions::list_on(conn, &query, today)
}

/// Pending actions due before today: only their number is shown.
pub fn overdue_actions(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Action>> {
    let query = ActionQuery { list: first(1, "dueOn", COUNT_UP_TO), overdue_only: true, ..Default::default() };
    actions::list_on(conn, &query, today)
}

/// Agreements in their renewal window today.
pub fn renewals_due(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Agreement>> {
    renewal::in_window(conn, today, 6)
}

/// Agreements expiring in the next 90 days, soonest first.
pub fn expiring_agreements(conn: &Connection, today: NaiveDate) -> CoreResult<Page<Agreement>> {
    renewal::expiring_within(conn, today, EXPIRING_DAYS, 8)
}

/// The UTC instants where `day` begins and the next day begins in `zone`. A day is not always
/// 24 hours: on the days clocks change it is 23 or 25, and in a few zones midnight itself is
/// skipped (the day then starts at the first minute that exists).
pub fn local_day<Z: TimeZone>(day: NaiveDate, zone: &Z) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = day.succ_opt().unwrap_or(day);
    (start_of(day, zone), start_of(next, zone))
}

fn start_of<Z: TimeZone>(day: NaiveDate, zone: &Z) -> DateTime<Utc> {
    (0..=24 * 4)
        .map(|quarter| day.and_time(NaiveTime::MIN) + chrono::Duration::minutes(15 * quarter))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}
