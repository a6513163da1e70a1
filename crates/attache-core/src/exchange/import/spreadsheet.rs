//! Spreadsheets (.xlsx, .xls, .xlsb, .ods) through calamine: the first sheet, as text.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::sheet::Grid;

/// The first sheet as text, or why the file cannot be read. calamine parses files made by
/// anyone: one crafted to make it panic (fuzzing found a cell reference long enough to overflow
/// its column arithmetic) is refused like any damaged file, and the app goes on.
pub fn read(path: &Path) -> Result<Grid, String> {
    std::panic::catch_unwind(|| read_unguarded(path)).unwrap_or_else(|_| Err("the spreadsheet is damaged".into()))
}

fn read_unguarded(path: &Path) -> Result<Grid, String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let range = workbook.worksheet_range_at(0).ok_or("it has no sheet")?.map_err(|e| e.to_string())?;
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(text).collect::<Vec<_>>())
        .filter(|row| row.iter().any(|cell| !cell.is_empty()))
        .collect();
    Ok(Grid::from_rows(rows))
}

/// A cell as the text a person reads in it; a whole number stays whole (a phone number typed
/// as a number is 923001234567, not 9.23e11).
fn text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_owned(),
    }
}
