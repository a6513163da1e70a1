//! The sector taxonomy used to classify organizations and agreements.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::clock::Clock;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::SectorId;
use crate::kernel::record::now;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Sector {
    pub id: SectorId,
    pub code: String,
    pub name: String,
}

/// The sectors a new store starts with: those trade bodies in Pakistan and Russia name most.
/// Their ids are fixed (migration 3 gives existing stores the same ones), so that two desktops
/// sharing data mean the same sector by the same id.
const DEFAULTS: &[(&str, &str, &str)] = &[
    ("00000000-0000-7000-8000-5ec700000001", "energy", "Energy"),
    ("00000000-0000-7000-8000-5ec700000002", "agriculture", "Agriculture"),
    ("00000000-0000-7000-8000-5ec700000003", "pharmaceuticals", "Pharmaceuticals"),
    ("00000000-0000-7000-8000-5ec700000004", "engineering_goods", "Engineering goods"),
    ("00000000-0000-7000-8000-5ec700000005", "it", "Information technology"),
    ("00000000-0000-7000-8000-5ec700000006", "sports_goods", "Sports goods"),
    ("00000000-0000-7000-8000-5ec700000007", "surgical_instruments", "Surgical instruments"),
    ("00000000-0000-7000-8000-5ec700000008", "leather", "Leather"),
    ("00000000-0000-7000-8000-5ec700000009", "textiles", "Textiles"),
    ("00000000-0000-7000-8000-5ec700000010", "education", "Education"),
    ("00000000-0000-7000-8000-5ec700000011", "trade_facilitation", "Trade facilitation"),
];

/// Adds any default sector that is missing; run when a store opens, inside its startup
/// transaction. A sector the user deleted stays deleted (its code still exists).
pub fn ensure_defaults(conn: &rusqlite::Connection, clock: &Clock) -> CoreResult<()> {
    let missing: Vec<&(&str, &str, &str)> = DEFAULTS
        .iter()
        .filter(|(_, code, _)| {
            conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM sectors WHERE code = ?1)", [code], |r| r.get(0))
                .unwrap_or(true)
        })
        .collect();
    let mut insert = conn.prepare_cached(
        "INSERT INTO sectors (id, code, name, created_at, updated_at, version) VALUES (?1, ?2, ?3, ?4, ?4, ?5)
         ON CONFLICT DO NOTHING",
    )?;
    let at = now();
    for (id, code, name) in missing {
        insert.execute(rusqlite::params![id, code, name, at, clock.tick()])?;
    }
    Ok(())
}

pub fn list(conn: &rusqlite::Connection) -> CoreResult<Vec<Sector>> {
    let mut stmt = conn.prepare_cached("SELECT id, code, name FROM sectors WHERE deleted_at IS NULL ORDER BY name")?;
    let rows = stmt.query_map([], |r| Ok(Sector { id: r.get(0)?, code: r.get(1)?, name: r.get(2)? }))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn by_code(conn: &rusqlite::Connection, code: &str) -> CoreResult<SectorId> {
    conn.query_row("SELECT id FROM sectors WHERE code = ?1", [code], |r| r.get(0))
        .map_err(|_| CoreError::NotFound { entity: "sector", id: code.to_owned() })
}

/// The sectors linked to one record through `link_table` (`<owner>_id`, `sector_id`).
pub fn linked(
    conn: &rusqlite::Connection,
    link_table: &str,
    owner_column: &str,
    owner_id: &str,
) -> CoreResult<Vec<Sector>> {
    Ok(linked_to_each(conn, link_table, owner_column, &[owner_id])?.remove(owner_id).unwrap_or_default())
}

/// The sectors linked to each of `owner_ids`, in one query for a whole page of records.
pub fn linked_to_each(
    conn: &rusqlite::Connection,
    link_table: &str,
    owner_column: &str,
    owner_ids: &[&str],
) -> CoreResult<HashMap<String, Vec<Sector>>> {
    let mut linked: HashMap<String, Vec<Sector>> = HashMap::new();
    if owner_ids.is_empty() {
        return Ok(linked);
    }
    let slots = vec!["?"; owner_ids.len()].join(", ");
    let sql = format!(
        "SELECT l.{owner_column}, s.id, s.code, s.name FROM {link_table} l JOIN sectors s ON s.id = l.sector_id
         WHERE l.{owner_column} IN ({slots}) ORDER BY s.name"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(owner_ids), |r| {
        Ok((r.get::<_, String>(0)?, Sector { id: r.get(1)?, code: r.get(2)?, name: r.get(3)? }))
    })?;
    for row in rows {
        let (owner, sector) = row?;
        linked.entry(owner).or_default().push(sector);
    }
    Ok(linked)
}

/// Replaces the sector links of one record, checking every sector exists.
pub fn relink(
    conn: &rusqlite::Connection,
    link_table: &str,
    owner_column: &str,
    owner_id: &str,
    sector_ids: &[SectorId],
) -> CoreResult<()> {
    conn.execute(&format!("DELETE FROM {link_table} WHERE {owner_column} = ?1"), [owner_id])?;
    let mut insert = conn
        .prepare_cached(&format!("INSERT OR IGNORE INTO {link_table} ({owner_column}, sector_id) VALUES (?1, ?2)"))?;
    for sector in sector_ids {
        let exists: bool =
            conn.query_row("SELECT count(*) > 0 FROM sectors WHERE id = ?1 AND deleted_at IS NULL", [sector], |r| {
                r.get(0)
            })?;
        if !exists {
            return Err(CoreError::invalid(
                "sectorIds",
                Reason::UnknownSector,
                format!("sector {sector} does not exist"),
            ));
        }
        insert.execute(rusqlite::params![owner_id, sector])?;
    }
    Ok(())
}
