//! `--visit` and `--person` take an id or words of the title or name. One match is the one;
//! several are listed so the user can pick one by id, and the command stops.

use attache_core::directory::organizations::{self, OrganizationQuery};
use attache_core::directory::people::{self, PersonQuery};
use attache_core::kernel::ids::{EngagementId, OrganizationId, PersonId, VisitId};
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::engagements::{self, EngagementQuery};
use attache_core::visits::{self, VisitQuery};
use attache_core::Connection;

const CANDIDATES: u32 = 10;

pub fn visit(conn: &Connection, text: &str) -> Result<VisitId, String> {
    if let Ok(visit) = visits::get(conn, &VisitId::from(text)) {
        if visit.deleted_at.is_none() {
            return Ok(visit.id);
        }
    }
    let query = VisitQuery { list: words(text), ..Default::default() };
    let page = visits::list(conn, &query).map_err(|e| e.to_string())?;
    let found =
        page.items.iter().map(|v| (v.id.to_string(), format!("{} ({} – {})", v.title, v.start_date, v.end_date)));
    one("visit", text, found.collect()).map(VisitId)
}

pub fn person(conn: &Connection, text: &str) -> Result<PersonId, String> {
    if let Ok(person) = people::get(conn, &PersonId::from(text)) {
        if person.deleted_at.is_none() {
            return Ok(person.id);
        }
    }
    let query = PersonQuery { list: words(text), ..Default::default() };
    let page = people::list(conn, &query).map_err(|e| e.to_string())?;
    let found = page.items.iter().map(|p| {
        let name = [p.honorific.as_deref(), Some(p.given_name.as_str()), p.family_name.as_deref()];
        (p.id.to_string(), name.into_iter().flatten().collect::<Vec<_>>().join(" "))
    });
    one("person", text, found.collect()).map(PersonId)
}

pub fn organization(conn: &Connection, text: &str) -> Result<OrganizationId, String> {
    if let Ok(organization) = organizations::get(conn, &OrganizationId::from(text)) {
        if organization.deleted_at.is_none() {
            return Ok(organization.id);
        }
    }
    let query = OrganizationQuery { list: words(text), ..Default::default() };
    let page = organizations::list(conn, &query).map_err(|e| e.to_string())?;
    let found = page.items.iter().map(|o| (o.id.to_string(), o.name.clone()));
    one("organization", text, found.collect()).map(OrganizationId)
}

fn words(text: &str) -> ListQuery {
    ListQuery { page: 1, page_size: CANDIDATES, search: Some(text.to_owned()), ..Default::default() }
}

fn one(kind: &str, text: &str, found: Vec<(String, String)>) -> Result<String, String> {
    match found.as_slice() {
        [] => Err(format!("no {kind} matches \"{text}\"")),
        [(id, _)] => Ok(id.clone()),
        many => {
            let list: Vec<String> = many.iter().map(|(id, label)| format!("  {id}  {label}")).collect();
            Err(format!("\"{text}\" matches several; give one by id:\n{}", list.join("\n")))
        }
    }
}

/// A programme item of the visit: its id, or words of its title.
pub fn engagement(conn: &Connection, visit: &VisitId, text: &str) -> Result<EngagementId, String> {
    if let Ok(item) = engagements::get(conn, &EngagementId::from(text)) {
        if item.deleted_at.is_none() && &item.visit_id == visit {
            return Ok(item.id);
        }
    }
    let query = EngagementQuery { list: words(text), visit_id: Some(visit.clone()), ..Default::default() };
    let page = engagements::list(conn, &query).map_err(|e| e.to_string())?;
    let found = page.items.iter().map(|e| (e.id.to_string(), format!("{} ({})", e.title, e.starts_local)));
    one("programme item", text, found.collect()).map(EngagementId)
}
