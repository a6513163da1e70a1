//! A visit's workflow: draft → planned → confirmed → in progress → completed, or cancelled.
//! A visit moves one step at a time, forwards or back; confirming needs a head of delegation,
//! at least one programme item and no conflict left unacknowledged. And a visit can be the
//! template of a new one: the programme moves to the new dates, its people come along if asked.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, ParticipantId, VisitId};
use crate::kernel::record::{self, RecordKind};
use crate::store::{Store, Writer};
use crate::visits::engagements::{self, EngagementInput};
use crate::visits::participants::{self, ParticipantInput, Rsvp};
use crate::visits::{self, conflicts, Visit, VisitInput, VisitStatus};

use VisitStatus::*;

/// A status the visit can move to, and what stands in the way (nothing: it can move now).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusStep {
    pub to: VisitStatus,
    pub missing: Vec<Reason>,
}

#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateVisit {
    pub title: String,
    /// The new first day; the end date and the programme move by as many days.
    pub start_date: String,
    /// Copy the participants too (with their answers reset to invited) and the attendees.
    pub with_participants: bool,
}

/// The statuses a visit may step to from `from`: the next and the previous, and cancelling
/// before it is done; a cancelled visit starts again as a draft.
pub fn next_statuses(from: VisitStatus) -> &'static [VisitStatus] {
    match from {
        Draft => &[Planned, Cancelled],
        Planned => &[Confirmed, Draft, Cancelled],
        Confirmed => &[InProgress, Planned, Cancelled],
        InProgress => &[Completed, Confirmed],
        Completed => &[InProgress],
        Cancelled => &[Draft],
    }
}

/// Where the visit can go next, each with what it still needs.
pub fn steps(conn: &Connection, id: &VisitId) -> CoreResult<Vec<StatusStep>> {
    let visit = visits::get(conn, id)?;
    next_statuses(visit.status).iter().map(|to| Ok(StatusStep { to: *to, missing: missing(conn, id, *to)? })).collect()
}

/// Moves a visit one step. Refused, naming what is missing, when the step is not allowed.
pub fn set_status(store: &mut Store, id: &VisitId, to: VisitStatus) -> CoreResult<Visit> {
    let visit = visits::get(store.conn(), id)?;
    record::refuse_deleted(RecordKind::Visit, &visit.deleted_at)?;
    visits::update(store, id, VisitInput { status: to, ..as_input(&visit) })
}

/// The check `visits::update` makes when the status changes (inside its write).
pub(crate) fn check_step(conn: &Connection, id: &VisitId, from: VisitStatus, to: VisitStatus) -> CoreResult<()> {
    if from == to {
        return Ok(());
    }
    if !next_statuses(from).contains(&to) {
        let (from, to) = (from.as_str().to_owned(), to.as_str().to_owned());
        let message = format!("A {from} visit cannot become {to} directly");
        return Err(CoreError::invalid("status", Reason::StatusStep { from, to }, message));
    }
    // The outcome is checked on the input (`check_outcome`): it may be written in this very save.
    match missing(conn, id, to)?.into_iter().find(|reason| *reason != Reason::NeedsOutcome) {
        None => Ok(()),
        Some(reason) => {
            let message = match &reason {
                Reason::NeedsHeadOfDelegation => "Confirming needs a head of delegation among the participants".into(),
                Reason::NeedsProgramme => "Confirming needs at least one programme item".into(),
                Reason::UnacknowledgedConflicts { count } => {
                    format!("Confirming needs every conflict resolved or acknowledged ({count} left)")
                }
                other => format!("{other:?}"),
            };
            Err(CoreError::invalid("status", reason, message))
        }
    }
}

/// A new visit may start as a draft or planned (the later steps have requirements).
pub(crate) fn check_new(status: VisitStatus) -> CoreResult<()> {
    if matches!(status, Draft | Planned) {
        return Ok(());
    }
    let to = status.as_str().to_owned();
    let message = format!("A new visit starts as a draft or planned, not {to}");
    Err(CoreError::invalid("status", Reason::StatusStep { from: "new".into(), to }, message))
}

/// Completing a visit needs its outcome summary, or the summary waived on purpose: a visit is
/// judged by what follows it, and the report is where that is said.
pub(crate) fn check_outcome(input: &VisitInput) -> CoreResult<()> {
    if input.status != Completed || input.outcome_summary.is_some() || input.outcome_waived {
        return Ok(());
    }
    Err(CoreError::invalid(
        "outcomeSummary",
        Reason::NeedsOutcome,
        "Completing needs the outcome summary written, or waived",
    ))
}

fn missing(conn: &Connection, id: &VisitId, to: VisitStatus) -> CoreResult<Vec<Reason>> {
    if to == Completed {
        let visit = visits::get(conn, id)?;
        let outcome = check_outcome(&VisitInput { status: Completed, ..as_input(&visit) });
        return Ok(outcome.err().map(|_| Reason::NeedsOutcome).into_iter().collect());
    }
    if to != Confirmed {
        return Ok(Vec::new());
    }
    let mut missing = Vec::new();
    let heads: i64 = conn.query_row(
        "SELECT count(*) FROM participants pa JOIN people p ON p.id = pa.person_id
         WHERE pa.visit_id = ?1 AND pa.deleted_at IS NULL AND p.deleted_at IS NULL AND pa.role = 'head_of_delegation'
         AND pa.rsvp <> 'declined'",
        [id],
        |r| r.get(0),
    )?;
    if heads == 0 {
        missing.push(Reason::NeedsHeadOfDelegation);
    }
    let items: i64 =
        conn.query_row("SELECT count(*) FROM engagements WHERE visit_id = ?1 AND deleted_at IS NULL", [id], |r| {
            r.get(0)
        })?;
    if items == 0 {
        missing.push(Reason::NeedsProgramme);
    }
    let open = conflicts::unacknowledged(&conflicts::for_visit(conn, id)?);
    if open > 0 {
        missing.push(Reason::UnacknowledgedConflicts { count: open as u32 });
    }
    Ok(missing)
}

/// A new draft visit from `template`: its details, its programme moved to the new dates at the
/// same clock times, and (when asked) its participants and attendees.
pub fn duplicate(store: &mut Store, template: &VisitId, input: DuplicateVisit) -> CoreResult<Visit> {
    let source = visits::get(store.conn(), template)?;
    record::refuse_deleted(RecordKind::Visit, &source.deleted_at)?;
    let start = crate::kernel::validate::date("startDate", "Start date", &input.start_date)?;
    let days = (start - parse_date(&source.start_date)).num_days();
    let end = parse_date(&source.end_date) + Duration::days(days);
    store.write(|w| {
        let new_input = VisitInput {
            title: input.title.clone(),
            status: Draft,
            start_date: start.to_string(),
            end_date: end.to_string(),
            outcome_summary: None,
            move_programme: false,
            ..as_input(&source)
        };
        let visit = visits::insert(w, VisitId::new(), new_input)?;
        if input.with_participants {
            copy_participants(w, template, &visit.id, days)?;
        }
        copy_programme(w, template, &visit.id, days, input.with_participants)?;
        visits::get(w, &visit.id)
    })
}

fn copy_programme(w: &Writer<'_>, from: &VisitId, to: &VisitId, days: i64, attendees: bool) -> CoreResult<()> {
    let ids: Vec<EngagementId> = live_ids(w, "engagements", from)?;
    for id in ids {
        let item = engagements::get(w, &id)?;
        let input = EngagementInput {
            visit_id: to.clone(),
            starts_local: shift(&item.starts_local, days),
            ends_local: shift(&item.ends_local, days),
            attendee_ids: if attendees { item.attendee_ids.clone() } else { Vec::new() },
            ..engagements::as_input(&item)
        };
        engagements::insert(w, EngagementId::new(), input)?;
    }
    Ok(())
}

fn copy_participants(w: &Writer<'_>, from: &VisitId, to: &VisitId, days: i64) -> CoreResult<()> {
    let ids: Vec<ParticipantId> = live_ids(w, "participants", from)?;
    for id in ids {
        let p = participants::get(w, &id)?;
        if p.person_deleted {
            continue;
        }
        let input = ParticipantInput {
            visit_id: to.clone(),
            person_id: p.person_id.clone(),
            side: p.side,
            role: p.role,
            rsvp: Rsvp::Invited,
            arrival_local: p.arrival_local.as_deref().map(|t| shift(t, days)),
            departure_local: p.departure_local.as_deref().map(|t| shift(t, days)),
            hotel: p.hotel.clone(),
            precedence_override: p.precedence_override,
            notes: p.notes.clone(),
        };
        participants::insert(w, ParticipantId::new(), input)?;
    }
    Ok(())
}

fn live_ids<T: rusqlite::types::FromSql>(conn: &Connection, table: &str, visit: &VisitId) -> CoreResult<Vec<T>> {
    let sql = format!("SELECT id FROM {table} WHERE visit_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([visit], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A wall-clock `YYYY-MM-DDTHH:MM` moved by whole days.
fn shift(local: &str, days: i64) -> String {
    NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .map(|t| (t + Duration::days(days)).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_else(|_| local.to_owned())
}

fn parse_date(text: &str) -> NaiveDate {
    text.parse().unwrap_or_default()
}

/// The input that would save the visit as it is.
pub fn as_input(v: &Visit) -> VisitInput {
    VisitInput {
        title: v.title.clone(),
        direction: v.direction,
        status: v.status,
        host_organization_id: v.host_organization_id.clone(),
        guest_organization_id: v.guest_organization_id.clone(),
        city: v.city.clone(),
        country: v.country.clone(),
        time_zone: v.time_zone.clone(),
        start_date: v.start_date.clone(),
        end_date: v.end_date.clone(),
        exact_dates_unknown: v.exact_dates_unknown,
        objectives: v.objectives.clone(),
        security_level: v.security_level,
        security_notes: v.security_notes.clone(),
        outcome_summary: v.outcome_summary.clone(),
        outcome_waived: v.outcome_waived,
        travel_buffer_minutes: v.travel_buffer_minutes,
        move_programme: false,
    }
}
