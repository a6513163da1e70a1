//! The gift register: gifts given and received at a visit or one of its programme items, who
//! gave them to whom (a person, an organization or both on each side), their estimated value,
//! and what became of them. Printed by the year given; totals are kept per currency, because an
//! office that receives in three currencies cannot honestly add them up.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{EngagementId, GiftId, OrganizationId, PersonId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};
use crate::visits::engagements;

text_enum!(GiftDirection { Given = "given", Received = "received" });

text_enum!(
    /// What became of a gift: not decided yet, kept by the organization, on display, deposited
    /// (with a state repository such as the Toshakhana), or bought by its receiver at the
    /// assessed value.
    GiftDisposition {
        Pending = "pending",
        Kept = "kept",
        Displayed = "displayed",
        Deposited = "deposited",
        Purchased = "purchased",
    }
);

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GiftInput {
    pub visit_id: VisitId,
    /// The programme item at which it was given, if one.
    pub engagement_id: Option<EngagementId>,
    pub direction: GiftDirection,
    pub description: String,
    /// The day it was given (`YYYY-MM-DD`); the register is by this day's year.
    pub given_on: String,
    pub giver_person_id: Option<PersonId>,
    pub giver_organization_id: Option<OrganizationId>,
    pub receiver_person_id: Option<PersonId>,
    pub receiver_organization_id: Option<OrganizationId>,
    /// The estimated (or assessed) value.
    pub value_amount: Option<f64>,
    pub value_currency: Option<String>,
    pub disposition: GiftDisposition,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Gift {
    pub id: GiftId,
    pub visit_id: VisitId,
    pub visit_title: String,
    /// Its visit is deleted: hidden from default lists, marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub engagement_id: Option<EngagementId>,
    pub engagement_title: Option<String>,
    pub engagement_deleted: bool,
    pub direction: GiftDirection,
    pub description: String,
    pub given_on: String,
    pub giver_person_id: Option<PersonId>,
    pub giver_person_name: Option<String>,
    pub giver_person_deleted: bool,
    pub giver_organization_id: Option<OrganizationId>,
    pub giver_organization_name: Option<String>,
    pub giver_organization_deleted: bool,
    pub receiver_person_id: Option<PersonId>,
    pub receiver_person_name: Option<String>,
    pub receiver_person_deleted: bool,
    pub receiver_organization_id: Option<OrganizationId>,
    pub receiver_organization_name: Option<String>,
    pub receiver_organization_deleted: bool,
    pub value_amount: Option<f64>,
    pub value_currency: Option<String>,
    pub disposition: GiftDisposition,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct GiftQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub visit_id: Option<VisitId>,
    /// Given in this year.
    pub year: Option<i32>,
    pub direction: Option<GiftDirection>,
    pub disposition: Option<GiftDisposition>,
}

/// One line of a register's totals: the gifts of one direction in one currency (`None`: those
/// with no value given), how many and what they are worth together.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GiftTotal {
    pub direction: GiftDirection,
    pub currency: Option<String>,
    pub count: u32,
    pub amount: f64,
}

/// The gifts of one year, by the day given, with their totals.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GiftRegister {
    pub year: i32,
    pub gifts: Vec<Gift>,
    pub totals: Vec<GiftTotal>,
}

const COLUMNS: &str = concat!(
    "g.id, g.visit_id, v.title AS visit_title, v.deleted_at IS NOT NULL AS belongs_to_deleted, g.engagement_id,
    e.title AS engagement_title, e.deleted_at IS NOT NULL AS engagement_deleted, g.direction, g.description, g.given_on, g.giver_person_id, ",
    person_name_sql!("gp"),
    " AS giver_person_name, gp.deleted_at IS NOT NULL AS giver_person_deleted, g.giver_organization_id,
    go.name AS giver_organization_name, go.deleted_at IS NOT NULL AS giver_organization_deleted, g.receiver_person_id, ",
    person_name_sql!("rp"),
    " AS receiver_person_name, rp.deleted_at IS NOT NULL AS receiver_person_deleted, g.receiver_organization_id,
    ro.name AS receiver_organization_name, ro.deleted_at IS NOT NULL AS receiver_organization_deleted, g.value_amount,
    g.value_currency, g.disposition, g.notes, g.created_at, g.updated_at, g.deleted_at"
);
const FROM: &str = "gifts g JOIN visits v ON v.id = g.visit_id LEFT JOIN engagements e ON e.id = g.engagement_id
    LEFT JOIN people gp ON gp.id = g.giver_person_id LEFT JOIN organizations go ON go.id = g.giver_organization_id
    LEFT JOIN people rp ON rp.id = g.receiver_person_id LEFT JOIN organizations ro ON ro.id = g.receiver_organization_id";
const SOURCE: Source = Source { from: FROM, count_from: "gifts g JOIN visits v ON v.id = g.visit_id" };
/// The owner rule (see the crate docs): a gift goes with its visit.
const LIVE_OWNERS: &str = "v.deleted_at IS NULL";
const SORTS: &[(&str, &str)] = &[
    ("givenOn", "g.given_on"),
    ("description", "g.description COLLATE NOCASE"),
    ("direction", "g.direction"),
    ("valueAmount", "g.value_amount"),
    ("disposition", "g.disposition"),
];

pub fn create(store: &mut Store, input: GiftInput) -> CoreResult<Gift> {
    store.write(|w| insert(w, GiftId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: GiftId, input: GiftInput) -> CoreResult<Gift> {
    let i = validated(w, input, &References::new(w))?;
    w.execute(
        "INSERT INTO gifts (id, visit_id, engagement_id, direction, description, given_on, giver_person_id,
         giver_organization_id, receiver_person_id, receiver_organization_id, value_amount, value_currency,
         disposition, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        rusqlite::params![
            id,
            i.visit_id,
            i.engagement_id,
            i.direction,
            i.description,
            i.given_on,
            i.giver_person_id,
            i.giver_organization_id,
            i.receiver_person_id,
            i.receiver_organization_id,
            i.value_amount,
            i.value_currency,
            i.disposition,
            i.notes,
            now()
        ],
    )?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Gift, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &GiftId, input: GiftInput) -> CoreResult<Gift> {
    store.write(|w| {
        let before = get(w, id)?;
        record::refuse_deleted(RecordKind::Gift, &before.deleted_at)?;
        let snapshot = audit::snapshot(w, RecordKind::Gift, id.as_str())?;
        let kept = [
            Some(before.visit_id.as_str()),
            before.engagement_id.as_ref().map(|e| e.as_str()),
            before.giver_person_id.as_ref().map(|p| p.as_str()),
            before.giver_organization_id.as_ref().map(|o| o.as_str()),
            before.receiver_person_id.as_ref().map(|p| p.as_str()),
            before.receiver_organization_id.as_ref().map(|o| o.as_str()),
        ];
        let i = validated(w, input, &References::keeping(w, kept.into_iter().flatten()))?;
        w.execute(
            "UPDATE gifts SET visit_id = ?2, engagement_id = ?3, direction = ?4, description = ?5, given_on = ?6,
             giver_person_id = ?7, giver_organization_id = ?8, receiver_person_id = ?9, receiver_organization_id = ?10,
             value_amount = ?11, value_currency = ?12, disposition = ?13, notes = ?14, updated_at = ?15 WHERE id = ?1",
            rusqlite::params![
                id,
                i.visit_id,
                i.engagement_id,
                i.direction,
                i.description,
                i.given_on,
                i.giver_person_id,
                i.giver_organization_id,
                i.receiver_person_id,
                i.receiver_organization_id,
                i.value_amount,
                i.value_currency,
                i.disposition,
                i.notes,
                now()
            ],
        )?;
        audit::changed(w, RecordKind::Gift, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &GiftId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Gift, id.as_str()))
}

pub fn restore(store: &mut Store, id: &GiftId) -> CoreResult<Gift> {
    store.write(|w| {
        record::restore(w, RecordKind::Gift, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &GiftId) -> CoreResult<Gift> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE g.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "gift", id: id.to_string() })
}

pub fn list(conn: &Connection, query: &GiftQuery) -> CoreResult<Page<Gift>> {
    let select = selection(query);
    let order = order_by(&query.list, SORTS, "g.id");
    select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)
}

/// The register of `year`: every live gift given that year (of live visits), by day, with the
/// totals per direction and currency.
pub fn register(conn: &Connection, year: i32) -> CoreResult<GiftRegister> {
    let query = GiftQuery { year: Some(year), ..Default::default() };
    let gifts = selection(&query).all(conn, COLUMNS, &SOURCE, "g.given_on, g.direction, g.id", from_row)?;
    let totals = totals(&gifts);
    Ok(GiftRegister { year, gifts, totals })
}

/// Per direction (given first), then per currency (no value last).
fn totals(gifts: &[Gift]) -> Vec<GiftTotal> {
    let mut totals: Vec<GiftTotal> = Vec::new();
    for gift in gifts {
        let currency = gift.value_amount.and(gift.value_currency.clone());
        match totals.iter_mut().find(|t| t.direction == gift.direction && t.currency == currency) {
            Some(total) => {
                total.count += 1;
                total.amount += gift.value_amount.unwrap_or(0.0);
            }
            None => totals.push(GiftTotal {
                direction: gift.direction,
                currency,
                count: 1,
                amount: gift.value_amount.unwrap_or(0.0),
            }),
        }
    }
    let rank = |t: &GiftTotal| (t.direction == GiftDirection::Received, t.currency.is_none(), t.currency.clone());
    totals.sort_by_key(rank);
    totals
}

fn selection(query: &GiftQuery) -> Select {
    let mut select = Select::new("g", &query.list);
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    let year = query.year.map(|y| (format!("{y:04}-01-01"), format!("{y:04}-12-31")));
    select
        .filter("g.visit_id = ?", query.visit_id.as_ref().map(|v| v.to_string()))
        .filter("g.given_on >= ?", year.as_ref().map(|(from, _)| from.clone()))
        .filter("g.given_on <= ?", year.map(|(_, to)| to))
        .filter("g.direction = ?", query.direction)
        .filter("g.disposition = ?", query.disposition)
        .search(&["g.description", "g.notes"], query.list.search.as_deref());
    select
}

fn validated(conn: &Connection, input: GiftInput, refs: &References<'_>) -> CoreResult<GiftInput> {
    validate::required("description", "Description", &input.description)?;
    let given_on = validate::date("givenOn", "Date given", &input.given_on)?.to_string();
    refs.check(RecordKind::Visit, &input.visit_id, "visitId")?;
    refs.check_opt(RecordKind::Engagement, input.engagement_id.as_ref(), "engagementId")?;
    if let Some(item) = &input.engagement_id {
        engagements::refuse_other_visit(conn, item, &input.visit_id)?;
    }
    refs.check_opt(RecordKind::Person, input.giver_person_id.as_ref(), "giverPersonId")?;
    refs.check_opt(RecordKind::Organization, input.giver_organization_id.as_ref(), "giverOrganizationId")?;
    refs.check_opt(RecordKind::Person, input.receiver_person_id.as_ref(), "receiverPersonId")?;
    refs.check_opt(RecordKind::Organization, input.receiver_organization_id.as_ref(), "receiverOrganizationId")?;
    if input.giver_person_id.is_none() && input.giver_organization_id.is_none() {
        return Err(CoreError::invalid(
            "giverPersonId",
            Reason::Required,
            "Who gave it is required (a person or an organization)",
        ));
    }
    if input.receiver_person_id.is_none() && input.receiver_organization_id.is_none() {
        return Err(CoreError::invalid(
            "receiverPersonId",
            Reason::Required,
            "Who received it is required (a person or an organization)",
        ));
    }
    if input.value_amount.is_some_and(|v| !v.is_finite() || v < 0.0) {
        return Err(CoreError::invalid("valueAmount", Reason::NotPositive, "Value must be a positive amount"));
    }
    let value_currency = validate::currency("valueCurrency", input.value_currency)?;
    if input.value_amount.is_some() && value_currency.is_none() {
        return Err(CoreError::invalid("valueCurrency", Reason::Required, "A value needs its currency"));
    }
    Ok(GiftInput { given_on, value_currency, notes: validate::text("notes", "Notes", input.notes)?, ..input })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Gift> {
    Ok(Gift {
        id: row.get("id")?,
        visit_id: row.get("visit_id")?,
        visit_title: row.get("visit_title")?,
        belongs_to_deleted: row.get("belongs_to_deleted")?,
        engagement_id: row.get("engagement_id")?,
        engagement_title: row.get("engagement_title")?,
        engagement_deleted: row.get("engagement_deleted")?,
        direction: row.get("direction")?,
        description: row.get("description")?,
        given_on: row.get("given_on")?,
        giver_person_id: row.get("giver_person_id")?,
        giver_person_name: row.get("giver_person_name")?,
        giver_person_deleted: row.get("giver_person_deleted")?,
        giver_organization_id: row.get("giver_organization_id")?,
        giver_organization_name: row.get("giver_organization_name")?,
        giver_organization_deleted: row.get("giver_organization_deleted")?,
        receiver_person_id: row.get("receiver_person_id")?,
        receiver_person_name: row.get("receiver_person_name")?,
        receiver_person_deleted: row.get("receiver_person_deleted")?,
        receiver_organization_id: row.get("receiver_organization_id")?,
        receiver_organization_name: row.get("receiver_organization_name")?,
        receiver_organization_deleted: row.get("receiver_organization_deleted")?,
        value_amount: row.get("value_amount")?,
        value_currency: row.get("value_currency")?,
        disposition: row.get("disposition")?,
        notes: row.get("notes")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
