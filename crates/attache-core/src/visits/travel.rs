//! Travel times: how long it takes to get from one venue to another. A pair of venues can have
//! its own time (the factory is an hour from the chamber); otherwise a visit's travel buffer
//! applies. The time is the same both ways, so a pair is stored once, its ids in order.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::VenueId;
use crate::kernel::record::{now, RecordKind, References};
use crate::kernel::validate;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TravelTime {
    pub from_venue_id: VenueId,
    pub to_venue_id: VenueId,
    pub minutes: i64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TravelTimeRow {
    pub venue_a_id: VenueId,
    pub venue_a_name: String,
    pub venue_b_id: VenueId,
    pub venue_b_name: String,
    pub minutes: i64,
}

/// Sets the travel time between two venues, or clears it with `minutes: None`.
pub fn set(store: &mut Store, from: &VenueId, to: &VenueId, minutes: Option<i64>) -> CoreResult<()> {
    if from == to {
        return Err(CoreError::invalid("toVenueId", Reason::ListedTwice, "Choose two different venues"));
    }
    let (a, b) = ordered(from, to);
    store.write(|w| {
        let refs = References::new(w);
        refs.check(RecordKind::Venue, from, "fromVenueId")?;
        refs.check(RecordKind::Venue, to, "toVenueId")?;
        match minutes {
            Some(m) => {
                let m = validate::minutes("minutes", "Travel time", m)?;
                w.execute(
                    "INSERT INTO travel_times (venue_a, venue_b, minutes, updated_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (venue_a, venue_b) DO UPDATE SET minutes = excluded.minutes, updated_at = excluded.updated_at",
                    rusqlite::params![a, b, m, now()],
                )?;
            }
            None => {
                w.execute("DELETE FROM travel_times WHERE venue_a = ?1 AND venue_b = ?2", [a, b])?;
            }
        }
        Ok(())
    })
}

/// The travel times a venue has with others, by the other venue's name.
pub fn for_venue(conn: &Connection, venue: &VenueId) -> CoreResult<Vec<TravelTimeRow>> {
    let mut stmt = conn.prepare(
        "SELECT t.venue_a, a.name, t.venue_b, b.name, t.minutes FROM travel_times t
         JOIN venues a ON a.id = t.venue_a JOIN venues b ON b.id = t.venue_b
         WHERE (t.venue_a = ?1 OR t.venue_b = ?1) AND a.deleted_at IS NULL AND b.deleted_at IS NULL
         ORDER BY iif(t.venue_a = ?1, b.name, a.name) COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([venue], |r| {
        Ok(TravelTimeRow {
            venue_a_id: r.get(0)?,
            venue_a_name: r.get(1)?,
            venue_b_id: r.get(2)?,
            venue_b_name: r.get(3)?,
            minutes: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Each pair's own time, from the first of the ordered pair to the second.
pub(crate) type Among = HashMap<VenueId, HashMap<VenueId, i64>>;

/// Every pair's own time among the given venues.
pub(crate) fn among(conn: &Connection, venues: &HashSet<&VenueId>) -> CoreResult<Among> {
    let ids = serde_json::to_string(venues).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT venue_a, venue_b, minutes FROM travel_times
         WHERE venue_a IN (SELECT value FROM json_each(?1)) AND venue_b IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([ids], |r| Ok((r.get::<_, VenueId>(0)?, r.get::<_, VenueId>(1)?, r.get(2)?)))?;
    let mut among = Among::new();
    for row in rows {
        let (a, b, minutes) = row?;
        among.entry(a).or_default().insert(b, minutes);
    }
    Ok(among)
}

pub(crate) fn ordered<'v>(x: &'v VenueId, y: &'v VenueId) -> (&'v VenueId, &'v VenueId) {
    if x < y {
        (x, y)
    } else {
        (y, x)
    }
}
