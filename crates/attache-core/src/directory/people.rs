//! People: delegates, hosts, signatories, owners of follow-up actions.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::ids::{OrganizationId, PersonId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::validate;
use crate::store::{Store, Writer};

#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub honorific: Option<String>,
    pub given_name: String,
    pub family_name: Option<String>,
    /// The name in its own script (Cyrillic, Urdu…), shown beside the transliteration.
    pub native_name: Option<String>,
    pub position: Option<String>,
    pub organization_id: Option<OrganizationId>,
    pub country: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Option<String>,
    /// Lower ranks go first in an order of precedence.
    pub protocol_rank: Option<i64>,
    pub dietary_needs: Option<String>,
    pub access_needs: Option<String>,
    pub bio: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: PersonId,
    pub honorific: Option<String>,
    pub given_name: String,
    pub family_name: Option<String>,
    pub native_name: Option<String>,
    pub display_name: String,
    pub position: Option<String>,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    /// The organization is deleted: its name is shown struck through.
    pub organization_deleted: bool,
    pub country: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Option<String>,
    pub protocol_rank: Option<i64>,
    pub dietary_needs: Option<String>,
    pub access_needs: Option<String>,
    pub bio: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub organization_id: Option<OrganizationId>,
    pub country: Option<String>,
}

const COLUMNS: &str = "p.id, p.honorific, p.given_name, p.family_name, p.native_name, p.position, p.organization_id,
    o.name AS organization_name, o.deleted_at IS NOT NULL AS organization_deleted, p.country, p.email, p.phone, p.languages, p.protocol_rank, p.dietary_needs,
    p.access_needs, p.bio, p.notes, p.created_at, p.updated_at, p.deleted_at";
const FROM: &str = "people p LEFT JOIN organizations o ON o.id = p.organization_id";
const SOURCE: Source = Source { from: FROM, count_from: "people p" };
/// The organization's name where the organization is live, for the short-word search.
const LIVE_ORGANIZATION_NAME: &str = "iif(o.deleted_at IS NULL, o.name, NULL)";
const SORTS: &[(&str, &str)] = &[
    ("familyName", "p.family_name COLLATE NOCASE"),
    ("givenName", "p.given_name COLLATE NOCASE"),
    ("organizationName", "o.name COLLATE NOCASE"),
    ("protocolRank", "p.protocol_rank"),
    ("country", "p.country"),
    ("updatedAt", "p.updated_at"),
];

/// The SQL for a person's display name (see [`display_name`]) from the people row aliased `$alias`.
#[macro_export]
macro_rules! person_name_sql {
    ($alias:literal) => {
        concat!(
            "trim(coalesce(",
            $alias,
            ".honorific || ' ', '') || ",
            $alias,
            ".given_name || coalesce(' ' || ",
            $alias,
            ".family_name, ''))"
        )
    };
}

/// "H.E. Albert P. Khorev": honorific, given and family name, as a badge or list shows them.
pub fn display_name(honorific: Option<&str>, given: &str, family: Option<&str>) -> String {
    [honorific, Some(given), family]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn create(store: &mut Store, input: PersonInput) -> CoreResult<Person> {
    store.write(|w| insert(w, PersonId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: PersonId, input: PersonInput) -> CoreResult<Person> {
    insert_row(w, &id, input)?;
    get(w, &id)
}

/// As [`insert`], without reading the record back: an import adds thousands.
pub(crate) fn insert_row(w: &Writer<'_>, id: &PersonId, input: PersonInput) -> CoreResult<()> {
    let i = validated(input, &References::new(w))?;
    // Versioned as it is written: the audit need not stamp it again (see `audit::created`).
    let version = w.clock.tick();
    w.execute(
        "INSERT INTO people (id, honorific, given_name, family_name, native_name, position, organization_id, country,
         email, phone, languages, protocol_rank, dietary_needs, access_needs, bio, notes, created_at, updated_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18)",
        rusqlite::params![
            id,
            i.honorific,
            i.given_name,
            i.family_name,
            i.native_name,
            i.position,
            i.organization_id,
            i.country,
            i.email,
            i.phone,
            i.languages,
            i.protocol_rank,
            i.dietary_needs,
            i.access_needs,
            i.bio,
            i.notes,
            now(),
            version
        ],
    )?;
    audit::created(w, RecordKind::Person, id.as_str(), &version)
}

pub fn update(store: &mut Store, id: &PersonId, input: PersonInput) -> CoreResult<Person> {
    store.write(|w| change(w, id, input))
}

/// Updates the record inside an open write (an import's merge, its undo).
pub fn change(w: &Writer<'_>, id: &PersonId, input: PersonInput) -> CoreResult<Person> {
    {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Person, id.as_str())?;
        record::refuse_deleted(RecordKind::Person, &before.deleted_at)?;
        let i = validated(input, &References::keeping(w, &before.organization_id))?;
        w.execute(
            "UPDATE people SET honorific = ?2, given_name = ?3, family_name = ?4, native_name = ?5, position = ?6,
             organization_id = ?7, country = ?8, email = ?9, phone = ?10, languages = ?11, protocol_rank = ?12,
             dietary_needs = ?13, access_needs = ?14, bio = ?15, notes = ?16, updated_at = ?17 WHERE id = ?1",
            rusqlite::params![
                id,
                i.honorific,
                i.given_name,
                i.family_name,
                i.native_name,
                i.position,
                i.organization_id,
                i.country,
                i.email,
                i.phone,
                i.languages,
                i.protocol_rank,
                i.dietary_needs,
                i.access_needs,
                i.bio,
                i.notes,
                now()
            ],
        )?;
        audit::changed(w, RecordKind::Person, id.as_str(), Some(snapshot))?;
        get(w, id)
    }
}

pub fn delete(store: &mut Store, id: &PersonId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Person, id.as_str()))
}

pub fn restore(store: &mut Store, id: &PersonId) -> CoreResult<Person> {
    store.write(|w| {
        record::restore(w, RecordKind::Person, id.as_str())?;
        get(w, id)
    })
}

/// The record as the form that edits it would hold it.
pub fn input_of(person: &Person) -> PersonInput {
    let p = person.clone();
    PersonInput {
        honorific: p.honorific,
        given_name: p.given_name,
        family_name: p.family_name,
        native_name: p.native_name,
        position: p.position,
        organization_id: p.organization_id,
        country: p.country,
        email: p.email,
        phone: p.phone,
        languages: p.languages,
        protocol_rank: p.protocol_rank,
        dietary_needs: p.dietary_needs,
        access_needs: p.access_needs,
        bio: p.bio,
        notes: p.notes,
    }
}

pub fn get(conn: &Connection, id: &PersonId) -> CoreResult<Person> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "person", id: id.to_string() })
}

/// The people a list query selects, and their order.
fn selection(query: &PersonQuery) -> (Select, String) {
    // A person is found by their own names, position and e-mail, or by their organization's
    // name: one rowid set (a UNION), since an OR of two IN-conditions scans every person.
    // Never through a deleted organization: a search does not match through deleted records.
    let matching = format!(
        "p.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ?
         UNION SELECT rowid FROM people_names WHERE people_names MATCH ?names
         UNION SELECT m.rowid FROM people m WHERE {} m.organization_id IN
             (SELECT o.id FROM organizations o WHERE o.deleted_at IS NULL AND {}))",
        if query.list.include_deleted { "" } else { "m.deleted_at IS NULL AND" },
        crate::directory::organizations::ORGANIZATION_MATCH
    );
    let mut select = Select::new("p", &query.list);
    select
        .filter("p.organization_id = ?", query.organization_id.clone().map(|o| o.0))
        .filter("p.country = ?", query.country.clone().map(|c| c.to_ascii_uppercase()))
        .search_indexed(
            &[&matching],
            &["p.given_name", "p.family_name", "p.native_name", "p.position", "p.email", LIVE_ORGANIZATION_NAME],
            query.list.search.as_deref(),
        );
    (select, order_by(&query.list, SORTS, "p.id"))
}

pub fn list(conn: &Connection, query: &PersonQuery) -> CoreResult<Page<Person>> {
    let (select, order) = selection(query);
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

/// Everyone the list query selects, in its order, not paged (for an export).
pub fn all(conn: &Connection, query: &PersonQuery) -> CoreResult<Vec<Person>> {
    let (select, order) = selection(query);
    select.all(conn, COLUMNS, &SOURCE, &order, from_row)
}

/// The input as it would be stored, or the first field refused (imports check rows with it).
pub(crate) fn validated(input: PersonInput, refs: &References<'_>) -> CoreResult<PersonInput> {
    validate::required("givenName", "Given name", &input.given_name)?;
    refs.check_opt(RecordKind::Organization, input.organization_id.as_ref(), "organizationId")?;
    Ok(PersonInput {
        honorific: validate::line("honorific", "Honorific", input.honorific)?,
        family_name: validate::line("familyName", "Family name", input.family_name)?,
        native_name: validate::line("nativeName", "Name in native script", input.native_name)?,
        position: validate::line("position", "Position", input.position)?,
        country: validate::country("country", input.country)?,
        email: validate::email("email", input.email)?,
        phone: validate::line("phone", "Phone", input.phone)?,
        languages: validate::line("languages", "Languages", input.languages)?,
        protocol_rank: validate::at_least("protocolRank", "Protocol rank", input.protocol_rank, 0)?,
        dietary_needs: validate::text("dietaryNeeds", "Dietary needs", input.dietary_needs)?,
        access_needs: validate::text("accessNeeds", "Access needs", input.access_needs)?,
        bio: validate::text("bio", "Biography", input.bio)?,
        notes: validate::text("notes", "Notes", input.notes)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    let honorific: Option<String> = row.get("honorific")?;
    let given_name: String = row.get("given_name")?;
    let family_name: Option<String> = row.get("family_name")?;
    Ok(Person {
        id: row.get("id")?,
        display_name: display_name(honorific.as_deref(), &given_name, family_name.as_deref()),
        honorific,
        given_name,
        family_name,
        native_name: row.get("native_name")?,
        position: row.get("position")?,
        organization_id: row.get("organization_id")?,
        organization_name: row.get("organization_name")?,
        organization_deleted: row.get("organization_deleted")?,
        country: row.get("country")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        languages: row.get("languages")?,
        protocol_rank: row.get("protocol_rank")?,
        dietary_needs: row.get("dietary_needs")?,
        access_needs: row.get("access_needs")?,
        bio: row.get("bio")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
