//! Data in and out of Attaché: a list as a table (its columns, its rows in the list's order),
//! written as CSV or an Excel workbook that spreadsheets open right; contacts imported from CSV, spreadsheets and
//! vCard address books ([`import`]).

pub mod csv;
pub mod fuzz_entry;
pub mod import;
pub mod tables;
pub mod vcard;
pub mod whole_store;
pub mod xlsx;

/// One value of a table. Text and numbers stay apart, so that a writer can keep text from
/// ever being read back as a number or a formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    /// An amount with decimals (an agreement's value).
    Real(f64),
    Empty,
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Real)
    }
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
/// language passes its own. The columns listed in `vocabulary` hold Attaché's stored words
/// (an organization's kind, a participant's side), which a window can word in its language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub vocabulary: Vec<usize>,
}

impl Table {
    /// The same table with the stored words of its vocabulary columns put as `terms` words them
    /// ("guest" → "Гость"); a word `terms` does not have stays as it is.
    pub fn worded(mut self, terms: &std::collections::HashMap<String, String>) -> Table {
        for row in &mut self.rows {
            for column in &self.vocabulary {
                if let Some(Cell::Text(word)) = row.get_mut(*column) {
                    if let Some(term) = terms.get(word.as_str()) {
                        word.clone_from(term);
                    }
                }
            }
        }
        self
    }

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
