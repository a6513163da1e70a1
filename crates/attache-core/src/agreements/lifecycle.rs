//! An agreement's lifecycle: draft → negotiating → signed → in force → expired, or terminated.
//! It moves one step at a time, forwards or back, and a step asks for what it needs: signing
//! needs the signing date and at least two parties each with a signatory; coming into force
//! needs those and the date it takes effect; expiring needs the expiry date. A new agreement is
//! recorded as it stands, even when known only in part (the sample's MoUs were signed in
//! November 2025, with no date or signatory in the report); only moving it asks.
//!
//! Its dated history comes from the audit log: each status it was given, when and by whom,
//! beside the agreement's own date for it (signed on…, in force from…, expired on…).

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::AgreementId;
use crate::kernel::record::{self, RecordKind};
use crate::store::Store;

use super::{Agreement, AgreementInput, AgreementStatus};
use AgreementStatus::*;

/// A status the agreement can move to, and what it still needs (nothing: it can move now).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AgreementStep {
    pub to: AgreementStatus,
    pub missing: Vec<Reason>,
}

/// One status in an agreement's history.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: AgreementStatus,
    /// When it was recorded, and by whom.
    pub recorded_at: String,
    pub actor: String,
    /// The agreement's own date for this status, where it has one: signed on, in force from,
    /// expired on (the dates as they stand now).
    pub dated: Option<String>,
}

/// The statuses an agreement may step to from `from`: the next, the previous, and ending it.
pub fn next_statuses(from: AgreementStatus) -> &'static [AgreementStatus] {
    match from {
        Draft => &[Negotiating, Terminated],
        Negotiating => &[Signed, Draft, Terminated],
        Signed => &[InForce, Negotiating, Terminated],
        InForce => &[Expired, Signed, Terminated],
        Expired => &[InForce, Terminated],
        Terminated => &[Negotiating],
    }
}

/// Where the agreement can go next, each with what it still needs.
pub fn steps(conn: &Connection, id: &AgreementId) -> CoreResult<Vec<AgreementStep>> {
    let agreement = super::get(conn, id)?;
    let input = super::as_input(&agreement);
    Ok(next_statuses(agreement.status)
        .iter()
        .map(|to| AgreementStep { to: *to, missing: missing(&input, *to) })
        .collect())
}

/// Moves an agreement one step. Refused, naming what is missing, when the step is not allowed.
pub fn set_status(store: &mut Store, id: &AgreementId, to: AgreementStatus) -> CoreResult<Agreement> {
    let agreement = super::get(store.conn(), id)?;
    record::refuse_deleted(RecordKind::Agreement, &agreement.deleted_at)?;
    super::update(store, id, AgreementInput { status: to, ..super::as_input(&agreement) })
}

/// The check `agreements::update` makes when the status changes.
pub(crate) fn check_step(from: AgreementStatus, input: &AgreementInput) -> CoreResult<()> {
    let to = input.status;
    if from == to {
        return Ok(());
    }
    if !next_statuses(from).contains(&to) {
        let (from, to) = (from.as_str().to_owned(), to.as_str().to_owned());
        let message = format!("A {from} agreement cannot become {to} directly");
        return Err(CoreError::invalid("status", Reason::AgreementStep { from, to }, message));
    }
    match missing(input, to).into_iter().next() {
        None => Ok(()),
        Some(reason) => {
            let (field, message) = match &reason {
                Reason::NeedsSigningDate => ("signedOn", "Signing needs the date it was signed".to_owned()),
                Reason::NeedsSignatories { found } => {
                    ("parties", format!("Signing needs two parties each with a signatory ({found} so far)"))
                }
                Reason::NeedsEffectiveDate => {
                    ("effectiveOn", "Coming into force needs the date it takes effect".into())
                }
                Reason::NeedsExpiryDate => ("expiresOn", "Expiring needs the expiry date".into()),
                other => ("status", format!("{other:?}")),
            };
            Err(CoreError::invalid(field, reason, message))
        }
    }
}

/// What `input` lacks for the status `to`.
fn missing(input: &AgreementInput, to: AgreementStatus) -> Vec<Reason> {
    let mut missing = Vec::new();
    if matches!(to, Signed | InForce) {
        if input.signed_on.is_none() {
            missing.push(Reason::NeedsSigningDate);
        }
        let signed = input.parties.iter().filter(|p| p.signatory_person_id.is_some()).count();
        if signed < 2 {
            missing.push(Reason::NeedsSignatories { found: signed as u32 });
        }
    }
    if to == InForce && input.effective_on.is_none() {
        missing.push(Reason::NeedsEffectiveDate);
    }
    if to == Expired && input.expires_on.is_none() {
        missing.push(Reason::NeedsExpiryDate);
    }
    missing
}

/// Moves every signed or in-force agreement whose expiry date is before `today` to expired:
/// an agreement expires on the day after its expiry date. Run when the store is opened and
/// while the app runs, so a day the app was closed is caught up. Returns how many moved.
pub fn expire_lapsed(store: &mut Store, today: chrono::NaiveDate) -> CoreResult<usize> {
    store.write(|w| {
        let lapsed: Vec<String> = w
            .prepare(
                "SELECT id FROM agreements WHERE deleted_at IS NULL AND status IN ('signed', 'in_force')
                 AND expires_on IS NOT NULL AND expires_on < ?1",
            )?
            .query_map([today.to_string()], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in &lapsed {
            let snapshot = audit::snapshot(w, RecordKind::Agreement, id)?;
            w.execute(
                "UPDATE agreements SET status = 'expired', updated_at = ?2 WHERE id = ?1",
                rusqlite::params![id, crate::kernel::record::now()],
            )?;
            audit::changed(w, RecordKind::Agreement, id, Some(snapshot))?;
        }
        Ok(lapsed.len())
    })
}

/// Each status the agreement was given, oldest first.
pub fn history(conn: &Connection, id: &AgreementId) -> CoreResult<Vec<StatusChange>> {
    let agreement = super::get(conn, id)?;
    let mut changes = Vec::new();
    for entry in audit::history(conn, RecordKind::Agreement, id.as_str())? {
        let Ok(fields) = serde_json::from_str::<serde_json::Value>(&entry.changes) else { continue };
        let Some(after) = fields.pointer("/status/after").and_then(|s| s.as_str()) else { continue };
        let Some(&status) = AgreementStatus::ALL.iter().find(|s| s.as_str() == after) else { continue };
        let dated = match status {
            Signed => agreement.signed_on.clone(),
            InForce => agreement.effective_on.clone(),
            Expired => agreement.expires_on.clone(),
            _ => None,
        };
        changes.push(StatusChange { status, recorded_at: entry.at, actor: entry.actor, dated });
    }
    Ok(changes)
}
