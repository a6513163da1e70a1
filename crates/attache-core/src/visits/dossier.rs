//! One visit gathered for paper: everything its brief, run-sheet, report, badges and place cards
//! print, read in one go. Deleted records are left out; lists come whole (not one page), in the
//! order they are printed: the programme by time, people by the order of precedence.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::actions::{self, Action, ActionQuery};
use crate::agreements::{self, Agreement, AgreementQuery};
use crate::directory::organizations::{self, Organization};
use crate::directory::people::{self, Person};
use crate::kernel::error::CoreResult;
use crate::kernel::ids::{OrganizationId, VisitId};
use crate::kernel::listing::{every, ListQuery};
use crate::kernel::local_time;
use crate::visits::engagements::{self, Engagement, EngagementQuery};
use crate::visits::participants::{self, Participant, ParticipantQuery};
use crate::visits::vehicles::{self, Vehicle};
use crate::visits::venues::{self, Venue};
use crate::visits::{self, Visit};

/// Empty days between the first and last are printed ("nothing planned") only for visits up to
/// this long: a span of months is a visit whose exact dates are not known yet.
const MAX_DAYS_LAID_OUT: i64 = 31;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dossier {
    pub visit: Visit,
    pub host_organization: Option<Organization>,
    pub guest_organization: Option<Organization>,
    pub days: Vec<ProgrammeDay>,
    /// The visit's participants (declined ones included, marked by their RSVP) in precedence order.
    pub people: Vec<DossierPerson>,
    /// The host, the guest, the participants' organizations and the agreements' parties, once each.
    pub organizations: Vec<Organization>,
    /// Agreements signed (or to be signed) at this visit.
    pub agreements: Vec<Agreement>,
    /// Follow-up actions of this visit, by due date.
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeDay {
    /// The day in the visit's local time, `YYYY-MM-DD`.
    pub date: String,
    pub items: Vec<ProgrammeEntry>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeEntry {
    pub engagement: Engagement,
    pub venue: Option<Venue>,
    pub vehicle: Option<Vehicle>,
    /// The phone of the person responsible for the item, for the run-sheet.
    pub responsible_phone: Option<String>,
    /// Who attends, in precedence order (those of them who are participants first).
    pub attendees: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DossierPerson {
    pub participant: Participant,
    pub person: Person,
    /// When they were checked in, in the visit's local time.
    pub checked_in_local: Option<String>,
}

impl Dossier {
    /// The programme of one local day (`YYYY-MM-DD`), if the visit has that day.
    pub fn day(&self, date: &str) -> Option<&ProgrammeDay> {
        self.days.iter().find(|d| d.date == date)
    }
}

/// A list query for every record, in the order `sort` names.
pub(crate) fn sorted(sort: &str) -> ListQuery {
    ListQuery { sort: Some(sort.to_owned()), ..ListQuery::default() }
}

/// The visit `id` gathered for print.
pub fn gather(conn: &Connection, id: &VisitId) -> CoreResult<Dossier> {
    let visit = visits::get(conn, id)?;
    let visit_id = Some(id.clone());
    let participants = every(&sorted("precedence"), |list| {
        participants::list(conn, &ParticipantQuery { list, visit_id: visit_id.clone(), ..Default::default() })
    })?;
    let zone = local_time::zone_or_utc(&visit.time_zone);
    let people = participants
        .into_iter()
        .map(|participant| {
            Ok(DossierPerson {
                person: people::get(conn, &participant.person_id)?,
                checked_in_local: participant.checked_in_at.as_ref().map(|at| local_time::to_local(zone, at)),
                participant,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let engagements = every(&sorted("startsAt"), |list| {
        engagements::list(conn, &EngagementQuery { list, visit_id: visit_id.clone(), ..Default::default() })
    })?;
    let agreements = every(&sorted("signedOn"), |list| {
        agreements::list(conn, &AgreementQuery { list, signed_visit_id: visit_id.clone(), ..Default::default() })
    })?;
    let actions = every(&sorted("dueOn"), |list| {
        actions::list(conn, &ActionQuery { list, visit_id: visit_id.clone(), ..Default::default() })
    })?;
    let days = programme_days(conn, &visit, engagements, &people)?;
    let live_organization = |id: &Option<OrganizationId>| -> CoreResult<Option<Organization>> {
        Ok(match id {
            Some(id) => Some(organizations::get(conn, id)?).filter(|o| o.deleted_at.is_none()),
            None => None,
        })
    };
    let host_organization = live_organization(&visit.host_organization_id)?;
    let guest_organization = live_organization(&visit.guest_organization_id)?;
    let organizations = involved_organizations(conn, &visit, &people, &agreements)?;
    Ok(Dossier { visit, host_organization, guest_organization, days, people, organizations, agreements, actions })
}

fn programme_days(
    conn: &Connection,
    visit: &Visit,
    engagements: Vec<Engagement>,
    people: &[DossierPerson],
) -> CoreResult<Vec<ProgrammeDay>> {
    let mut days: BTreeMap<String, Vec<ProgrammeEntry>> = BTreeMap::new();
    if let (Ok(start), Ok(end)) = (visit.start_date.parse::<NaiveDate>(), visit.end_date.parse::<NaiveDate>()) {
        let span = (end - start).num_days();
        if !visit.exact_dates_unknown && (0..MAX_DAYS_LAID_OUT).contains(&span) {
            for day in start.iter_days().take(span as usize + 1) {
                days.entry(day.format("%Y-%m-%d").to_string()).or_default();
            }
        }
    }
    let rank: HashMap<&str, usize> =
        people.iter().enumerate().map(|(i, p)| (p.participant.person_id.as_str(), i)).collect();
    let mut venues: HashMap<String, Venue> = HashMap::new();
    let mut vehicles: HashMap<String, Vehicle> = HashMap::new();
    for engagement in engagements {
        let venue = match &engagement.venue_id {
            Some(id) if !venues.contains_key(id.as_str()) => {
                let venue = venues::get(conn, id)?;
                venues.insert(id.to_string(), venue.clone());
                Some(venue)
            }
            Some(id) => venues.get(id.as_str()).cloned(),
            None => None,
        };
        let vehicle = match &engagement.vehicle_id {
            Some(id) if !vehicles.contains_key(id.as_str()) => {
                let vehicle = vehicles::get(conn, id)?;
                vehicles.insert(id.to_string(), vehicle.clone());
                Some(vehicle)
            }
            Some(id) => vehicles.get(id.as_str()).cloned(),
            None => None,
        };
        let responsible_phone = match &engagement.responsible_person_id {
            Some(id) => people::get(conn, id)?.phone,
            None => None,
        };
        let mut attendee_ids = engagement.attendee_ids.clone();
        attendee_ids.sort_by_key(|id| rank.get(id.as_str()).copied().unwrap_or(usize::MAX));
        let attendees = attendee_ids
            .iter()
            .map(|id| match rank.get(id.as_str()) {
                Some(&i) => Ok(Some(people[i].person.display_name.clone())),
                None => people::get(conn, id).map(|p| p.deleted_at.is_none().then_some(p.display_name)),
            })
            .filter_map(|name| name.transpose())
            .collect::<CoreResult<Vec<_>>>()?;
        let date = engagement.starts_local.get(..10).unwrap_or_default().to_owned();
        days.entry(date).or_default().push(ProgrammeEntry { engagement, venue, vehicle, responsible_phone, attendees });
    }
    Ok(days.into_iter().map(|(date, items)| ProgrammeDay { date, items }).collect())
}

fn involved_organizations(
    conn: &Connection,
    visit: &Visit,
    people: &[DossierPerson],
    agreements: &[Agreement],
) -> CoreResult<Vec<Organization>> {
    let mut ids: Vec<&OrganizationId> = Vec::new();
    ids.extend(visit.host_organization_id.as_ref());
    ids.extend(visit.guest_organization_id.as_ref());
    ids.extend(people.iter().filter_map(|p| p.person.organization_id.as_ref()));
    ids.extend(agreements.iter().flat_map(|a| a.parties.iter().map(|p| &p.organization_id)));
    let mut seen = std::collections::HashSet::new();
    let mut organizations = Vec::new();
    for id in ids {
        if seen.insert(id.as_str()) {
            let organization = organizations::get(conn, id)?;
            if organization.deleted_at.is_none() {
                organizations.push(organization);
            }
        }
    }
    Ok(organizations)
}
