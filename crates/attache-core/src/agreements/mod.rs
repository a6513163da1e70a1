//! Agreements: MoUs, letters of intent, contracts… with their parties, signatories and sectors.

pub mod lifecycle;
pub mod renewal;

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::directory::sectors::{self, Sector};
use crate::kernel::audit;
use crate::kernel::error::{CoreError, CoreResult, Reason};
use crate::kernel::ids::{AgreementId, OrganizationId, PersonId, SectorId, VisitId};
use crate::kernel::listing::{order_by, ListQuery, Page, Select, Source};
use crate::kernel::record::{self, now, RecordKind, References};
use crate::kernel::text_enum::text_enum;
use crate::kernel::validate;
use crate::person_name_sql;
use crate::store::{Store, Writer};

text_enum!(AgreementKind { Mou = "mou", Loi = "loi", Agreement = "agreement", Contract = "contract", Protocol = "protocol" });

text_enum!(AgreementStatus {
    Draft = "draft",
    Negotiating = "negotiating",
    Signed = "signed",
    InForce = "in_force",
    Expired = "expired",
    Terminated = "terminated",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PartyInput {
    pub organization_id: OrganizationId,
    pub signatory_person_id: Option<PersonId>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub organization_deleted: bool,
    pub signatory_person_id: Option<PersonId>,
    pub signatory_name: Option<String>,
    pub signatory_native_name: Option<String>,
    /// The signatory's position (their role in signing: "Ambassador", "President").
    pub signatory_position: Option<String>,
    pub signatory_deleted: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AgreementInput {
    pub title: String,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    pub signed_on: Option<String>,
    pub signed_place: Option<String>,
    /// The visit at which it was signed.
    pub signed_visit_id: Option<VisitId>,
    pub effective_on: Option<String>,
    pub expires_on: Option<String>,
    pub renewal_notice_days: Option<i64>,
    pub value_amount: Option<f64>,
    pub value_currency: Option<String>,
    pub summary: Option<String>,
    /// Who follows the agreement up; its renewal action goes to them.
    #[serde(default)]
    pub owner_person_id: Option<PersonId>,
    #[serde(default)]
    pub sector_ids: Vec<SectorId>,
    #[serde(default)]
    pub parties: Vec<PartyInput>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: AgreementId,
    pub title: String,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    pub signed_on: Option<String>,
    pub signed_place: Option<String>,
    pub signed_visit_id: Option<VisitId>,
    pub signed_visit_title: Option<String>,
    pub signed_visit_deleted: bool,
    /// The visit it was signed at is deleted: hidden from default lists, marked under "Show deleted".
    pub belongs_to_deleted: bool,
    pub effective_on: Option<String>,
    pub expires_on: Option<String>,
    pub renewal_notice_days: Option<i64>,
    pub value_amount: Option<f64>,
    pub value_currency: Option<String>,
    pub summary: Option<String>,
    pub owner_person_id: Option<PersonId>,
    pub owner_name: Option<String>,
    pub owner_native_name: Option<String>,
    pub owner_deleted: bool,
    /// The first day of the renewal notice period: the expiry date less the notice days.
    pub renewal_opens_on: Option<String>,
    pub sectors: Vec<Sector>,
    pub parties: Vec<Party>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct AgreementQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    pub status: Option<AgreementStatus>,
    pub kind: Option<AgreementKind>,
    pub sector_id: Option<SectorId>,
    pub organization_id: Option<OrganizationId>,
    pub signed_visit_id: Option<VisitId>,
    /// Signed on or after this date (`YYYY-MM-DD`).
    pub signed_from: Option<String>,
    /// Signed on or before this date.
    pub signed_to: Option<String>,
    /// Expiring on or after this date.
    pub expires_from: Option<String>,
    /// Expiring on or before this date.
    pub expires_to: Option<String>,
    /// With a party from this country (ISO code).
    pub country: Option<String>,
    pub owner_person_id: Option<PersonId>,
}

const COLUMNS: &str = concat!(
    "a.id, a.title, a.kind, a.status, a.signed_on, a.signed_place, a.signed_visit_id,
    v.title AS signed_visit_title, v.deleted_at IS NOT NULL AS signed_visit_deleted, a.hidden_by_owner, a.effective_on, a.expires_on, a.renewal_notice_days, a.value_amount,
    a.value_currency, a.summary, a.owner_person_id, ",
    person_name_sql!("p"),
    " AS owner_name, p.native_name AS owner_native_name, p.deleted_at IS NOT NULL AS owner_deleted,
    date(a.expires_on, '-' || a.renewal_notice_days || ' days') AS renewal_opens_on, a.created_at, a.updated_at, a.deleted_at"
);
const FROM: &str =
    "agreements a LEFT JOIN visits v ON v.id = a.signed_visit_id LEFT JOIN people p ON p.id = a.owner_person_id";
const SOURCE: Source = Source { from: FROM, count_from: "agreements a" };
/// The owner rule (see the crate docs): an agreement goes with the visit it was signed at. Kept
/// on the row by triggers (migration 3), so the list indexes count live agreements alone.
const LIVE_OWNERS: &str = "a.hidden_by_owner = 0";
const SORTS: &[(&str, &str)] = &[
    ("signedOn", "a.signed_on"),
    ("title", "a.title COLLATE NOCASE"),
    ("status", "a.status"),
    ("expiresOn", "a.expires_on"),
    ("kind", "a.kind"),
    ("ownerName", "p.family_name COLLATE NOCASE"),
];

/// What the calendar does to agreements on `today`: renewal actions for the windows that have
/// opened, and expiry for those past their date. Run on opening the store and hourly.
pub fn keep_current(store: &mut Store, today: chrono::NaiveDate) -> CoreResult<()> {
    renewal::raise_due(store, today)?;
    lifecycle::expire_lapsed(store, today)?;
    Ok(())
}

pub fn create(store: &mut Store, input: AgreementInput) -> CoreResult<Agreement> {
    store.write(|w| insert(w, AgreementId::new(), input))
}

/// Creates the record with the given id inside an open write (the sample gives fixed ids).
pub fn insert(w: &Writer<'_>, id: AgreementId, input: AgreementInput) -> CoreResult<Agreement> {
    let refs = References::new(w);
    let i = validated(input, &refs)?;
    w.execute(
        "INSERT INTO agreements (id, title, kind, status, signed_on, signed_place, signed_visit_id, effective_on,
         expires_on, renewal_notice_days, value_amount, value_currency, summary, owner_person_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15, ?14, ?14)",
        rusqlite::params![
            id,
            i.title,
            i.kind,
            i.status,
            i.signed_on,
            i.signed_place,
            i.signed_visit_id,
            i.effective_on,
            i.expires_on,
            i.renewal_notice_days,
            i.value_amount,
            i.value_currency,
            i.summary,
            now(),
            i.owner_person_id
        ],
    )?;
    set_links(w, &id, &i, &refs, &[])?;
    let created = get(w, &id)?;
    audit::changed(w, RecordKind::Agreement, id.as_str(), None)?;
    Ok(created)
}

pub fn update(store: &mut Store, id: &AgreementId, input: AgreementInput) -> CoreResult<Agreement> {
    store.write(|w| {
        let before = get(w, id)?;
        let snapshot = audit::snapshot(w, RecordKind::Agreement, id.as_str())?;
        record::refuse_deleted(RecordKind::Agreement, &before.deleted_at)?;
        let mut kept: Vec<&str> = before.signed_visit_id.iter().map(|v| v.as_str()).collect();
        kept.extend(before.owner_person_id.as_ref().map(|p| p.as_str()));
        for party in &before.parties {
            kept.push(party.organization_id.as_str());
            kept.extend(party.signatory_person_id.as_ref().map(|p| p.as_str()));
        }
        let refs = References::keeping(w, kept);
        let i = validated(input, &refs)?;
        lifecycle::check_step(before.status, &i)?;
        w.execute(
            "UPDATE agreements SET title = ?2, kind = ?3, status = ?4, signed_on = ?5, signed_place = ?6,
             signed_visit_id = ?7, effective_on = ?8, expires_on = ?9, renewal_notice_days = ?10, value_amount = ?11,
             value_currency = ?12, summary = ?13, updated_at = ?14, owner_person_id = ?15 WHERE id = ?1",
            rusqlite::params![
                id,
                i.title,
                i.kind,
                i.status,
                i.signed_on,
                i.signed_place,
                i.signed_visit_id,
                i.effective_on,
                i.expires_on,
                i.renewal_notice_days,
                i.value_amount,
                i.value_currency,
                i.summary,
                now(),
                i.owner_person_id
            ],
        )?;
        set_links(w, id, &i, &refs, &before.parties)?;
        audit::changed(w, RecordKind::Agreement, id.as_str(), Some(snapshot))?;
        get(w, id)
    })
}

pub fn delete(store: &mut Store, id: &AgreementId) -> CoreResult<()> {
    store.write(|w| record::soft_delete(w, RecordKind::Agreement, id.as_str()))
}

pub fn restore(store: &mut Store, id: &AgreementId) -> CoreResult<Agreement> {
    store.write(|w| {
        record::restore(w, RecordKind::Agreement, id.as_str())?;
        get(w, id)
    })
}

pub fn get(conn: &Connection, id: &AgreementId) -> CoreResult<Agreement> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE a.id = ?1");
    let agreement = conn
        .query_row(&sql, [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "agreement", id: id.to_string() })?;
    with_links(conn, agreement)
}

pub fn list(conn: &Connection, query: &AgreementQuery) -> CoreResult<Page<Agreement>> {
    let mut select = Select::new("a", &query.list);
    select
        .filter("a.status = ?", query.status)
        .filter("a.kind = ?", query.kind)
        .filter("a.signed_visit_id = ?", query.signed_visit_id.clone().map(|v| v.0))
        .filter("a.owner_person_id = ?", query.owner_person_id.clone().map(|p| p.0))
        .filter(
            "EXISTS (SELECT 1 FROM agreement_sectors s WHERE s.agreement_id = a.id AND s.sector_id = ?)",
            query.sector_id.clone().map(|s| s.0),
        )
        .filter(
            "EXISTS (SELECT 1 FROM agreement_parties pt WHERE pt.agreement_id = a.id AND pt.organization_id = ?)",
            query.organization_id.clone().map(|o| o.0),
        )
        .filter(
            "EXISTS (SELECT 1 FROM agreement_parties pt JOIN organizations o ON o.id = pt.organization_id
             WHERE pt.agreement_id = a.id AND o.country = upper(?))",
            query.country.clone(),
        )
        .filter("a.signed_on >= ?", query.signed_from.clone())
        .filter("a.signed_on <= ?", query.signed_to.clone())
        .filter("a.expires_on >= ?", query.expires_from.clone())
        .filter("a.expires_on <= ?", query.expires_to.clone())
        .search(&["a.title", "a.summary", "a.signed_place"], query.list.search.as_deref());
    if !query.list.include_deleted {
        select.condition(LIVE_OWNERS);
    }
    let order = order_by(&query.list, SORTS, "a.id");
    let page = select.page(conn, COLUMNS, &SOURCE, &order, &query.list, from_row)?;
    let ids: Vec<&str> = page.items.iter().map(|a| a.id.as_str()).collect();
    let mut sectors = sectors::linked_to_each(conn, "agreement_sectors", "agreement_id", &ids)?;
    let items = page
        .items
        .into_iter()
        .map(|mut a| {
            a.sectors = sectors.remove(a.id.as_str()).unwrap_or_default();
            with_parties(conn, a)
        })
        .collect::<CoreResult<_>>()?;
    Ok(Page { items, ..page })
}

fn with_links(conn: &Connection, mut agreement: Agreement) -> CoreResult<Agreement> {
    agreement.sectors = sectors::linked(conn, "agreement_sectors", "agreement_id", agreement.id.as_str())?;
    with_parties(conn, agreement)
}

fn with_parties(conn: &Connection, mut agreement: Agreement) -> CoreResult<Agreement> {
    let sql = concat!(
        "SELECT pt.organization_id, o.name, o.deleted_at IS NOT NULL, pt.signatory_person_id, ",
        person_name_sql!("p"),
        ", p.deleted_at IS NOT NULL, p.native_name, p.position FROM agreement_parties pt JOIN organizations o ON o.id = pt.organization_id
         LEFT JOIN people p ON p.id = pt.signatory_person_id WHERE pt.agreement_id = ?1 ORDER BY pt.position"
    );
    let mut stmt = conn.prepare_cached(sql)?;
    let parties = stmt.query_map([&agreement.id], |r| {
        Ok(Party {
            organization_id: r.get(0)?,
            organization_name: r.get(1)?,
            organization_deleted: r.get(2)?,
            signatory_person_id: r.get(3)?,
            signatory_name: r.get(4)?,
            signatory_deleted: r.get::<_, Option<bool>>(5)?.unwrap_or(false),
            signatory_native_name: r.get(6)?,
            signatory_position: r.get(7)?,
        })
    })?;
    agreement.parties = parties.collect::<Result<_, _>>()?;
    Ok(agreement)
}

/// Stores the sectors and parties; `stored` are the parties as they were before an update.
fn set_links(
    w: &Writer<'_>,
    id: &AgreementId,
    input: &AgreementInput,
    refs: &References<'_>,
    stored: &[Party],
) -> CoreResult<()> {
    sectors::relink(w, "agreement_sectors", "agreement_id", id.as_str(), &input.sector_ids)?;
    w.execute("DELETE FROM agreement_parties WHERE agreement_id = ?1", [id])?;
    for (position, party) in input.parties.iter().enumerate() {
        refs.check(RecordKind::Organization, &party.organization_id, "parties")?;
        refs.check_opt(RecordKind::Person, party.signatory_person_id.as_ref(), "parties")?;
        if let Some(person) = &party.signatory_person_id {
            // A signatory already on record stays, even if they have moved on since.
            let stored = stored
                .iter()
                .any(|p| p.organization_id == party.organization_id && p.signatory_person_id.as_ref() == Some(person));
            if !stored {
                check_signatory(w, person, &party.organization_id)?;
            }
        }
        w.execute(
            "INSERT INTO agreement_parties (agreement_id, position, organization_id, signatory_person_id) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, position as i64, party.organization_id, party.signatory_person_id],
        )?;
    }
    Ok(())
}

/// A signatory signs for their own organization.
fn check_signatory(conn: &Connection, person: &PersonId, party: &OrganizationId) -> CoreResult<()> {
    let theirs: Option<String> = conn
        .query_row("SELECT organization_id FROM people WHERE id = ?1", [person], |r| r.get(0))
        .optional()?
        .flatten();
    if theirs.as_deref() == Some(party.as_str()) {
        return Ok(());
    }
    Err(CoreError::invalid(
        "parties",
        Reason::SignatoryNotOfParty,
        "A signatory must be of the organization they sign for",
    ))
}

/// The input that would save the agreement as it is.
pub fn as_input(a: &Agreement) -> AgreementInput {
    AgreementInput {
        title: a.title.clone(),
        kind: a.kind,
        status: a.status,
        signed_on: a.signed_on.clone(),
        signed_place: a.signed_place.clone(),
        signed_visit_id: a.signed_visit_id.clone(),
        effective_on: a.effective_on.clone(),
        expires_on: a.expires_on.clone(),
        renewal_notice_days: a.renewal_notice_days,
        value_amount: a.value_amount,
        value_currency: a.value_currency.clone(),
        summary: a.summary.clone(),
        owner_person_id: a.owner_person_id.clone(),
        sector_ids: a.sectors.iter().map(|s| s.id.clone()).collect(),
        parties: a
            .parties
            .iter()
            .map(|p| PartyInput {
                organization_id: p.organization_id.clone(),
                signatory_person_id: p.signatory_person_id.clone(),
            })
            .collect(),
    }
}

fn validated(input: AgreementInput, refs: &References<'_>) -> CoreResult<AgreementInput> {
    validate::required("title", "Title", &input.title)?;
    for (index, party) in input.parties.iter().enumerate() {
        if input.parties[..index].iter().any(|earlier| earlier.organization_id == party.organization_id) {
            return Err(CoreError::invalid(
                "parties",
                Reason::ListedTwice,
                "the same organization is listed twice as a party",
            ));
        }
    }
    let effective_on = validate::optional_date("effectiveOn", "Effective date", input.effective_on)?;
    let expires_on = validate::optional_date("expiresOn", "Expiry date", input.expires_on)?;
    if let (Some(from), Some(to)) = (&effective_on, &expires_on) {
        if to < from {
            return Err(CoreError::invalid(
                "expiresOn",
                Reason::BeforeStart,
                "Expiry date is before the effective date",
            ));
        }
    }
    let signed_on = validate::optional_date("signedOn", "Signing date", input.signed_on)?;
    if let (Some(signed), Some(to)) = (&signed_on, &expires_on) {
        if to < signed {
            return Err(CoreError::invalid(
                "expiresOn",
                Reason::BeforeSigning,
                "Expiry date is before the signing date",
            ));
        }
    }
    if input.value_amount.is_some_and(|v| !v.is_finite() || v < 0.0) {
        return Err(CoreError::invalid("valueAmount", Reason::NotPositive, "Value must be a positive amount"));
    }
    refs.check_opt(RecordKind::Visit, input.signed_visit_id.as_ref(), "signedVisitId")?;
    refs.check_opt(RecordKind::Person, input.owner_person_id.as_ref(), "ownerPersonId")?;
    Ok(AgreementInput {
        signed_on,
        signed_place: validate::line("signedPlace", "Place of signing", input.signed_place)?,
        effective_on,
        expires_on,
        renewal_notice_days: validate::at_least("renewalNoticeDays", "Renewal notice", input.renewal_notice_days, 0)?,
        value_currency: validate::currency("valueCurrency", input.value_currency)?,
        summary: validate::text("summary", "Summary", input.summary)?,
        ..input
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: row.get("id")?,
        title: row.get("title")?,
        kind: row.get("kind")?,
        status: row.get("status")?,
        signed_on: row.get("signed_on")?,
        signed_place: row.get("signed_place")?,
        signed_visit_id: row.get("signed_visit_id")?,
        signed_visit_title: row.get("signed_visit_title")?,
        signed_visit_deleted: row.get("signed_visit_deleted")?,
        belongs_to_deleted: row.get("hidden_by_owner")?,
        effective_on: row.get("effective_on")?,
        expires_on: row.get("expires_on")?,
        renewal_notice_days: row.get("renewal_notice_days")?,
        value_amount: row.get("value_amount")?,
        value_currency: row.get("value_currency")?,
        summary: row.get("summary")?,
        owner_person_id: row.get("owner_person_id")?,
        owner_name: row.get("owner_name")?,
        owner_native_name: row.get("owner_native_name")?,
        owner_deleted: row.get("owner_deleted")?,
        renewal_opens_on: row.get("renewal_opens_on")?,
        sectors: Vec::new(),
        parties: Vec::new(),
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        deleted_at: row.get("deleted_at")?,
    })
}
