//! What a mission brought beyond its MoUs: deals and contracts, joint ventures, letters of
//! intent, new suppliers and buyers. Each belongs to a visit, names the companies and the person
//! concerned, its sector, and its value year by year in one currency; its status says how far
//! it can be counted on (a prospect, agreed, confirmed by the company), and `help_percent` is
//! the company's own estimate of how much the visit's help counted. An outcome can be raised
//! from a follow-up action of the visit ([`draft_from_action`]). The KPIs are in [`kpis`].

pub mod kpis;

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{ActionId, OrganizationId, OutcomeId, PersonId, SectorId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};

text_enum!(OutcomeKind {
    Deal = "deal",
    JointVenture = "joint_venture",
    LetterOfIntent = "letter_of_intent",
    NewSupplier = "new_supplier",
    NewBuyer = "new_buyer",
});

text_enum!(OutcomeStatus { Prospect = "prospect", Agreed = "agreed", Confirmed = "confirmed" });

/// The value an outcome brings in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct YearValue {
    pub year: i32,
    pub amount: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeInput {
    pub visit_id: VisitId,
    /// The follow-up action it was raised from, if one.
    pub action_id: Option<ActionId>,
    pub kind: OutcomeKind,
    pub title: String,
    pub status: OutcomeStatus,
    /// The company that reports it (the delegation's member).
    pub organization_id: Option<OrganizationId>,
    /// The other side: the buyer, the supplier, the joint venture's partner.
    pub partner_organization_id: Option<OrganizationId>,
    pub person_id: Option<PersonId>,
    pub sector_id: Option<SectorId>,
    /// The currency of every year's value.
    pub currency: Option<String>,
    pub values: Vec<YearValue>,
    /// How much the visit's help counted, in the company's own estimate (0–100 %).
    pub help_percent: Option<i64>,
    /// The day it was reported (`YYYY-MM-DD`).
    pub reported_on: String,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub id: OutcomeId,
    pub visit_id: VisitId,
    pub visit_title: String,
    /// Its visit is deleted: hidden from default lists, marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub action_id: Option<ActionId>,
    pub action_title: Option<String>,
    pub kind: OutcomeKind,
    pub title: String,
    pub status: OutcomeStatus,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    pub organization_deleted: bool,
    pub partner_organization_id: Option<OrganizationId>,
    pub partner_organization_name: Option<String>,
    pub partner_organization_deleted: bool,
    pub person_id: Option<PersonId>,
    pub person_name: Option<String>,
    pub person_deleted: bool,
    pub sector_id: Option<SectorId>,
    pub sector_name: Option<String>,
    pub currency: Option<String>,
    pub values: Vec<YearValue>,
    /// The values of all years added up.
    pub total: f64,
    pub help_percent: Option<i64>,
    pub reported_on: String,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct OutcomeQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub visit_id: Option<VisitId>,
    pub kind: Option<OutcomeKind>,
    pub status: Option<OutcomeStatus>,
    pub organization_id: Option<OrganizationId>,
    /// Reported in this year.
    pub year: Option<i32>,
}

const COLUMNS: &str = concat!(
    "o.id, o.visit_id, v.title AS visit_title, v.deleted_at IS NOT NULL AS belongs_to_deleted, o.action_id,
    a.title AS action_title, o.kind, o.title, o.status, o.organization_id, org.name AS organization_name,
    org.deleted_at IS NOT NULL AS organization_deleted, o.partner_organization_id, po.name AS partner_organization_name,
    po.deleted_at IS NOT NULL AS partner_organization_deleted, o.person_id, ",
    person_name_sql!("p"),
    " AS person_name, p.deleted_at IS NOT NULL AS person_deleted, o.sector_id, s.name AS sector_name, o.currency,
    o.help_percent, o.reported_on, o.notes, o.created_at, o.updated_at, o.deleted_at,
    (SELECT json_group_array(json_array(year, amount)) FROM (SELECT year, amount FROM outcome_values
        WHERE outcome_id = o.id ORDER BY year)) AS values_json"
);
const FROM: &str = "outcomes o JOIN visits v ON v.id = o.visit_id LEFT JOIN actions a ON a.id = o.action_id
    LEFT JOIN organizations org ON org.id = o.organization_id LEFT JOIN organizations po ON po.id = o.partner_organization_id
    LEFT JOIN people p ON p.id = o.person_id LEFT JOIN sectors s ON s.id = o.sector_id";
const SOURCE: Source = Source { from: FROM, count_from: "outcomes o JOIN visits v ON v.id = o.visit_id" };
/// The owner rule (see the crate docs): an outcome goes with its visit.
const LIVE_OWNERS: &str = "v.deleted_at IS NULL";
const SORTS: &[(&str, &str)] =
    &[("reportedOn", "o.reported_on"), ("title", "o.title COLLATE NOCASE"), ("kind", "o.kind"), ("status", "o.status")];

pub fn create(store: &mut Store, input: OutcomeInput) -> CoreResult<Outcome> {
    store.write(|w| {
        let id = OutcomeId::new();
        let i = validated(w, input, &References::new(w))?;
        w.execute(
            "INSERT INTO outcomes (id, visit_id, action_id, kind, title, status, organization_id, partner_organization_id,
             person_id, sector_id, currency, help_percent, reported_on, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            rusqlite::params![
                id,
                i.visit_id,
                i.action_id,
                i.kind,
                i.title,
                i.status,
                i.organization_id,
                i.partner_organization_id,
                i.person_id,
                i.sector_id,
                i.currency,
                i.help_percent,
                i.reported_on,
                i.notes,
                now()
            ],
        )?;
        write_values(w, &id, &i.values)?;
        audit::changed(w, RecordKind::Outcome, id.as_str(), None)?;
        get(w, &id)
    })
}

pub fn update(store: &mut Store, id: &OutcomeId, input: OutcomeInput) -> CoreResult<Outcome> {
    store.write(|w| {
        let before = get(w, id)?;
        record::refuse_deleted(RecordKind::Outcome, &before.deleted_at)?;
        let snapshot = audit::snapshot(w, RecordKind::Outcome, id.as_str())?;
        let kept = [
            Some(before.visit_id.to_string()),
            before.action_id.map(|x| x.to_string()),
            before.organization_id.map(|x| x.to_string()),
            before.partner_organization_id.map(|x| x.to_string()),
            before.person_id.map(|x| x.to_string()),
            before.sector_id.map(|x| x.to_string()),
        ];
        let i = validated(w, input, &References::keeping(w, kept.into_iter().flatten()))?;
        w.execute(
            "UPDATE outcomes SET visit_id = ?2, action_id = ?3, kind = ?4, title = ?5, status = ?6, organization_id = ?7,
             partner_organization_id = ?8, person_id = ?9, sector_id = ?10, currency = ?11, help_percent = ?12,
             reported_on = ?13, notes = ?14, updated_at = ?15 WHERE id = ?1",
            rusqlite::params![
                id,
                i.visit_id,
                i.action_id,
                i.kind,
                i.title,
                i.status,
                i.organization_id,
                i.partner_organization_id,
                i.person_id,
                i.sector_id,
                i.currency,
                i.help_percent,
                i.reported_on,
                i.notes,
                now()
            ],
        )?;
        write_values(w, id, &i.values)?;
        audit::changed(w, RecordKind::Outcome, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &OutcomeId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Outcome, id.as_str()))
}

pub fn restore(store: &mut Store, id: &OutcomeId) -> CoreResult<Outcome> {
    store.write(|w| {
        record::restore(w, RecordKind::Outcome, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &OutcomeId) -> CoreResult<Outcome> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE o.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "outcome", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &OutcomeQuery) -> CoreResult<Page<Outcome>> {
    let mut select = Select::new("o", &query.list);
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    let year = query.year.map(|y| (format!("{y:04}-01-01"), format!("{y:04}-12-31")));
    select
        .filter("o.visit_id = ?", query.visit_id.as_ref().map(|v| v.to_string()))
        .filter("o.kind = ?", query.kind)
        .filter("o.status = ?", query.status)
        .filter(
            "(o.organization_id = ? OR o.partner_organization_id = ?)",
            query.organization_id.as_ref().map(|o| o.to_string()),
        )
        .filter("o.reported_on >= ?", year.as_ref().map(|(from, _)| from.clone()))
        .filter("o.reported_on <= ?", year.map(|(_, to)| to))
        .search(&["o.title", "o.notes"], query.list.search.as_deref());
    let order = order_by(&query.list, SORTS, "o.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

/// An outcome prefilled from a follow-up action of a visit: its title, visit, organization and
/// person, reported `today`; the user says the rest.
pub fn draft_from_action(conn: &Connection, action: &ActionId, today: &str) -> CoreResult<OutcomeInput> {
    let action = crate::actions::get(conn, action)?;
    let visit_id = action.visit_id.clone().ok_or_else(|| {
        CoreError::invalid("actionId", Reason::Required, "an outcome is of a visit: this action has none")
    })?;
    Ok(OutcomeInput {
        visit_id,
        action_id: Some(action.id),
        kind: OutcomeKind::Deal,
        title: action.title,
        status: OutcomeStatus::Prospect,
        organization_id: action.organization_id,
        partner_organization_id: None,
        person_id: action.person_id,
        sector_id: None,
        currency: None,
        values: Vec::new(),
        help_percent: None,
        reported_on: today.to_owned(),
        notes: None,
    })
}

fn write_values(w: &Writer<'_>, id: &OutcomeId, values: &[YearValue]) -> CoreResult<()> {
    w.execute("DELETE FROM outcome_values WHERE outcome_id = ?1", [id])?;
    for v in values {
        w.execute(
            "INSERT INTO outcome_values (outcome_id, year, amount) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, v.year, v.amount],
        )?;
    }
    Ok(())
}

fn validated(conn: &Connection, input: OutcomeInput, refs: &References<'_>) -> CoreResult<OutcomeInput> {
    validate::required("title", "Title", &input.title)?;
    let reported_on = validate::date("reportedOn", "Date reported", &input.reported_on)?.to_string();
    refs.check(RecordKind::Visit, &input.visit_id, "visitId")?;
    refs.check_opt(RecordKind::Action, input.action_id.as_ref(), "actionId")?;
    if let Some(action) = &input.action_id {
        let of: Option<Option<VisitId>> = conn
            .prepare_cached("SELECT visit_id FROM actions WHERE id = ?1")?
            .query_row([action], |r| r.get(0))
            .optional()?;
        if of.flatten().as_ref() != Some(&input.visit_id) {
            let message = "the action is not a follow-up of this visit";
            return Err(CoreError::invalid("actionId", Reason::ChosenMissing { record: RecordKind::Action }, message));
        }
    }
    refs.check_opt(RecordKind::Organization, input.organization_id.as_ref(), "organizationId")?;
    refs.check_opt(RecordKind::Organization, input.partner_organization_id.as_ref(), "partnerOrganizationId")?;
    refs.check_opt(RecordKind::Person, input.person_id.as_ref(), "personId")?;
    if let Some(sector) = &input.sector_id {
        let known: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM sectors WHERE id = ?1)", [sector], |r| r.get(0))?;
        if !known {
            return Err(CoreError::invalid("sectorId", Reason::UnknownSector, "no such sector"));
        }
    }
    let mut values = input.values;
    values.sort_by_key(|v| v.year);
    for (i, v) in values.iter().enumerate() {
        if !(1900..=2200).contains(&v.year) {
            return Err(CoreError::invalid("values", Reason::NotADate, format!("{} is not a year", v.year)));
        }
        if !v.amount.is_finite() || v.amount < 0.0 {
            return Err(CoreError::invalid("values", Reason::NotPositive, "a year's value must be a positive amount"));
        }
        if i > 0 && values[i - 1].year == v.year {
            return Err(CoreError::invalid("values", Reason::ListedTwice, format!("{} is given twice", v.year)));
        }
    }
    let currency = validate::currency("currency", input.currency)?;
    if !values.is_empty() && currency.is_none() {
        return Err(CoreError::invalid("currency", Reason::Required, "a value needs its currency"));
    }
    if input.help_percent.is_some_and(|p| !(0..=100).contains(&p)) {
        return Err(CoreError::invalid("helpPercent", Reason::TooLarge { max: 100 }, "the visit's help is 0 to 100 %"));
    }
    Ok(OutcomeInput { reported_on, currency, values, notes: validate::text("notes", "Notes", input.notes)?, ..input })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Outcome> {
    let values_json: String = row.get("values_json")?;
    let pairs: Vec<(i32, f64)> = serde_json::from_str(&values_json).unwrap_or_default();
    let values: Vec<YearValue> = pairs.into_iter().map(|(year, amount)| YearValue { year, amount }).collect();
    Ok(Outcome {
        id: row.get("id")?,
        visit_id: row.get("visit_id")?,
        visit_title: row.get("visit_title")?,
        belongs_to_deleted: row.get("belongs_to_deleted")?,
        action_id: row.get("action_id")?,
        action_title: row.get("action_title")?,
        kind: row.get("kind")?,
        title: row.get("title")?,
        status: row.get("status")?,
        organization_id: row.get("organization_id")?,
        organization_name: row.get("organization_name")?,
        organization_deleted: row.get("organization_deleted")?,
        partner_organization_id: row.get("partner_organization_id")?,
        partner_organization_name: row.get("partner_organization_name")?,
        partner_organization_deleted: row.get("partner_organization_deleted")?,
        person_id: row.get("person_id")?,
        person_name: row.get("person_name")?,
        person_deleted: row.get("person_deleted")?,
        sector_id: row.get("sector_id")?,
        sector_name: row.get("sector_name")?,
        currency: row.get("currency")?,
        total: values.iter().map(|v| v.amount).sum(),
        values,
        help_percent: row.get("help_percent")?,
        reported_on: row.get("reported_on")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
