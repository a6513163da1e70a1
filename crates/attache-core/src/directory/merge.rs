//! Two records of the same person (or organization) made one. The record kept takes, field by
//! field, the value the user chose from either; everything that referred to the other (its
//! participations, programme items and attendances, agreements it signed or owns, actions,
//! documents; for an organization its people, visits, agreements and sectors) is moved to the
//! kept one, each moved record audited like any edit; and the other is deleted, restorable,
//! with its own history intact. All in one transaction.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;

use crate::directory::organizations::{self, Organization, OrganizationInput};
use crate::directory::people::{self, Person, PersonInput};
use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{OrganizationId, PersonId};
use crate::kernel::record::{self, now, RecordKind};
use crate::store::{Store, Writer};

/// The merge asked for: which record stays, which goes, and the fields (as the record's input
/// names them: `email`, `position`…) whose value comes from the one that goes.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeRequest {
    pub keep: String,
    pub other: String,
    #[serde(default)]
    pub take_from_other: Vec<String>,
}

/// Columns that point at a record, on records of their own: (record, table, column).
type Pointer = (RecordKind, &'static str);
/// Rows of a link table that point at a record, audited as a field of their owner:
/// (owner, table, owner column, column).
type LinkRow = (RecordKind, &'static str, &'static str, &'static str);

const PERSON_POINTERS: &[Pointer] = &[
    (RecordKind::Engagement, "responsible_person_id"),
    (RecordKind::Participant, "person_id"),
    (RecordKind::Agreement, "owner_person_id"),
    (RecordKind::Action, "owner_person_id"),
    (RecordKind::Action, "person_id"),
    (RecordKind::Gift, "giver_person_id"),
    (RecordKind::Gift, "receiver_person_id"),
    (RecordKind::Outcome, "person_id"),
];
const PERSON_LINK_ROWS: &[LinkRow] = &[
    (RecordKind::Engagement, "engagement_attendees", "engagement_id", "person_id"),
    (RecordKind::Agreement, "agreement_parties", "agreement_id", "signatory_person_id"),
];
const ORGANIZATION_POINTERS: &[Pointer] = &[
    (RecordKind::Person, "organization_id"),
    (RecordKind::Visit, "host_organization_id"),
    (RecordKind::Visit, "guest_organization_id"),
    (RecordKind::Action, "organization_id"),
    (RecordKind::Gift, "giver_organization_id"),
    (RecordKind::Gift, "receiver_organization_id"),
    (RecordKind::Outcome, "organization_id"),
    (RecordKind::Outcome, "partner_organization_id"),
];
const ORGANIZATION_LINK_ROWS: &[LinkRow] =
    &[(RecordKind::Agreement, "agreement_parties", "agreement_id", "organization_id")];

pub fn merge_people(store: &mut Store, request: &MergeRequest) -> CoreResult<Person> {
    store.write(|w| {
        let (keep, other) = (PersonId(request.keep.clone()), PersonId(request.other.clone()));
        let (kept, gone) = both(RecordKind::Person, people::get(w, &keep)?, people::get(w, &other)?, |p| {
            (p.id.0.clone(), p.deleted_at.clone())
        })?;
        let input: PersonInput = chosen(&people::input_of(&kept), &people::input_of(&gone), &request.take_from_other)?;
        leave_shared_visits(w, &keep, &other)?;
        move_references(w, PERSON_POINTERS, PERSON_LINK_ROWS, keep.as_str(), other.as_str())?;
        move_documents(w, RecordKind::Person, keep.as_str(), other.as_str())?;
        record::soft_delete(w, RecordKind::Person, other.as_str())?;
        people::change(w, &keep, input)
    })
}

pub fn merge_organizations(store: &mut Store, request: &MergeRequest) -> CoreResult<Organization> {
    store.write(|w| {
        let (keep, other) = (OrganizationId(request.keep.clone()), OrganizationId(request.other.clone()));
        let (kept, gone) =
            both(RecordKind::Organization, organizations::get(w, &keep)?, organizations::get(w, &other)?, |o| {
                (o.id.0.clone(), o.deleted_at.clone())
            })?;
        let (kept_input, gone_input) = (organizations::input_of(&kept), organizations::input_of(&gone));
        let mut input: OrganizationInput = chosen(&kept_input, &gone_input, &request.take_from_other)?;
        // Sectors are not a choice: the kept organization works in the sectors of both.
        for sector in gone_input.sector_ids {
            if !input.sector_ids.contains(&sector) {
                input.sector_ids.push(sector);
            }
        }
        refuse_shared_agreements(w, keep.as_str(), other.as_str())?;
        move_references(w, ORGANIZATION_POINTERS, ORGANIZATION_LINK_ROWS, keep.as_str(), other.as_str())?;
        move_documents(w, RecordKind::Organization, keep.as_str(), other.as_str())?;
        record::soft_delete(w, RecordKind::Organization, other.as_str())?;
        organizations::change(w, &keep, input)
    })
}

/// Both records, refused when they are the same or either is deleted.
fn both<T>(kind: RecordKind, kept: T, gone: T, key: impl Fn(&T) -> (String, Option<String>)) -> CoreResult<(T, T)> {
    let ((kept_id, kept_deleted), (gone_id, gone_deleted)) = (key(&kept), key(&gone));
    if kept_id == gone_id {
        return Err(CoreError::invalid(
            "other",
            Reason::ListedTwice,
            format!("a {} cannot be merged with itself", kind.name()),
        ));
    }
    record::refuse_deleted(kind, &kept_deleted)?;
    record::refuse_deleted(kind, &gone_deleted)?;
    Ok((kept, gone))
}

/// The kept record's input with the named fields taken from the other's.
fn chosen<T: Serialize + serde::de::DeserializeOwned>(kept: &T, gone: &T, take: &[String]) -> CoreResult<T> {
    let json = |e: serde_json::Error| CoreError::Io(std::io::Error::other(e));
    let mut merged = serde_json::to_value(kept).map_err(json)?;
    let other = serde_json::to_value(gone).map_err(json)?;
    let (Value::Object(fields), Value::Object(theirs)) = (&mut merged, &other) else {
        return Err(CoreError::Io(std::io::Error::other("a record's input is not an object")));
    };
    for field in take {
        let Some(value) = theirs.get(field).filter(|_| field != "sectorIds") else {
            return Err(CoreError::invalid(
                "takeFromOther",
                Reason::Required,
                format!("“{field}” is not a field that can be taken from the other record"),
            ));
        };
        fields.insert(field.clone(), value.clone());
    }
    serde_json::from_value(merged).map_err(json)
}

/// A visit both people take part in keeps the kept one's participation; the other's is deleted
/// (restorable), since one person takes part in a visit once.
fn leave_shared_visits(w: &Writer<'_>, keep: &PersonId, other: &PersonId) -> CoreResult<()> {
    let mut statement = w.prepare(
        "SELECT g.id FROM participants g JOIN participants k ON k.visit_id = g.visit_id AND k.person_id = ?1
         WHERE g.person_id = ?2 AND g.deleted_at IS NULL AND k.deleted_at IS NULL",
    )?;
    let shared: Vec<String> =
        statement.query_map([keep.as_str(), other.as_str()], |r| r.get(0))?.collect::<Result<_, _>>()?;
    for id in shared {
        record::soft_delete(w, RecordKind::Participant, &id)?;
    }
    Ok(())
}

/// Two organizations that are parties to the same agreement cannot become one party twice.
fn refuse_shared_agreements(w: &Writer<'_>, keep: &str, other: &str) -> CoreResult<()> {
    let shared: Option<String> = w
        .query_row(
            "SELECT a.title FROM agreement_parties k JOIN agreement_parties g ON g.agreement_id = k.agreement_id
             JOIN agreements a ON a.id = k.agreement_id WHERE k.organization_id = ?1 AND g.organization_id = ?2 LIMIT 1",
            [keep, other],
            |r| r.get(0),
        )
        .ok();
    match shared {
        None => Ok(()),
        Some(title) => Err(CoreError::Conflict {
            field: Some("other".into()),
            reason: Reason::ListedTwice,
            message: format!("Both organizations are parties to “{title}”; change its parties first"),
        }),
    }
}

/// Moves every reference from `other` to `keep`, auditing each record that changes.
fn move_references(
    w: &Writer<'_>,
    pointers: &[Pointer],
    link_rows: &[LinkRow],
    keep: &str,
    other: &str,
) -> CoreResult<()> {
    for (kind, column) in pointers {
        let table = kind.table();
        let ids = ids(w, &format!("SELECT id FROM {table} WHERE {column} = ?1"), other)?;
        for id in ids {
            let before = audit::snapshot(w, *kind, &id)?;
            w.execute(
                &format!("UPDATE {table} SET {column} = ?1, updated_at = ?2 WHERE id = ?3"),
                rusqlite::params![keep, now(), id],
            )?;
            audit::changed(w, *kind, &id, Some(before))?;
        }
    }
    for (owner, table, owner_column, column) in link_rows {
        let owners = ids(w, &format!("SELECT DISTINCT {owner_column} FROM {table} WHERE {column} = ?1"), other)?;
        for id in owners {
            let before = audit::snapshot(w, *owner, &id)?;
            // A row the kept record already has (an attendance of both) is not doubled.
            w.execute(
                &format!("UPDATE OR IGNORE {table} SET {column} = ?1 WHERE {owner_column} = ?2 AND {column} = ?3"),
                [keep, &id, other],
            )?;
            w.execute(&format!("DELETE FROM {table} WHERE {owner_column} = ?1 AND {column} = ?2"), [&id, other])?;
            w.execute(
                &format!("UPDATE {} SET updated_at = ?1 WHERE id = ?2", owner.table()),
                rusqlite::params![now(), id],
            )?;
            audit::changed(w, *owner, &id, Some(before))?;
        }
    }
    Ok(())
}

fn move_documents(w: &Writer<'_>, kind: RecordKind, keep: &str, other: &str) -> CoreResult<()> {
    w.execute(
        "UPDATE attachments SET record_id = ?1, updated_at = ?2 WHERE record_kind = ?3 AND record_id = ?4",
        rusqlite::params![keep, now(), kind.name(), other],
    )?;
    Ok(())
}

fn ids(w: &Writer<'_>, sql: &str, value: &str) -> CoreResult<Vec<String>> {
    let mut statement = w.prepare(sql)?;
    let rows = statement.query_map([value], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
