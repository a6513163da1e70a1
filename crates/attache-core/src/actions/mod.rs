//! Follow-up actions: what must happen after a visit or an agreement, by whom and by when.

pub mod board;
pub mod quick;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::directory::sectors::{self, Sector};
use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{ActionId, AgreementId, OrganizationId, PersonId, SectorId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};

text_enum!(Priority { Low = "low", Normal = "normal", High = "high", Urgent = "urgent" });

text_enum!(ActionStatus { Open = "open", InProgress = "in_progress", Blocked = "blocked", Done = "done", Dropped = "dropped" });

impl ActionStatus {
    /// Open, in progress or blocked: still somebody's work.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress | ActionStatus::Blocked)
    }
}

/// Sort key for due dates: undated actions last. Matches the `actions_due` index exactly.
const DUE_SQL: &str = "coalesce(x.due_on, '9999-12-31')";

const PENDING_SQL: &str = "x.status IN ('open','in_progress','blocked')";

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    pub title: String,
    pub details: Option<String>,
    pub owner_person_id: Option<PersonId>,
    pub due_on: Option<String>,
    pub priority: Priority,
    pub status: ActionStatus,
    pub visit_id: Option<VisitId>,
    pub agreement_id: Option<AgreementId>,
    pub organization_id: Option<OrganizationId>,
    pub person_id: Option<PersonId>,
    /// The sectors the action serves (the sample's follow-ups name energy, agriculture…).
    pub sector_ids: Vec<SectorId>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: ActionId,
    pub title: String,
    pub details: Option<String>,
    pub owner_person_id: Option<PersonId>,
    pub owner_name: Option<String>,
    /// The owner's name in their own script, shown beside `owner_name`.
    pub owner_native_name: Option<String>,
    pub owner_deleted: bool,
    pub due_on: Option<String>,
    pub priority: Priority,
    pub status: ActionStatus,
    /// Still pending and due before today.
    pub overdue: bool,
    pub visit_id: Option<VisitId>,
    pub visit_title: Option<String>,
    pub visit_deleted: bool,
    pub agreement_id: Option<AgreementId>,
    pub agreement_title: Option<String>,
    pub agreement_deleted: bool,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    pub organization_deleted: bool,
    pub person_id: Option<PersonId>,
    pub person_name: Option<String>,
    pub person_native_name: Option<String>,
    pub person_deleted: bool,
    /// Its visit or its agreement (or that agreement's visit) is deleted: hidden from default
    /// lists, counts and the dashboard, marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub sectors: Vec<Sector>,
    pub completed_at: Option<String>,
    /// Who made it done (the desktop's user at the time).
    pub completed_by: Option<String>,
    /// Raised for an agreement's renewal: the expiry date of the period it was raised for.
    pub renewal_for_expiry: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ActionQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub status: Option<ActionStatus>,
    /// Only open, in-progress and blocked actions.
    pub pending_only: bool,
    pub overdue_only: bool,
    pub priority: Option<Priority>,
    pub owner_person_id: Option<PersonId>,
    pub visit_id: Option<VisitId>,
    pub agreement_id: Option<AgreementId>,
    pub organization_id: Option<OrganizationId>,
    pub sector_id: Option<SectorId>,
    /// Due on or after this date (`YYYY-MM-DD`).
    pub due_from: Option<String>,
    /// Due on or before this date.
    pub due_to: Option<String>,
}

const COLUMNS: &str = concat!(
    "x.id, x.title, x.details, x.owner_person_id, ",
    person_name_sql!("p"),
    " AS owner_name, p.native_name AS owner_native_name, p.deleted_at IS NOT NULL AS owner_deleted, x.due_on, x.priority, x.status, x.visit_id,
    v.title AS visit_title, v.deleted_at IS NOT NULL AS visit_deleted, x.agreement_id, a.title AS agreement_title,
    a.deleted_at IS NOT NULL AS agreement_deleted, x.organization_id, o.name AS organization_name,
    o.deleted_at IS NOT NULL AS organization_deleted, x.person_id, ",
    person_name_sql!("pp"),
    " AS person_name, pp.native_name AS person_native_name, pp.deleted_at IS NOT NULL AS person_deleted, x.hidden_by_owner AS belongs_to_deleted,
    x.completed_at, x.completed_by, (SELECT r.expires_on FROM agreement_renewals r WHERE r.action_id = x.id) AS renewal_for_expiry,
    x.created_at, x.updated_at, x.deleted_at"
);
const FROM: &str = "actions x LEFT JOIN visits v ON v.id = x.visit_id LEFT JOIN agreements a ON a.id = x.agreement_id
    LEFT JOIN people p ON p.id = x.owner_person_id LEFT JOIN organizations o ON o.id = x.organization_id
    LEFT JOIN people pp ON pp.id = x.person_id";
const SOURCE: Source = Source { from: FROM, count_from: "actions x" };
/// The owner rule (see the crate docs): an action goes with its visit, its agreement, and the
/// visit that agreement was signed at. Kept on the row by triggers (migration 3), so that the
/// list indexes, which cover only live actions, count without reading the owners.
const LIVE_OWNERS: &str = "x.hidden_by_owner = 0";
const SORTS: &[(&str, &str)] = &[
    ("dueOn", DUE_SQL),
    ("title", "x.title COLLATE NOCASE"),
    ("priority", "CASE x.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"),
    ("status", "x.status"),
    ("ownerName", "p.family_name COLLATE NOCASE"),
    ("updatedAt", "x.updated_at"),
];

/// Today's date on this machine, the reference for "overdue".
pub fn today() -> NaiveDate {
    today_at(chrono::Utc::now(), &chrono::Local)
}

/// The date at the instant `now` in `zone`: an action due on the 9th is overdue from the
/// user's own midnight, not from midnight in UTC.
pub fn today_at<Z: chrono::TimeZone>(now: chrono::DateTime<chrono::Utc>, zone: &Z) -> NaiveDate {
    now.with_timezone(zone).date_naive()
}

pub fn create(store: &mut Store, input: ActionInput) -> CoreResult<Action> {
    store.write(|w| insert(w, ActionId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: ActionId, input: ActionInput) -> CoreResult<Action> {
    let i = validated(input, &References::new(w))?;
    let at = now();
    let completed_at = (i.status == ActionStatus::Done).then(|| at.clone());
    let completed_by = (i.status == ActionStatus::Done).then_some(w.actor);
    let sql =
        "INSERT INTO actions (id, title, details, owner_person_id, due_on, priority, status, visit_id, agreement_id,
         organization_id, person_id, completed_at, created_at, updated_at, completed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)";
    write_fields(w, sql, &id, &i, (completed_at, completed_by.map(str::to_owned)), &at)?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Action, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &ActionId, input: ActionInput) -> CoreResult<Action> {
    store.write(|w| update_in(w, id, input))
}

/// Updates an action inside an open write (an edit, a move on the board, a bulk change).
pub fn update_in(w: &Writer<'_>, id: &ActionId, input: ActionInput) -> CoreResult<Action> {
    let before = get(w, id)?;
    let snapshot = audit::snapshot(w, RecordKind::Action, id.as_str())?;
    record::refuse_deleted(RecordKind::Action, &before.deleted_at)?;
    let kept = [
        before.owner_person_id.as_ref().map(|p| p.as_str()),
        before.visit_id.as_ref().map(|v| v.as_str()),
        before.agreement_id.as_ref().map(|a| a.as_str()),
        before.organization_id.as_ref().map(|o| o.as_str()),
        before.person_id.as_ref().map(|p| p.as_str()),
    ];
    let i = validated(input, &References::keeping(w, kept.into_iter().flatten()))?;
    // Completion is stamped when an action becomes done, and cleared if it is reopened.
    let (completed_at, completed_by) = match (before.status, i.status) {
        (ActionStatus::Done, ActionStatus::Done) => (before.completed_at.clone(), before.completed_by.clone()),
        (_, ActionStatus::Done) => (Some(now()), Some(w.actor.to_owned())),
        _ => (None, None),
    };
    let sql =
        "UPDATE actions SET title = ?2, details = ?3, owner_person_id = ?4, due_on = ?5, priority = ?6, status = ?7,
         visit_id = ?8, agreement_id = ?9, organization_id = ?10, person_id = ?11, completed_at = ?12, updated_at = ?13,
         completed_by = ?14 WHERE id = ?1";
    write_fields(w, sql, id, &i, (completed_at, completed_by), &now())?;
    audit::changed(w, RecordKind::Action, id.as_str(), Some(snapshot))?;
    get(w, id)
}

/// Writes an action's fields and sectors with `sql`, an INSERT or an UPDATE that number their
/// parameters alike (?12 completed at, ?13 the time of the write, ?14 completed by).
fn write_fields(
    w: &Writer<'_>,
    sql: &str,
    id: &ActionId,
    i: &ActionInput,
    (completed_at, completed_by): (Option<String>, Option<String>),
    at: &str,
) -> CoreResult<()> {
    w.execute(
        sql,
        rusqlite::params![
            id,
            i.title,
            i.details,
            i.owner_person_id,
            i.due_on,
            i.priority,
            i.status,
            i.visit_id,
            i.agreement_id,
            i.organization_id,
            i.person_id,
            completed_at,
            at,
            completed_by
        ],
    )?;
    sectors::relink(w, "action_sectors", "action_id", id.as_str(), &i.sector_ids)
}

pub fn delete(store: &mut Store, id: &ActionId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Action, id.as_str()))
}

pub fn restore(store: &mut Store, id: &ActionId) -> CoreResult<Action> {
    store.write(|w| {
        record::restore(w, RecordKind::Action, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &ActionId) -> CoreResult<Action> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE x.id = ?1");
    let today = today().to_string();
    let action = conn
        .query_row(&sql, [id], |row| from_row(row, &today))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "action", id: id.to_string() })?;
    with_sectors(conn, action)
}

/// Actions as of today on this machine (which decides what is overdue).
pub fn list(conn: &Connection, query: &ActionQuery) -> CoreResult<Page<Action>> {
    list_on(conn, query, today())
}

/// Actions as of `today`.
pub fn list_on(conn: &Connection, query: &ActionQuery, today: NaiveDate) -> CoreResult<Page<Action>> {
    let today = today.to_string();
    let mut select = Select::new("x", &query.list);
    select
        .filter("x.status = ?", query.status)
        .filter("x.priority = ?", query.priority)
        .filter("x.owner_person_id = ?", query.owner_person_id.clone().map(|p| p.0))
        .filter("x.visit_id = ?", query.visit_id.clone().map(|v| v.0))
        .filter("x.agreement_id = ?", query.agreement_id.clone().map(|a| a.0))
        .filter("x.organization_id = ?", query.organization_id.clone().map(|o| o.0))
        .filter(
            "EXISTS (SELECT 1 FROM action_sectors s WHERE s.action_id = x.id AND s.sector_id = ?)",
            query.sector_id.clone().map(|s| s.0),
        )
        .filter("x.due_on >= ?", query.due_from.clone())
        .filter("x.due_on <= ?", query.due_to.clone())
        .search_indexed(
            &["x.rowid IN (SELECT rowid FROM actions_search WHERE actions_search MATCH ?)"],
            &["x.title", "x.details"],
            query.list.search.as_deref(),
        );
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    if query.pending_only || query.overdue_only {
        select.condition(PENDING_SQL);
    }
    if query.overdue_only {
        // Written on the sort key so the index serves both; an undated action is never overdue.
        select.filter(&format!("{DUE_SQL} < ?"), Some(today.clone()));
    }
    let order = order_by(&query.list, SORTS, "x.id");
    let mut page = select.page(conn, COLUMNS, &SOURCE, &order, &query.list, |row| from_row(row, &today))?;
    let ids: Vec<&str> = page.items.iter().map(|a| a.id.as_str()).collect();
    let mut sectors = sectors::linked_to_each(conn, "action_sectors", "action_id", &ids)?;
    for action in &mut page.items {
        action.sectors = sectors.remove(action.id.as_str()).unwrap_or_default();
    }
    Ok(page)
}

/// The input that would save the action as it is.
pub fn as_input(a: &Action) -> ActionInput {
    ActionInput {
        title: a.title.clone(),
        details: a.details.clone(),
        owner_person_id: a.owner_person_id.clone(),
        due_on: a.due_on.clone(),
        priority: a.priority,
        status: a.status,
        visit_id: a.visit_id.clone(),
        agreement_id: a.agreement_id.clone(),
        organization_id: a.organization_id.clone(),
        person_id: a.person_id.clone(),
        sector_ids: a.sectors.iter().map(|s| s.id.clone()).collect(),
    }
}

fn with_sectors(conn: &Connection, mut action: Action) -> CoreResult<Action> {
    action.sectors = sectors::linked(conn, "action_sectors", "action_id", action.id.as_str())?;
    Ok(action)
}

fn validated(input: ActionInput, refs: &References<'_>) -> CoreResult<ActionInput> {
    validate::required("title", "Title", &input.title)?;
    refs.check_opt(RecordKind::Person, input.owner_person_id.as_ref(), "ownerPersonId")?;
    if input.status == ActionStatus::InProgress && input.owner_person_id.is_none() {
        return Err(CoreError::invalid(
            "ownerPersonId",
            Reason::NeedsOwner,
            "An action in progress needs an owner: whose work is it?",
        ));
    }
    refs.check_opt(RecordKind::Visit, input.visit_id.as_ref(), "visitId")?;
    refs.check_opt(RecordKind::Agreement, input.agreement_id.as_ref(), "agreementId")?;
    refs.check_opt(RecordKind::Organization, input.organization_id.as_ref(), "organizationId")?;
    refs.check_opt(RecordKind::Person, input.person_id.as_ref(), "personId")?;
    Ok(ActionInput {
        details: validate::text("details", "Details", input.details)?,
        due_on: validate::optional_date("dueOn", "Due date", input.due_on)?,
        ..input
    })
}

fn from_row(row: &Row<'_>, today: &str) -> rusqlite::Result<Action> {
    let status: ActionStatus = row.get("status")?;
    let due_on: Option<String> = row.get("due_on")?;
    Ok(Action {
        id: row.get("id")?,
        title: row.get("title")?,
        details: row.get("details")?,
        owner_person_id: row.get("owner_person_id")?,
        owner_name: row.get("owner_name")?,
        owner_native_name: row.get("owner_native_name")?,
        owner_deleted: row.get("owner_deleted")?,
        overdue: status.is_pending() && due_on.as_deref().is_some_and(|d| d < today),
        due_on,
        priority: row.get("priority")?,
        status,
        visit_id: row.get("visit_id")?,
        visit_title: row.get("visit_title")?,
        visit_deleted: row.get("visit_deleted")?,
        agreement_id: row.get("agreement_id")?,
        agreement_title: row.get("agreement_title")?,
        agreement_deleted: row.get("agreement_deleted")?,
        organization_id: row.get("organization_id")?,
        organization_name: row.get("organization_name")?,
        organization_deleted: row.get("organization_deleted")?,
        person_id: row.get("person_id")?,
        person_name: row.get("person_name")?,
        person_native_name: row.get("person_native_name")?,
        person_deleted: row.get("person_deleted")?,
        belongs_to_deleted: row.get("belongs_to_deleted")?,
        sectors: Vec::new(),
        completed_at: row.get("completed_at")?,
        completed_by: row.get("completed_by")?,
        renewal_for_expiry: row.get("renewal_for_expiry")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
