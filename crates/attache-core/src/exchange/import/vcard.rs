//! Address books of vCards (3.0 and 4.0, as phones and mail programs export them) through
//! calcard: each card becomes a row under fixed headings, which the known layouts then map.

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::sheet::Grid;

const HEADINGS: [&str; 10] = [
    "Full name",
    "Name prefix",
    "Given name",
    "Family name",
    "Organization",
    "Job title",
    "E-mail",
    "Phone",
    "Country",
    "Notes",
];
/// Past this many problems in a row the file is not an address book.
const MAX_BAD_LINES: usize = 100;

pub fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().get(..11).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
}

pub fn parse(text: &str) -> Result<Grid, String> {
    let mut parser = Parser::new(text);
    let mut rows = vec![HEADINGS.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    let mut bad = 0;
    loop {
        match parser.entry() {
            Entry::VCard(card) => rows.push(row(&card)),
            Entry::Eof => break,
            Entry::ICalendar(_) => return Err("it is a calendar, not an address book".into()),
            Entry::TooManyComponents => return Err("it nests too deeply".into()),
            _ => {
                bad += 1;
                if bad > MAX_BAD_LINES {
                    return Err("it is not an address book of vCards".into());
                }
            }
        }
    }
    if rows.len() == 1 {
        return Err("it holds no vCard".into());
    }
    Ok(Grid::from_rows(rows))
}

fn row(card: &VCard) -> Vec<String> {
    let name = card.property(&VCardProperty::N);
    let part = |i: usize| name.map(|n| component(n, i)).unwrap_or_default();
    vec![
        first(card, &VCardProperty::Fn, 0),
        part(3),
        [part(1), part(2)].iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" "),
        part(0),
        first(card, &VCardProperty::Org, 0),
        first(card, &VCardProperty::Title, 0),
        first(card, &VCardProperty::Email, 0),
        first(card, &VCardProperty::Tel, 0),
        first(card, &VCardProperty::Adr, 6),
        first(card, &VCardProperty::Note, 0),
    ]
}

/// The `index`th component of the first such property, as text.
fn first(card: &VCard, property: &VCardProperty, index: usize) -> String {
    card.property(property).map(|entry| component(entry, index)).unwrap_or_default()
}

fn component(entry: &VCardEntry, index: usize) -> String {
    let text = match entry.values.get(index) {
        Some(VCardValue::Text(text)) => text.clone(),
        Some(VCardValue::Component(parts)) => parts.join(" "),
        Some(other) => other.as_text().unwrap_or_default().to_owned(),
        None => String::new(),
    };
    // A TEL of vCard 4.0 is a URI.
    text.strip_prefix("tel:").unwrap_or(&text).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cards_of_both_versions() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Khorev;Albert;P.;H.E.;\r\nFN:H.E. Albert P. Khorev\r\nORG:Chamber of Commerce;Foreign Trade\r\nTITLE:Vice-President\r\nEMAIL;TYPE=INTERNET:a.khorev@tpprf.ru\r\nTEL;TYPE=CELL:+7 495 620 00 00\r\nADR;TYPE=WORK:;;Ilyinka 6;Moscow;;109012;RU\r\nNOTE:Speaks Urdu\\, some.\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ольга Смирнова\r\nN:Смирнова;Ольга;;;\r\nTEL;VALUE=uri:tel:+7-495-000-11-22\r\nEND:VCARD\r\n";
        let grid = parse(text).unwrap();
        assert_eq!(grid.headers.len(), HEADINGS.len());
        assert_eq!(
            grid.rows[0],
            vec![
                "H.E. Albert P. Khorev",
                "H.E.",
                "Albert P.",
                "Khorev",
                "Chamber of Commerce",
                "Vice-President",
                "a.khorev@tpprf.ru",
                "+7 495 620 00 00",
                "RU",
                "Speaks Urdu, some."
            ]
        );
        assert_eq!(grid.rows[1][0], "Ольга Смирнова");
        assert_eq!(grid.rows[1][2], "Ольга");
        assert_eq!(grid.rows[1][7], "+7-495-000-11-22");
    }

    #[test]
    fn refuses_what_is_not_an_address_book() {
        assert!(parse("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").is_err());
        assert!(parse("hello\n").is_err());
        assert!(looks_like("\u{feff}begin:vcard\r\n"));
    }
}
