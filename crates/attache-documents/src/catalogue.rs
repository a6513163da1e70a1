//! The words a document prints, in English, Russian or Urdu: the documents' own phrases
//! (messages/), and the names of statuses, kinds and roles from the window's vocabulary
//! catalogue, so a status reads the same on screen and on paper. Dates are written out here,
//! with each language's month and day names.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Ur,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Ur];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ur => "ur",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    pub fn right_to_left(self) -> bool {
        self == Lang::Ur
    }
}

const PHRASES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../messages/en.json")),
    (Lang::Ru, include_str!("../messages/ru.json")),
    (Lang::Ur, include_str!("../messages/ur.json")),
];

const VOCABULARY: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../../ui/messages/vocabulary/en.json")),
    (Lang::Ru, include_str!("../../../ui/messages/vocabulary/ru.json")),
    (Lang::Ur, include_str!("../../../ui/messages/vocabulary/ur.json")),
];

const MONTHS: [(Lang, [&str; 12]); 3] = [
    (
        Lang::En,
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    ),
    (
        Lang::Ru,
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
    ),
    (Lang::Ur, ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"]),
];

/// Monday first.
const WEEKDAYS: [(Lang, [&str; 7]); 3] = [
    (Lang::En, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    (Lang::Ru, ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]),
    (Lang::Ur, ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]),
];

pub struct Catalogue {
    pub lang: Lang,
    words: HashMap<String, String>,
}

fn parsed(lang: Lang) -> HashMap<String, String> {
    let mut words = HashMap::new();
    for table in [&PHRASES[..], &VOCABULARY[..]] {
        let text = table.iter().find(|(l, _)| *l == lang).map_or("{}", |(_, t)| *t);
        // Both files are compiled in and checked by the tests: a parse failure cannot reach a user.
        let map: HashMap<String, String> = serde_json::from_str(text).unwrap_or_default();
        words.extend(map.into_iter().filter(|(k, _)| !k.starts_with('$')));
    }
    words
}

impl Catalogue {
    pub fn of(lang: Lang) -> &'static Catalogue {
        static CATALOGUES: OnceLock<[Catalogue; 3]> = OnceLock::new();
        let all = CATALOGUES.get_or_init(|| Lang::ALL.map(|lang| Catalogue { lang, words: parsed(lang) }));
        &all[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }

    /// The phrase `key`, or the key itself if a catalogue lacks it (the tests check none does).
    pub fn word(&self, key: &str) -> String {
        self.words.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// The phrase `key` with `{name}` placeholders filled.
    pub fn phrase(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.word(key);
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// The name of an enumerated value as the window shows it: `vocabulary("visit_status", "in_progress")`.
    pub fn vocabulary(&self, kind: &str, value: &str) -> String {
        self.words.get(&format!("vocabulary_{kind}_{value}")).cloned().unwrap_or_else(|| value.replace('_', " "))
    }

    /// The phrases the templates print, as they are.
    pub fn phrases(&self) -> HashMap<&str, &str> {
        self.words
            .iter()
            .filter(|(k, _)| !k.starts_with("vocabulary_"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    fn month(&self, date: NaiveDate) -> &'static str {
        MONTHS.iter().find(|(l, _)| *l == self.lang).map_or("", |(_, m)| m[date.month0() as usize])
    }

    /// "28 January 2026", "28 января 2026 г.", "28 جنوری 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        let (day, month, year) = (date.day(), self.month(date), date.year());
        match self.lang {
            Lang::Ru => format!("{day} {month} {year} г."),
            _ => format!("{day} {month} {year}"),
        }
    }

    /// "Wednesday, 28 January 2026".
    pub fn day_heading(&self, date: NaiveDate) -> String {
        let weekday = WEEKDAYS
            .iter()
            .find(|(l, _)| *l == self.lang)
            .map_or("", |(_, w)| w[date.weekday().num_days_from_monday() as usize]);
        let separator = if self.lang == Lang::Ur { "، " } else { ", " };
        // A heading begins with a capital, also where the weekday is written in lower case ("среда").
        let mut letters = weekday.chars();
        let weekday: String = letters.next().map(|c| c.to_uppercase().chain(letters).collect()).unwrap_or_default();
        format!("{weekday}{separator}{}", self.date(date))
    }

    /// An amount of money as the reader writes it, with its currency: "USD 20,000.50",
    /// "20 000,50 USD" (Russian groups with a narrow space and uses a decimal comma).
    pub fn money(&self, amount: f64, currency: &str) -> String {
        let cents = (amount * 100.0).round() as i128;
        let (whole, fraction) = (cents / 100, (cents % 100).abs());
        let digits = whole.abs().to_string();
        let (group, decimal) = if self.lang == Lang::Ru { ('\u{202F}', ',') } else { (',', '.') };
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(digit);
        }
        let sign = if cents < 0 { "-" } else { "" };
        let number = format!("{sign}{grouped}{decimal}{fraction:02}");
        if self.lang == Lang::Ru {
            format!("{number} {currency}")
        } else {
            format!("{currency} {number}")
        }
    }

    /// "28–30 January 2026", or both dates in full when the month or year differ.
    pub fn date_span(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.date(start);
        }
        if (start.year(), start.month()) == (end.year(), end.month()) {
            let rest = self.date(end);
            return format!("{}–{rest}", start.day());
        }
        format!("{} – {}", self.date(start), self.date(end))
    }

    /// A stored date (`YYYY-MM-DD`) written out, or the text as it is if it is not one.
    pub fn stored_date(&self, text: &str) -> String {
        text.parse::<NaiveDate>().map_or_else(|_| text.to_owned(), |d| self.date(d))
    }

    /// A local wall time (`YYYY-MM-DDTHH:MM…`) as `HH:MM`.
    pub fn clock(local: &str) -> String {
        local.get(11..16).unwrap_or(local).to_owned()
    }

    /// A local date and time, written out ("28 January 2026, 09:00").
    pub fn date_time(&self, local: &str) -> String {
        match NaiveDateTime::parse_from_str(local.get(..16).unwrap_or(local), "%Y-%m-%dT%H:%M") {
            Ok(at) => format!("{}, {}", self.date(at.date()), at.format("%H:%M")),
            Err(_) => local.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_phrase_and_the_vocabulary() {
        let english: std::collections::BTreeSet<_> = Catalogue::of(Lang::En).phrases().into_keys().collect();
        assert!(english.len() > 40);
        for lang in [Lang::Ru, Lang::Ur] {
            let other: std::collections::BTreeSet<_> = Catalogue::of(lang).phrases().into_keys().collect();
            assert_eq!(english, other, "{lang:?}");
            assert_ne!(Catalogue::of(lang).vocabulary("visit_status", "confirmed"), "confirmed");
        }
    }

    #[test]
    fn dates_are_written_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 28).unwrap();
        assert_eq!(Catalogue::of(Lang::En).day_heading(day), "Wednesday, 28 January 2026");
        assert_eq!(Catalogue::of(Lang::Ru).day_heading(day), "Среда, 28 января 2026 г.");
        assert_eq!(Catalogue::of(Lang::Ur).day_heading(day), "بدھ، 28 جنوری 2026");
        let end = NaiveDate::from_ymd_opt(2026, 1, 30).unwrap();
        assert_eq!(Catalogue::of(Lang::En).date_span(day, end), "28–30 January 2026");
        let later = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
        assert_eq!(Catalogue::of(Lang::En).date_span(day, later), "28 January 2026 – 2 February 2026");
        assert_eq!(Catalogue::of(Lang::En).date_time("2026-01-28T09:30:00"), "28 January 2026, 09:30");
    }
}
