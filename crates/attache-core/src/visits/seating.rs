//! Seating plans: who sits where at a programme item's table(s), filled by the order of
//! precedence and adjusted by hand. The plan is kept on the item (migration 12); an item
//! without one has a plan proposed from the current participants each time it is read, so a
//! newly added guest is seated without anybody asking.
//!
//! The rules a protocol office follows, as this module applies them:
//! - **A long table**: hosts on one side, guests facing them. The principal host sits in the
//!   middle of the hosts' side, the principal guest (the seat of honour) faces them; the others
//!   follow outwards by rank, right then left, so each faces their counterpart.
//! - **Round tables**: table 1 is the top table. Each table's host sits at seat 1; the seat of
//!   honour is on the host's right (seat 2), the next guest on the host's left; hosts and guests
//!   then alternate around the table. Tables are filled in order, so rank falls from table to table.
//! - Third parties sit with the guests. When one side runs out, the other side fills its seats.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::directory::people;
use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, PersonId};
use crate::kernel::listing::every;
use crate::kernel::record::{self, now, RecordKind};
use crate::kernel::text_enum::text_enum;
use crate::store::Store;
use crate::visits::dossier::sorted;
use crate::visits::engagements::{self, Engagement};
use crate::visits::participants::{self, ParticipantQuery, Rsvp, Side};

text_enum!(TableLayout { Long = "long", Rounds = "rounds" });

pub const MAX_TABLES: i64 = 60;
pub const MAX_SEATS_PER_TABLE: i64 = 60;
/// Up to this many guests a proposal seats them at one long table; more go to round tables.
const LONG_TABLE_UP_TO: usize = 24;
const ROUND_TABLE_SEATS: i64 = 10;

/// The plan as kept, and as the window sends it back after a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SeatingInput {
    pub layout: TableLayout,
    pub tables: i64,
    pub seats_per_table: i64,
    /// Who sits where, table by table, seat by seat (`null`: an empty seat).
    pub seats: Vec<Vec<Option<PersonId>>>,
}

/// Somebody who can be seated at the item: one of the visit's participants (not declined), or
/// of the item's attendees when it lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Guest {
    pub person_id: PersonId,
    pub name: String,
    pub native_name: Option<String>,
    pub position: Option<String>,
    pub organization_name: Option<String>,
    pub side: Side,
    /// Place in the order of precedence, from 1.
    pub precedence: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Seat {
    /// From 1, as printed. At a long table seats `1..=half` are the hosts' side, left to right
    /// as the hosts see it, and seat `half + n` faces seat `n`.
    pub number: i64,
    /// The side the rules give this seat (the person in it may be of the other, by hand or when a side ran out).
    pub side: Side,
    /// The table's host's seat.
    pub head: bool,
    /// The seat of honour (the principal guest's).
    pub honour: bool,
    pub guest: Option<Guest>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SeatingTable {
    pub number: i64,
    pub seats: Vec<Seat>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Seating {
    pub engagement_id: EngagementId,
    pub engagement_title: String,
    pub starts_local: String,
    pub layout: TableLayout,
    pub tables: i64,
    pub seats_per_table: i64,
    pub plan: Vec<SeatingTable>,
    /// Guests with no seat (more guests than seats, or left out by hand), in precedence order.
    pub unseated: Vec<Guest>,
    /// The plan was saved (adjusted by hand); otherwise it is proposed from the order of precedence.
    pub saved: bool,
}

/// The item's plan: the one saved, or one proposed from the order of precedence.
pub fn get(conn: &Connection, id: &EngagementId) -> CoreResult<Seating> {
    let engagement = engagements::get(conn, id)?;
    let guests = guests(conn, &engagement)?;
    match stored(conn, id)? {
        Some(kept) => Ok(laid_out(&engagement, kept, &guests, true)),
        None => {
            let (layout, tables, seats_per_table) = default_shape(guests.len());
            Ok(laid_out(&engagement, fill(layout, tables, seats_per_table, &guests), &guests, false))
        }
    }
}

/// A fresh plan of the given shape, filled by the order of precedence (not saved).
pub fn propose(
    conn: &Connection,
    id: &EngagementId,
    layout: TableLayout,
    tables: i64,
    seats_per_table: i64,
) -> CoreResult<Seating> {
    check_shape(layout, tables, seats_per_table)?;
    let engagement = engagements::get(conn, id)?;
    let guests = guests(conn, &engagement)?;
    Ok(laid_out(&engagement, fill(layout, tables, seats_per_table, &guests), &guests, false))
}

/// Keeps the plan as given (after a drag in the window, say). Every person in it must be a
/// guest of the item, seated once.
pub fn save(store: &mut Store, id: &EngagementId, input: SeatingInput) -> CoreResult<Seating> {
    store.write(|w| {
        let engagement = engagements::get(w, id)?;
        record::refuse_deleted(RecordKind::Engagement, &engagement.deleted_at)?;
        check_shape(input.layout, input.tables, input.seats_per_table)?;
        let rows_fit = input.seats.len() as i64 == input.tables
            && input.seats.iter().all(|table| table.len() as i64 == input.seats_per_table);
        if !rows_fit {
            return Err(CoreError::invalid("seats", Reason::SeatsDoNotFit, "the seats do not match the tables"));
        }
        let guests = guests(w, &engagement)?;
        let mut seen = std::collections::HashSet::new();
        for person in input.seats.iter().flatten().flatten() {
            if !guests.iter().any(|g| &g.person_id == person) {
                return Err(CoreError::invalid(
                    "seats",
                    Reason::NotAGuest,
                    format!("{person} is not a guest of this item"),
                ));
            }
            if !seen.insert(person.as_str()) {
                return Err(CoreError::invalid("seats", Reason::ListedTwice, format!("{person} is seated twice")));
            }
        }
        write(w, id, Some(&input))?;
        Ok(laid_out(&engagement, input, &guests, true))
    })
}

/// Forgets the plan kept: the item is seated by the order of precedence again.
pub fn clear(store: &mut Store, id: &EngagementId) -> CoreResult<Seating> {
    store.write(|w| {
        let engagement = engagements::get(w, id)?;
        record::refuse_deleted(RecordKind::Engagement, &engagement.deleted_at)?;
        write(w, id, None)
    })?;
    get(store.conn(), id)
}

fn write(w: &crate::store::Writer<'_>, id: &EngagementId, plan: Option<&SeatingInput>) -> CoreResult<()> {
    let snapshot = audit::snapshot(w, RecordKind::Engagement, id.as_str())?;
    let json = plan.map(|p| serde_json::to_string(p).unwrap_or_default());
    w.execute(
        "UPDATE engagements SET seating = ?2, updated_at = ?3 WHERE id = ?1",
        rusqlite::params![id, json, now()],
    )?;
    audit::changed(w, RecordKind::Engagement, id.as_str(), Some(snapshot))
}

fn stored(conn: &Connection, id: &EngagementId) -> CoreResult<Option<SeatingInput>> {
    let json: Option<String> = conn
        .prepare_cached("SELECT seating FROM engagements WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    // A plan that no longer reads (written by a newer Attaché, say) is proposed afresh.
    Ok(json
        .and_then(|j| serde_json::from_str::<SeatingInput>(&j).ok())
        .filter(|p| check_shape(p.layout, p.tables, p.seats_per_table).is_ok() && p.seats.len() as i64 == p.tables))
}

fn check_shape(layout: TableLayout, tables: i64, seats_per_table: i64) -> CoreResult<()> {
    let max_tables = if layout == TableLayout::Long { 1 } else { MAX_TABLES };
    if tables < 1 {
        return Err(CoreError::invalid("tables", Reason::TooSmall { min: 1 }, "at least one table"));
    }
    if tables > max_tables {
        let message = format!("at most {max_tables} table(s) for this layout");
        return Err(CoreError::invalid("tables", Reason::TooLarge { max: max_tables as i32 }, message));
    }
    if seats_per_table < 2 {
        return Err(CoreError::invalid("seatsPerTable", Reason::TooSmall { min: 2 }, "at least two seats"));
    }
    if seats_per_table > MAX_SEATS_PER_TABLE {
        let message = format!("at most {MAX_SEATS_PER_TABLE} seats at a table");
        return Err(CoreError::invalid("seatsPerTable", Reason::TooLarge { max: MAX_SEATS_PER_TABLE as i32 }, message));
    }
    Ok(())
}

/// The visit's participants who have not declined (only the item's attendees when it lists
/// them), in precedence order; attendees who are not participants come last, as third parties.
pub(crate) fn guests(conn: &Connection, engagement: &Engagement) -> CoreResult<Vec<Guest>> {
    let visit_id = Some(engagement.visit_id.clone());
    let participants = every(&sorted("precedence"), |list| {
        participants::list(conn, &ParticipantQuery { list, visit_id: visit_id.clone(), ..Default::default() })
    })?;
    let listed = &engagement.attendee_ids;
    let mut guests: Vec<Guest> = participants
        .into_iter()
        .filter(|p| p.rsvp != Rsvp::Declined && (listed.is_empty() || listed.contains(&p.person_id)))
        .map(|p| Guest {
            person_id: p.person_id,
            name: p.person_name,
            native_name: p.native_name,
            position: p.position,
            organization_name: p.organization_name,
            side: p.side,
            precedence: 0,
        })
        .collect();
    for id in listed {
        if !guests.iter().any(|g| &g.person_id == id) {
            let person = people::get(conn, id)?;
            if person.deleted_at.is_none() {
                guests.push(Guest {
                    person_id: person.id,
                    name: person.display_name,
                    native_name: person.native_name,
                    position: person.position,
                    organization_name: person.organization_name,
                    side: Side::ThirdParty,
                    precedence: 0,
                });
            }
        }
    }
    for (i, guest) in guests.iter_mut().enumerate() {
        guest.precedence = i as i64 + 1;
    }
    Ok(guests)
}

fn default_shape(guests: usize) -> (TableLayout, i64, i64) {
    if guests <= LONG_TABLE_UP_TO {
        let even = (guests.max(2) as i64 + 1) / 2 * 2;
        (TableLayout::Long, 1, even)
    } else {
        let tables = (guests as i64 + ROUND_TABLE_SEATS - 1) / ROUND_TABLE_SEATS;
        (TableLayout::Rounds, tables.min(MAX_TABLES), ROUND_TABLE_SEATS)
    }
}

/// The seats of one table in the order they are filled, each with the side the rules give it.
fn seat_order(layout: TableLayout, seats: i64) -> Vec<(usize, Side)> {
    match layout {
        TableLayout::Long => {
            let hosts = ((seats + 1) / 2) as usize;
            let guests = seats as usize - hosts;
            let outwards = |n: usize| {
                let centre = (n.max(1) - 1) / 2;
                let mut order = vec![centre];
                for step in 1..n {
                    order.extend((centre + step < n).then_some(centre + step));
                    order.extend(centre.checked_sub(step));
                }
                order.truncate(n);
                order
            };
            let (host_seats, guest_seats) = (outwards(hosts), outwards(guests));
            let mut order = Vec::new();
            for i in 0..hosts.max(guests) {
                order.extend(host_seats.get(i).map(|&s| (s, Side::Host)));
                order.extend(guest_seats.get(i).map(|&s| (hosts + s, Side::Guest)));
            }
            order
        }
        TableLayout::Rounds => {
            let n = seats as usize;
            let mut order = vec![(0, Side::Host)];
            for distance in 1..=n / 2 {
                let side = if distance % 2 == 1 { Side::Guest } else { Side::Host };
                order.push((distance, side));
                if n - distance != distance {
                    order.push((n - distance, side));
                }
            }
            order
        }
    }
}

/// Fills the tables in order, each seat with the first unseated guest of its side (or of the
/// other side when its own ran out).
fn fill(layout: TableLayout, tables: i64, seats_per_table: i64, guests: &[Guest]) -> SeatingInput {
    let (mut hosts, mut others): (Vec<&Guest>, Vec<&Guest>) = guests.iter().partition(|g| g.side == Side::Host);
    hosts.reverse();
    others.reverse();
    let mut seats = vec![vec![None; seats_per_table as usize]; tables as usize];
    for table in seats.iter_mut() {
        for (seat, side) in seat_order(layout, seats_per_table) {
            let (own, other) = if side == Side::Host { (&mut hosts, &mut others) } else { (&mut others, &mut hosts) };
            table[seat] = own.pop().or_else(|| other.pop()).map(|g| g.person_id.clone());
        }
    }
    SeatingInput { layout, tables, seats_per_table, seats }
}

/// The plan with each seat's person and role, dropping anybody who is no longer a guest.
fn laid_out(engagement: &Engagement, plan: SeatingInput, guests: &[Guest], saved: bool) -> Seating {
    let order = seat_order(plan.layout, plan.seats_per_table);
    let side_of = |seat: usize| order.iter().find(|(s, _)| *s == seat).map_or(Side::Guest, |(_, side)| *side);
    let honour_seat = order.iter().find(|(_, side)| *side == Side::Guest).map(|(s, _)| *s);
    let mut seated = std::collections::HashSet::new();
    let plan_tables = plan
        .seats
        .iter()
        .enumerate()
        .map(|(t, row)| SeatingTable {
            number: t as i64 + 1,
            seats: (0..plan.seats_per_table as usize)
                .map(|s| {
                    let guest = row
                        .get(s)
                        .cloned()
                        .flatten()
                        .and_then(|id| guests.iter().find(|g| g.person_id == id))
                        .filter(|g| seated.insert(g.person_id.clone()))
                        .cloned();
                    Seat {
                        number: s as i64 + 1,
                        side: side_of(s),
                        head: order.first().is_some_and(|(first, _)| *first == s),
                        honour: t == 0 && honour_seat == Some(s),
                        guest,
                    }
                })
                .collect(),
        })
        .collect();
    Seating {
        engagement_id: engagement.id.clone(),
        engagement_title: engagement.title.clone(),
        starts_local: engagement.starts_local.clone(),
        layout: plan.layout,
        tables: plan.tables,
        seats_per_table: plan.seats_per_table,
        plan: plan_tables,
        unseated: guests.iter().filter(|g| !seated.contains(&g.person_id)).cloned().collect(),
        saved,
    }
}
