//! Delimited text (CSV and its cousins): the delimiter is whichever of comma, semicolon, tab
//! and bar splits the first lines into the same number of columns, the most of them. Excel
//! writes semicolons where the comma is the decimal sign (Russia, most of Europe).

use super::sheet::Grid;

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
const SAMPLE_LINES: usize = 20;

/// The rows of the text, the first being the headings; cells trimmed of surrounding spaces.
pub fn parse(text: &str) -> Result<Grid, String> {
    let delimiter = sniff(text);
    let mut rows = Vec::new();
    for record in reader(text, delimiter).records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(record.iter().map(|cell| cell.trim().to_owned()).collect::<Vec<_>>());
    }
    // Lines with nothing in them (often at the end) are not contacts.
    rows.retain(|row| row.iter().any(|cell| !cell.is_empty()));
    Ok(Grid::from_rows(rows))
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes())
}

fn sniff(text: &str) -> u8 {
    let mut best = (b',', 0usize);
    for delimiter in CANDIDATES {
        let counts: Vec<usize> =
            reader(text, delimiter).records().take(SAMPLE_LINES).filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(first) = counts.first().copied() else { continue };
        // A delimiter that splits the header into several columns and most lines alike.
        let alike = counts.iter().filter(|c| **c == first).count();
        if first > 1 && alike * 10 >= counts.len() * 8 && first > best.1 {
            best = (delimiter, first);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_delimiter() {
        assert_eq!(sniff("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff("Имя;Фамилия;Компания\nАльберт;Хорев;\"ТПП, Москва\"\n"), b';');
        assert_eq!(sniff("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff("name\nOlga\n"), b',');
    }

    #[test]
    fn keeps_quoted_delimiters_and_line_breaks_and_drops_blank_lines() {
        let grid = parse("Name;Notes\n\"Khorev, A.\";\"two\nlines\"\n;\n").unwrap();
        assert_eq!(grid.headers, vec!["Name", "Notes"]);
        assert_eq!(grid.rows, vec![vec!["Khorev, A.".to_owned(), "two\nlines".to_owned()]]);
    }
}
