//! Input checks shared by every domain. Each failure names the camelCase input field the user
//! must fix. Text is stored verbatim (no trimming, no escaping): the UI shows it as plain text.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

use crate::kernel::error::{CoreError, CoreResult, Reason};

/// Longest single-line value (names, titles) and longest free text, in characters.
pub const MAX_LINE: usize = 500;
pub const MAX_TEXT: usize = 100_000;

/// A required single-line value: not blank, not over [`MAX_LINE`].
pub fn required(field: &str, label: &str, value: &str) -> CoreResult<()> {
    if value.trim().is_empty() {
        return Err(CoreError::invalid(field, Reason::Required, format!("{label} is required")));
    }
    max_chars(field, label, value, MAX_LINE)
}

/// An optional single-line value; blank becomes `None`.
pub fn line(field: &str, label: &str, value: Option<String>) -> CoreResult<Option<String>> {
    let value = blank_to_none(value);
    if let Some(v) = &value {
        max_chars(field, label, v, MAX_LINE)?;
    }
    Ok(value)
}

/// Optional free text (notes, bios, summaries); blank becomes `None`.
pub fn text(field: &str, label: &str, value: Option<String>) -> CoreResult<Option<String>> {
    let value = blank_to_none(value);
    if let Some(v) = &value {
        max_chars(field, label, v, MAX_TEXT)?;
    }
    Ok(value)
}

fn max_chars(field: &str, label: &str, value: &str, max: usize) -> CoreResult<()> {
    if value.chars().count() > max {
        return Err(CoreError::invalid(
            field,
            Reason::TooLong { max: max as u32 },
            format!("{label} is too long (at most {max} characters)"),
        ));
    }
    Ok(())
}

pub fn blank_to_none(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// An optional e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn email(field: &str, value: Option<String>) -> CoreResult<Option<String>> {
    let Some(value) = line(field, "E-mail", value)? else { return Ok(None) };
    let address = value.trim();
    let valid = match address.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !address.chars().any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
        }
        None => false,
    };
    if !valid {
        return Err(CoreError::invalid(
            field,
            Reason::NotAnEmail { value: address.to_owned() },
            format!("“{address}” is not an e-mail address (expected name@example.org)"),
        ));
    }
    Ok(Some(address.to_owned()))
}

/// An optional ISO 3166-1 alpha-2 country code; stored upper-case.
pub fn country(field: &str, value: Option<String>) -> CoreResult<Option<String>> {
    let Some(value) = blank_to_none(value) else { return Ok(None) };
    let code = value.trim().to_ascii_uppercase();
    if !crate::kernel::countries::is_iso_3166_alpha2(&code) {
        return Err(CoreError::invalid(
            field,
            Reason::NotACountry { value: value.clone() },
            format!("“{value}” is not an ISO 3166 country code (two letters, e.g. PK, RU)"),
        ));
    }
    Ok(Some(code))
}

/// An IANA time zone name such as `Asia/Karachi`.
pub fn time_zone(field: &str, value: &str) -> CoreResult<Tz> {
    Tz::from_str(value.trim()).map_err(|_| {
        CoreError::invalid(
            field,
            Reason::NotATimeZone { value: value.to_owned() },
            format!("“{value}” is not a known IANA time zone (e.g. Asia/Karachi)"),
        )
    })
}

/// A calendar date `YYYY-MM-DD`.
pub fn date(field: &str, label: &str, value: &str) -> CoreResult<NaiveDate> {
    if value.trim().is_empty() {
        return Err(CoreError::invalid(field, Reason::Required, format!("{label} is required")));
    }
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::invalid(field, Reason::NotADate, format!("{label} must be a date like 2026-01-28")))
}

pub fn optional_date(field: &str, label: &str, value: Option<String>) -> CoreResult<Option<String>> {
    match blank_to_none(value) {
        Some(v) => Ok(Some(date(field, label, &v)?.to_string())),
        None => Ok(None),
    }
}

/// A wall-clock time `YYYY-MM-DDTHH:MM` (seconds optional).
pub fn local_date_time(field: &str, label: &str, value: &str) -> CoreResult<NaiveDateTime> {
    let value = value.trim();
    if value.is_empty() {
        return Err(CoreError::invalid(field, Reason::Required, format!("{label} is required")));
    }
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            CoreError::invalid(
                field,
                Reason::NotADateTime,
                format!("{label} must be a date and time like 2026-01-28T10:30"),
            )
        })
}

/// An optional ISO 4217 currency code; stored upper-case.
pub fn currency(field: &str, value: Option<String>) -> CoreResult<Option<String>> {
    let Some(value) = blank_to_none(value) else { return Ok(None) };
    let code = value.trim().to_ascii_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(CoreError::invalid(
            field,
            Reason::NotACurrency { value: value.clone() },
            format!("“{value}” is not a currency code (three letters, e.g. USD, PKR)"),
        ));
    }
    Ok(Some(code))
}

/// An optional whole number not below `min`.
pub fn at_least(field: &str, label: &str, value: Option<i64>, min: i64) -> CoreResult<Option<i64>> {
    match value {
        Some(v) if v < min => Err(CoreError::invalid(
            field,
            Reason::TooSmall { min: min as i32 },
            format!("{label} must be {min} or more"),
        )),
        other => Ok(other),
    }
}

/// Minutes of a duration people set by hand (a travel buffer): none to a whole day.
pub fn minutes(field: &str, label: &str, value: i64) -> CoreResult<i64> {
    if value < 0 {
        return Err(CoreError::invalid(field, Reason::TooSmall { min: 0 }, format!("{label} cannot be negative")));
    }
    if value > MINUTES_IN_DAY {
        let max = MINUTES_IN_DAY as i32;
        return Err(CoreError::invalid(
            field,
            Reason::TooLarge { max },
            format!("{label} must be {max} minutes or less"),
        ));
    }
    Ok(value)
}

const MINUTES_IN_DAY: i64 = 24 * 60;
