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

/// The visits chosen by the filter, as SQL over `visits v` with named parameters.
const CHOSEN: &str = "
    WITH chosen AS (
        SELECT v.id, v.end_date FROM visits v
        LEFT JOIN organizations g ON g.id = v.guest_organization_id
        WHERE v.deleted_at IS NULL AND v.status <> 'cancelled'
          AND (:from IS NULL OR v.start_date >= :from)
          AND (:to IS NULL OR v.start_date <= :to)
          AND (:visit IS NULL OR v.id = :visit)
          AND (:country IS NULL OR v.country = :country OR g.country = :country)
          AND (:organization IS NULL OR v.host_organization_id = :organization OR v.guest_organization_id = :organization
               OR EXISTS (SELECT 1 FROM participants pa JOIN people pe ON pe.id = pa.person_id
                          WHERE pa.visit_id = v.id AND pa.deleted_at IS NULL AND pe.organization_id = :organization))
          AND (:sector IS NULL OR EXISTS (
                SELECT 1 FROM organization_sectors os WHERE os.sector_id = :sector AND (
                    os.organization_id IN (v.host_organization_id, v.guest_organization_id)
                    OR os.organization_id IN (SELECT pe.organization_id FROM participants pa JOIN people pe ON pe.id = pa.person_id
                                              WHERE pa.visit_id = v.id AND pa.deleted_at IS NULL))))
    )";

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

    let sql = format!(
        "{CHOSEN}
        SELECT (SELECT count(*) FROM chosen),
               (SELECT count(*) FROM engagements e JOIN chosen c ON c.id = e.visit_id
                 WHERE e.deleted_at IS NULL AND e.kind = 'meeting'),
               (SELECT count(DISTINCT pe.organization_id) FROM participants pa JOIN chosen c ON c.id = pa.visit_id
                 JOIN people pe ON pe.id = pa.person_id JOIN organizations o ON o.id = pe.organization_id
                 WHERE pa.deleted_at IS NULL AND pa.rsvp <> 'declined' AND o.kind = 'company'),
               (SELECT count(*) FROM agreements a JOIN chosen c ON c.id = a.signed_visit_id
                 WHERE a.deleted_at IS NULL AND a.status IN ('signed', 'in_force', 'expired') AND a.kind = 'mou'),
               (SELECT count(*) FROM agreements a JOIN chosen c ON c.id = a.signed_visit_id
                 WHERE a.deleted_at IS NULL AND a.status IN ('signed', 'in_force', 'expired') AND a.kind = 'loi'),
               (SELECT count(*) FROM agreements a JOIN chosen c ON c.id = a.signed_visit_id
                 WHERE a.deleted_at IS NULL AND a.status IN ('signed', 'in_force', 'expired'))"
    );
    let (visits, meetings, companies, mous, lois, agreements): (u32, u32, u32, u32, u32, u32) = conn
        .prepare_cached(&sql)?
        .query_row(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;

    let sql = format!(
        "{CHOSEN}
        SELECT count(*),
               coalesce(sum(o.status = 'confirmed'), 0),
               coalesce(sum(o.kind = 'deal'), 0),
               coalesce(sum(o.kind = 'joint_venture'), 0),
               coalesce(sum(o.kind = 'letter_of_intent'), 0)
        FROM outcomes o JOIN chosen c ON c.id = o.visit_id WHERE o.deleted_at IS NULL"
    );
    let (outcomes, confirmed, deals, joint_ventures, loi_outcomes): (u32, u32, u32, u32, u32) = conn
        .prepare_cached(&sql)?
        .query_row(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;

    let sql = format!(
        "{CHOSEN}
        SELECT ov.year, o.currency, sum(ov.amount), coalesce(sum(CASE WHEN o.status = 'confirmed' THEN ov.amount END), 0)
        FROM outcome_values ov JOIN outcomes o ON o.id = ov.outcome_id JOIN chosen c ON c.id = o.visit_id
        WHERE o.deleted_at IS NULL AND o.currency IS NOT NULL
        GROUP BY ov.year, o.currency ORDER BY ov.year, o.currency"
    );
    let value_by_year = conn
        .prepare_cached(&sql)?
        .query_map(params, |r| {
            Ok(YearTotal { year: r.get(0)?, currency: r.get(1)?, reported: r.get(2)?, confirmed: r.get(3)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;

    // One pass over the period's actions; a day is compared as text (both are `YYYY-MM-DD…`).
    let sql = format!(
        "{CHOSEN}
        SELECT count(*),
               coalesce(sum(a.status = 'done' AND substr(a.completed_at, 1, 10) <= date(c.end_date, '+30 days')), 0),
               coalesce(sum(a.status = 'done' AND substr(a.completed_at, 1, 10) <= date(c.end_date, '+90 days')), 0)
        FROM actions a JOIN chosen c ON c.id = a.visit_id
        WHERE a.deleted_at IS NULL AND a.status <> 'dropped'"
    );
    let (actions, within_30, within_90): (u32, u32, u32) =
        conn.prepare_cached(&sql)?.query_row(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;

    let share = |n: u32| (actions > 0).then(|| f64::from(n) / f64::from(actions));
    Ok(Kpis {
        visits,
        meetings,
        companies,
        meetings_per_company: (companies > 0).then(|| f64::from(meetings) / f64::from(companies)),
        mous_signed: mous,
        letters_of_intent: lois + loi_outcomes,
        agreements_signed: agreements,
        outcomes,
        outcomes_confirmed: confirmed,
        deals,
        joint_ventures,
        value_by_year,
        actions,
        closed_within_30_days: within_30,
        closed_within_90_days: within_90,
        share_closed_30: share(within_30),
        share_closed_90: share(within_90),
    })
}
