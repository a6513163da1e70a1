//! Quick add: one line such as "Call Olga friday !high" read as an action.
//!
//! - `!low`, `!normal`, `!high`, `!urgent` (or a prefix: `!h`, `!u`; or in Russian or Urdu,
//!   `!высокий`, `!срочно`, `!فوری`) set the priority;
//! - a day sets the due date: `today`, `tomorrow`, a weekday (the next one after today: on a
//!   Friday, "friday" is a week away), an ISO date `2026-12-04` or a day and month `4.12`
//!   (the next such day from today); in English, Russian (`завтра`, `пятница`, `пт`) or Urdu
//!   (`کل`, `جمعہ`);
//! - `@name` makes that person the owner;
//! - a capitalised word after the first that is exactly one person's given or family name
//!   ("Olga") links the action to that person, and stays in the title ("Call Olga").
//!
//! What is recognised leaves the title, except the person it is about. Every word used is
//! reported back, so the window can show what it understood before the action is created.

use chrono::{Datelike, NaiveDate, Weekday};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::PersonId;
use crate::person_name_sql;

use super::{ActionInput, ActionStatus, Priority};

/// What a line was read as: the action it would create, and what each word was taken for.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuickDraft {
    pub input: ActionInput,
    pub owner_name: Option<String>,
    pub person_name: Option<String>,
    /// An `@name` that matched no one, or several people: left out of the owner.
    pub unmatched_owner: Option<String>,
}

/// Reads `text` as an action as of `today`.
pub fn parse(conn: &Connection, text: &str, today: NaiveDate) -> CoreResult<QuickDraft> {
    let mut title = Vec::new();
    let mut draft = QuickDraft {
        input: ActionInput {
            title: String::new(),
            details: None,
            owner_person_id: None,
            due_on: None,
            priority: Priority::Normal,
            status: ActionStatus::Open,
            visit_id: None,
            agreement_id: None,
            organization_id: None,
            person_id: None,
            sector_ids: Vec::new(),
        },
        owner_name: None,
        person_name: None,
        unmatched_owner: None,
    };
    for (index, word) in text.split_whitespace().enumerate() {
        if let Some(priority) = word.strip_prefix('!').and_then(priority) {
            draft.input.priority = priority;
        } else if let Some(day) = due(word, today).filter(|_| draft.input.due_on.is_none()) {
            draft.input.due_on = Some(day.to_string());
        } else if let Some(name) = word.strip_prefix('@').filter(|n| !n.is_empty()) {
            match one_person(conn, name)? {
                Some((id, full)) => (draft.input.owner_person_id, draft.owner_name) = (Some(id), Some(full)),
                None => draft.unmatched_owner = Some(name.to_owned()),
            }
        } else {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if index > 0 && capitalised && draft.input.person_id.is_none() {
                let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
                if let Some((id, full)) = one_person(conn, bare)? {
                    (draft.input.person_id, draft.person_name) = (Some(id), Some(full));
                }
            }
            title.push(word);
        }
    }
    draft.input.title = title.join(" ");
    if draft.input.title.is_empty() {
        return Err(CoreError::invalid("title", Reason::Required, "Title is required: say what is to be done"));
    }
    Ok(draft)
}

/// `high`, `h`, `URGENT`, `высокий`, `فوری`…: a priority by its name, or the start of it, in
/// English, Russian or Urdu.
fn priority(word: &str) -> Option<Priority> {
    const NAMES: [(Priority, &[&str]); 4] = [
        (Priority::Low, &["low", "низкий", "کم"]),
        (Priority::Normal, &["normal", "обычный", "عام"]),
        (Priority::High, &["high", "высокий", "اہم"]),
        (Priority::Urgent, &["urgent", "срочно", "срочный", "فوری"]),
    ];
    let word = word.to_lowercase();
    if word.is_empty() {
        return None;
    }
    NAMES.iter().find(|(_, names)| names.iter().any(|name| name.starts_with(&word))).map(|(p, _)| *p)
}

fn due(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let word = word.trim_end_matches([',', '.', ';']).to_lowercase();
    match word.as_str() {
        "today" | "сегодня" | "آج" => return Some(today),
        "tomorrow" | "завтра" | "کل" => return today.succ_opt(),
        _ => {}
    }
    if let Some(day) = weekday(&word) {
        let ahead = (7 + day.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64 - 1) % 7 + 1;
        return Some(today + chrono::Duration::days(ahead));
    }
    if let Ok(date) = NaiveDate::parse_from_str(&word, "%Y-%m-%d") {
        return Some(date);
    }
    let (day, month) = word.split_once(['.', '/'])?;
    let (day, month): (u32, u32) = (day.parse().ok()?, month.parse().ok()?);
    [today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date >= today)
}

fn weekday(word: &str) -> Option<Weekday> {
    const NAMES: [(Weekday, &[&str]); 7] = [
        (Weekday::Mon, &["monday", "mon", "понедельник", "пн", "پیر"]),
        (Weekday::Tue, &["tuesday", "tue", "вторник", "вт", "منگل"]),
        (Weekday::Wed, &["wednesday", "wed", "среда", "среду", "ср", "بدھ"]),
        (Weekday::Thu, &["thursday", "thu", "четверг", "чт", "جمعرات"]),
        (Weekday::Fri, &["friday", "fri", "пятница", "пятницу", "пт", "جمعہ"]),
        (Weekday::Sat, &["saturday", "sat", "суббота", "субботу", "сб", "ہفتہ"]),
        (Weekday::Sun, &["sunday", "sun", "воскресенье", "вс", "اتوار"]),
    ];
    NAMES.iter().find(|(_, names)| names.contains(&word)).map(|(day, _)| *day)
}

/// The one live person whose given or family name is `name` (ignoring case), if exactly one.
fn one_person(conn: &Connection, name: &str) -> CoreResult<Option<(PersonId, String)>> {
    if name.is_empty() {
        return Ok(None);
    }
    let sql = concat!(
        "SELECT id, ",
        person_name_sql!("people"),
        " FROM people WHERE deleted_at IS NULL AND (given_name = ?1 COLLATE NOCASE OR family_name = ?1 COLLATE NOCASE) LIMIT 2"
    );
    let found: Vec<(PersonId, String)> =
        conn.prepare_cached(sql)?.query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(if found.len() == 1 { found.into_iter().next() } else { None })
}
