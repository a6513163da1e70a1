//! Excel workbooks (.xlsx) through rust_xlsxwriter: one sheet, the headings in bold and frozen,
//! columns fitted to their text. Text is always written as a string cell, which Excel never
//! runs as a formula, so nothing needs neutralising (unlike CSV); numbers stay numbers.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{Cell, Table};
use crate::kernel::error::{CoreError, CoreResult, Reason};

/// The most characters an Excel cell holds.
pub const MAX_CELL: usize = 32_767;

pub fn workbook(table: &Table) -> CoreResult<Vec<u8>> {
    refuse_long_cells(table)?;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    for (column, heading) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, heading, &bold).map_err(xlsx_error)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = index as u32 + 1;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => sheet.write_string(at, column, text).map_err(xlsx_error)?,
                Cell::Number(n) => sheet.write_number(at, column, *n as f64).map_err(xlsx_error)?,
                Cell::Real(x) => sheet.write_number(at, column, *x).map_err(xlsx_error)?,
                Cell::Empty => sheet,
            };
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    sheet.autofit();
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Writes the workbook to `path` through a temporary file renamed into place when complete.
pub fn save(table: &Table, path: &Path) -> CoreResult<()> {
    let bytes = workbook(table)?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut partial = tempfile::Builder::new().prefix(".attache-export-").tempfile_in(dir)?;
    std::io::Write::write_all(partial.as_file_mut(), &bytes)?;
    partial.persist(path).map_err(|e| CoreError::Io(e.error))?;
    Ok(())
}

/// A text longer than a cell holds is refused, naming where it is: cutting it would lose it.
fn refuse_long_cells(table: &Table) -> CoreResult<()> {
    for (index, row) in table.rows.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            if let Cell::Text(text) = cell {
                if text.chars().count() > MAX_CELL {
                    let heading = table.columns.get(column).map_or("", String::as_str);
                    return Err(CoreError::invalid(
                        "format",
                        Reason::TooLong { max: MAX_CELL as u32 },
                        format!(
                            "{heading} in row {} is longer than an Excel cell holds ({MAX_CELL} characters): export as CSV instead",
                            index + 2
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn xlsx_error(error: XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(error.to_string()))
}
