//! Venues: where programme items happen (and where two bookings can collide).

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::ids::VenueId;
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind};
use crate::kernel::validate;
use crate::store::{Store, Writer};

#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VenueInput {
    pub name: String,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub capacity: Option<i64>,
    /// Who to call there: a name, a phone number, or both.
    pub contact: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Venue {
    pub id: VenueId,
    pub name: String,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub capacity: Option<i64>,
    pub contact: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct VenueQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub city: Option<String>,
}

const COLUMNS: &str =
    "v.id, v.name, v.address, v.city, v.country, v.capacity, v.contact, v.notes, v.created_at, v.updated_at, v.deleted_at";
const SOURCE: Source = Source { from: "venues v", count_from: "venues v" };
const SORTS: &[(&str, &str)] =
    &[("name", "v.name COLLATE NOCASE"), ("city", "v.city COLLATE NOCASE"), ("capacity", "v.capacity")];

pub fn create(store: &mut Store, input: VenueInput) -> CoreResult<Venue> {
    store.write(|w| insert(w, VenueId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: VenueId, input: VenueInput) -> CoreResult<Venue> {
    let i = validated(input)?;
    w.execute(
        "INSERT INTO venues (id, name, address, city, country, capacity, contact, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        rusqlite::params![id, i.name, i.address, i.city, i.country, i.capacity, i.contact, i.notes, now()],
    )?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Venue, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &VenueId, input: VenueInput) -> CoreResult<Venue> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Venue, id.as_str())?;
        record::refuse_deleted(RecordKind::Venue, &before.deleted_at)?;
        let i = validated(input)?;
        w.execute(
            "UPDATE venues SET name = ?2, address = ?3, city = ?4, country = ?5, capacity = ?6, contact = ?7, notes = ?8,
             updated_at = ?9 WHERE id = ?1",
            rusqlite::params![id, i.name, i.address, i.city, i.country, i.capacity, i.contact, i.notes, now()],
        )?;
        audit::changed(w, RecordKind::Venue, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &VenueId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Venue, id.as_str()))
}

pub fn restore(store: &mut Store, id: &VenueId) -> CoreResult<Venue> {
    store.write(|w| {
        record::restore(w, RecordKind::Venue, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &VenueId) -> CoreResult<Venue> {
    let sql = format!("SELECT {COLUMNS} FROM venues v WHERE v.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "venue", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &VenueQuery) -> CoreResult<Page<Venue>> {
    let mut select = Select::new("v", &query.list);
    select
        .filter("v.city = ? COLLATE NOCASE", query.city.clone())
        .search(&["v.name", "v.address", "v.city", "v.contact"], query.list.search.as_deref());
    let order = order_by(&query.list, SORTS, "v.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

fn validated(input: VenueInput) -> CoreResult<VenueInput> {
    validate::required("name", "Name", &input.name)?;
    Ok(VenueInput {
        address: validate::line("address", "Address", input.address)?,
        city: validate::line("city", "City", input.city)?,
        country: validate::country("country", input.country)?,
        capacity: validate::at_least("capacity", "Capacity", input.capacity, 0)?,
        contact: validate::line("contact", "Contact", input.contact)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Venue> {
    Ok(Venue {
        id: row.get("id")?,
        name: row.get("name")?,
        address: row.get("address")?,
        city: row.get("city")?,
        country: row.get("country")?,
        capacity: row.get("capacity")?,
        contact: row.get("contact")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
