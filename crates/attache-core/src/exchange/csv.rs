//! CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte-order mark, so that Excel does
//! not take it for the local 8-bit code page; commas; CRLF between rows; a field quoted when
//! it holds a comma, a quote, a line break or spaces at its ends.
//!
//! A text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return: `=HYPERLINK(…)`, `@SUM(…)`) gets a leading apostrophe, as OWASP
//! advises: the spreadsheet then shows it as text. A phone number such as "+92 52 4261234"
//! thus reads "'+92 52 4261234"; numbers that are numbers (a protocol rank) are left alone.

use std::io::Write;

use super::{Cell, Table};

const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn write(table: &Table, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(BOM)?;
    let header: Vec<Cell> = table.columns.iter().cloned().map(Cell::Text).collect();
    write_row(&header, out)?;
    for row in &table.rows {
        write_row(row, out)?;
    }
    out.flush()
}

fn write_row(cells: &[Cell], out: &mut impl Write) -> std::io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match cell {
            Cell::Empty => {}
            Cell::Number(n) => write!(out, "{n}")?,
            Cell::Real(x) => write!(out, "{x}")?,
            Cell::Text(text) => out.write_all(field(&neutralised(text)).as_bytes())?,
        }
    }
    out.write_all(b"\r\n")
}

/// Writes the table to `path` through a temporary file beside it, renamed into place when
/// complete: an export cut short never leaves half a file under the name asked for.
pub fn save(table: &Table, path: &std::path::Path) -> crate::kernel::error::CoreResult<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut partial = tempfile::Builder::new().prefix(".attache-export-").tempfile_in(dir)?;
    {
        let mut out = std::io::BufWriter::new(partial.as_file_mut());
        write(table, &mut out)?;
    }
    partial.persist(path).map_err(|e| crate::kernel::error::CoreError::Io(e.error))?;
    Ok(())
}

/// The text, with an apostrophe before it when a spreadsheet would take it for a formula.
pub fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn field(text: &str) -> std::borrow::Cow<'_, str> {
    let needs_quotes = text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        std::borrow::Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(rows: Vec<Vec<Cell>>) -> String {
        let table = Table { columns: vec!["Name".into(), "Rank".into()], rows, ..Table::default() };
        let mut out = Vec::new();
        write(&table, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_ends_rows_with_crlf() {
        let text = written(vec![vec![Cell::Text("Albert Khorev".into()), Cell::Number(3)]]);
        assert_eq!(text, "\u{feff}Name,Rank\r\nAlbert Khorev,3\r\n");
    }

    #[test]
    fn quotes_what_would_split_a_field_and_doubles_quotes() {
        let text = written(vec![vec![Cell::Text("Khorev, Albert \"Al\"\nline two".into()), Cell::Empty]]);
        assert!(text.ends_with("\"Khorev, Albert \"\"Al\"\"\nline two\",\r\n"), "{text:?}");
    }

    #[test]
    fn a_formula_is_written_as_text() {
        for formula in ["=HYPERLINK(\"http://x\",\"y\")", "+92 52 4261234", "-1+2", "@SUM(A1)", "\tcmd"] {
            let text = written(vec![vec![Cell::Text(formula.into()), Cell::Number(-4)]]);
            let line = text.lines().nth(1).unwrap();
            assert!(line.starts_with("'") || line.starts_with("\"'"), "{formula}: {line:?}");
            assert!(line.ends_with(",-4"), "numbers stay numbers: {line:?}");
        }
    }
}
