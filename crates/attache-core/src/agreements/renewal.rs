//! Renewal windows. An agreement with an expiry date and a renewal notice period of N days is
//! "in its renewal window" from N days before it expires until the day it expires: the time to
//! decide whether to renew it and to give notice. When the window opens, one follow-up action
//! is raised for the agreement's owner, due on the expiry date. Once per period: the period is
//! known by the expiry date it leads up to, and `agreement_renewals` records the action raised
//! for it (its key refuses a second). Raising runs when the store opens and while the app runs,
//! so a window that opened while the app was closed is caught up on the next start.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::actions::{self, ActionInput, ActionStatus, Priority};
use crate::kernel::error::CoreResult;
use crate::kernel::ids::{ActionId, AgreementId, PersonId};
use crate::kernel::listing::{ListQuery, Page};
use crate::store::Store;

use super::{Agreement, AgreementQuery};

/// Live signed or in-force agreements whose renewal window holds `today` (a parameter `?1`).
pub(crate) const IN_WINDOW: &str =
    "a.deleted_at IS NULL AND a.hidden_by_owner = 0 AND a.status IN ('signed', 'in_force')
    AND a.renewal_notice_days IS NOT NULL AND a.expires_on >= ?1
    AND date(a.expires_on, '-' || a.renewal_notice_days || ' days') <= ?1";

impl Agreement {
    /// In its renewal window on `today` (the same rule as `IN_WINDOW`).
    pub fn in_renewal_window(&self, today: NaiveDate) -> bool {
        let today = today.to_string();
        matches!(self.status, super::AgreementStatus::Signed | super::AgreementStatus::InForce)
            && self.deleted_at.is_none()
            && self.renewal_opens_on.as_deref().is_some_and(|opens| opens <= today.as_str())
            && self.expires_on.as_deref().is_some_and(|expires| expires >= today.as_str())
    }
}

/// Agreements in their renewal window on `today`, those expiring first at the top.
pub fn in_window(conn: &Connection, today: NaiveDate, size: u32) -> CoreResult<Page<Agreement>> {
    let ids: Vec<AgreementId> = conn
        .prepare_cached(&format!(
            "SELECT a.id FROM agreements a WHERE {IN_WINDOW} ORDER BY a.expires_on, a.id LIMIT ?2"
        ))?
        .query_map(rusqlite::params![today.to_string(), size], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let total: u32 =
        conn.query_row(&format!("SELECT count(*) FROM agreements a WHERE {IN_WINDOW}"), [today.to_string()], |r| {
            r.get(0)
        })?;
    let items = ids.iter().map(|id| super::get(conn, id)).collect::<CoreResult<Vec<_>>>()?;
    Ok(Page { items, total, total_capped: false, page: 1, page_size: size })
}

/// Raises the renewal action of every agreement whose window holds `today` and has none yet
/// for its period. Returns how many were raised.
pub fn raise_due(store: &mut Store, today: NaiveDate) -> CoreResult<usize> {
    store.write(|w| {
        let due: Vec<(AgreementId, String, String, Option<PersonId>)> = w
            .prepare(&format!(
                "SELECT a.id, a.title, a.expires_on, a.owner_person_id FROM agreements a WHERE {IN_WINDOW}
                 AND NOT EXISTS (SELECT 1 FROM agreement_renewals r WHERE r.agreement_id = a.id AND r.expires_on = a.expires_on)
                 ORDER BY a.expires_on, a.id"
            ))?
            .query_map([today.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        for (agreement, title, expires_on, owner) in &due {
            let action = actions::insert(w, ActionId::new(), ActionInput {
                // The title is the agreement's, in whatever language it was written; the action
                // carries `renewal_for_expiry`, which each face labels in the user's language.
                title: title.clone(),
                details: None,
                owner_person_id: owner.clone(),
                due_on: Some(expires_on.clone()),
                priority: Priority::High,
                status: ActionStatus::Open,
                visit_id: None,
                agreement_id: Some(agreement.clone()),
                organization_id: None,
                person_id: None,
                sector_ids: sectors_of(w, agreement)?,
            })?;
            w.execute(
                "INSERT INTO agreement_renewals (agreement_id, expires_on, action_id, raised_on) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![agreement, expires_on, action.id, today.to_string()],
            )?;
        }
        Ok(due.len())
    })
}

fn sectors_of(conn: &Connection, agreement: &AgreementId) -> CoreResult<Vec<crate::kernel::ids::SectorId>> {
    Ok(conn
        .prepare_cached("SELECT sector_id FROM agreement_sectors WHERE agreement_id = ?1 ORDER BY sector_id")?
        .query_map([agreement], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// Signed and in-force agreements expiring between `today` and `days` days later.
pub fn expiring_within(conn: &Connection, today: NaiveDate, days: u32, size: u32) -> CoreResult<Page<Agreement>> {
    let until = today + chrono::Duration::days(i64::from(days));
    let mut found = Vec::new();
    let (mut total, mut capped) = (0, false);
    // Two statuses, each read in expiry order from the status index, then merged.
    for status in [super::AgreementStatus::Signed, super::AgreementStatus::InForce] {
        let query = AgreementQuery {
            list: ListQuery {
                page: 1,
                page_size: size,
                sort: Some("expiresOn".into()),
                count_up_to: Some(1_000),
                ..ListQuery::default()
            },
            status: Some(status),
            expires_from: Some(today.to_string()),
            expires_to: Some(until.to_string()),
            ..AgreementQuery::default()
        };
        let page = super::list(conn, &query)?;
        total += page.total;
        capped |= page.total_capped;
        found.extend(page.items);
    }
    found.sort_by(|a, b| (&a.expires_on, &a.id.0).cmp(&(&b.expires_on, &b.id.0)));
    found.truncate(size as usize);
    Ok(Page { items: found, total, total_capped: capped, page: 1, page_size: size })
}
