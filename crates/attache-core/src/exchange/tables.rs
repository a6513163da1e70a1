//! The lists that can be exported, each as a [`Table`] in the list's own filter and order:
//! people, organizations, visits, agreements, actions, and a visit's participants in the order
//! of precedence; the gift register of a year; outcomes, and the KPIs as a table of figures.

use rusqlite::Connection;

use super::{Cell, Table};
use crate::actions::{self, ActionQuery};
use crate::agreements::{self, AgreementQuery};
use crate::directory::organizations::{self, OrganizationQuery};
use crate::directory::people::{self, PersonQuery};
use crate::kernel::error::CoreResult;
use crate::kernel::ids::VisitId;
use crate::kernel::listing::every;
use crate::outcomes::kpis::Kpis;
use crate::outcomes::{self, OutcomeQuery};
use crate::registers::gifts;
use crate::visits::participants::{self, ParticipantQuery};
use crate::visits::{self as visit_records, VisitQuery};

const PEOPLE: &[&str] = &[
    "Honorific",
    "Given name",
    "Family name",
    "Name in native script",
    "Position",
    "Organization",
    "Country",
    "E-mail",
    "Phone",
    "Languages",
    "Protocol rank",
    "Dietary needs",
    "Access needs",
    "Biography",
    "Notes",
];

const ORGANIZATIONS: &[&str] =
    &["Name", "Short name", "Name in the original language", "Kind", "Country", "City", "Website", "Sectors", "Notes"];

const PARTICIPANTS: &[&str] = &[
    "Precedence",
    "Side",
    "Role",
    "Name",
    "Name in native script",
    "Position",
    "Organization",
    "Answer",
    "Arrival",
    "Departure",
    "Hotel",
    "Checked in (local time)",
];

fn headings(names: &[&str]) -> Vec<String> {
    names.iter().map(|c| (*c).to_owned()).collect()
}

/// A visit's participants in the order of precedence (the office's rule, as the Participants
/// tab lists them), numbered from 1; arrival and departure in the visit's wall-clock time.
pub fn participants(conn: &Connection, visit: &VisitId) -> CoreResult<Table> {
    let query = ParticipantQuery { visit_id: Some(visit.clone()), ..ParticipantQuery::default() };
    let everyone = every(&query.list, |list| participants::list(conn, &ParticipantQuery { list, ..query.clone() }))?;
    let local = |at: Option<String>| at.map(|t| t.replace('T', " "));
    // Checked in at a stored instant: shown as the clock read where the visit takes place,
    // like the arrival and departure beside it.
    let zone = crate::visits::time_zone(conn, visit)?;
    let checked_in = |at: Option<String>| local(at.map(|t| crate::kernel::local_time::to_local(zone, &t)));
    let rows = everyone
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                Cell::Number(i as i64 + 1),
                Cell::Text(p.side.as_str().to_owned()),
                Cell::Text(p.role.as_str().to_owned()),
                p.person_name.into(),
                p.native_name.into(),
                p.position.into(),
                p.organization_name.into(),
                Cell::Text(p.rsvp.as_str().to_owned()),
                local(p.arrival_local).into(),
                local(p.departure_local).into(),
                p.hotel.into(),
                checked_in(p.checked_in_at).into(),
            ]
        })
        .collect();
    // Side, role and answer are stored words.
    Ok(Table { columns: headings(PARTICIPANTS), rows, vocabulary: vec![1, 2, 7] })
}

const VISITS: &[&str] = &[
    "Title",
    "Direction",
    "Status",
    "Host organization",
    "Guest organization",
    "City",
    "Country",
    "Start",
    "End",
    "Time zone",
    "Security level",
    "Objectives",
    "Outcome",
];

pub fn visits(conn: &Connection, query: &VisitQuery) -> CoreResult<Table> {
    let rows = every(&query.list, |list| visit_records::list(conn, &VisitQuery { list, ..query.clone() }))?
        .into_iter()
        .map(|v| {
            vec![
                v.title.into(),
                Cell::Text(v.direction.as_str().to_owned()),
                Cell::Text(v.status.as_str().to_owned()),
                v.host_organization_name.into(),
                v.guest_organization_name.into(),
                v.city.into(),
                v.country.into(),
                v.start_date.into(),
                v.end_date.into(),
                v.time_zone.into(),
                Cell::Text(v.security_level.as_str().to_owned()),
                v.objectives.into(),
                v.outcome_summary.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(VISITS), rows, vocabulary: vec![1, 2, 10] })
}

const AGREEMENTS: &[&str] = &[
    "Title",
    "Kind",
    "Status",
    "Parties",
    "Signed on",
    "Signed at",
    "Visit",
    "In force from",
    "Expires on",
    "Renewal notice (days)",
    "Value",
    "Currency",
    "Owner",
    "Sectors",
    "Summary",
];

pub fn agreements(conn: &Connection, query: &AgreementQuery) -> CoreResult<Table> {
    let rows = every(&query.list, |list| agreements::list(conn, &AgreementQuery { list, ..query.clone() }))?
        .into_iter()
        .map(|a| {
            let parties = a
                .parties
                .iter()
                .map(|p| match &p.signatory_name {
                    Some(signatory) => format!("{} ({signatory})", p.organization_name),
                    None => p.organization_name.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                a.title.into(),
                Cell::Text(a.kind.as_str().to_owned()),
                Cell::Text(a.status.as_str().to_owned()),
                parties.into(),
                a.signed_on.into(),
                a.signed_place.into(),
                a.signed_visit_title.into(),
                a.effective_on.into(),
                a.expires_on.into(),
                a.renewal_notice_days.into(),
                a.value_amount.into(),
                a.value_currency.into(),
                a.owner_name.into(),
                sector_names(&a.sectors).into(),
                a.summary.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(AGREEMENTS), rows, vocabulary: vec![1, 2] })
}

const ACTIONS: &[&str] = &[
    "Title",
    "Status",
    "Priority",
    "Due",
    "Owner",
    "Visit",
    "Agreement",
    "Organization",
    "Person",
    "Sectors",
    "Completed",
    "Details",
];

pub fn actions(conn: &Connection, query: &ActionQuery) -> CoreResult<Table> {
    let rows = every(&query.list, |list| actions::list(conn, &ActionQuery { list, ..query.clone() }))?
        .into_iter()
        .map(|a| {
            vec![
                a.title.into(),
                Cell::Text(a.status.as_str().to_owned()),
                Cell::Text(a.priority.as_str().to_owned()),
                a.due_on.into(),
                a.owner_name.into(),
                a.visit_title.into(),
                a.agreement_title.into(),
                a.organization_name.into(),
                a.person_name.into(),
                sector_names(&a.sectors).into(),
                a.completed_at.into(),
                a.details.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(ACTIONS), rows, vocabulary: vec![1, 2] })
}

fn sector_names(sectors: &[crate::directory::sectors::Sector]) -> String {
    sectors.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join("; ")
}

pub fn people(conn: &Connection, query: &PersonQuery) -> CoreResult<Table> {
    let rows = people::all(conn, query)?
        .into_iter()
        .map(|p| {
            vec![
                p.honorific.into(),
                p.given_name.into(),
                p.family_name.into(),
                p.native_name.into(),
                p.position.into(),
                p.organization_name.into(),
                p.country.into(),
                p.email.into(),
                p.phone.into(),
                p.languages.into(),
                p.protocol_rank.into(),
                p.dietary_needs.into(),
                p.access_needs.into(),
                p.bio.into(),
                p.notes.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(PEOPLE), rows, vocabulary: Vec::new() })
}

pub fn organizations(conn: &Connection, query: &OrganizationQuery) -> CoreResult<Table> {
    let rows = organizations::all(conn, query)?
        .into_iter()
        .map(|o| {
            let sectors = sector_names(&o.sectors);
            vec![
                o.name.into(),
                o.short_name.into(),
                o.native_name.into(),
                Cell::Text(o.kind.as_str().to_owned()),
                o.country.into(),
                o.city.into(),
                o.website.into(),
                sectors.into(),
                o.notes.into(),
            ]
        })
        .collect();
    // The kind is a stored word.
    Ok(Table { columns: headings(ORGANIZATIONS), rows, vocabulary: vec![3] })
}

const GIFTS: &[&str] = &[
    "Date given",
    "Given or received",
    "Gift",
    "Given by",
    "Giver's organization",
    "Received by",
    "Receiver's organization",
    "Visit",
    "Programme item",
    "Value",
    "Currency",
    "What became of it",
    "Notes",
];

/// The gift register of `year`, by the day given (as it is printed).
pub fn gifts(conn: &Connection, year: i32) -> CoreResult<Table> {
    let rows = gifts::register(conn, year)?
        .gifts
        .into_iter()
        .map(|g| {
            vec![
                Cell::Text(g.given_on),
                Cell::Text(g.direction.as_str().to_owned()),
                Cell::Text(g.description),
                g.giver_person_name.into(),
                g.giver_organization_name.into(),
                g.receiver_person_name.into(),
                g.receiver_organization_name.into(),
                Cell::Text(g.visit_title),
                g.engagement_title.into(),
                g.value_amount.into(),
                g.value_currency.into(),
                Cell::Text(g.disposition.as_str().to_owned()),
                g.notes.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(GIFTS), rows, vocabulary: vec![1, 11] })
}

const OUTCOMES: &[&str] = &[
    "Reported on",
    "Kind",
    "Status",
    "Title",
    "Visit",
    "Company",
    "Partner",
    "Person",
    "Sector",
    "Currency",
    "Value by year",
    "Total value",
    "Visit's help (%)",
    "Notes",
];

/// Outcomes as the query selects them; each year's value as "2026: 100000; 2027: 50000".
pub fn outcomes(conn: &Connection, query: &OutcomeQuery) -> CoreResult<Table> {
    let rows = every(&query.list, |list| outcomes::list(conn, &OutcomeQuery { list, ..query.clone() }))?
        .into_iter()
        .map(|o| {
            let by_year = o.values.iter().map(|v| format!("{}: {}", v.year, v.amount)).collect::<Vec<_>>().join("; ");
            vec![
                Cell::Text(o.reported_on),
                Cell::Text(o.kind.as_str().to_owned()),
                Cell::Text(o.status.as_str().to_owned()),
                Cell::Text(o.title),
                Cell::Text(o.visit_title),
                o.organization_name.into(),
                o.partner_organization_name.into(),
                o.person_name.into(),
                o.sector_name.into(),
                o.currency.into(),
                by_year.into(),
                (!o.values.is_empty()).then_some(o.total).into(),
                o.help_percent.into(),
                o.notes.into(),
            ]
        })
        .collect();
    Ok(Table { columns: headings(OUTCOMES), rows, vocabulary: vec![1, 2] })
}

/// The English names of the KPI figures, in the order [`kpis`] writes them; a window passes its
/// own words for them (as `terms`).
pub const KPI_FIGURES: &[&str] = &[
    "Visits",
    "Meetings held",
    "Companies taking part",
    "Meetings per company",
    "MoUs signed",
    "Letters of intent",
    "Agreements signed",
    "Outcomes reported",
    "Outcomes confirmed by the company",
    "Deals",
    "Joint ventures",
    "Follow-up actions",
    "Closed within 30 days",
    "Closed within 90 days",
    "Share closed within 30 days (%)",
    "Share closed within 90 days (%)",
    "Value reported",
    "Value confirmed",
];

/// The KPIs as figures, one to a row ("Visits", 12), then the value of each year and currency.
pub fn kpis(k: &Kpis) -> Table {
    let name = |i: usize| Cell::Text(KPI_FIGURES[i].to_owned());
    let count = |i: usize, n: u32| vec![name(i), Cell::Empty, Cell::Number(i64::from(n)), Cell::Empty];
    let share = |i: usize, s: Option<f64>| {
        vec![name(i), Cell::Empty, s.map(|s| (s * 1000.0).round() / 10.0).into(), Cell::Empty]
    };
    let mut rows = vec![
        count(0, k.visits),
        count(1, k.meetings),
        count(2, k.companies),
        vec![name(3), Cell::Empty, k.meetings_per_company.map(|m| (m * 10.0).round() / 10.0).into(), Cell::Empty],
        count(4, k.mous_signed),
        count(5, k.letters_of_intent),
        count(6, k.agreements_signed),
        count(7, k.outcomes),
        count(8, k.outcomes_confirmed),
        count(9, k.deals),
        count(10, k.joint_ventures),
        count(11, k.actions),
        count(12, k.closed_within_30_days),
        count(13, k.closed_within_90_days),
        share(14, k.share_closed_30),
        share(15, k.share_closed_90),
    ];
    for y in &k.value_by_year {
        let year = Cell::Number(i64::from(y.year));
        rows.push(vec![name(16), year.clone(), Cell::Real(y.reported), Cell::Text(y.currency.clone())]);
        rows.push(vec![name(17), year, Cell::Real(y.confirmed), Cell::Text(y.currency.clone())]);
    }
    Table { columns: headings(&["Figure", "Year", "Value", "Currency"]), rows, vocabulary: vec![0] }
}
