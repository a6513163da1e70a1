//! Composite views: one visit whole, and the dashboard.

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::actions::{self, Action, ActionQuery};
use crate::agreements::{self, Agreement, AgreementQuery};
use crate::engagements::{self, Engagement, EngagementQuery};
use crate::error::CoreResult;
use crate::ids::VisitId;
use crate::listing::{ListQuery, MAX_PAGE_SIZE};
use crate::participants::{self, Participant, ParticipantQuery};
use crate::visits::{self, Visit, VisitQuery};

/// A visit with its programme, participants (in precedence order), agreements and actions.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VisitOverview {
    pub visit: Visit,
    pub engagements: Vec<Engagement>,
    pub participants: Vec<Participant>,
    pub agreements: Vec<Agreement>,
    pub actions: Vec<Action>,
}

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
}

fn all(sort: &str) -> ListQuery {
    ListQuery { page: 1, page_size: MAX_PAGE_SIZE, sort: Some(sort.to_owned()), ..ListQuery::default() }
}

/// The first `size` rows, counted no further than `count_up_to` (0: not counted). The dashboard
/// says "1,000+" rather than pay for an exact count of a large office's backlog.
fn first(size: u32, sort: &str, count_up_to: u32) -> ListQuery {
    ListQuery {
        page: 1,
        page_size: size,
        sort: Some(sort.to_owned()),
        count_up_to: Some(count_up_to),
        ..ListQuery::default()
    }
}

const DASHBOARD_COUNT: u32 = 1_000;

pub fn visit(conn: &Connection, id: &VisitId) -> CoreResult<VisitOverview> {
    let visit = visits::get(conn, id)?;
    let visit_id = Some(id.clone());
    Ok(VisitOverview {
        engagements: engagements::list(
            conn,
            &EngagementQuery { list: all("startsAt"), visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        participants: participants::list(
            conn,
            &ParticipantQuery { list: all("precedence"), visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        agreements: agreements::list(
            conn,
            &AgreementQuery { list: all("signedOn"), signed_visit_id: visit_id.clone(), ..Default::default() },
        )?
        .items,
        actions: actions::list(conn, &ActionQuery { list: all("dueOn"), visit_id, ..Default::default() })?.items,
        visit,
    })
}

/// Upcoming and current visits, today's programme across visits, and the pending actions
/// that fall due first.
pub fn dashboard(conn: &Connection) -> CoreResult<Dashboard> {
    let today = actions::today();
    let upcoming_query = VisitQuery {
        list: first(8, "startDate", DASHBOARD_COUNT),
        ends_from: Some(today.clone()),
        ..Default::default()
    };
    let upcoming = visits::list(conn, &upcoming_query)?;
    let recent = VisitQuery {
        list: ListQuery { descending: true, ..first(5, "startDate", 0) },
        ends_before: Some(today.clone()),
        ..Default::default()
    };
    let day_start = chrono::Local::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(chrono::Local).earliest())
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(chrono::Utc::now);
    let day_end = day_start + chrono::Duration::days(1);
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let todays = EngagementQuery {
        list: first(50, "startsAt", 0),
        starts_from: Some(fmt(day_start)),
        starts_before: Some(fmt(day_end)),
        ..Default::default()
    };
    let pending = actions::list(
        conn,
        &ActionQuery { list: first(10, "dueOn", DASHBOARD_COUNT), pending_only: true, ..Default::default() },
    )?;
    let overdue = actions::list(
        conn,
        &ActionQuery { list: first(1, "dueOn", DASHBOARD_COUNT), overdue_only: true, ..Default::default() },
    )?;
    Ok(Dashboard {
        upcoming_visit_count: upcoming.total,
        upcoming_visits: upcoming.items,
        recent_visits: visits::list(conn, &recent)?.items,
        todays_engagements: engagements::list(conn, &todays)?.items,
        open_action_count: pending.total,
        open_action_count_capped: pending.total_capped,
        open_actions: pending.items,
        overdue_action_count: overdue.total,
        overdue_action_count_capped: overdue.total_capped,
        today,
    })
}
