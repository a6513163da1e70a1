//! Contacts into Attaché: a file (CSV in any common encoding, a spreadsheet, an address book
//! of vCards) is read into a grid ([`sheet`]), its columns mapped to fields ([`mapping`]),
//! each row checked by the forms' own rules ([`contact`]) and compared with the people or
//! organizations already kept and with the rows before it ([`duplicates`]). [`review`] says
//! what an import would do; [`apply`] does it in one transaction, with progress and cancel,
//! and [`undo_last`] takes the last import back.

mod apply;
pub mod contact;
mod delimited;
pub mod duplicates;
pub mod mapping;
pub mod sheet;
mod spreadsheet;
pub mod text;
mod vcard;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use apply::{apply, last, undo_last, ImportRecord, ImportSummary};
use contact::{PersonRow, RowProblem, Values};
use duplicates::{organization_key, person_key, Index, Likeness, Match, OrganizationKeys};
pub use mapping::{Field, Mapping, Target};
pub use sheet::{read, Source, SourceKind};
pub use text::TextEncoding;

use crate::directory::organizations::OrganizationInput;
use crate::directory::people::display_name;
use crate::exchange::{Cell, Table};
use crate::kernel::error::{CoreError, CoreResult, Reason};

/// How many refused and duplicate rows a review lists (the counts are always whole).
const LISTED: usize = 1_000;
const SAMPLE_ROWS: usize = 5;

/// What to do with a row that is somebody already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// Fill the known record's empty fields from the row.
    Merge,
    Skip,
    /// A new record all the same.
    Create,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowDecision {
    /// The row's index among the file's rows (0 is the first row after the headings).
    pub index: u32,
    pub decision: Decision,
}

/// What the user chose on the mapping and review screens.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportChoices {
    pub target: Target,
    pub mapping: Mapping,
    /// For every duplicate without a decision of its own.
    pub duplicates: Decision,
    #[serde(default)]
    pub decisions: Vec<RowDecision>,
}

/// What an import of the file would do, and what the mapping screen shows.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReview {
    pub source: String,
    pub kind: SourceKind,
    pub encoding: Option<TextEncoding>,
    pub target: Target,
    /// The fields a column can fill for this target, in the order the mapping screen offers them.
    pub fields: Vec<Field>,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    /// The first rows, as the file has them.
    pub sample: Vec<Vec<String>>,
    pub rows: u32,
    /// Rows that become new records.
    pub new: u32,
    pub refused: Vec<RefusedRow>,
    pub refused_count: u32,
    pub duplicates: Vec<DuplicateRow>,
    pub duplicate_count: u32,
    /// Organizations the company column names that are not kept yet (people imports).
    pub new_organizations: Vec<String>,
    pub new_organization_count: u32,
    /// Why the mapping cannot import yet (no name column…): then no row is counted.
    pub mapping_problem: Option<RowProblem>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RefusedRow {
    pub index: u32,
    /// The row as the user finds it in the file: the spreadsheet's row number, the card's.
    pub row: u32,
    pub name: String,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateRow {
    pub index: u32,
    pub row: u32,
    pub name: String,
    pub email: Option<String>,
    pub of: DuplicateOf,
    pub likeness: Likeness,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DuplicateOf {
    Record { id: String, name: String },
    Row { row: u32, name: String },
}

/// One row's fate, before any choice about duplicates.
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    Refused(RowProblem),
    New,
    Duplicate(Match),
}

#[derive(Debug, Clone)]
pub(crate) enum Parsed {
    Person(PersonRow),
    Organization(OrganizationInput),
}

#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub plan: Plan,
    pub record: Option<Parsed>,
    pub name: String,
}

/// What importing `source` with this mapping would do; nothing is stored.
pub fn review(
    conn: &Connection,
    source: &Source,
    target: Target,
    mapping: Option<Mapping>,
) -> CoreResult<ImportReview> {
    review_watched(conn, source, target, mapping, &mut |_, _| true)
}

/// As [`review`], telling `progress(rows compared, rows)` as it goes (a file of a hundred
/// thousand rows takes a second or more); it stops, with [`Reason::Cancelled`], when
/// `progress` returns false.
pub fn review_watched(
    conn: &Connection,
    source: &Source,
    target: Target,
    mapping: Option<Mapping>,
    progress: &mut dyn FnMut(u32, u32) -> bool,
) -> CoreResult<ImportReview> {
    let grid = &source.grid;
    let mapping = match mapping {
        Some(m) => m,
        None => mapping::suggest(conn, target, &grid.headers)?,
    };
    let (planned, mapping_problem) = match plan(conn, source, target, &mapping, progress) {
        Ok(planned) => (planned, None),
        Err(error @ CoreError::Validation { .. }) => (Vec::new(), Some(RowProblem::from(error))),
        Err(error) => return Err(error),
    };
    let number = |index: usize| row_number(source.kind, index);
    let mut review = ImportReview {
        source: source.name.clone(),
        kind: source.kind,
        encoding: source.encoding,
        target,
        fields: target.fields().to_vec(),
        headers: grid.headers.clone(),
        mapping,
        sample: grid.rows.iter().take(SAMPLE_ROWS).cloned().collect(),
        rows: grid.rows.len() as u32,
        new: 0,
        refused: Vec::new(),
        refused_count: 0,
        duplicates: Vec::new(),
        duplicate_count: 0,
        new_organizations: Vec::new(),
        new_organization_count: 0,
        mapping_problem,
    };
    for (index, row) in planned.iter().enumerate() {
        match &row.plan {
            Plan::New => review.new += 1,
            Plan::Refused(problem) => {
                review.refused_count += 1;
                if review.refused.len() < LISTED {
                    let name = row.name.clone();
                    review.refused.push(RefusedRow {
                        index: index as u32,
                        row: number(index),
                        name,
                        problem: problem.clone(),
                    });
                }
            }
            Plan::Duplicate(found) => {
                review.duplicate_count += 1;
                if review.duplicates.len() < LISTED {
                    review.duplicates.push(duplicate_row(&planned, index, found, &number));
                }
            }
        }
    }
    let organizations = new_organizations(conn, &planned)?;
    review.new_organization_count = organizations.len() as u32;
    review.new_organizations = organizations.into_iter().take(LISTED).collect();
    Ok(review)
}

fn duplicate_row(planned: &[Planned], index: usize, found: &Match, number: &impl Fn(usize) -> u32) -> DuplicateRow {
    let email = match &planned[index].record {
        Some(Parsed::Person(p)) => p.input.email.clone(),
        _ => None,
    };
    let (of, likeness) = match found {
        Match::Record { id, name, likeness } => (DuplicateOf::Record { id: id.clone(), name: name.clone() }, *likeness),
        Match::Row { index: earlier, likeness } => {
            (DuplicateOf::Row { row: number(*earlier), name: planned[*earlier].name.clone() }, *likeness)
        }
    };
    DuplicateRow { index: index as u32, row: number(index), name: planned[index].name.clone(), email, of, likeness }
}

/// The organizations named in a people import that would be created (folded names differ).
fn new_organizations(conn: &Connection, planned: &[Planned]) -> CoreResult<Vec<String>> {
    let kept = apply::organizations_by_key(conn)?;
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for row in planned {
        if let (Plan::New | Plan::Duplicate(_), Some(Parsed::Person(p))) = (&row.plan, &row.record) {
            if let Some(name) = &p.organization {
                let key = organization_key(Some(name));
                if !kept.contains_key(&key) && seen.insert(key) {
                    names.push(name.clone());
                }
            }
        }
    }
    Ok(names)
}

/// The spreadsheet's row number (the headings are row 1), or the card's number in an address book.
pub fn row_number(kind: SourceKind, index: usize) -> u32 {
    match kind {
        SourceKind::VCard => index as u32 + 1,
        _ => index as u32 + 2,
    }
}

/// A mapping that cannot make a record is refused as a whole, naming what it lacks.
fn check_mapping(target: Target, mapping: &Mapping) -> CoreResult<()> {
    let has = |f: Field| mapping.contains(&Some(f));
    let complete = match target {
        Target::People => has(Field::GivenName) || has(Field::FullName) || has(Field::FamilyName),
        Target::Organizations => has(Field::Name),
    };
    let foreign = mapping.iter().flatten().find(|f| !target.fields().contains(f));
    if let Some(field) = foreign {
        return Err(CoreError::invalid(
            "mapping",
            Reason::MappingIncomplete { needs: format!("{field:?}") },
            format!("{field:?} is not a field of {}", target.as_str()),
        ));
    }
    if !complete {
        let needs = match target {
            Target::People => "a name column (given, family or full name)",
            Target::Organizations => "a name column",
        };
        return Err(CoreError::invalid(
            "mapping",
            Reason::MappingIncomplete { needs: needs.to_owned() },
            format!("The mapping needs {needs}"),
        ));
    }
    Ok(())
}

/// Every row's fate against what is kept now and the rows before it.
/// Rows between two reports of a review's or an import's progress (and chances to cancel).
pub(crate) const PROGRESS_EVERY: usize = 200;

/// What each row of `source` would become; `progress(rows, total)` is told every
/// [`PROGRESS_EVERY`] rows and stops the plan by returning false.
pub(crate) fn plan(
    conn: &Connection,
    source: &Source,
    target: Target,
    mapping: &Mapping,
    progress: &mut dyn FnMut(u32, u32) -> bool,
) -> CoreResult<Vec<Planned>> {
    check_mapping(target, mapping)?;
    let grid = &source.grid;
    let total = grid.rows.len() as u32;
    if !progress(0, total) {
        return Err(cancelled());
    }
    let mut index = match target {
        Target::People => Index::of_people(conn)?,
        Target::Organizations => Index::of_organizations(conn)?,
    };
    let mut planned = Vec::with_capacity(grid.rows.len());
    let mut folded = OrganizationKeys::default();
    for row in 0..grid.rows.len() {
        if row % PROGRESS_EVERY == 0 && !progress(row as u32, total) {
            return Err(cancelled());
        }
        let values = Values::new(grid, mapping, row);
        let parsed = match target {
            Target::People => contact::person(conn, &values).map(Parsed::Person),
            Target::Organizations => contact::organization(&values).map(Parsed::Organization),
        };
        let (plan, record, name) = match parsed {
            Err(problem) => (Plan::Refused(problem), None, fallback_name(grid, mapping, row)),
            Ok(parsed) => {
                let (email, name_key, org_key, name) = keys(&parsed, &mut folded);
                let plan = match index.find(email.as_deref(), &name_key, &org_key) {
                    Some(found) => Plan::Duplicate(found),
                    None => Plan::New,
                };
                index.add_row(email.as_deref(), &name_key, &org_key, row);
                (plan, Some(parsed), name)
            }
        };
        planned.push(Planned { plan, record, name });
    }
    Ok(planned)
}

/// The error of a review or an import the user stopped; nothing of it was kept.
pub(crate) fn cancelled() -> CoreError {
    CoreError::Conflict {
        field: None,
        reason: Reason::Cancelled,
        message: "The import was cancelled: nothing was imported".into(),
    }
}

/// A row's e-mail, folded name, folded organization and name as shown.
fn keys(parsed: &Parsed, folded: &mut OrganizationKeys) -> (Option<String>, String, String, String) {
    match parsed {
        Parsed::Person(p) => {
            let i = &p.input;
            (
                i.email.clone(),
                person_key(&i.given_name, i.family_name.as_deref()),
                folded.of(p.organization.as_deref()),
                display_name(i.honorific.as_deref(), &i.given_name, i.family_name.as_deref()),
            )
        }
        Parsed::Organization(o) => (None, organization_key(Some(&o.name)), String::new(), o.name.clone()),
    }
}

/// A refused row's name for the list: its name cells, else its first filled cell.
fn fallback_name(grid: &sheet::Grid, mapping: &Mapping, row: usize) -> String {
    let values = Values::new(grid, mapping, row);
    let named = [Field::FullName, Field::GivenName, Field::FamilyName, Field::Name]
        .iter()
        .filter_map(|f| values.get(*f))
        .collect::<Vec<_>>();
    if !named.is_empty() {
        return named.join(" ");
    }
    if let Some(email) = values.get(Field::Email) {
        return email;
    }
    grid.rows[row].iter().find(|c| !c.trim().is_empty()).cloned().unwrap_or_default()
}

/// The refused rows as the file had them, with a last column saying why, to fix and import again.
pub fn refused_table(conn: &Connection, source: &Source, target: Target, mapping: &Mapping) -> CoreResult<Table> {
    let planned = plan(conn, source, target, mapping, &mut |_, _| true)?;
    let grid = &source.grid;
    let mut columns = grid.headers.clone();
    columns.push("Problem".to_owned());
    let rows = planned
        .iter()
        .enumerate()
        .filter_map(|(index, row)| match &row.plan {
            Plan::Refused(problem) => {
                let mut cells: Vec<Cell> =
                    (0..grid.headers.len()).map(|c| Cell::from(grid.cell(index, c).to_owned())).collect();
                cells.push(Cell::Text(problem.message.clone()));
                Some(cells)
            }
            _ => None,
        })
        .collect();
    Ok(Table { columns, rows, ..Table::default() })
}
