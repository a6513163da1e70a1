//! A contact file as a grid of text: headings, then one row per contact, whatever the file
//! was (CSV, a spreadsheet, an address book of vCards). Everything after this works on grids.

use std::path::Path;

use serde::Serialize;
use specta::Type;

use super::text::{self, TextEncoding};
use super::{delimited, spreadsheet, vcard};
use crate::kernel::error::{CoreError, CoreResult, Reason};

/// Larger files are refused before they are read: 50 MB of CSV is some 300,000 contacts.
pub const MAX_MEGABYTES: u32 = 50;
/// More rows than an office's whole address book; a file with more is refused as a whole.
pub const MAX_ROWS: usize = 200_000;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// The first row as headings (an empty one named by its position), the rest as rows.
    pub fn from_rows(mut rows: Vec<Vec<String>>) -> Grid {
        if rows.is_empty() {
            return Grid::default();
        }
        let first = rows.remove(0);
        let width = rows.iter().map(Vec::len).chain([first.len()]).max().unwrap_or(0);
        let headers = (0..width)
            .map(|i| match first.get(i).map(|h| h.trim()) {
                Some(h) if !h.is_empty() => h.to_owned(),
                _ => format!("Column {}", i + 1),
            })
            .collect();
        Grid { headers, rows }
    }

    /// The cell in `column` of `row`, empty where the row is short.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(column)).map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    Delimited,
    Spreadsheet,
    VCard,
}

/// A file read for import: its grid, what kind of file it was, and for text, the encoding.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub encoding: Option<TextEncoding>,
    pub grid: Grid,
}

/// Reads a contact file: by its extension a spreadsheet (.xlsx, .xls, .ods) or an address
/// book (.vcf, .vcard), else delimited text in the chosen or detected encoding.
pub fn read(path: &Path, encoding: Option<TextEncoding>) -> CoreResult<Source> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let size = std::fs::metadata(path).map_err(|e| unreadable(path, &e.to_string()))?.len();
    if size > u64::from(MAX_MEGABYTES) * 1024 * 1024 {
        return Err(CoreError::invalid(
            "file",
            Reason::FileTooLarge { megabytes: MAX_MEGABYTES },
            format!("{name} is larger than {MAX_MEGABYTES} MB"),
        ));
    }
    let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let (kind, encoding, grid) = match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            (SourceKind::Spreadsheet, None, spreadsheet::read(path).map_err(|p| unreadable(path, &p))?)
        }
        _ => {
            let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e.to_string()))?;
            let (text, used) = text::decode(&bytes, encoding);
            if matches!(extension.as_str(), "vcf" | "vcard") || vcard::looks_like(&text) {
                (SourceKind::VCard, Some(used), vcard::parse(&text).map_err(|p| unreadable(path, &p))?)
            } else {
                (SourceKind::Delimited, Some(used), delimited::parse(&text).map_err(|p| unreadable(path, &p))?)
            }
        }
    };
    if grid.headers.is_empty() {
        return Err(unreadable(path, "it holds no rows"));
    }
    if grid.rows.len() > MAX_ROWS {
        return Err(unreadable(path, &format!("it has more than {MAX_ROWS} rows")));
    }
    Ok(Source { name, kind, encoding, grid })
}

fn unreadable(path: &Path, problem: &str) -> CoreError {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    CoreError::invalid(
        "file",
        Reason::FileUnreadable { problem: problem.to_owned() },
        format!("{name} cannot be read as contacts: {problem}"),
    )
}
