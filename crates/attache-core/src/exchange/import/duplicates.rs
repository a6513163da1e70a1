//! Who a row may already be: a record kept, or a row earlier in the same file. Two people are
//! the same when their e-mail is (ignoring case), or when their names are once folded to
//! Latin letters without diacritics, honorifics and initials (Хорев = Khorev, José = Jose,
//! "H.E. Albert P. Khorev" = "Albert Khorev") and their organizations are too, or one of them
//! has none. Two organizations are the same when their folded names are (the name or the
//! name in the organization's own language).

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::contact::is_honorific;
use crate::kernel::error::CoreResult;
use crate::kernel::transliteration::{latin_key, latin_words};

/// Why a row was taken for somebody already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Likeness {
    SameEmail,
    /// The same name, and the same organization or none on one side.
    SameName,
}

/// Who a row matched: a record's id and name, or an earlier row (its index in the file).
#[derive(Debug, Clone, PartialEq)]
pub enum Match {
    Record { id: String, name: String, likeness: Likeness },
    Row { index: usize, likeness: Likeness },
}

/// The folded name of a person, words sorted so that the order of given and family name
/// does not matter; empty when nothing is left.
pub fn person_key(given: &str, family: Option<&str>) -> String {
    // Word by word, without joining and splitting again: every person kept and every row of a
    // file passes here when an import looks for duplicates.
    let mut words: Vec<String> = given
        .split_whitespace()
        .chain(family.unwrap_or("").split_whitespace())
        .filter(|w| !is_honorific(w))
        .flat_map(latin_words)
        .filter(|w| w.chars().count() > 1)
        .collect();
    words.sort_unstable();
    words.join(" ")
}

pub fn organization_key(name: Option<&str>) -> String {
    name.map(latin_key).unwrap_or_default()
}

/// [`organization_key`], remembered by name as written: a file, and a store, name the same
/// few companies on many rows.
#[derive(Default)]
pub struct OrganizationKeys(HashMap<String, String>);

impl OrganizationKeys {
    /// The folded name (empty for none).
    pub fn of(&mut self, name: Option<&str>) -> String {
        let Some(name) = name else { return String::new() };
        if let Some(key) = self.0.get(name) {
            return key.clone();
        }
        self.0.entry(name.to_owned()).or_insert_with(|| organization_key(Some(name))).clone()
    }
}

/// One side of a comparison: a record kept (its place in `Index::records`), or a row already seen.
#[derive(Debug, Clone, Copy)]
enum Known {
    Record(u32),
    Row(usize),
}

/// The people (or organizations) a row is compared with, by their keys. A large store holds
/// a hundred thousand of them: records and organization keys are kept once and referred to by
/// number, since making and freeing their strings was a third of the duplicate check.
#[derive(Default)]
pub struct Index {
    /// Id and display name of each record kept.
    records: Vec<(String, String)>,
    /// Folded organization names, numbered.
    organizations: HashMap<String, u32>,
    by_email: HashMap<String, Known>,
    by_name: HashMap<String, Vec<(u32, Known)>>,
}

/// The number of "no organization" among the folded organization names.
const NO_ORGANIZATION: u32 = 0;

impl Index {
    /// Every live person, with their e-mail, folded name and organization.
    pub fn of_people(conn: &Connection) -> CoreResult<Index> {
        let mut index = Index::default();
        let mut statement = conn.prepare(
            "SELECT p.id, p.given_name, p.family_name, p.email, iif(o.deleted_at IS NULL, o.name, NULL),
                    trim(coalesce(p.honorific || ' ', '') || p.given_name || coalesce(' ' || p.family_name, ''))
             FROM people p LEFT JOIN organizations o ON o.id = p.organization_id
             WHERE p.deleted_at IS NULL ORDER BY p.created_at, p.id",
        )?;
        let mut folded = OrganizationKeys::default();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let text = |column: usize| -> rusqlite::Result<Option<&str>> {
                row.get_ref(column)?.as_str_or_null().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, e.into())
                })
            };
            let (id, given, family): (String, String, Option<String>) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let organization = folded.of(text(4)?);
            let known = index.record(id, row.get(5)?);
            index.add(text(3)?, &person_key(&given, family.as_deref()), &organization, known);
        }
        Ok(index)
    }

    pub fn of_organizations(conn: &Connection) -> CoreResult<Index> {
        let mut index = Index::default();
        let mut statement = conn.prepare(
            "SELECT id, name, native_name FROM organizations WHERE deleted_at IS NULL ORDER BY created_at, id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let (id, name, native): (String, String, Option<String>) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let keys: Vec<String> = native.iter().chain([&name]).map(|n| organization_key(Some(n))).collect();
            let known = index.record(id, name);
            // An organization is known by its name and by its name in its own language.
            for key in keys {
                index.add(None, &key, "", known);
            }
        }
        Ok(index)
    }

    fn record(&mut self, id: String, name: String) -> Known {
        self.records.push((id, name));
        Known::Record(self.records.len() as u32 - 1)
    }

    /// Adds a row of the file, so that later rows are compared with it too.
    pub fn add_row(&mut self, email: Option<&str>, name_key: &str, organization_key: &str, index: usize) {
        self.add(email, name_key, organization_key, Known::Row(index));
    }

    fn add(&mut self, email: Option<&str>, name_key: &str, organization_key: &str, known: Known) {
        if let Some(email) = email.map(str::to_lowercase).filter(|e| !e.is_empty()) {
            self.by_email.entry(email).or_insert(known);
        }
        if !name_key.is_empty() {
            let organization = self.organization_number(organization_key);
            self.by_name.entry(name_key.to_owned()).or_default().push((organization, known));
        }
    }

    fn organization_number(&mut self, key: &str) -> u32 {
        if key.is_empty() {
            return NO_ORGANIZATION;
        }
        if let Some(number) = self.organizations.get(key) {
            return *number;
        }
        let number = self.organizations.len() as u32 + 1;
        self.organizations.insert(key.to_owned(), number);
        number
    }

    /// The first known person or row the given one is the same as.
    pub fn find(&self, email: Option<&str>, name_key: &str, organization_key: &str) -> Option<Match> {
        let found = |known: &Known, likeness| match *known {
            Known::Record(at) => {
                let (id, name) = &self.records[at as usize];
                Match::Record { id: id.clone(), name: name.clone(), likeness }
            }
            Known::Row(index) => Match::Row { index, likeness },
        };
        if let Some(known) = email.map(str::to_lowercase).and_then(|e| self.by_email.get(&e)) {
            return Some(found(known, Likeness::SameEmail));
        }
        let candidates = self.by_name.get(name_key)?;
        // An organization no record holds cannot be the same as a kept one, but can be "none".
        let organization = match organization_key {
            "" => NO_ORGANIZATION,
            key => self.organizations.get(key).copied().unwrap_or(u32::MAX),
        };
        candidates
            .iter()
            .find(|(org, _)| *org == organization || *org == NO_ORGANIZATION || organization == NO_ORGANIZATION)
            .map(|(_, known)| found(known, Likeness::SameName))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_across_scripts_diacritics_honorifics_and_order() {
        let khorev = person_key("Albert", Some("Khorev"));
        assert_eq!(person_key("Альберт", Some("Хорев")), khorev);
        assert_eq!(person_key("H.E. Albert P.", Some("Khorev")), khorev);
        assert_eq!(person_key("Khorev", Some("Albert")), khorev);
        assert_eq!(person_key("José", Some("Müller")), person_key("Jose", Some("Muller")));
        assert_ne!(person_key("Olga", Some("Khoreva")), khorev);
    }

    #[test]
    fn finds_by_email_then_by_name_and_organization() {
        let mut index = Index::default();
        index.add_row(
            Some("A.Khorev@tpprf.ru"),
            &person_key("Albert", Some("Khorev")),
            &organization_key(Some("TPP RF")),
            0,
        );
        let name = person_key("Альберт", Some("Хорев"));
        assert_eq!(
            index.find(Some("a.khorev@TPPRF.ru"), "x", ""),
            Some(Match::Row { index: 0, likeness: Likeness::SameEmail })
        );
        assert_eq!(index.find(None, &name, ""), Some(Match::Row { index: 0, likeness: Likeness::SameName }));
        assert_eq!(
            index.find(None, &name, &organization_key(Some("ТПП РФ"))),
            Some(Match::Row { index: 0, likeness: Likeness::SameName })
        );
        assert_eq!(index.find(None, &name, &organization_key(Some("Gazprom"))), None);
    }
}
