//! People as vCard 3.0 (RFC 2426), the format address books read (Apple Contacts, Outlook,
//! Google Contacts, Thunderbird): one card per person, with the name in its parts, the name in
//! its own script (`X-ATTACHE-NATIVE-NAME`), organization, position, e-mail, phone, country and
//! notes. Text is escaped as the RFC asks, and lines longer than 75 bytes are folded without
//! splitting a character. (Reading vCards is `import::vcard`.)

use std::io::{self, Write};
use std::path::Path;

use rusqlite::Connection;

use crate::directory::people::{self, Person, PersonQuery};
use crate::kernel::error::{CoreError, CoreResult};

/// Writes the people `query` selects, in its order, to `path` (through a temporary file renamed
/// into place when complete); how many cards.
pub fn save_people(conn: &Connection, query: &PersonQuery, path: &Path) -> CoreResult<u32> {
    let everyone = people::all(conn, query)?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut partial = tempfile::Builder::new().prefix(".attache-export-").tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(partial.as_file_mut());
        write(&everyone, &mut out)?;
        out.flush()?;
    }
    partial.persist(path).map_err(|e| CoreError::Io(e.error))?;
    Ok(everyone.len() as u32)
}

/// The cards of `everyone`, one after the other.
pub fn write(everyone: &[Person], out: &mut impl Write) -> io::Result<()> {
    for person in everyone {
        card(person, out)?;
    }
    Ok(())
}

fn card(p: &Person, out: &mut impl Write) -> io::Result<()> {
    let text = |v: &Option<String>| v.as_deref().map(escape).unwrap_or_default();
    line(out, "BEGIN:VCARD")?;
    line(out, "VERSION:3.0")?;
    line(out, &format!("UID:{}", escape(p.id.as_str())))?;
    line(out, &format!("N:{};{};;{};", text(&p.family_name), escape(&p.given_name), text(&p.honorific)))?;
    line(out, &format!("FN:{}", escape(&p.display_name)))?;
    let optional = [
        ("X-ATTACHE-NATIVE-NAME", &p.native_name),
        ("ORG", &p.organization_name),
        ("TITLE", &p.position),
        ("EMAIL;TYPE=INTERNET", &p.email),
        ("TEL;TYPE=WORK,VOICE", &p.phone),
    ];
    for (name, value) in optional {
        if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            line(out, &format!("{name}:{}", escape(value)))?;
        }
    }
    if let Some(country) = p.country.as_deref() {
        line(out, &format!("ADR;TYPE=WORK:;;;;;;{}", escape(country)))?;
    }
    let notes: Vec<&str> =
        [&p.bio, &p.notes].into_iter().filter_map(|v| v.as_deref()).filter(|v| !v.trim().is_empty()).collect();
    if !notes.is_empty() {
        line(out, &format!("NOTE:{}", escape(&notes.join("\n\n"))))?;
    }
    line(out, "END:VCARD")
}

/// RFC 2426 §4: backslash, comma and semicolon escaped, line breaks written as `\n`.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded into lines of at most 75 bytes (each continuation starting with a
/// space), never inside a character; CRLF after each.
fn line(out: &mut impl Write, content: &str) -> io::Result<()> {
    let mut rest = content;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.write_all(rest.as_bytes())?;
            return out.write_all(b"\r\n");
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.write_all(&rest.as_bytes()[..cut])?;
        out.write_all(b"\r\n ")?;
        rest = &rest[cut..];
        // The leading space counts towards the next line's 75 bytes.
        limit = 74;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded_between_characters() {
        assert_eq!(escape("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        let mut out = Vec::new();
        let long = format!("NOTE:{}", "Ж".repeat(100));
        line(&mut out, &long).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        assert_eq!(text.replace("\r\n ", "").trim_end(), long);
    }
}
