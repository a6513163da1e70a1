//! One rule for deleted records (see the crate docs), checked list by list against each kind of
//! deleted owner and each kind of deleted link: what is hidden by default, what "Show deleted"
//! brings back marked, and what only shows a link struck through.

mod common;

use attache_core::actions::{self, ActionInput, ActionQuery};
use attache_core::agreements::{self, AgreementInput, AgreementQuery, PartyInput};
use attache_core::dashboard;
use attache_core::directory::organizations;
use attache_core::directory::people::{self, PersonQuery};
use attache_core::kernel::ids::{ActionId, AgreementId, OrganizationId, PersonId, VenueId, VisitId};
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::engagements::{self, EngagementInput, EngagementQuery};
use attache_core::visits::participants::{self, ParticipantInput, ParticipantQuery, ParticipantRole};
use attache_core::visits::venues::{self, VenueInput};
use attache_core::visits::{self, overview, VisitInput, VisitQuery};
use attache_core::Store;

/// A visit hosted by `host` with one programme item at `venue` led by `person`, who also takes
/// part, signs an agreement signed at the visit for `host`, and owns three actions: one of the
/// visit, one of the agreement only, and one linked to nothing but `host`.
struct World {
    host: OrganizationId,
    person: PersonId,
    venue: VenueId,
    visit: VisitId,
    agreement: AgreementId,
    of_visit: ActionId,
    of_agreement: ActionId,
    of_host: ActionId,
}

fn world(store: &mut Store) -> World {
    let host = common::organization(store, "Zanzibar Chamber");
    let person = common::person_of(store, "Denis", "Nevzorov", &host).id;
    let venue = venues::create(store, VenueInput { name: "Auditorium".into(), ..VenueInput::default() }).unwrap().id;
    let visit = visits::create(
        store,
        VisitInput { host_organization_id: Some(host.clone()), ..common::visit_input("Trade visit") },
    )
    .unwrap()
    .id;
    let meeting = EngagementInput {
        venue_id: Some(venue.clone()),
        responsible_person_id: Some(person.clone()),
        attendee_ids: vec![person.clone()],
        ..common::engagement_input(&visit, "Meeting", "2026-01-28T10:00", "2026-01-28T11:00")
    };
    engagements::create(store, meeting).unwrap();
    let head =
        ParticipantInput { role: ParticipantRole::HeadOfDelegation, ..common::participant_input(&visit, &person) };
    participants::create(store, head).unwrap();
    let mou = AgreementInput {
        signed_on: Some("2026-01-28".into()),
        signed_visit_id: Some(visit.clone()),
        parties: vec![PartyInput { organization_id: host.clone(), signatory_person_id: Some(person.clone()) }],
        ..common::agreement_input("MoU")
    };
    let agreement = agreements::create(store, mou).unwrap().id;
    let action = |title: &str| ActionInput {
        owner_person_id: Some(person.clone()),
        due_on: Some("2026-01-01".into()),
        ..common::action_input(title)
    };
    let of_visit =
        actions::create(store, ActionInput { visit_id: Some(visit.clone()), ..action("Of the visit") }).unwrap().id;
    let of_agreement =
        actions::create(store, ActionInput { agreement_id: Some(agreement.clone()), ..action("Of the MoU") })
            .unwrap()
            .id;
    let of_host = actions::create(store, ActionInput { organization_id: Some(host.clone()), ..action("Of the host") })
        .unwrap()
        .id;
    World { host, person, venue, visit, agreement, of_visit, of_agreement, of_host }
}

fn all(include_deleted: bool) -> ListQuery {
    ListQuery { page_size: 100, include_deleted, ..ListQuery::default() }
}

/// How many rows each list, count and dashboard part shows by default.
#[derive(Debug, PartialEq)]
struct Shown {
    programme: u32,
    programme_of_visit: u32,
    participants: u32,
    participants_of_visit: u32,
    visits_of_person: u32,
    agreements: u32,
    agreements_of_host: u32,
    actions: u32,
    actions_of_visit: u32,
    actions_of_agreement: u32,
    actions_of_owner: u32,
    overdue: u32,
    dashboard_today: u32,
    dashboard_pending: u32,
    dashboard_overdue: u32,
}

fn shown(store: &Store, w: &World) -> Shown {
    let c = store.conn();
    let list = || all(false);
    let programme = |visit_id| engagements::list(c, &EngagementQuery { list: list(), visit_id, ..Default::default() });
    let participants = |visit_id, person_id| {
        participants::list(c, &ParticipantQuery { list: list(), visit_id, person_id, ..Default::default() })
    };
    let agreements =
        |organization_id| agreements::list(c, &AgreementQuery { list: list(), organization_id, ..Default::default() });
    let actions = |q: ActionQuery| actions::list(c, &ActionQuery { list: list(), ..q }).unwrap().total;
    let day = "2026-01-28".parse().unwrap();
    let board = dashboard::dashboard_on(c, day, &chrono_tz::Asia::Karachi).unwrap();
    Shown {
        programme: programme(None).unwrap().total,
        programme_of_visit: programme(Some(w.visit.clone())).unwrap().total,
        participants: participants(None, None).unwrap().total,
        participants_of_visit: participants(Some(w.visit.clone()), None).unwrap().total,
        visits_of_person: participants(None, Some(w.person.clone())).unwrap().total,
        agreements: agreements(None).unwrap().total,
        agreements_of_host: agreements(Some(w.host.clone())).unwrap().total,
        actions: actions(ActionQuery::default()),
        actions_of_visit: actions(ActionQuery { visit_id: Some(w.visit.clone()), ..Default::default() }),
        actions_of_agreement: actions(ActionQuery { agreement_id: Some(w.agreement.clone()), ..Default::default() }),
        actions_of_owner: actions(ActionQuery { owner_person_id: Some(w.person.clone()), ..Default::default() }),
        overdue: actions(ActionQuery { overdue_only: true, ..Default::default() }),
        dashboard_today: board.todays_engagements.len() as u32,
        dashboard_pending: board.open_action_count,
        dashboard_overdue: board.overdue_action_count,
    }
}

const EVERYTHING: Shown = Shown {
    programme: 1,
    programme_of_visit: 1,
    participants: 1,
    participants_of_visit: 1,
    visits_of_person: 1,
    agreements: 1,
    agreements_of_host: 1,
    actions: 3,
    actions_of_visit: 1,
    actions_of_agreement: 1,
    actions_of_owner: 3,
    overdue: 3,
    dashboard_today: 1,
    dashboard_pending: 3,
    dashboard_overdue: 3,
};

fn start() -> (tempfile::TempDir, Store, World) {
    let (dir, mut store) = common::temp_store();
    let w = world(&mut store);
    assert_eq!(shown(&store, &w), EVERYTHING, "before anything is deleted");
    (dir, store, w)
}

#[test]
fn a_deleted_visit_hides_its_programme_participants_agreements_and_their_actions() {
    let (_dir, mut store, w) = start();
    visits::delete(&mut store, &w.visit).unwrap();
    let only_the_hosts_action = Shown {
        programme: 0,
        programme_of_visit: 0,
        participants: 0,
        participants_of_visit: 0,
        visits_of_person: 0,
        agreements: 0,
        agreements_of_host: 0,
        actions: 1,
        actions_of_visit: 0,
        actions_of_agreement: 0,
        actions_of_owner: 1,
        overdue: 1,
        dashboard_today: 0,
        dashboard_pending: 1,
        dashboard_overdue: 1,
    };
    assert_eq!(shown(&store, &w), only_the_hosts_action);

    // The visit's page under "Show deleted" has everything, marked.
    let whole = overview::visit(store.conn(), &w.visit, true).unwrap();
    assert!(whole.visit.deleted_at.is_some());
    assert!(whole.engagements.iter().all(|e| e.belongs_to_deleted && e.deleted_at.is_none()));
    assert!(whole.participants.iter().all(|p| p.belongs_to_deleted && !p.person_deleted));
    assert!(whole.agreements.iter().all(|a| a.belongs_to_deleted && a.signed_visit_deleted));
    assert_eq!((whole.engagements.len(), whole.participants.len(), whole.agreements.len()), (1, 1, 1));
    assert_eq!(
        whole.actions.iter().map(|a| (a.belongs_to_deleted, a.visit_deleted)).collect::<Vec<_>>(),
        [(true, true)]
    );
    let by_agreement = actions::list(
        store.conn(),
        &ActionQuery { list: all(true), agreement_id: Some(w.agreement.clone()), ..Default::default() },
    )
    .unwrap();
    assert!(by_agreement.items[0].belongs_to_deleted, "hidden through its agreement's visit");
    let default_overview = overview::visit(store.conn(), &w.visit, false).unwrap();
    assert!(default_overview.engagements.is_empty() && default_overview.actions.is_empty());

    visits::restore(&mut store, &w.visit).unwrap();
    assert_eq!(shown(&store, &w), EVERYTHING, "restoring the visit brings everything back");
}

#[test]
fn a_deleted_person_hides_their_participation_and_is_struck_through_elsewhere() {
    let (_dir, mut store, w) = start();
    people::delete(&mut store, &w.person).unwrap();
    let no_participation = Shown { participants: 0, participants_of_visit: 0, visits_of_person: 0, ..EVERYTHING };
    assert_eq!(shown(&store, &w), no_participation);

    // The person's page under "Show deleted" has the participation, marked, with its visit.
    let theirs = participants::list(
        store.conn(),
        &ParticipantQuery { list: all(true), person_id: Some(w.person.clone()), ..Default::default() },
    )
    .unwrap();
    assert_eq!(theirs.items.len(), 1);
    assert!(theirs.items[0].belongs_to_deleted && !theirs.items[0].visit_deleted);
    assert_eq!(theirs.items[0].visit_title, "Trade visit");

    let whole = overview::visit(store.conn(), &w.visit, true).unwrap();
    assert!(whole.participants[0].person_deleted && whole.participants[0].belongs_to_deleted);
    assert!(whole.engagements[0].responsible_person_deleted && !whole.engagements[0].belongs_to_deleted);
    assert!(whole.agreements[0].parties[0].signatory_deleted);
    assert!(whole.actions[0].owner_deleted && !whole.actions[0].belongs_to_deleted);
}

#[test]
fn a_deleted_agreement_hides_its_actions_only() {
    let (_dir, mut store, w) = start();
    agreements::delete(&mut store, &w.agreement).unwrap();
    let without = Shown {
        agreements: 0,
        agreements_of_host: 0,
        actions: 2,
        actions_of_agreement: 0,
        actions_of_owner: 2,
        overdue: 2,
        dashboard_pending: 2,
        dashboard_overdue: 2,
        ..EVERYTHING
    };
    assert_eq!(shown(&store, &w), without);
    let action = actions::get(store.conn(), &w.of_agreement).unwrap();
    assert!(action.agreement_deleted && action.belongs_to_deleted);
}

#[test]
fn deleted_links_hide_nothing_and_are_marked() {
    let (_dir, mut store, w) = start();
    organizations::delete(&mut store, &w.host).unwrap();
    venues::delete(&mut store, &w.venue).unwrap();
    assert_eq!(shown(&store, &w), EVERYTHING, "an organization or a venue owns nothing");

    let visit = visits::get(store.conn(), &w.visit).unwrap();
    assert!(visit.host_organization_deleted && !visit.guest_organization_deleted);
    assert_eq!(visit.host_organization_name.as_deref(), Some("Zanzibar Chamber"), "the name is kept");
    let whole = overview::visit(store.conn(), &w.visit, false).unwrap();
    assert!(whole.engagements[0].venue_deleted);
    assert!(whole.agreements[0].parties[0].organization_deleted);
    assert!(actions::get(store.conn(), &w.of_host).unwrap().organization_deleted);
    assert!(!actions::get(store.conn(), &w.of_visit).unwrap().organization_deleted);
}

#[test]
fn searches_never_match_through_a_deleted_record() {
    let (_dir, mut store, w) = start();
    let mut staff = common::person_input("Salman", "Sheikh");
    staff.organization_id = Some(w.host.clone());
    people::create(&mut store, staff).unwrap();
    let people_named = |store: &Store, text: &str| {
        let q = PersonQuery { list: ListQuery { search: Some(text.into()), ..all(false) }, ..Default::default() };
        people::list(store.conn(), &q).unwrap().total
    };
    let visits_named = |store: &Store, text: &str| {
        let q = VisitQuery { list: ListQuery { search: Some(text.into()), ..all(false) }, ..Default::default() };
        visits::list(store.conn(), &q).unwrap().total
    };
    // Salman and the world's signatory, Denis, are both of the Zanzibar Chamber.
    assert_eq!((people_named(&store, "zanzibar"), people_named(&store, "za")), (2, 2));
    assert_eq!(visits_named(&store, "zanzibar"), 1);
    organizations::delete(&mut store, &w.host).unwrap();
    assert_eq!(people_named(&store, "zanzibar"), 0, "not through a deleted organization's name");
    assert_eq!(people_named(&store, "za"), 0, "nor by the short-word fallback");
    assert_eq!(visits_named(&store, "zanzibar"), 0, "a visit is not found by its deleted host's name");
    assert_eq!(people_named(&store, "sheikh"), 1, "the person is still found by their own name");
}
