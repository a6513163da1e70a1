//! The lists that can be exported, each as a [`Table`] in the list's own filter and order.

use rusqlite::Connection;

use super::{Cell, Table};
use crate::directory::organizations::{self, OrganizationQuery};
use crate::directory::people::{self, PersonQuery};
use crate::kernel::error::CoreResult;

const PEOPLE: &[&str] = &[
    "Honorific",
    "Given name",
    "Family name",
    "Name in native script",
    "Position",
    "Organization",
    "Country",
    "E-mail",
    "Phone",
    "Languages",
    "Protocol rank",
    "Dietary needs",
    "Access needs",
    "Biography",
    "Notes",
];

const ORGANIZATIONS: &[&str] =
    &["Name", "Short name", "Name in the original language", "Kind", "Country", "City", "Website", "Sectors", "Notes"];

pub fn people(conn: &Connection, query: &PersonQuery) -> CoreResult<Table> {
    let rows = people::all(conn, query)?
        .into_iter()
        .map(|p| {
            vec![
                p.honorific.into(),
                p.given_name.into(),
                p.family_name.into(),
                p.native_name.into(),
                p.position.into(),
                p.organization_name.into(),
                p.country.into(),
                p.email.into(),
                p.phone.into(),
                p.languages.into(),
                p.protocol_rank.into(),
                p.dietary_needs.into(),
                p.access_needs.into(),
                p.bio.into(),
                p.notes.into(),
            ]
        })
        .collect();
    Ok(Table { columns: PEOPLE.iter().map(|c| (*c).to_owned()).collect(), rows })
}

pub fn organizations(conn: &Connection, query: &OrganizationQuery) -> CoreResult<Table> {
    let rows = organizations::all(conn, query)?
        .into_iter()
        .map(|o| {
            let sectors = o.sectors.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; ");
            vec![
                o.name.into(),
                o.short_name.into(),
                o.native_name.into(),
                Cell::Text(o.kind.as_str().to_owned()),
                o.country.into(),
                o.city.into(),
                o.website.into(),
                sectors.into(),
                o.notes.into(),
            ]
        })
        .collect();
    Ok(Table { columns: ORGANIZATIONS.iter().map(|c| (*c).to_owned()).collect(), rows })
}
