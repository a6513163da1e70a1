//! Organizations: chambers, embassies, ministries, companies, universities…

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::directory::sectors::{self, Sector};
use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::ids::{OrganizationId, SectorId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::store::{Store, Writer};

text_enum!(OrganizationKind {
    Chamber = "chamber",
    Embassy = "embassy",
    Ministry = "ministry",
    Company = "company",
    University = "university",
    Association = "association",
    Media = "media",
    Other = "other",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationInput {
    pub name: String,
    pub short_name: Option<String>,
    /// The name in the original language and script (Торгово-промышленная палата, سیالکوٹ چیمبر).
    #[serde(default)]
    pub native_name: Option<String>,
    pub kind: OrganizationKind,
    pub country: Option<String>,
    pub city: Option<String>,
    pub website: Option<String>,
    #[serde(default)]
    pub sector_ids: Vec<SectorId>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: OrganizationId,
    pub name: String,
    pub short_name: Option<String>,
    pub native_name: Option<String>,
    pub kind: OrganizationKind,
    pub country: Option<String>,
    pub city: Option<String>,
    pub website: Option<String>,
    pub sectors: Vec<Sector>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct OrganizationQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub kind: Option<OrganizationKind>,
    pub country: Option<String>,
    pub sector_id: Option<SectorId>,
}

const COLUMNS: &str = "o.id, o.name, o.short_name, o.native_name, o.kind, o.country, o.city, o.website, o.notes, o.created_at, o.updated_at, o.deleted_at";
const SOURCE: Source = Source { from: "organizations o", count_from: "organizations o" };
/// Organizations whose name, short name, native name or city contains the bound FTS5 phrase,
/// or whose names match it in any spelling (one rowid set).
pub(crate) const ORGANIZATION_MATCH: &str =
    "o.rowid IN (SELECT rowid FROM organizations_search WHERE organizations_search MATCH ?
    UNION SELECT rowid FROM organization_names WHERE organization_names MATCH ?names)";
const SORTS: &[(&str, &str)] = &[
    ("name", "o.name COLLATE NOCASE"),
    ("kind", "o.kind"),
    ("country", "o.country"),
    ("city", "o.city COLLATE NOCASE"),
    ("updatedAt", "o.updated_at"),
];

pub fn create(store: &mut Store, input: OrganizationInput) -> CoreResult<Organization> {
    store.write(|w| insert(w, OrganizationId::new(), input))
}

/// Creates an organization inside an open write (used by the sample data and imports).
/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: OrganizationId, input: OrganizationInput) -> CoreResult<Organization> {
    let input = validated(input)?;
    w.execute(
        "INSERT INTO organizations (id, name, short_name, kind, country, city, website, notes, created_at, updated_at, native_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
        rusqlite::params![
            id,
            input.name,
            input.short_name,
            input.kind,
            input.country,
            input.city,
            input.website,
            input.notes,
            now(),
            input.native_name
        ],
    )?;
    sectors::relink(w, "organization_sectors", "organization_id", id.as_str(), &input.sector_ids)?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Organization, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &OrganizationId, input: OrganizationInput) -> CoreResult<Organization> {
    store.write(|w| change(w, id, input))
}

/// Updates the record inside an open write (an import's merge, its undo).
pub fn change(w: &Writer<'_>, id: &OrganizationId, input: OrganizationInput) -> CoreResult<Organization> {
    {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Organization, id.as_str())?;
        record::refuse_deleted(RecordKind::Organization, &before.deleted_at)?;
        let input = validated(input)?;
        w.execute(
            "UPDATE organizations SET name = ?2, short_name = ?3, kind = ?4, country = ?5, city = ?6, website = ?7,
             notes = ?8, updated_at = ?9, native_name = ?10 WHERE id = ?1",
            rusqlite::params![
                id,
                input.name,
                input.short_name,
                input.kind,
                input.country,
                input.city,
                input.website,
                input.notes,
                now(),
                input.native_name
            ],
        )?;
        sectors::relink(w, "organization_sectors", "organization_id", id.as_str(), &input.sector_ids)?;
        audit::changed(w, RecordKind::Organization, id.as_str(), Some(snapshot))?;
        get(w, id)
    }
}

pub fn delete(store: &mut Store, id: &OrganizationId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Organization, id.as_str()))
}

pub fn restore(store: &mut Store, id: &OrganizationId) -> CoreResult<Organization> {
    store.write(|w| {
        record::restore(w, RecordKind::Organization, id.as_str())?;
        get(w, id)
    })
}

/// The record as the form that edits it would hold it.
pub fn input_of(organization: &Organization) -> OrganizationInput {
    let o = organization.clone();
    OrganizationInput {
        name: o.name,
        short_name: o.short_name,
        native_name: o.native_name,
        kind: o.kind,
        country: o.country,
        city: o.city,
        website: o.website,
        sector_ids: o.sectors.into_iter().map(|s| s.id).collect(),
        notes: o.notes,
    }
}

pub fn get(conn: &Connection, id: &OrganizationId) -> CoreResult<Organization> {
    let sql = format!("SELECT {COLUMNS} FROM organizations o WHERE o.id = ?1");
    let mut organization = conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "organization", id: id.to_string() })?;
    organization.sectors = sectors::linked(conn, "organization_sectors", "organization_id", id.as_str())?;
    Ok(organization)
}

/// The organizations a list query selects, and their order.
fn selection(query: &OrganizationQuery) -> (Select, String) {
    let mut select = Select::new("o", &query.list);
    select
        .filter("o.kind = ?", query.kind)
        .filter("o.country = ?", query.country.clone().map(|c| c.to_ascii_uppercase()))
        .filter(
            "EXISTS (SELECT 1 FROM organization_sectors s WHERE s.organization_id = o.id AND s.sector_id = ?)",
            query.sector_id.clone().map(|s| s.0),
        )
        .search_indexed(
            &[ORGANIZATION_MATCH],
            &["o.name", "o.short_name", "o.native_name", "o.city"],
            query.list.search.as_deref(),
        );
    (select, order_by(&query.list, SORTS, "o.id"))
}

pub fn list(conn: &Connection, query: &OrganizationQuery) -> CoreResult<Page<Organization>> {
    let (select, order) = selection(query);
    let mut page = select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)?;
    with_sectors(conn, &mut page.items)?;
    Ok(page)
}

/// Every organization the list query selects, in its order, not paged (for an export).
pub fn all(conn: &Connection, query: &OrganizationQuery) -> CoreResult<Vec<Organization>> {
    let (select, order) = selection(query);
    let mut found = select.all(conn, COLUMNS, &SOURCE, &order, from_row)?;
    with_sectors(conn, &mut found)?;
    Ok(found)
}

fn with_sectors(conn: &Connection, organizations: &mut [Organization]) -> CoreResult<()> {
    for organization in organizations {
        organization.sectors =
            sectors::linked(conn, "organization_sectors", "organization_id", organization.id.as_str())?;
    }
    Ok(())
}

/// The input as it would be stored, or the first field refused (imports check rows with it).
pub(crate) fn validated(input: OrganizationInput) -> CoreResult<OrganizationInput> {
    validate::required("name", "Name", &input.name)?;
    Ok(OrganizationInput {
        short_name: validate::line("shortName", "Short name", input.short_name)?,
        native_name: validate::line("nativeName", "Name in the original language", input.native_name)?,
        country: validate::country("country", input.country)?,
        city: validate::line("city", "City", input.city)?,
        website: validate::line("website", "Website", input.website)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organization> {
    Ok(Organization {
        id: row.get("id")?,
        name: row.get("name")?,
        short_name: row.get("short_name")?,
        native_name: row.get("native_name")?,
        kind: row.get("kind")?,
        country: row.get("country")?,
        city: row.get("city")?,
        website: row.get("website")?,
        sectors: Vec::new(),
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
