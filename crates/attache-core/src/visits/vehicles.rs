//! Vehicles: the cars, vans and coaches of a visit's transfers (and what can be booked twice).

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::ids::VehicleId;
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::store::{Store, Writer};

text_enum!(VehicleKind { Car = "car", Van = "van", Minibus = "minibus", Coach = "coach", Other = "other" });

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VehicleInput {
    /// What the office calls it: "Car 1 (lead)", "Embassy van".
    pub label: String,
    pub kind: VehicleKind,
    pub registration: Option<String>,
    pub seats: Option<i64>,
    pub driver: Option<String>,
    /// The driver's phone, for the run-sheet.
    pub phone: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Vehicle {
    pub id: VehicleId,
    pub label: String,
    pub kind: VehicleKind,
    pub registration: Option<String>,
    pub seats: Option<i64>,
    pub driver: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct VehicleQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub kind: Option<VehicleKind>,
}

const COLUMNS: &str = "c.id, c.label, c.kind, c.registration, c.seats, c.driver, c.phone, c.notes, c.created_at,
    c.updated_at, c.deleted_at";
const SOURCE: Source = Source { from: "vehicles c", count_from: "vehicles c" };
const SORTS: &[(&str, &str)] = &[("label", "c.label COLLATE NOCASE"), ("kind", "c.kind"), ("seats", "c.seats")];

pub fn create(store: &mut Store, input: VehicleInput) -> CoreResult<Vehicle> {
    store.write(|w| insert(w, VehicleId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: VehicleId, input: VehicleInput) -> CoreResult<Vehicle> {
    let i = validated(input)?;
    w.execute(
        "INSERT INTO vehicles (id, label, kind, registration, seats, driver, phone, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        rusqlite::params![id, i.label, i.kind, i.registration, i.seats, i.driver, i.phone, i.notes, now()],
    )?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Vehicle, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &VehicleId, input: VehicleInput) -> CoreResult<Vehicle> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Vehicle, id.as_str())?;
        record::refuse_deleted(RecordKind::Vehicle, &before.deleted_at)?;
        let i = validated(input)?;
        w.execute(
            "UPDATE vehicles SET label = ?2, kind = ?3, registration = ?4, seats = ?5, driver = ?6, phone = ?7,
             notes = ?8, updated_at = ?9 WHERE id = ?1",
            rusqlite::params![id, i.label, i.kind, i.registration, i.seats, i.driver, i.phone, i.notes, now()],
        )?;
        audit::changed(w, RecordKind::Vehicle, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &VehicleId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Vehicle, id.as_str()))
}

pub fn restore(store: &mut Store, id: &VehicleId) -> CoreResult<Vehicle> {
    store.write(|w| {
        record::restore(w, RecordKind::Vehicle, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &VehicleId) -> CoreResult<Vehicle> {
    let sql = format!("SELECT {COLUMNS} FROM vehicles c WHERE c.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "vehicle", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &VehicleQuery) -> CoreResult<Page<Vehicle>> {
    let mut select = Select::new("c", &query.list);
    select
        .filter("c.kind = ?", query.kind)
        .search(&["c.label", "c.registration", "c.driver"], query.list.search.as_deref());
    let order = order_by(&query.list, SORTS, "c.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

fn validated(input: VehicleInput) -> CoreResult<VehicleInput> {
    validate::required("label", "Label", &input.label)?;
    Ok(VehicleInput {
        registration: validate::line("registration", "Registration", input.registration)?,
        seats: validate::at_least("seats", "Seats", input.seats, 0)?,
        driver: validate::line("driver", "Driver", input.driver)?,
        phone: validate::line("phone", "Phone", input.phone)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Vehicle> {
    Ok(Vehicle {
        id: row.get("id")?,
        label: row.get("label")?,
        kind: row.get("kind")?,
        registration: row.get("registration")?,
        seats: row.get("seats")?,
        driver: row.get("driver")?,
        phone: row.get("phone")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
