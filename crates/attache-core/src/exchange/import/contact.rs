//! One row of a file as the record it would become, checked by the same rules as the forms.

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::mapping::{Field, Mapping};
use super::sheet::Grid;
use crate::directory::organizations::{self, OrganizationInput, OrganizationKind};
use crate::directory::people::{self, PersonInput};
use crate::kernel::error::{CoreError, Reason};
use crate::kernel::record::References;

/// Why a row cannot be imported: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub field: String,
    pub reason: Reason,
    pub message: String,
}

impl From<CoreError> for RowProblem {
    fn from(error: CoreError) -> RowProblem {
        RowProblem {
            field: error.field().unwrap_or("file").to_owned(),
            reason: error.reason().cloned().unwrap_or(Reason::Required),
            message: error.to_string(),
        }
    }
}

/// A person as a row gives them: the record, and their organization by name.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub input: PersonInput,
    pub organization: Option<String>,
}

/// The values of one row by field: for each field, the first mapped column not empty.
pub struct Values<'g> {
    grid: &'g Grid,
    mapping: &'g Mapping,
    row: usize,
}

impl<'g> Values<'g> {
    pub fn new(grid: &'g Grid, mapping: &'g Mapping, row: usize) -> Self {
        Values { grid, mapping, row }
    }

    pub fn get(&self, field: Field) -> Option<String> {
        self.mapping
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(field))
            .map(|(column, _)| self.grid.cell(self.row, column).trim())
            .find(|value| !value.is_empty())
            .map(str::to_owned)
    }
}

pub fn person(conn: &Connection, values: &Values<'_>) -> Result<PersonRow, RowProblem> {
    let (mut honorific, mut given, mut family) =
        (values.get(Field::Honorific), values.get(Field::GivenName), values.get(Field::FamilyName));
    if given.is_none() {
        if let Some(full) = values.get(Field::FullName) {
            let split = split_full_name(&full);
            honorific = honorific.or(split.0);
            given = Some(split.1);
            family = family.or(split.2);
        }
    }
    // A row with only a family name is still somebody: the family name is all we can call them.
    let given_name = given.or_else(|| family.take()).unwrap_or_default();
    let input = PersonInput {
        honorific,
        given_name,
        family_name: family,
        native_name: values.get(Field::NativeName),
        position: values.get(Field::Position),
        organization_id: None,
        country: country(values),
        email: values.get(Field::Email),
        phone: values.get(Field::Phone),
        languages: values.get(Field::Languages),
        protocol_rank: number(values.get(Field::ProtocolRank), "protocolRank", "Protocol rank")?,
        dietary_needs: values.get(Field::DietaryNeeds),
        access_needs: values.get(Field::AccessNeeds),
        bio: values.get(Field::Bio),
        notes: values.get(Field::Notes),
    };
    let input = people::validated(input, &References::new(conn))?;
    let organization = values.get(Field::Organization);
    if let Some(name) = &organization {
        crate::kernel::validate::line("organization", "Organization", Some(name.clone()))?;
    }
    Ok(PersonRow { input, organization })
}

pub fn organization(values: &Values<'_>) -> Result<OrganizationInput, RowProblem> {
    let kind = match values.get(Field::Kind) {
        None => OrganizationKind::Other,
        Some(text) => kind(&text).ok_or_else(|| RowProblem {
            field: "kind".into(),
            reason: Reason::UnknownKind { value: text.clone() },
            message: format!(
                "“{text}” is not a kind of organization ({})",
                OrganizationKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            ),
        })?,
    };
    let input = OrganizationInput {
        name: values.get(Field::Name).unwrap_or_default(),
        short_name: values.get(Field::ShortName),
        native_name: values.get(Field::NativeName),
        kind,
        country: country(values),
        city: values.get(Field::City),
        website: values.get(Field::Website),
        sector_ids: Vec::new(),
        notes: values.get(Field::Notes),
    };
    Ok(organizations::validated(input)?)
}

/// A kind by its stored word or its English or Russian name ("Chamber of commerce", "Посольство").
fn kind(text: &str) -> Option<OrganizationKind> {
    let t = text.trim().to_lowercase();
    let by_word = OrganizationKind::ALL.iter().find(|k| k.as_str() == t).copied();
    by_word.or_else(|| {
        use OrganizationKind::*;
        let starts = |prefixes: &[&str]| prefixes.iter().any(|p| t.starts_with(p));
        Some(match () {
            _ if starts(&["chamber", "палат", "тпп"]) => Chamber,
            _ if starts(&["embass", "consulate", "посольств", "консульств"]) => Embassy,
            _ if starts(&["ministr", "министерств", "government", "правительств"]) => Ministry,
            _ if starts(&["compan", "business", "firm", "компани", "предприяти"]) => Company,
            _ if starts(&["universit", "university", "институт", "университет"]) => University,
            _ if starts(&["associat", "union", "ассоциац", "союз"]) => Association,
            _ if starts(&["media", "press", "сми", "пресс"]) => Media,
            _ if starts(&["other", "другое", "прочее"]) => Other,
            _ => return None,
        })
    })
}

fn number(text: Option<String>, field: &str, label: &str) -> Result<Option<i64>, RowProblem> {
    let Some(text) = text else { return Ok(None) };
    text.trim().parse::<i64>().map(Some).map_err(|_| RowProblem {
        field: field.into(),
        reason: Reason::NotANumber { value: text.clone() },
        message: format!("{label}: “{text}” is not a whole number"),
    })
}

/// Words that come before a name and are not part of it (English and Russian forms).
pub const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "he",
    "hon",
    "rev",
    "eng",
    "engr",
    "г-н",
    "г-жа",
    "господин",
    "госпожа",
    "д-р",
    "проф",
    "профессор",
];

/// The row's country as a two-letter code when it names one ("Pakistan", "PAK", "Россия");
/// otherwise as written, for validation to refuse with its reason.
fn country(values: &Values<'_>) -> Option<String> {
    values.get(Field::Country).map(|text| crate::kernel::countries::code_for(&text).map_or(text, str::to_owned))
}

pub fn is_honorific(word: &str) -> bool {
    // Compared letter by letter rather than through a lower-cased copy: every word of every
    // name passes here when an import looks for duplicates.
    let bare = || word.chars().filter(|c| *c != '.').flat_map(char::to_lowercase);
    HONORIFICS.iter().any(|h| h.chars().eq(bare()))
}

/// "H.E. Albert P. Khorev" → (H.E., Albert P., Khorev); "Khorev, Albert" → (–, Albert, Khorev).
fn split_full_name(full: &str) -> (Option<String>, String, Option<String>) {
    if let Some((family, given)) = full.split_once(',') {
        if !given.trim().is_empty() && !family.trim().is_empty() {
            let (honorific, given, more) = split_full_name(given.trim());
            let given = [Some(given), more].into_iter().flatten().collect::<Vec<_>>().join(" ");
            return (honorific, given, Some(family.trim().to_owned()));
        }
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let titles = words.iter().take_while(|w| is_honorific(w)).count().min(words.len().saturating_sub(1));
    let honorific = (titles > 0).then(|| words[..titles].join(" "));
    let rest = &words[titles..];
    match rest {
        [] => (honorific, String::new(), None),
        [only] => (honorific, (*only).to_owned(), None),
        [given @ .., family] => (honorific, given.join(" "), Some((*family).to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_full_names() {
        let s = |t: &str| split_full_name(t);
        assert_eq!(s("H.E. Albert P. Khorev"), (Some("H.E.".into()), "Albert P.".into(), Some("Khorev".into())));
        assert_eq!(s("Khorev, Albert"), (None, "Albert".into(), Some("Khorev".into())));
        assert_eq!(s("Dr. Ayesha"), (Some("Dr.".into()), "Ayesha".into(), None));
        assert_eq!(s("Г-н Альберт Хорев"), (Some("Г-н".into()), "Альберт".into(), Some("Хорев".into())));
        assert_eq!(s("Mr"), (None, "Mr".into(), None));
    }

    #[test]
    fn reads_kinds_in_words() {
        assert_eq!(kind("Chamber of Commerce"), Some(OrganizationKind::Chamber));
        assert_eq!(kind("Посольство"), Some(OrganizationKind::Embassy));
        assert_eq!(kind("company"), Some(OrganizationKind::Company));
        assert_eq!(kind("spaceship"), None);
    }
}
