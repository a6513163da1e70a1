//! Data in and out of Attaché: a list as a table (its columns, its rows in the list's order),
//! written as CSV or an Excel workbook that spreadsheets open right; contacts imported from CSV, spreadsheets and
//! vCard address books ([`import`]).

pub mod csv;
pub mod import;
pub mod tables;
pub mod xlsx;

/// One value of a table. Text and numbers stay apart, so that a writer can keep text from
/// ever being read back as a number or a formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Empty,
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Cell {
        value.filter(|v| !v.is_empty()).map_or(Cell::Empty, Cell::Text)
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Cell {
        Cell::from(Some(value))
    }
}

impl From<Option<i64>> for Cell {
    fn from(value: Option<i64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// A list as rows under named columns. `columns` are English headings; a window in another
/// language passes its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The same table under other headings (the window's, in the user's language); the
    /// table's own when the count does not match its columns.
    pub fn headed(mut self, headings: Vec<String>) -> Table {
        if headings.len() == self.columns.len() {
            self.columns = headings;
        }
        self
    }
}

/// Writes the table to `path` as an Excel workbook when the name ends in `.xlsx`, else as CSV.
pub fn save(table: &Table, path: &std::path::Path) -> crate::CoreResult<()> {
    let excel = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if excel {
        xlsx::save(table, path)
    } else {
        csv::save(table, path)
    }
}
