//! Participants: who takes part in a visit, on which side, in which role and order of precedence.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{ParticipantId, PersonId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::local_time;
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};
use crate::visits::Shift;

text_enum!(Side { Host = "host", Guest = "guest", ThirdParty = "third_party" });

text_enum!(ParticipantRole {
    HeadOfDelegation = "head_of_delegation",
    Member = "member",
    Host = "host",
    Speaker = "speaker",
    Interpreter = "interpreter",
    Security = "security",
    Media = "media",
    Staff = "staff",
});

text_enum!(Rsvp { Invited = "invited", Accepted = "accepted", Tentative = "tentative", Declined = "declined" });

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInput {
    pub visit_id: VisitId,
    pub person_id: PersonId,
    pub side: Side,
    pub role: ParticipantRole,
    pub rsvp: Rsvp,
    /// Wall-clock `YYYY-MM-DDTHH:MM` in the visit's time zone, like a programme item.
    pub arrival_local: Option<String>,
    pub departure_local: Option<String>,
    pub hotel: Option<String>,
    /// Overrides the person's protocol rank for this visit only.
    pub precedence_override: Option<i64>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: ParticipantId,
    pub visit_id: VisitId,
    /// The visit's title and first day, for a person's list of the visits they take part in.
    pub visit_title: String,
    pub visit_start_date: String,
    pub visit_deleted: bool,
    pub person_id: PersonId,
    pub person_name: String,
    /// The person is deleted: the participant is hidden with them (see `belongs_to_deleted`).
    pub person_deleted: bool,
    /// Its visit or its person is deleted: hidden from default lists, marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub native_name: Option<String>,
    pub position: Option<String>,
    pub organization_name: Option<String>,
    pub organization_deleted: bool,
    pub protocol_rank: Option<i64>,
    pub side: Side,
    pub role: ParticipantRole,
    pub rsvp: Rsvp,
    pub checked_in_at: Option<String>,
    /// UTC instants, and the same in the visit's wall-clock time.
    pub arrival_at: Option<String>,
    pub departure_at: Option<String>,
    pub arrival_local: Option<String>,
    pub departure_local: Option<String>,
    pub hotel: Option<String>,
    pub precedence_override: Option<i64>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ParticipantQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub visit_id: Option<VisitId>,
    pub person_id: Option<PersonId>,
    pub side: Option<Side>,
    pub rsvp: Option<Rsvp>,
}

const COLUMNS: &str = concat!(
    "pa.id, pa.visit_id, v.title AS visit_title, v.start_date AS visit_start_date,
    v.deleted_at IS NOT NULL AS visit_deleted, pa.person_id,
    ",
    person_name_sql!("p"),
    " AS person_name,
    p.deleted_at IS NOT NULL AS person_deleted,
    (v.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL) AS belongs_to_deleted,
    p.native_name, p.position, o.name AS organization_name, o.deleted_at IS NOT NULL AS organization_deleted, p.protocol_rank, pa.side, pa.role, pa.rsvp,
    pa.checked_in_at, v.time_zone, pa.arrival_at, pa.departure_at, pa.hotel, pa.precedence_override, pa.notes, pa.created_at,
    pa.updated_at, pa.deleted_at"
);
const FROM: &str = "participants pa JOIN people p ON p.id = pa.person_id JOIN visits v ON v.id = pa.visit_id
    LEFT JOIN organizations o ON o.id = p.organization_id";

const SOURCE: Source = Source {
    from: FROM,
    count_from: "participants pa JOIN visits v ON v.id = pa.visit_id JOIN people p ON p.id = pa.person_id",
};
/// The owner rule (see the crate docs): a participant goes with its visit and with its person.
const LIVE_OWNERS: &str = "v.deleted_at IS NULL AND p.deleted_at IS NULL";
/// The sorts besides precedence, which comes first and follows the office's rule
/// (see `visits::precedence`).
const SORTS: &[(&str, &str)] =
    &[("personName", "p.family_name COLLATE NOCASE"), ("side", "pa.side"), ("role", "pa.role"), ("rsvp", "pa.rsvp")];

pub fn create(store: &mut Store, input: ParticipantInput) -> CoreResult<Participant> {
    store.write(|w| insert(w, ParticipantId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: ParticipantId, input: ParticipantInput) -> CoreResult<Participant> {
    let (i, arrival_at, departure_at) = validated(w, input, &References::new(w))?;
    w.execute(
        "INSERT INTO participants (id, visit_id, person_id, side, role, rsvp, arrival_at, departure_at, hotel,
         precedence_override, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        rusqlite::params![
            id,
            i.visit_id,
            i.person_id,
            i.side,
            i.role,
            i.rsvp,
            arrival_at,
            departure_at,
            i.hotel,
            i.precedence_override,
            i.notes,
            now()
        ],
    )
    .map_err(already_taking_part)?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Participant, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &ParticipantId, input: ParticipantInput) -> CoreResult<Participant> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Participant, id.as_str())?;
        record::refuse_deleted(RecordKind::Participant, &before.deleted_at)?;
        let refs = References::keeping(w, [before.visit_id.as_str(), before.person_id.as_str()]);
        let (i, arrival_at, departure_at) = validated(w, input, &refs)?;
        w.execute(
            "UPDATE participants SET visit_id = ?2, person_id = ?3, side = ?4, role = ?5, rsvp = ?6, arrival_at = ?7,
             departure_at = ?8, hotel = ?9, precedence_override = ?10, notes = ?11, updated_at = ?12 WHERE id = ?1",
            rusqlite::params![
                id,
                i.visit_id,
                i.person_id,
                i.side,
                i.role,
                i.rsvp,
                arrival_at,
                departure_at,
                i.hotel,
                i.precedence_override,
                i.notes,
                now()
            ],
        )
        .map_err(already_taking_part)?;
        audit::changed(w, RecordKind::Participant, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

/// Records (or with `false`, clears) that the participant has arrived at the visit.
pub fn check_in(store: &mut Store, id: &ParticipantId, checked_in: bool) -> CoreResult<Participant> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Participant, id.as_str())?;
        record::refuse_deleted(RecordKind::Participant, &before.deleted_at)?;
        let at = checked_in.then(now);
        w.execute(
            "UPDATE participants SET checked_in_at = ?2, updated_at = ?3 WHERE id = ?1",
            rusqlite::params![id, at, now()],
        )?;
        audit::changed(w, RecordKind::Participant, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &ParticipantId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Participant, id.as_str()))
}

pub fn restore(store: &mut Store, id: &ParticipantId) -> CoreResult<Participant> {
    store.write(|w| {
        record::restore(w, RecordKind::Participant, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &ParticipantId) -> CoreResult<Participant> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE pa.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "participant", id: id.to_string() })
}

/// Participants, by default in order of precedence.
pub fn list(conn: &Connection, query: &ParticipantQuery) -> CoreResult<Page<Participant>> {
    let mut select = Select::new("pa", &query.list);
    select
        .filter("pa.visit_id = ?", query.visit_id.clone().map(|v| v.0))
        .filter("pa.person_id = ?", query.person_id.clone().map(|p| p.0))
        .filter("pa.side = ?", query.side)
        .filter("pa.rsvp = ?", query.rsvp)
        .search(
            &["p.given_name", "p.family_name", "p.native_name", "iif(o.deleted_at IS NULL, o.name, NULL)"],
            query.list.search.as_deref(),
        );
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    let precedence = crate::visits::precedence::rule(conn)?.order_sql();
    let mut sorts = vec![("precedence", precedence.as_str())];
    sorts.extend_from_slice(SORTS);
    let order = order_by(&query.list, &sorts, "pa.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

/// Sets the answer of several participants at once (all or none), each change in the history.
pub fn set_rsvp(store: &mut Store, ids: &[ParticipantId], rsvp: Rsvp) -> CoreResult<usize> {
    store.write(|w| {
        for id in ids {
            let before = get(w, id)?;
            record::refuse_deleted(RecordKind::Participant, &before.deleted_at)?;
            let snapshot = audit::snapshot(w, RecordKind::Participant, id.as_str())?;
            w.execute(
                "UPDATE participants SET rsvp = ?2, updated_at = ?3 WHERE id = ?1",
                rusqlite::params![id, rsvp, now()],
            )?;
            audit::changed(w, RecordKind::Participant, id.as_str(), Some(snapshot))?;
        }
        Ok(ids.len())
    })
}

/// Keeps participants' arrival and departure clock times when their visit changes zone or dates.
pub(crate) fn reschedule(w: &Writer<'_>, visit: &VisitId, shift: Shift) -> CoreResult<()> {
    let rows: Vec<(ParticipantId, Option<String>, Option<String>, bool)> = w
        .prepare(
            "SELECT pa.id, pa.arrival_at, pa.departure_at, pa.deleted_at IS NULL AND p.deleted_at IS NULL
             FROM participants pa JOIN people p ON p.id = pa.person_id
             WHERE pa.visit_id = ?1 AND (pa.arrival_at IS NOT NULL OR pa.departure_at IS NOT NULL)",
        )?
        .query_map([visit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    for (id, arrival_at, departure_at, live) in rows {
        let shift = if live { shift } else { shift.for_hidden() };
        let moved = |t: Option<String>| t.map(|t| shift.apply(&t)).transpose();
        let snapshot = audit::snapshot(w, RecordKind::Participant, id.as_str())?;
        w.execute(
            "UPDATE participants SET arrival_at = ?2, departure_at = ?3, updated_at = ?4 WHERE id = ?1",
            rusqlite::params![id, moved(arrival_at)?, moved(departure_at)?, now()],
        )?;
        audit::changed(w, RecordKind::Participant, id.as_str(), Some(snapshot))?;
    }
    Ok(())
}

fn already_taking_part(error: rusqlite::Error) -> CoreError {
    if record::is_unique_violation(&error) {
        return CoreError::invalid("personId", Reason::AlreadyTakesPart, "this person already takes part in the visit");
    }
    error.into()
}

/// Checks the input and turns arrival and departure into UTC instants in the visit's zone.
fn validated(
    w: &Writer<'_>,
    input: ParticipantInput,
    refs: &References<'_>,
) -> CoreResult<(ParticipantInput, Option<String>, Option<String>)> {
    refs.check(RecordKind::Visit, &input.visit_id, "visitId")?;
    refs.check(RecordKind::Person, &input.person_id, "personId")?;
    let zone = crate::visits::time_zone(w, &input.visit_id)?;
    let instant = |field: &str, label: &str, value: &Option<String>| -> CoreResult<Option<String>> {
        match validate::blank_to_none(value.clone()) {
            Some(v) => Ok(Some(local_time::to_utc(field, zone, validate::local_date_time(field, label, &v)?)?)),
            None => Ok(None),
        }
    };
    let arrival_at = instant("arrivalLocal", "Arrival", &input.arrival_local)?;
    let departure_at = instant("departureLocal", "Departure", &input.departure_local)?;
    if let (Some(a), Some(d)) = (&arrival_at, &departure_at) {
        if d < a {
            return Err(CoreError::invalid("departureLocal", Reason::BeforeStart, "Departure is before the arrival"));
        }
    }
    let input = ParticipantInput {
        hotel: validate::line("hotel", "Hotel", input.hotel)?,
        precedence_override: validate::at_least("precedenceOverride", "Precedence", input.precedence_override, 0)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    };
    Ok((input, arrival_at, departure_at))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Participant> {
    let zone = local_time::zone_or_utc(&row.get::<_, String>("time_zone")?);
    let arrival_at: Option<String> = row.get("arrival_at")?;
    let departure_at: Option<String> = row.get("departure_at")?;
    Ok(Participant {
        id: row.get("id")?,
        visit_id: row.get("visit_id")?,
        visit_title: row.get("visit_title")?,
        visit_start_date: row.get("visit_start_date")?,
        visit_deleted: row.get("visit_deleted")?,
        person_id: row.get("person_id")?,
        person_name: row.get("person_name")?,
        person_deleted: row.get("person_deleted")?,
        belongs_to_deleted: row.get("belongs_to_deleted")?,
        native_name: row.get("native_name")?,
        position: row.get("position")?,
        organization_name: row.get("organization_name")?,
        organization_deleted: row.get("organization_deleted")?,
        protocol_rank: row.get("protocol_rank")?,
        side: row.get("side")?,
        role: row.get("role")?,
        rsvp: row.get("rsvp")?,
        checked_in_at: row.get("checked_in_at")?,
        arrival_local: arrival_at.as_deref().map(|t| local_time::to_local(zone, t)),
        departure_local: departure_at.as_deref().map(|t| local_time::to_local(zone, t)),
        arrival_at,
        departure_at,
        hotel: row.get("hotel")?,
        precedence_override: row.get("precedence_override")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
