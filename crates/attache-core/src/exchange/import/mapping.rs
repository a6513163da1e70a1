//! Which column of a file holds which field. Known layouts (Google Contacts, Outlook, phone
//! address books, Russian-headed spreadsheets) are recognised by their headings; a mapping the
//! user confirmed is remembered for files with the same headings.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;

use crate::kernel::error::CoreResult;
use crate::store::settings;

/// What an import makes: people (with their organizations, from a company column) or
/// organizations alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Target {
    People,
    Organizations,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::People => "people",
            Target::Organizations => "organizations",
        }
    }

    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Target::People => &[
                Honorific,
                GivenName,
                FamilyName,
                FullName,
                NativeName,
                Position,
                Organization,
                Country,
                Email,
                Phone,
                Languages,
                ProtocolRank,
                DietaryNeeds,
                AccessNeeds,
                Bio,
                Notes,
            ],
            Target::Organizations => &[Name, ShortName, NativeName, Kind, Country, City, Website, Notes],
        }
    }
}

/// A field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Honorific,
    GivenName,
    FamilyName,
    /// "Albert P. Khorev", split into honorific, given and family name where those are not mapped.
    FullName,
    NativeName,
    Position,
    /// The person's organization, by name: matched with one kept, or created.
    Organization,
    Country,
    Email,
    Phone,
    Languages,
    ProtocolRank,
    DietaryNeeds,
    AccessNeeds,
    Bio,
    Notes,
    Name,
    ShortName,
    Kind,
    City,
    Website,
}

/// For each column of the file, in order, the field it fills (or none).
pub type Mapping = Vec<Option<Field>>;

/// Headings by field, compared letters and digits only, lower-case ("E-mail 1 - Value" is
/// `email1value`). English from Google Contacts, Outlook and vCard; Russian as offices write it.
fn known_headings(target: Target, field: Field) -> &'static [&'static str] {
    use Field::*;
    match (target, field) {
        (_, Honorific) => &["honorific", "nameprefix", "prefix", "title", "обращение"],
        (_, GivenName) => &["givenname", "firstname", "first", "forename", "имя"],
        (_, FamilyName) => &["familyname", "lastname", "last", "surname", "фамилия"],
        (_, FullName) => {
            &["fullname", "name", "displayname", "formattedname", "contact", "фио", "имяифамилия", "контакт"]
        }
        (_, NativeName) => &["nativename", "nameinnativescript", "nativescript", "имянародномязыке"],
        (_, Position) => &["position", "jobtitle", "organizationtitle", "organization1title", "role", "должность"],
        (_, Organization) => &[
            "organization",
            "organisation",
            "company",
            "organizationname",
            "organization1name",
            "org",
            "employer",
            "организация",
            "компания",
        ],
        (Target::Organizations, Name) => &[
            "name",
            "organization",
            "organisation",
            "company",
            "organizationname",
            "название",
            "организация",
            "компания",
        ],
        (_, ShortName) => &["shortname", "abbreviation", "acronym", "краткоеназвание", "аббревиатура"],
        (_, Kind) => &["kind", "type", "category", "тип", "вид"],
        (_, Country) => &[
            "country",
            "countryregion",
            "businesscountryregion",
            "homecountryregion",
            "address1country",
            "countrycode",
            "страна",
        ],
        (_, City) => &["city", "town", "businesscity", "город"],
        (_, Website) => &["website", "web", "webpage", "url", "site", "website1value", "сайт"],
        (_, Email) => {
            &["email", "emailaddress", "email1value", "mail", "businessemail", "email1", "электроннаяпочта", "почта"]
        }
        (_, Phone) => &[
            "phone",
            "telephone",
            "mobile",
            "mobilephone",
            "businessphone",
            "phone1value",
            "tel",
            "телефон",
            "мобильный",
        ],
        (_, Languages) => &["languages", "language", "языки", "язык"],
        (_, ProtocolRank) => &["protocolrank", "rank", "precedence", "ранг"],
        (_, DietaryNeeds) => &["dietaryneeds", "diet", "dietary", "питание"],
        (_, AccessNeeds) => &["accessneeds", "accessibility", "доступность"],
        (_, Bio) => &["bio", "biography", "биография"],
        (_, Notes) => &["notes", "note", "comments", "comment", "примечание", "примечания", "заметки"],
        (Target::People, Name) => &[],
    }
}

fn folded(heading: &str) -> String {
    heading.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The mapping Attaché proposes for these headings: the one last confirmed for the same
/// headings, else one from the known headings, each field to the first column that has it.
pub fn suggest(conn: &rusqlite::Connection, target: Target, headers: &[String]) -> CoreResult<Mapping> {
    if let Some(saved) = remembered(conn, target, headers)? {
        return Ok(saved);
    }
    Ok(from_headings(target, headers))
}

pub fn from_headings(target: Target, headers: &[String]) -> Mapping {
    let folded: Vec<String> = headers.iter().map(|h| folded(h)).collect();
    let mut mapping: Mapping = vec![None; headers.len()];
    for field in target.fields() {
        let known = known_headings(target, *field);
        // The first column with a known heading (Business Phone before Mobile Phone).
        let column = (0..folded.len()).find(|i| mapping[*i].is_none() && known.contains(&folded[*i].as_str()));
        if let Some(column) = column {
            mapping[column] = Some(*field);
        }
    }
    // "Title" is a job title unless something else already is (Outlook has both).
    if let Some(i) = folded.iter().position(|f| f == "title") {
        if mapping[i] == Some(Field::Honorific) && !mapping.contains(&Some(Field::Position)) {
            let outlook = folded.iter().any(|f| f == "middlename" || f == "suffix");
            if !outlook {
                mapping[i] = Some(Field::Position);
            }
        }
    }
    mapping
}

/// Where the confirmed mapping for a layout (the target and the ordered headings) is kept.
fn layout_key(target: Target, headers: &[String]) -> String {
    let mut hash = Sha256::new();
    for heading in headers {
        hash.update(folded(heading).as_bytes());
        hash.update([0x1f]);
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("import.layout.{}.{hex}", target.as_str())
}

fn remembered(conn: &rusqlite::Connection, target: Target, headers: &[String]) -> CoreResult<Option<Mapping>> {
    let Some(json) = settings::get(conn, &layout_key(target, headers))? else { return Ok(None) };
    // A mapping from another version that no longer reads is proposed afresh.
    Ok(serde_json::from_str::<Mapping>(&json).ok().filter(|m| m.len() == headers.len()))
}

/// Keeps the mapping used for an import, for the next file with the same headings.
pub fn remember(conn: &rusqlite::Connection, target: Target, headers: &[String], mapping: &Mapping) -> CoreResult<()> {
    let json = serde_json::to_string(mapping).map_err(|e| crate::CoreError::Io(std::io::Error::other(e)))?;
    settings::set(conn, &layout_key(target, headers), &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;

    fn headings(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn google_contacts() {
        let h = headings("First Name,Middle Name,Last Name,Name Prefix,Organization Name,Organization Title,E-mail 1 - Value,Phone 1 - Value,Notes");
        assert_eq!(
            from_headings(Target::People, &h),
            vec![
                Some(GivenName),
                None,
                Some(FamilyName),
                Some(Honorific),
                Some(Organization),
                Some(Position),
                Some(Email),
                Some(Phone),
                Some(Notes)
            ]
        );
    }

    #[test]
    fn outlook_title_is_the_honorific_and_a_lone_title_the_position() {
        let outlook = headings("Title,First Name,Middle Name,Last Name,Suffix,Company,Job Title,E-mail Address,Business Phone,Mobile Phone,Business Country/Region");
        let m = from_headings(Target::People, &outlook);
        assert_eq!(m[0], Some(Honorific));
        assert_eq!(m[5], Some(Organization));
        assert_eq!(m[6], Some(Position));
        assert_eq!(m[7], Some(Email));
        assert_eq!((m[8], m[9]), (Some(Phone), None));
        assert_eq!(m[10], Some(Country));

        let lone = from_headings(Target::People, &headings("Name,Title,Company"));
        assert_eq!(lone, vec![Some(FullName), Some(Position), Some(Organization)]);
    }

    #[test]
    fn russian_headings() {
        let m = from_headings(Target::People, &headings("Фамилия,Имя,Должность,Организация,Телефон,E-mail"));
        assert_eq!(
            m,
            vec![Some(FamilyName), Some(GivenName), Some(Position), Some(Organization), Some(Phone), Some(Email)]
        );
        let o = from_headings(Target::Organizations, &headings("Название,Город,Страна,Сайт"));
        assert_eq!(o, vec![Some(Name), Some(City), Some(Country), Some(Website)]);
    }
}
