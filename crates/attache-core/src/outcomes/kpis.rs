//! Mission KPIs, on one visit or across the visits of a period (filtered by sector, country
//! or organization): meetings held per company, MoUs and letters of intent signed, the value of
//! outcomes reported by year (and how much of it the companies have confirmed), the share of
//! follow-up actions closed within 30 and 90 days of the visit's end, and outcomes confirmed.
//! Each figure says what it counts, so a chamber can defend it:
//! - a period's visits are those *starting* in it, not deleted, not cancelled;
//! - a company is an organization of kind company with a participant in the visits;
//! - an agreement counts when signed at one of the visits and signed, in force or expired since;
//! - values are added per year and currency, never across currencies;
//! - an action counts unless dropped; it is closed in time when done within N days of the end
//!   of its visit.

use rusqlite::{named_params, Connection};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::kernel::ids::{OrganizationId, SectorId, VisitId};
use crate::kernel::validate;

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct KpiFilter {
    /// Visits starting on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Visits starting on or before this day.
    pub to: Option<String>,
    /// Visits where the host, the guest or a participant's organization works in this sector.
    pub sector_id: Option<SectorId>,
    /// Visits in this country, or with a guest organization from it (ISO code).
    pub country: Option<String>,
    /// Visits this organization hosted, was the guest of, or took part in.
    pub organization_id: Option<OrganizationId>,
    /// One visit alone.
    pub visit_id: Option<VisitId>,
}

/// The value of a year's outcomes in one currency: all reported, and confirmed by the companies.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct YearTotal {
    pub year: i32,
    pub currency: String,
    pub reported: f64,
    pub confirmed: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Kpis {
    pub visits: u32,
    /// Programme items of kind meeting.
    pub meetings: u32,
    pub companies: u32,
    pub meetings_per_company: Option<f64>,
    pub mous_signed: u32,
    /// Letters of intent signed as agreements, and recorded as outcomes.
    pub letters_of_intent: u32,
    pub agreements_signed: u32,
    pub outcomes: u32,
    pub outcomes_confirmed: u32,
    pub deals: u32,
    pub joint_ventures: u32,
    pub value_by_year: Vec<YearTotal>,
    pub actions: u32,
    pub closed_within_30_days: u32,
    pub closed_within_90_days: u32,
    /// Of the actions, the share closed within 30 days (0–1); none without actions.
    pub share_closed_30: Option<f64>,
    pub share_closed_90: Option<f64>,
}

/// The visits chosen by the filter, with the last day an action closes "within 30 (90) days",
/// as SQL over `visits v` with named parameters. Materialized once: every figure below reads it.
/// An organization's or a sector's visits are found from its people's participations, once, not
/// by asking each visit in turn.
const CHOSEN: &str = "
    WITH chosen AS MATERIALIZED (
        SELECT v.id, date(v.end_date, '+31 days') AS within_30, date(v.end_date, '+91 days') AS within_90
        FROM visits v
        WHERE v.deleted_at IS NULL AND v.status <> 'cancelled'
          AND (:from IS NULL OR v.start_date >= :from)
          AND (:to IS NULL OR v.start_date <= :to)
          AND (:visit IS NULL OR v.id = :visit)
          AND (:country IS NULL OR v.country = :country
               OR v.guest_organization_id IN (SELECT id FROM organizations WHERE country = :country))
          AND (:organization IS NULL OR v.host_organization_id = :organization OR v.guest_organization_id = :organization
               OR v.id IN (SELECT pa.visit_id FROM people pe JOIN participants pa ON pa.person_id = pe.id
                           WHERE pe.organization_id = :organization AND pe.deleted_at IS NULL AND pa.deleted_at IS NULL))
          AND (:sector IS NULL
               OR v.host_organization_id IN (SELECT organization_id FROM organization_sectors WHERE sector_id = :sector)
               OR v.guest_organization_id IN (SELECT organization_id FROM organization_sectors WHERE sector_id = :sector)
               OR v.id IN (SELECT pa.visit_id FROM organization_sectors os
                           JOIN people pe ON pe.organization_id = os.organization_id AND pe.deleted_at IS NULL
                           JOIN participants pa ON pa.person_id = pe.id AND pa.deleted_at IS NULL
                           WHERE os.sector_id = :sector))
    )";

/// Every figure in one statement over the chosen visits. Companies are found from the
/// companies' side (a few thousand organizations, their people, their participations), which
/// costs the same for one visit or ten thousand; an action's completion instant is compared as
/// text with the day after its window (`YYYY-MM-DD` sorts before that day's instants).
const FIGURES: &str = "
    SELECT (SELECT count(*) FROM chosen),
           (SELECT count(*) FROM chosen c JOIN engagements e ON e.visit_id = c.id
             WHERE e.deleted_at IS NULL AND e.kind = 'meeting'),
           (SELECT count(*) FROM organizations o WHERE o.kind = 'company' AND o.deleted_at IS NULL AND EXISTS (
               SELECT 1 FROM people pe JOIN participants pa ON pa.person_id = pe.id JOIN chosen c ON c.id = pa.visit_id
               WHERE pe.organization_id = o.id AND pe.deleted_at IS NULL AND pa.deleted_at IS NULL AND pa.rsvp <> 'declined')),
           (SELECT json_array(count(*), coalesce(sum(a.kind = 'mou'), 0), coalesce(sum(a.kind = 'loi'), 0))
             FROM chosen c JOIN agreements a ON a.signed_visit_id = c.id
             WHERE a.deleted_at IS NULL AND a.status IN ('signed', 'in_force', 'expired')),
           (SELECT json_array(count(*), coalesce(sum(o.status = 'confirmed'), 0), coalesce(sum(o.kind = 'deal'), 0),
                              coalesce(sum(o.kind = 'joint_venture'), 0), coalesce(sum(o.kind = 'letter_of_intent'), 0))
             FROM chosen c JOIN outcomes o ON o.visit_id = c.id WHERE o.deleted_at IS NULL),
           (SELECT json_group_array(json_array(year, currency, reported, confirmed)) FROM (
               SELECT ov.year, o.currency, sum(ov.amount) AS reported,
                      coalesce(sum(CASE WHEN o.status = 'confirmed' THEN ov.amount END), 0) AS confirmed
               FROM chosen c JOIN outcomes o ON o.visit_id = c.id JOIN outcome_values ov ON ov.outcome_id = o.id
               WHERE o.deleted_at IS NULL AND o.currency IS NOT NULL
               GROUP BY ov.year, o.currency ORDER BY ov.year, o.currency)),
           (SELECT json_array(count(*), coalesce(sum(a.status = 'done' AND a.completed_at < c.within_30), 0),
                              coalesce(sum(a.status = 'done' AND a.completed_at < c.within_90), 0))
             FROM chosen c JOIN actions a ON a.visit_id = c.id WHERE a.deleted_at IS NULL AND a.status <> 'dropped')";

pub fn compute(conn: &Connection, filter: &KpiFilter) -> CoreResult<Kpis> {
    let from = validate::optional_date("from", "From", filter.from.clone())?;
    let to = validate::optional_date("to", "To", filter.to.clone())?;
    let country = filter.country.as_ref().map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty());
    let visit = filter.visit_id.as_ref().map(|v| v.to_string());
    let organization = filter.organization_id.as_ref().map(|o| o.to_string());
    let sector = filter.sector_id.as_ref().map(|s| s.to_string());
    let params = named_params! {
        ":from": from, ":to": to, ":visit": visit, ":country": country, ":organization": organization, ":sector": sector,
    };
    let sql = format!("{CHOSEN} {FIGURES}");
    let row = conn.prepare_cached(&sql)?.query_row(params, |r| {
        Ok((
            r.get::<_, u32>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let (visits, meetings, companies, agreements, outcomes, values, actions) = row;
    let numbers = |json: &str| serde_json::from_str::<Vec<u32>>(json).unwrap_or_default();
    let at = |list: &[u32], i: usize| list.get(i).copied().unwrap_or(0);
    let (agreements, outcomes, actions) = (numbers(&agreements), numbers(&outcomes), numbers(&actions));
    let value_by_year = serde_json::from_str::<Vec<(i32, String, f64, f64)>>(&values)
        .unwrap_or_default()
        .into_iter()
        .map(|(year, currency, reported, confirmed)| YearTotal { year, currency, reported, confirmed })
        .collect();
    let total_actions = at(&actions, 0);
    let share = |n: u32| (total_actions > 0).then(|| f64::from(n) / f64::from(total_actions));
    Ok(Kpis {
        visits,
        meetings,
        companies,
        meetings_per_company: (companies > 0).then(|| f64::from(meetings) / f64::from(companies)),
        mous_signed: at(&agreements, 1),
        letters_of_intent: at(&agreements, 2) + at(&outcomes, 4),
        agreements_signed: at(&agreements, 0),
        outcomes: at(&outcomes, 0),
        outcomes_confirmed: at(&outcomes, 1),
        deals: at(&outcomes, 2),
        joint_ventures: at(&outcomes, 3),
        value_by_year,
        actions: total_actions,
        closed_within_30_days: at(&actions, 1),
        closed_within_90_days: at(&actions, 2),
        share_closed_30: share(at(&actions, 1)),
        share_closed_90: share(at(&actions, 2)),
    })
}
