mod common;

use attache_core::agreements::lifecycle;
use attache_core::agreements::{self, AgreementInput, AgreementQuery, AgreementStatus, PartyInput};
use attache_core::kernel::error::Reason;
use attache_core::kernel::ids::{AgreementId, OrganizationId, PersonId};
use attache_core::{CoreError, Store};

use AgreementStatus::*;

struct Sides {
    pakistan: OrganizationId,
    russia: OrganizationId,
    mazhar: PersonId,
    khorev: PersonId,
}

fn sides(store: &mut Store) -> Sides {
    let pakistan = common::organization(store, "Sialkot Chamber of Commerce");
    let russia = common::organization(store, "Embassy of Russia");
    let mazhar = common::person_of(store, "Ahtesham", "Mazhar", &pakistan).id;
    let khorev = common::person_of(store, "Albert", "Khorev", &russia).id;
    Sides { pakistan, russia, mazhar, khorev }
}

/// An MoU under negotiation between the two sides, with no date or signatory yet.
fn negotiating(store: &mut Store, s: &Sides) -> AgreementId {
    let input = AgreementInput {
        status: Negotiating,
        signed_on: None,
        effective_on: None,
        expires_on: None,
        parties: vec![
            PartyInput { organization_id: s.pakistan.clone(), signatory_person_id: None },
            PartyInput { organization_id: s.russia.clone(), signatory_person_id: None },
        ],
        ..common::agreement_input("MoU on surgical instruments")
    };
    agreements::create(store, input).unwrap().id
}

fn refusal<T: std::fmt::Debug>(result: attache_core::CoreResult<T>) -> (String, Reason) {
    match result.expect_err("refused") {
        CoreError::Validation { field, reason, .. } => (field, reason),
        other => panic!("not a refusal: {other:?}"),
    }
}

#[test]
fn signing_asks_for_the_date_and_two_signatories_and_coming_into_force_for_the_effective_date() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let id = negotiating(&mut store, &s);

    let steps = lifecycle::steps(store.conn(), &id).unwrap();
    let signing = steps.iter().find(|step| step.to == Signed).expect("signing is a step");
    assert!(matches!(signing.missing[..], [Reason::NeedsSigningDate, Reason::NeedsSignatories { found: 0 }]));
    assert_eq!(refusal(lifecycle::set_status(&mut store, &id, Signed)), ("signedOn".into(), Reason::NeedsSigningDate));

    let mut input = agreements::as_input(&agreements::get(store.conn(), &id).unwrap());
    input.signed_on = Some("2026-01-28".into());
    input.parties[0].signatory_person_id = Some(s.mazhar.clone());
    agreements::update(&mut store, &id, input.clone()).unwrap();
    let (field, reason) = refusal(lifecycle::set_status(&mut store, &id, Signed));
    assert_eq!((field.as_str(), reason), ("parties", Reason::NeedsSignatories { found: 1 }));
    assert_eq!(agreements::get(store.conn(), &id).unwrap().status, Negotiating, "nothing changed");

    input.parties[1].signatory_person_id = Some(s.khorev.clone());
    agreements::update(&mut store, &id, input.clone()).unwrap();
    assert_eq!(lifecycle::set_status(&mut store, &id, Signed).unwrap().status, Signed);
    assert_eq!(refusal(lifecycle::set_status(&mut store, &id, InForce)).1, Reason::NeedsEffectiveDate);
    let in_force = AgreementInput { status: InForce, effective_on: Some("2026-02-01".into()), ..input };
    assert_eq!(agreements::update(&mut store, &id, in_force).unwrap().status, InForce);
}

#[test]
fn an_agreement_moves_one_step_at_a_time_and_a_new_one_is_recorded_as_it_stands() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let id = negotiating(&mut store, &s);
    let (field, reason) = refusal(lifecycle::set_status(&mut store, &id, Expired));
    assert_eq!(field, "status");
    assert_eq!(reason, Reason::AgreementStep { from: "negotiating".into(), to: "expired".into() });
    assert_eq!(lifecycle::set_status(&mut store, &id, Terminated).unwrap().status, Terminated);
    let steps: Vec<AgreementStatus> = lifecycle::steps(store.conn(), &id).unwrap().iter().map(|s| s.to).collect();
    assert_eq!(steps, [Negotiating]);

    // Known only in part, as the sample's MoUs are: signed, date and signatories unknown.
    let recorded = AgreementInput { signed_on: None, ..common::agreement_input("MoUs of the commission") };
    assert_eq!(agreements::create(&mut store, recorded).unwrap().status, Signed);
}

#[test]
fn a_signatory_signs_for_their_own_organization_and_an_expiry_comes_after_the_signing() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let wrong = AgreementInput {
        parties: vec![PartyInput { organization_id: s.pakistan.clone(), signatory_person_id: Some(s.khorev.clone()) }],
        ..common::agreement_input("MoU")
    };
    assert_eq!(refusal(agreements::create(&mut store, wrong)), ("parties".into(), Reason::SignatoryNotOfParty));
    let early = AgreementInput {
        signed_on: Some("2026-01-28".into()),
        effective_on: None,
        expires_on: Some("2026-01-01".into()),
        ..common::agreement_input("MoU")
    };
    assert_eq!(refusal(agreements::create(&mut store, early)), ("expiresOn".into(), Reason::BeforeSigning));
    assert_eq!(agreements::list(store.conn(), &AgreementQuery::default()).unwrap().total, 0, "nothing stored");
}

#[test]
fn a_signatory_on_record_stays_when_they_move_to_another_organization() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let input = AgreementInput {
        parties: vec![PartyInput { organization_id: s.russia.clone(), signatory_person_id: Some(s.khorev.clone()) }],
        ..common::agreement_input("MoU")
    };
    let id = agreements::create(&mut store, input).unwrap().id;
    let moved = attache_core::directory::people::PersonInput {
        organization_id: Some(s.pakistan.clone()),
        ..common::person_input("Albert", "Khorev")
    };
    attache_core::directory::people::update(&mut store, &s.khorev, moved).unwrap();
    let renamed = AgreementInput {
        title: "MoU (renamed)".into(),
        ..agreements::as_input(&agreements::get(store.conn(), &id).unwrap())
    };
    assert_eq!(agreements::update(&mut store, &id, renamed).unwrap().parties[0].signatory_person_id, Some(s.khorev));
}

#[test]
fn the_status_history_is_dated_with_who_and_when() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let id = negotiating(&mut store, &s);
    let mut input = agreements::as_input(&agreements::get(store.conn(), &id).unwrap());
    input.signed_on = Some("2026-01-28".into());
    input.parties[0].signatory_person_id = Some(s.mazhar.clone());
    input.parties[1].signatory_person_id = Some(s.khorev.clone());
    input.summary = Some("Text agreed".into());
    agreements::update(&mut store, &id, input).unwrap();
    lifecycle::set_status(&mut store, &id, Signed).unwrap();

    let history = lifecycle::history(store.conn(), &id).unwrap();
    let statuses: Vec<(AgreementStatus, Option<&str>)> =
        history.iter().map(|c| (c.status, c.dated.as_deref())).collect();
    assert_eq!(
        statuses,
        [(Negotiating, None), (Signed, Some("2026-01-28"))],
        "edits that keep the status are not in it"
    );
    assert!(history.iter().all(|c| !c.actor.is_empty() && !c.recorded_at.is_empty()));
}

#[test]
fn the_register_filters_by_signing_and_expiry_dates_and_by_a_partys_country() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let with = |title: &str, signed: &str, expires: &str| AgreementInput {
        signed_on: Some(signed.into()),
        effective_on: Some(signed.into()),
        expires_on: Some(expires.into()),
        parties: vec![PartyInput { organization_id: s.russia.clone(), signatory_person_id: None }],
        ..common::agreement_input(title)
    };
    agreements::create(&mut store, with("Old", "2020-05-01", "2025-04-30")).unwrap();
    agreements::create(&mut store, with("Recent", "2025-11-20", "2026-03-31")).unwrap();
    agreements::create(&mut store, AgreementInput { parties: vec![], ..with("No party", "2025-12-01", "2030-01-01") })
        .unwrap();
    let titles = |query: AgreementQuery| -> Vec<String> {
        let mut found: Vec<String> =
            agreements::list(store.conn(), &query).unwrap().items.into_iter().map(|a| a.title).collect();
        found.sort();
        found
    };
    let signed_2025 = AgreementQuery {
        signed_from: Some("2025-01-01".into()),
        signed_to: Some("2025-12-31".into()),
        ..AgreementQuery::default()
    };
    assert_eq!(titles(signed_2025), ["No party", "Recent"]);
    let expiring = AgreementQuery {
        expires_from: Some("2026-01-01".into()),
        expires_to: Some("2026-06-30".into()),
        ..AgreementQuery::default()
    };
    assert_eq!(titles(expiring), ["Recent"]);
    // The common organizations are all in Pakistan; the country is matched whatever its case.
    let in_pakistan = AgreementQuery { country: Some("pk".into()), ..AgreementQuery::default() };
    assert_eq!(titles(in_pakistan), ["Old", "Recent"]);
    assert!(titles(AgreementQuery { country: Some("RU".into()), ..AgreementQuery::default() }).is_empty());
}

#[test]
fn the_history_names_the_records_its_changes_refer_to_even_once_deleted() {
    let (_dir, mut store) = common::temp_store();
    let s = sides(&mut store);
    let id = negotiating(&mut store, &s);
    let mut input = agreements::as_input(&agreements::get(store.conn(), &id).unwrap());
    input.parties[1].signatory_person_id = Some(s.khorev.clone());
    agreements::update(&mut store, &id, input).unwrap();
    attache_core::directory::people::delete(&mut store, &s.khorev).unwrap();

    let history = attache_core::kernel::audit::history(
        store.conn(),
        attache_core::kernel::record::RecordKind::Agreement,
        id.as_str(),
    )
    .unwrap();
    let signing = history.last().unwrap();
    assert!(signing.changes.contains("parties"), "{}", signing.changes);
    assert_eq!(signing.names.get(s.khorev.as_str()).map(String::as_str), Some("Albert Khorev"));
    assert_eq!(signing.names.get(s.russia.as_str()).map(String::as_str), Some("Embassy of Russia"));
    assert!(history[0].names.contains_key(s.pakistan.as_str()), "the creation names its parties too");
}

#[test]
fn an_agreement_expires_on_the_day_after_its_expiry_date_even_after_days_closed() {
    let (_dir, mut store) = common::temp_store();
    let ending = |title: &str, status: AgreementStatus| AgreementInput {
        status,
        signed_on: Some("2021-03-01".into()),
        effective_on: Some("2021-03-01".into()),
        expires_on: Some("2026-03-31".into()),
        ..common::agreement_input(title)
    };
    let in_force = agreements::create(&mut store, ending("In force", InForce)).unwrap().id;
    let signed = agreements::create(&mut store, ending("Signed only", Signed)).unwrap().id;
    let ended = agreements::create(&mut store, ending("Terminated", Terminated)).unwrap().id;
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    let status = |store: &Store, id: &AgreementId| agreements::get(store.conn(), id).unwrap().status;

    assert_eq!(lifecycle::expire_lapsed(&mut store, day("2026-03-31")).unwrap(), 0, "still in force on its last day");
    assert_eq!(status(&store, &in_force), InForce);
    // The app was closed from the 30th to 10 April: opening catches up.
    assert_eq!(lifecycle::expire_lapsed(&mut store, day("2026-04-10")).unwrap(), 2);
    assert_eq!((status(&store, &in_force), status(&store, &signed)), (Expired, Expired));
    assert_eq!(status(&store, &ended), Terminated, "a terminated agreement stays so");
    assert_eq!(lifecycle::expire_lapsed(&mut store, day("2026-04-11")).unwrap(), 0, "once");
    let history = lifecycle::history(store.conn(), &in_force).unwrap();
    assert_eq!(history.last().map(|c| (c.status, c.dated.as_deref())), Some((Expired, Some("2026-03-31"))));
}

#[test]
fn a_party_shows_its_signatory_with_their_position() {
    let (_dir, mut store) = common::temp_store();
    let russia = common::organization(&mut store, "Embassy of Russia");
    let input = attache_core::directory::people::PersonInput {
        organization_id: Some(russia.clone()),
        position: Some("Ambassador".into()),
        ..common::person_input("Albert", "Khorev")
    };
    let khorev = attache_core::directory::people::create(&mut store, input).unwrap().id;
    let mou = AgreementInput {
        parties: vec![PartyInput { organization_id: russia, signatory_person_id: Some(khorev) }],
        ..common::agreement_input("MoU on surgical instruments")
    };
    let stored = agreements::create(&mut store, mou).unwrap();
    assert_eq!(stored.parties[0].signatory_position.as_deref(), Some("Ambassador"));
}
