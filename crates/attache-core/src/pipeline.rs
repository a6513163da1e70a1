//! The dashboard's figures for a chamber president: the agreement pipeline by status and by
//! sector, and who carries the actions overdue or due this week.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::agreements::AgreementStatus;
use crate::kernel::error::CoreResult;
use crate::kernel::ids::PersonId;
use crate::person_name_sql;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: AgreementStatus,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SectorCount {
    /// The sector's code and name; none for agreements without a sector, and both empty for
    /// the bar that sums the sectors not shown by name.
    pub code: Option<String>,
    pub name: Option<String>,
    pub count: u32,
}

/// Live agreements by status and, of those signed or in force, by sector.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Pipeline {
    pub by_status: Vec<StatusCount>,
    pub by_sector: Vec<SectorCount>,
}

/// One owner's share of the actions that need doing soon.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OwnerLoad {
    /// None: the actions nobody owns yet.
    pub owner_person_id: Option<PersonId>,
    pub owner_name: Option<String>,
    pub overdue: u32,
    /// Due from today to six days on.
    pub this_week: u32,
}

/// The sectors shown by name; the others are summed as one bar.
const SECTORS_SHOWN: usize = 8;
/// The owners shown by name, most loaded first.
const OWNERS_SHOWN: u32 = 8;

pub fn pipeline(conn: &Connection) -> CoreResult<Pipeline> {
    let mut by_status: Vec<StatusCount> =
        AgreementStatus::ALL.iter().map(|&status| StatusCount { status, count: 0 }).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT a.status, count(*) FROM agreements a WHERE a.deleted_at IS NULL AND a.hidden_by_owner = 0 GROUP BY a.status",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, AgreementStatus>(0)?, r.get::<_, u32>(1)?)))? {
        let (status, count) = row?;
        if let Some(entry) = by_status.iter_mut().find(|e| e.status == status) {
            entry.count = count;
        }
    }
    let mut by_sector: Vec<SectorCount> = conn
        .prepare_cached(
            "SELECT s.code, s.name, count(*) AS n FROM agreements a
             LEFT JOIN agreement_sectors x ON x.agreement_id = a.id LEFT JOIN sectors s ON s.id = x.sector_id
             WHERE a.deleted_at IS NULL AND a.hidden_by_owner = 0 AND a.status IN ('signed', 'in_force')
             GROUP BY s.id ORDER BY n DESC, s.name",
        )?
        .query_map([], |r| Ok(SectorCount { code: r.get(0)?, name: r.get(1)?, count: r.get(2)? }))?
        .collect::<Result<_, _>>()?;
    if by_sector.len() > SECTORS_SHOWN {
        let rest: u32 = by_sector.drain(SECTORS_SHOWN - 1..).map(|s| s.count).sum();
        by_sector.push(SectorCount { code: Some(String::new()), name: Some(String::new()), count: rest });
    }
    Ok(Pipeline { by_status, by_sector })
}

/// How far back "overdue" reaches on the chart: the last month's backlog, not every action
/// ever missed (the overdue count on the dashboard gives those). It also bounds the work: on a
/// large store, grouping 90 days of pending actions by owner took 25 ms, 30 days 9 ms.
pub const OVERDUE_DAYS: i64 = 30;

/// Who carries the pending actions overdue by up to [`OVERDUE_DAYS`] days or due within the
/// week starting `today`. Counted first, from the status-and-due index over that window alone,
/// then named for the few owners shown.
pub fn actions_by_owner(conn: &Connection, today: NaiveDate) -> CoreResult<Vec<OwnerLoad>> {
    let from = today - chrono::Duration::days(OVERDUE_DAYS);
    let week_end = today + chrono::Duration::days(6);
    let sql = concat!(
        "SELECT g.owner, ",
        person_name_sql!("p"),
        ", g.overdue, g.week FROM (
             SELECT x.owner_person_id AS owner, sum(x.due_on < ?1) AS overdue, sum(x.due_on >= ?1) AS week, count(*) AS n
             FROM actions x
             WHERE x.deleted_at IS NULL AND x.hidden_by_owner = 0 AND x.status IN ('open', 'in_progress', 'blocked')
             AND coalesce(x.due_on, '9999-12-31') BETWEEN ?2 AND ?3
             GROUP BY x.owner_person_id ORDER BY n DESC, x.owner_person_id LIMIT ?4
         ) g LEFT JOIN people p ON p.id = g.owner ORDER BY g.n DESC, g.owner"
    );
    let rows = conn
        .prepare_cached(sql)?
        .query_map(rusqlite::params![today.to_string(), from.to_string(), week_end.to_string(), OWNERS_SHOWN], |r| {
            Ok(OwnerLoad {
                owner_person_id: r.get(0)?,
                owner_name: r.get(1)?,
                overdue: r.get(2)?,
                this_week: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
