//! Writing an import, and taking the last one back.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use specta::Type;

use super::duplicates::{organization_key, Match, OrganizationKeys};
use super::{cancelled, mapping, plan, Decision, ImportChoices, Parsed, Plan, Source, Target, PROGRESS_EVERY};
use crate::directory::organizations::{self, OrganizationInput, OrganizationKind};
use crate::directory::people::{self, PersonInput};
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{OrganizationId, PersonId};
use crate::kernel::record::now;
use crate::store::bulk::Deferred;
use crate::store::{Store, Writer};

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub import_id: String,
    pub created: u32,
    pub merged: u32,
    pub skipped: u32,
    pub refused: u32,
    pub organizations_created: u32,
}

/// An import as kept: what it did, and whether it was undone.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    pub id: String,
    pub source: String,
    pub target: Target,
    pub imported_at: String,
    pub created: u32,
    pub merged: u32,
    pub skipped: u32,
    pub refused: u32,
    pub undone_at: Option<String>,
}

/// Imports `source` as chosen, all in one transaction: `progress(done, total)` is told as rows
/// go in, and stops the import (nothing kept) by returning false. The mapping is remembered
/// for the next file with the same headings.
pub fn apply(
    store: &mut Store,
    source: &Source,
    choices: &ImportChoices,
    progress: &mut dyn FnMut(u32, u32) -> bool,
) -> CoreResult<ImportSummary> {
    store.write(|w| {
        // Looking for duplicates again (the store may have changed since the review) can be
        // cancelled too; the bar stays at the start until rows go in.
        let total = source.grid.rows.len() as u32;
        let planned = plan(w, source, choices.target, &choices.mapping, &mut |_, _| progress(0, total))?;
        let import_id = uuid::Uuid::now_v7().to_string();
        w.execute(
            "INSERT INTO imports (id, source, target, imported_at, actor, created, merged, skipped, refused)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, 0, 0)",
            rusqlite::params![import_id, source.name, choices.target.as_str(), now(), w.actor],
        )?;
        let decided: HashMap<usize, Decision> =
            choices.decisions.iter().map(|d| (d.index as usize, d.decision)).collect();
        let deferred = [Deferred::begin(w, "people")?, Deferred::begin(w, "organizations")?];
        let mut run = Run::new(w, &import_id)?;
        let total = planned.len() as u32;
        // The record each row became or went into, for later rows that repeat it.
        let mut outcome: Vec<Option<String>> = vec![None; planned.len()];
        for (index, row) in planned.iter().enumerate() {
            if index % PROGRESS_EVERY == 0 && !progress(index as u32, total) {
                return Err(cancelled());
            }
            let Some(record) = &row.record else {
                run.summary.refused += 1;
                continue;
            };
            let into = match &row.plan {
                Plan::Refused(_) => continue,
                Plan::New => None,
                Plan::Duplicate(found) => match decided.get(&index).copied().unwrap_or(choices.duplicates) {
                    Decision::Skip => {
                        run.summary.skipped += 1;
                        continue;
                    }
                    Decision::Create => None,
                    Decision::Merge => match found {
                        Match::Record { id, .. } => Some(id.clone()),
                        // Into what the earlier row became; if it was skipped, this row is new.
                        Match::Row { index, .. } => outcome[*index].clone(),
                    },
                },
            };
            outcome[index] = Some(match into {
                Some(id) => run.merge(record, &id)?,
                None => run.create(record)?,
            });
        }
        for index in deferred {
            index.finish(w)?;
        }
        progress(total, total);
        mapping::remember(w, choices.target, &source.grid.headers, &choices.mapping)?;
        let s = &run.summary;
        w.execute(
            "UPDATE imports SET imported_at = ?2, created = ?3, merged = ?4, skipped = ?5, refused = ?6 WHERE id = ?1",
            rusqlite::params![import_id, now(), s.created, s.merged, s.skipped, s.refused],
        )?;
        Ok(run.summary)
    })
}

/// One import under way: its counts and the organizations it can link people to.
struct Run<'w, 'a> {
    w: &'w Writer<'a>,
    summary: super::ImportSummary,
    organizations: HashMap<String, String>,
    folded: OrganizationKeys,
}

impl<'w, 'a> Run<'w, 'a> {
    fn new(w: &'w Writer<'a>, import_id: &str) -> CoreResult<Self> {
        let summary = ImportSummary {
            import_id: import_id.to_owned(),
            created: 0,
            merged: 0,
            skipped: 0,
            refused: 0,
            organizations_created: 0,
        };
        Ok(Run { w, summary, organizations: organizations_by_key(w)?, folded: OrganizationKeys::default() })
    }

    fn note(&self, kind: &str, id: &str, outcome: &str, before: Option<String>) -> CoreResult<()> {
        // A record merged twice keeps its first `before`; one created here stays `created`.
        self.w.execute(
            "INSERT OR IGNORE INTO import_records (import_id, record_kind, record_id, outcome, before) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![self.summary.import_id, kind, id, outcome, before],
        )?;
        Ok(())
    }

    fn create(&mut self, record: &Parsed) -> CoreResult<String> {
        self.summary.created += 1;
        match record {
            Parsed::Person(row) => {
                let mut input = row.input.clone();
                input.organization_id = self.organization(row.organization.as_deref())?;
                let id = PersonId::new();
                people::insert_row(self.w, &id, input)?;
                self.note("person", id.as_str(), "created", None)?;
                Ok(id.0)
            }
            Parsed::Organization(input) => {
                let id = OrganizationId::new();
                organizations::insert(self.w, id.clone(), input.clone())?;
                self.organizations.insert(organization_key(Some(&input.name)), id.0.clone());
                self.note("organization", id.as_str(), "created", None)?;
                Ok(id.0)
            }
        }
    }

    /// Fills the record's empty fields from the row; what it holds already stays.
    fn merge(&mut self, record: &Parsed, id: &str) -> CoreResult<String> {
        match record {
            Parsed::Person(row) => {
                let id = PersonId(id.to_owned());
                let before = people::input_of(&people::get(self.w, &id)?);
                let mut after = filled_person(&before, &row.input);
                if after.organization_id.is_none() {
                    after.organization_id = self.organization(row.organization.as_deref())?;
                }
                if self.noted_merge("person", id.as_str(), &before, &after)? {
                    people::change(self.w, &id, after)?;
                }
            }
            Parsed::Organization(row) => {
                let id = OrganizationId(id.to_owned());
                let before = organizations::input_of(&organizations::get(self.w, &id)?);
                let after = filled_organization(&before, row);
                if self.noted_merge("organization", id.as_str(), &before, &after)? {
                    organizations::change(self.w, &id, after)?;
                }
            }
        }
        self.summary.merged += 1;
        Ok(id.to_owned())
    }

    /// Notes the record's fields before the merge when it changes them; whether it does.
    fn noted_merge<T: Serialize>(&self, kind: &str, id: &str, before: &T, after: &T) -> CoreResult<bool> {
        let before = serde_json::to_value(before).map_err(json_error)?;
        let changes = before != serde_json::to_value(after).map_err(json_error)?;
        if changes {
            self.note(kind, id, "merged", Some(before.to_string()))?;
        }
        Ok(changes)
    }

    /// The organization of that name (in any spelling), created if none is kept.
    fn organization(&mut self, name: Option<&str>) -> CoreResult<Option<OrganizationId>> {
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else { return Ok(None) };
        let key = self.folded.of(Some(name));
        if let Some(id) = self.organizations.get(&key) {
            return Ok(Some(OrganizationId(id.clone())));
        }
        let input = OrganizationInput {
            name: name.trim().to_owned(),
            short_name: None,
            native_name: None,
            kind: OrganizationKind::Other,
            country: None,
            city: None,
            website: None,
            sector_ids: Vec::new(),
            notes: None,
        };
        let id = OrganizationId::new();
        organizations::insert(self.w, id.clone(), input)?;
        self.note("organization", id.as_str(), "created", None)?;
        self.organizations.insert(key, id.0.clone());
        self.summary.organizations_created += 1;
        Ok(Some(id))
    }
}

fn json_error(error: serde_json::Error) -> CoreError {
    CoreError::Io(std::io::Error::other(error))
}

fn fill(kept: &Option<String>, row: &Option<String>) -> Option<String> {
    kept.clone().filter(|k| !k.trim().is_empty()).or_else(|| row.clone())
}

fn filled_person(kept: &PersonInput, row: &PersonInput) -> PersonInput {
    PersonInput {
        honorific: fill(&kept.honorific, &row.honorific),
        given_name: kept.given_name.clone(),
        family_name: fill(&kept.family_name, &row.family_name),
        native_name: fill(&kept.native_name, &row.native_name),
        position: fill(&kept.position, &row.position),
        organization_id: kept.organization_id.clone(),
        country: fill(&kept.country, &row.country),
        email: fill(&kept.email, &row.email),
        phone: fill(&kept.phone, &row.phone),
        languages: fill(&kept.languages, &row.languages),
        protocol_rank: kept.protocol_rank.or(row.protocol_rank),
        dietary_needs: fill(&kept.dietary_needs, &row.dietary_needs),
        access_needs: fill(&kept.access_needs, &row.access_needs),
        bio: fill(&kept.bio, &row.bio),
        notes: fill(&kept.notes, &row.notes),
    }
}

fn filled_organization(kept: &OrganizationInput, row: &OrganizationInput) -> OrganizationInput {
    OrganizationInput {
        name: kept.name.clone(),
        short_name: fill(&kept.short_name, &row.short_name),
        native_name: fill(&kept.native_name, &row.native_name),
        kind: if kept.kind == OrganizationKind::Other { row.kind } else { kept.kind },
        country: fill(&kept.country, &row.country),
        city: fill(&kept.city, &row.city),
        website: fill(&kept.website, &row.website),
        sector_ids: kept.sector_ids.clone(),
        notes: fill(&kept.notes, &row.notes),
    }
}

/// Live organizations by folded name (and short and native name), for linking people by their company.
pub(super) fn organizations_by_key(conn: &Connection) -> CoreResult<HashMap<String, String>> {
    let mut statement = conn.prepare(
        "SELECT id, name, short_name, native_name FROM organizations WHERE deleted_at IS NULL ORDER BY created_at DESC",
    )?;
    let mut rows = statement.query([])?;
    let mut by_key = HashMap::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        // The short and native names first, so that the full name wins where they coincide.
        for column in [2, 3, 1] {
            if let Some(name) = row.get::<_, Option<String>>(column)? {
                by_key.insert(organization_key(Some(&name)), id.clone());
            }
        }
    }
    Ok(by_key)
}

/// The latest import, undone or not.
pub fn last(conn: &Connection) -> CoreResult<Option<ImportRecord>> {
    Ok(conn
        .query_row(
            "SELECT id, source, target, imported_at, created, merged, skipped, refused, undone_at
             FROM imports ORDER BY imported_at DESC, rowid DESC LIMIT 1",
            [],
            |r| {
                let target: String = r.get(2)?;
                Ok(ImportRecord {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    target: if target == "organizations" { Target::Organizations } else { Target::People },
                    imported_at: r.get(3)?,
                    created: r.get(4)?,
                    merged: r.get(5)?,
                    skipped: r.get(6)?,
                    refused: r.get(7)?,
                    undone_at: r.get(8)?,
                })
            },
        )
        .optional()?)
}

/// Takes the latest import back: the records it created are removed (with their history),
/// the ones it merged into get their fields back. Refused, with the record named, when one of
/// them was changed or linked to since; then nothing is undone.
pub fn undo_last(store: &mut Store) -> CoreResult<ImportRecord> {
    store.write(|w| {
        let Some(import) = last(w)?.filter(|i| i.undone_at.is_none()) else {
            return Err(CoreError::Conflict {
                field: None,
                reason: Reason::NothingToUndo,
                message: "There is no import to undo".into(),
            });
        };
        let records = import_records(w, &import.id)?;
        // Merged records first, then people, then the organizations they may belong to.
        for (kind, id, _, before) in records.iter().filter(|r| r.2 == "merged") {
            refuse_if_changed(w, kind, id, &import.imported_at)?;
            restore(w, kind, id, before.as_deref().unwrap_or("{}"))?;
        }
        for wanted in ["person", "organization"] {
            for (kind, id, _, _) in records.iter().filter(|r| r.2 == "created" && r.0 == wanted) {
                refuse_if_changed(w, kind, id, &import.imported_at)?;
                remove(w, kind, id)?;
            }
        }
        w.execute("UPDATE imports SET undone_at = ?2 WHERE id = ?1", rusqlite::params![import.id, now()])?;
        Ok(ImportRecord { undone_at: Some(now()), ..import })
    })
}

type ImportedRecord = (String, String, String, Option<String>);

fn import_records(conn: &Connection, import_id: &str) -> CoreResult<Vec<ImportedRecord>> {
    let mut statement =
        conn.prepare("SELECT record_kind, record_id, outcome, before FROM import_records WHERE import_id = ?1")?;
    let rows = statement.query_map([import_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn table(kind: &str) -> &'static str {
    if kind == "person" {
        "people"
    } else {
        "organizations"
    }
}

fn record_name(conn: &Connection, kind: &str, id: &str) -> CoreResult<String> {
    let sql = if kind == "person" {
        "SELECT trim(given_name || coalesce(' ' || family_name, '')) FROM people WHERE id = ?1"
    } else {
        "SELECT name FROM organizations WHERE id = ?1"
    };
    Ok(conn.query_row(sql, [id], |r| r.get(0)).optional()?.unwrap_or_else(|| id.to_owned()))
}

fn changed_since(conn: &Connection, kind: &str, id: &str) -> CoreResult<CoreError> {
    let name = record_name(conn, kind, id)?;
    Ok(CoreError::Conflict {
        field: None,
        message: format!(
            "{name} was changed or linked to other records after the import, so the import cannot be undone"
        ),
        reason: Reason::ChangedSinceImport { name },
    })
}

fn refuse_if_changed(w: &Writer<'_>, kind: &str, id: &str, imported_at: &str) -> CoreResult<()> {
    let sql = format!("SELECT updated_at > ?2 OR deleted_at IS NOT NULL FROM {} WHERE id = ?1", table(kind));
    let changed: Option<bool> = w.query_row(&sql, rusqlite::params![id, imported_at], |r| r.get(0)).optional()?;
    match changed {
        Some(false) => Ok(()),
        // Gone or changed since: either way the import is no longer what it was.
        _ => Err(changed_since(w, kind, id)?),
    }
}

fn restore(w: &Writer<'_>, kind: &str, id: &str, before: &str) -> CoreResult<()> {
    if kind == "person" {
        let input: PersonInput = serde_json::from_str(before).map_err(json_error)?;
        people::change(w, &PersonId(id.to_owned()), input)?;
    } else {
        let input: OrganizationInput = serde_json::from_str(before).map_err(json_error)?;
        organizations::change(w, &OrganizationId(id.to_owned()), input)?;
    }
    Ok(())
}

/// Removes a record the import created, and its history; a record something now refers to
/// (a participation, an agreement's party, a person of the organization) is refused.
fn remove(w: &Writer<'_>, kind: &str, id: &str) -> CoreResult<()> {
    let deleted = w.execute(&format!("DELETE FROM {} WHERE id = ?1", table(kind)), [id]);
    match deleted {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
            return Err(changed_since(w, kind, id)?);
        }
        Err(e) => return Err(e.into()),
    }
    w.execute("DELETE FROM audit_log WHERE record_kind = ?1 AND record_id = ?2", [kind, id])?;
    Ok(())
}
