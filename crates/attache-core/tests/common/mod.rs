#![allow(dead_code)] // each test file uses its own subset

use attache_core::actions::{ActionInput, ActionStatus, Priority};
use attache_core::agreements::{AgreementInput, AgreementKind, AgreementStatus};
use attache_core::directory::organizations::{self, OrganizationInput, OrganizationKind};
use attache_core::directory::people::{self, Person, PersonInput};
use attache_core::kernel::ids::OrganizationId;
use attache_core::kernel::ids::{PersonId, VisitId};
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::engagements::{EngagementInput, EngagementKind};
use attache_core::visits::participants::{ParticipantInput, ParticipantRole, Rsvp, Side};
use attache_core::visits::{self, SecurityLevel, Visit, VisitDirection, VisitInput, VisitStatus};
use attache_core::Store;
use tempfile::TempDir;

/// A store in a fresh temporary folder; keep the folder alive as long as the store.
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("attache.sqlite3")).expect("open store");
    (dir, store)
}

pub fn query(page_size: u32) -> ListQuery {
    ListQuery { page: 1, page_size, ..ListQuery::default() }
}

pub fn organization(store: &mut Store, name: &str) -> OrganizationId {
    let input = OrganizationInput {
        name: name.into(),
        short_name: None,
        native_name: None,
        kind: OrganizationKind::Chamber,
        country: Some("PK".into()),
        city: Some("Sialkot".into()),
        website: None,
        sector_ids: vec![],
        notes: None,
    };
    organizations::create(store, input).expect("create organization").id
}

pub fn person_input(given: &str, family: &str) -> PersonInput {
    PersonInput { given_name: given.into(), family_name: Some(family.into()), ..PersonInput::default() }
}

pub fn person(store: &mut Store, given: &str, family: &str) -> Person {
    people::create(store, person_input(given, family)).expect("create person")
}

/// A person of `organization` (a signatory signs for their own organization).
pub fn person_of(store: &mut Store, given: &str, family: &str, organization: &OrganizationId) -> Person {
    let input = PersonInput { organization_id: Some(organization.clone()), ..person_input(given, family) };
    people::create(store, input).expect("create person")
}

pub fn visit_input(title: &str) -> VisitInput {
    VisitInput {
        title: title.into(),
        direction: VisitDirection::Incoming,
        status: VisitStatus::Planned,
        host_organization_id: None,
        guest_organization_id: None,
        city: Some("Sialkot".into()),
        country: Some("PK".into()),
        time_zone: "Asia/Karachi".into(),
        start_date: "2026-01-28".into(),
        end_date: "2026-01-29".into(),
        exact_dates_unknown: false,
        travel_buffer_minutes: visits::DEFAULT_TRAVEL_BUFFER,
        objectives: None,
        security_level: SecurityLevel::Standard,
        security_notes: None,
        outcome_summary: None,
        outcome_waived: false,
        move_programme: false,
    }
}

pub fn visit(store: &mut Store, title: &str) -> Visit {
    visits::create(store, visit_input(title)).expect("create visit")
}

/// The field a validation error names, or a panic explaining what came back instead.
pub fn invalid_field<T: std::fmt::Debug>(result: attache_core::CoreResult<T>) -> String {
    match result {
        Err(attache_core::CoreError::Validation { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

pub fn audit_operations(store: &Store, kind: attache_core::kernel::record::RecordKind, id: &str) -> Vec<String> {
    attache_core::kernel::audit::history(store.conn(), kind, id).unwrap().into_iter().map(|e| e.operation).collect()
}

/// A guest delegate taking part in a visit, with nothing else said.
pub fn participant_input(visit: &VisitId, person: &PersonId) -> ParticipantInput {
    ParticipantInput {
        visit_id: visit.clone(),
        person_id: person.clone(),
        side: Side::Guest,
        role: ParticipantRole::Member,
        rsvp: Rsvp::Accepted,
        arrival_local: None,
        departure_local: None,
        hotel: None,
        precedence_override: None,
        notes: None,
    }
}

/// A signed MoU with no parties, links or sectors.
pub fn agreement_input(title: &str) -> AgreementInput {
    AgreementInput {
        title: title.into(),
        kind: AgreementKind::Mou,
        status: AgreementStatus::Signed,
        signed_on: Some("2025-11-20".into()),
        signed_place: Some("Islamabad".into()),
        signed_visit_id: None,
        effective_on: Some("2025-11-20".into()),
        expires_on: Some("2030-11-19".into()),
        renewal_notice_days: Some(90),
        value_amount: None,
        value_currency: None,
        summary: None,
        owner_person_id: None,
        sector_ids: vec![],
        parties: vec![],
    }
}

/// An open action of normal priority, linked to nothing.
pub fn action_input(title: &str) -> ActionInput {
    ActionInput {
        title: title.into(),
        details: None,
        owner_person_id: None,
        due_on: None,
        priority: Priority::Normal,
        status: ActionStatus::Open,
        visit_id: None,
        agreement_id: None,
        organization_id: None,
        person_id: None,
        sector_ids: vec![],
    }
}

/// A meeting in a visit's programme, from `starts` to `ends` in the visit's wall-clock time.
pub fn engagement_input(visit: &VisitId, title: &str, starts: &str, ends: &str) -> EngagementInput {
    EngagementInput {
        visit_id: visit.clone(),
        title: title.into(),
        kind: EngagementKind::Meeting,
        starts_local: starts.into(),
        ends_local: ends.into(),
        venue_id: None,
        responsible_person_id: None,
        vehicle_id: None,
        security_notes: None,
        notes: None,
        attendee_ids: vec![],
    }
}
