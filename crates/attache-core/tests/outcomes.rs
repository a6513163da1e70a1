//! Outcomes of a mission and the KPIs over a hand-computed set of visits: every figure below
//! is counted by hand from the records this file makes.

mod common;

use attache_core::actions;
use attache_core::agreements::{self, AgreementKind, AgreementStatus};
use attache_core::directory::organizations::{self, OrganizationKind};
use attache_core::kernel::ids::{OrganizationId, VisitId};
use attache_core::kernel::record::RecordKind;
use attache_core::outcomes::kpis::{self, KpiFilter, YearTotal};
use attache_core::outcomes::{self, OutcomeInput, OutcomeKind, OutcomeQuery, OutcomeStatus, YearValue};
use attache_core::visits::engagements::{self, EngagementKind};
use attache_core::visits::participants;
use attache_core::visits::{self, VisitStatus};
use attache_core::Store;
use common::*;

fn company(store: &mut Store, name: &str) -> OrganizationId {
    let id = organization(store, name);
    let mut input = organizations::input_of(&organizations::get(store.conn(), &id).unwrap());
    input.kind = OrganizationKind::Company;
    organizations::update(store, &id, input).unwrap();
    id
}

fn visit_on(store: &mut Store, title: &str, start: &str, end: &str) -> VisitId {
    let input = visits::VisitInput { start_date: start.into(), end_date: end.into(), ..visit_input(title) };
    visits::create(store, input).unwrap().id
}

fn outcome(visit: &VisitId, title: &str, kind: OutcomeKind, status: OutcomeStatus) -> OutcomeInput {
    OutcomeInput {
        visit_id: visit.clone(),
        action_id: None,
        kind,
        title: title.into(),
        status,
        organization_id: None,
        partner_organization_id: None,
        person_id: None,
        sector_id: None,
        currency: None,
        values: vec![],
        help_percent: None,
        reported_on: "2026-06-01".into(),
        notes: None,
    }
}

fn valued(input: OutcomeInput, currency: &str, values: &[(i32, f64)]) -> OutcomeInput {
    let values = values.iter().map(|(year, amount)| YearValue { year: *year, amount: *amount }).collect();
    OutcomeInput { currency: Some(currency.into()), values, ..input }
}

fn take_part(store: &mut Store, visit: &VisitId, organization: &OrganizationId, name: &str) {
    let person = person_of(store, name, "Delegate", organization).id;
    participants::create(store, participant_input(visit, &person)).unwrap();
}

fn meeting(store: &mut Store, visit: &VisitId, day: &str, kind: EngagementKind) {
    let mut input = engagement_input(visit, "Meeting", &format!("{day}T10:00"), &format!("{day}T11:00"));
    input.kind = kind;
    engagements::create(store, input).unwrap();
}

fn signed(store: &mut Store, visit: &VisitId, kind: AgreementKind, status: AgreementStatus) {
    let mut input = agreement_input("Agreement");
    input.kind = kind;
    input.status = status;
    input.signed_visit_id = Some(visit.clone());
    agreements::create(store, input).unwrap();
}

/// An action of the visit, done on `done` (a day) or still open.
fn action(store: &mut Store, visit: &VisitId, done: Option<&str>, dropped: bool) {
    let input = actions::ActionInput { visit_id: Some(visit.clone()), ..action_input("Follow up") };
    let id = actions::create(store, input).unwrap().id;
    let (status, at) = match (done, dropped) {
        (_, true) => ("dropped", None),
        (Some(day), _) => ("done", Some(format!("{day}T09:00:00.000Z"))),
        (None, _) => ("open", None),
    };
    store
        .write(|w| {
            w.execute(
                "UPDATE actions SET status = ?2, completed_at = ?3 WHERE id = ?1",
                rusqlite::params![id, status, at],
            )?;
            Ok(())
        })
        .unwrap();
}

struct Scene {
    a: VisitId,
    b: VisitId,
    co1: OrganizationId,
}

/// Visits A (1–3 March 2026) and B (10–11 May 2026) in the period; C (December 2025) before it,
/// D cancelled and E deleted within it, each with something that must not be counted.
fn scene(store: &mut Store) -> Scene {
    let (co1, co2) = (company(store, "Sialkot Surgical Co."), company(store, "Forward Sports"));
    let chamber = organization(store, "Sialkot Chamber");
    let a = visit_on(store, "A", "2026-03-01", "2026-03-03");
    let b = visit_on(store, "B", "2026-05-10", "2026-05-11");
    let c = visit_on(store, "C", "2025-12-01", "2025-12-02");
    let d = visit_on(store, "D", "2026-04-01", "2026-04-02");
    let e = visit_on(store, "E", "2026-04-10", "2026-04-11");
    take_part(store, &a, &co1, "Asif");
    take_part(store, &a, &co2, "Bilal");
    take_part(store, &a, &chamber, "Chamber");
    take_part(store, &b, &co1, "Danish");
    take_part(store, &c, &co2, "Old");
    meeting(store, &a, "2026-03-01", EngagementKind::Meeting);
    meeting(store, &a, "2026-03-02", EngagementKind::Meeting);
    meeting(store, &a, "2026-03-02", EngagementKind::Meal);
    meeting(store, &b, "2026-05-10", EngagementKind::Meeting);
    meeting(store, &c, "2025-12-01", EngagementKind::Meeting);
    signed(store, &a, AgreementKind::Mou, AgreementStatus::Signed);
    signed(store, &a, AgreementKind::Mou, AgreementStatus::Draft);
    signed(store, &b, AgreementKind::Loi, AgreementStatus::InForce);
    signed(store, &c, AgreementKind::Mou, AgreementStatus::Signed);
    let deal = outcome(&a, "Scalpels for Kazan", OutcomeKind::Deal, OutcomeStatus::Confirmed);
    outcomes::create(store, valued(deal, "USD", &[(2026, 100_000.0), (2027, 50_000.0)])).unwrap();
    let jv = outcome(&a, "Joint venture", OutcomeKind::JointVenture, OutcomeStatus::Agreed);
    outcomes::create(store, valued(jv, "USD", &[(2026, 20_000.0)])).unwrap();
    outcomes::create(store, outcome(&b, "Letter of intent", OutcomeKind::LetterOfIntent, OutcomeStatus::Prospect))
        .unwrap();
    let pkr = outcome(&b, "Footballs", OutcomeKind::Deal, OutcomeStatus::Prospect);
    outcomes::create(store, valued(pkr, "PKR", &[(2026, 1_000_000.0)])).unwrap();
    let old = outcome(&c, "Old deal", OutcomeKind::Deal, OutcomeStatus::Confirmed);
    outcomes::create(store, valued(old, "USD", &[(2026, 999.0)])).unwrap();
    for gone in [&d, &e] {
        meeting(store, gone, "2026-04-01", EngagementKind::Meeting);
        outcomes::create(
            store,
            valued(outcome(gone, "Not counted", OutcomeKind::Deal, OutcomeStatus::Confirmed), "USD", &[(2026, 7.0)]),
        )
        .unwrap();
        action(store, gone, Some("2026-04-05"), false);
    }
    let mut cancelled = visit_input("D");
    (cancelled.start_date, cancelled.end_date, cancelled.status) =
        ("2026-04-01".into(), "2026-04-02".into(), VisitStatus::Cancelled);
    visits::update(store, &d, cancelled).unwrap();
    visits::delete(store, &e).unwrap();
    // A ends on 3 March: 30 days run to 2 April, 90 to 1 June. B ends on 11 May.
    action(store, &a, Some("2026-03-20"), false);
    action(store, &a, Some("2026-05-15"), false);
    action(store, &a, None, false);
    action(store, &a, Some("2026-03-05"), true);
    action(store, &b, Some("2026-09-30"), false);
    action(store, &c, Some("2025-12-03"), false);
    Scene { a, b, co1 }
}

fn year(from: &str, to: &str) -> KpiFilter {
    KpiFilter { from: Some(from.into()), to: Some(to.into()), ..Default::default() }
}

#[test]
fn the_kpis_of_a_period_are_the_figures_counted_by_hand() {
    let (_dir, mut store) = temp_store();
    scene(&mut store);
    let k = kpis::compute(store.conn(), &year("2026-01-01", "2026-12-31")).unwrap();
    assert_eq!(k.visits, 2, "A and B; not C (2025), D (cancelled), E (deleted)");
    assert_eq!((k.meetings, k.companies), (3, 2));
    assert_eq!(k.meetings_per_company, Some(1.5));
    assert_eq!((k.mous_signed, k.agreements_signed), (1, 2), "the draft MoU is not signed");
    assert_eq!(k.letters_of_intent, 2, "one signed as an agreement, one recorded as an outcome");
    assert_eq!((k.outcomes, k.outcomes_confirmed, k.deals, k.joint_ventures), (4, 1, 2, 1));
    let total =
        |year, currency: &str, reported, confirmed| YearTotal { year, currency: currency.into(), reported, confirmed };
    assert_eq!(
        k.value_by_year,
        vec![
            total(2026, "PKR", 1_000_000.0, 0.0),
            total(2026, "USD", 120_000.0, 100_000.0),
            total(2027, "USD", 50_000.0, 50_000.0)
        ]
    );
    assert_eq!(
        (k.actions, k.closed_within_30_days, k.closed_within_90_days),
        (4, 1, 2),
        "the dropped one is not counted"
    );
    assert_eq!((k.share_closed_30, k.share_closed_90), (Some(0.25), Some(0.5)));
}

#[test]
fn kpis_narrow_to_a_visit_an_organization_a_country_or_a_sector() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let one = kpis::compute(store.conn(), &KpiFilter { visit_id: Some(s.b.clone()), ..Default::default() }).unwrap();
    assert_eq!((one.visits, one.meetings, one.outcomes, one.actions, one.closed_within_90_days), (1, 1, 2, 1, 0));
    let with_co1 = KpiFilter { organization_id: Some(s.co1.clone()), ..year("2026-01-01", "2026-12-31") };
    assert_eq!(kpis::compute(store.conn(), &with_co1).unwrap().visits, 2);
    let abroad = KpiFilter { country: Some("ru".into()), ..year("2026-01-01", "2026-12-31") };
    assert_eq!(kpis::compute(store.conn(), &abroad).unwrap().visits, 0, "every visit here is in Pakistan");
    let home = KpiFilter { country: Some("pk".into()), ..year("2026-01-01", "2026-12-31") };
    assert_eq!(kpis::compute(store.conn(), &home).unwrap().visits, 2);
    let textiles = attache_core::directory::sectors::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|s| s.code == "textiles")
        .unwrap();
    let by_sector = KpiFilter { sector_id: Some(textiles.id.clone()), ..Default::default() };
    assert_eq!(kpis::compute(store.conn(), &by_sector).unwrap().visits, 0, "nobody works in textiles yet");
    let mut input = organizations::input_of(&organizations::get(store.conn(), &s.co1).unwrap());
    input.sector_ids = vec![textiles.id];
    organizations::update(&mut store, &s.co1, input).unwrap();
    assert_eq!(kpis::compute(store.conn(), &by_sector).unwrap().visits, 2, "A and B, where its delegate took part");
    let empty = kpis::compute(store.conn(), &year("2030-01-01", "2030-12-31")).unwrap();
    assert_eq!((empty.visits, empty.meetings_per_company, empty.share_closed_30), (0, None, None));
    assert_eq!(invalid_field(kpis::compute(store.conn(), &year("2026-13-01", "2026-12-31"))), "from");
}

#[test]
fn an_outcome_is_checked_audited_and_raised_from_an_action() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let base = || outcome(&s.a, "Deal", OutcomeKind::Deal, OutcomeStatus::Agreed);
    let cases: Vec<(OutcomeInput, &str)> = vec![
        (OutcomeInput { title: " ".into(), ..base() }, "title"),
        (OutcomeInput { reported_on: "June".into(), ..base() }, "reportedOn"),
        (valued(base(), "USD", &[(2026, -5.0)]), "values"),
        (valued(base(), "USD", &[(2026, 5.0), (2026, 6.0)]), "values"),
        (valued(base(), "USD", &[(1200, 5.0)]), "values"),
        (OutcomeInput { values: vec![YearValue { year: 2026, amount: 1.0 }], ..base() }, "currency"),
        (valued(base(), "dollars", &[(2026, 5.0)]), "currency"),
        (OutcomeInput { help_percent: Some(120), ..base() }, "helpPercent"),
        (OutcomeInput { visit_id: VisitId::from("nope"), ..base() }, "visitId"),
    ];
    let before = outcomes::list(store.conn(), &OutcomeQuery { list: query(100), ..Default::default() }).unwrap().total;
    for (input, field) in cases {
        assert_eq!(invalid_field(outcomes::create(&mut store, input)), field);
    }
    assert_eq!(
        outcomes::list(store.conn(), &OutcomeQuery { list: query(100), ..Default::default() }).unwrap().total,
        before
    );

    // Raised from an action of visit B: its title and visit carry over; it counts for B.
    let follow_up = actions::create(
        &mut store,
        actions::ActionInput {
            visit_id: Some(s.b.clone()),
            organization_id: Some(s.co1.clone()),
            ..action_input("Ship samples <b>now</b>")
        },
    )
    .unwrap();
    let draft = outcomes::draft_from_action(store.conn(), &follow_up.id, "2026-07-01").unwrap();
    assert_eq!(
        (draft.visit_id.clone(), draft.title.clone(), draft.organization_id.clone()),
        (s.b.clone(), "Ship samples <b>now</b>".into(), Some(s.co1.clone()))
    );
    let raised = outcomes::create(&mut store, valued(draft, "usd", &[(2027, 10.0), (2026, 5.0)])).unwrap();
    assert_eq!(raised.values, vec![YearValue { year: 2026, amount: 5.0 }, YearValue { year: 2027, amount: 10.0 }]);
    assert_eq!((raised.currency.as_deref(), raised.total), (Some("USD"), 15.0));
    assert_eq!(raised.action_title.as_deref(), Some("Ship samples <b>now</b>"));
    // An action of another visit cannot be the source.
    let mut elsewhere = outcomes::draft_from_action(store.conn(), &follow_up.id, "2026-07-01").unwrap();
    elsewhere.visit_id = s.a.clone();
    assert_eq!(invalid_field(outcomes::create(&mut store, elsewhere)), "actionId");
    let lone = actions::create(&mut store, action_input("No visit")).unwrap();
    assert_eq!(invalid_field(outcomes::draft_from_action(store.conn(), &lone.id, "2026-07-01")), "actionId");

    let mut input =
        valued(outcome(&s.b, "Ship samples", OutcomeKind::Deal, OutcomeStatus::Confirmed), "USD", &[(2026, 5.0)]);
    input.action_id = Some(follow_up.id.clone());
    outcomes::update(&mut store, &raised.id, input).unwrap();
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Outcome, raised.id.as_str()).unwrap();
    let change = &history.last().unwrap().changes;
    assert!(change.contains("\"status\"") && change.contains("valuesByYear"), "{change}");
    outcomes::delete(&mut store, &raised.id).unwrap();
    let of_b = OutcomeQuery { visit_id: Some(s.b.clone()), list: query(50), ..Default::default() };
    assert_eq!(outcomes::list(store.conn(), &of_b).unwrap().total, 2);
}
