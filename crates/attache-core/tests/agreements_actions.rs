mod common;

use attache_core::actions::{self, ActionInput, ActionQuery, ActionStatus, Priority};
use attache_core::agreements::{self, AgreementInput, AgreementQuery, AgreementStatus, PartyInput};
use attache_core::directory::sectors;
use attache_core::kernel::record::RecordKind;

fn overdue_count(store: &attache_core::Store) -> u32 {
    actions::list(store.conn(), &ActionQuery { overdue_only: true, ..ActionQuery::default() }).unwrap().total
}

#[test]
fn agreements_keep_parties_signatories_and_sectors() {
    let (_dir, mut store) = common::temp_store();
    let pakistan = common::organization(&mut store, "Government of Pakistan");
    let russia = common::organization(&mut store, "Government of the Russian Federation");
    let signatory = common::person_of(&mut store, "Albert", "Khorev", &russia);
    let energy = sectors::by_code(store.conn(), "energy").unwrap();
    let created = agreements::create(
        &mut store,
        AgreementInput {
            sector_ids: vec![energy.clone()],
            parties: vec![
                PartyInput { organization_id: pakistan.clone(), signatory_person_id: None },
                PartyInput { organization_id: russia, signatory_person_id: Some(signatory.id) },
            ],
            value_amount: Some(1_000_000.0),
            value_currency: Some("usd".into()),
            ..common::agreement_input("MoU on energy cooperation")
        },
    )
    .unwrap();
    assert_eq!(created.parties.len(), 2);
    assert_eq!(created.parties[1].signatory_name.as_deref(), Some("Albert Khorev"));
    assert_eq!(created.sectors[0].code, "energy");
    assert_eq!(created.value_currency.as_deref(), Some("USD"));

    let by_sector =
        agreements::list(store.conn(), &AgreementQuery { sector_id: Some(energy), ..AgreementQuery::default() })
            .unwrap();
    assert_eq!(by_sector.total, 1);
    let by_party = agreements::list(
        store.conn(),
        &AgreementQuery { organization_id: Some(pakistan), ..AgreementQuery::default() },
    )
    .unwrap();
    assert_eq!(by_party.total, 1);

    let updated = agreements::update(
        &mut store,
        &created.id,
        AgreementInput { status: AgreementStatus::Signed, ..common::agreement_input("MoU on energy cooperation") },
    )
    .unwrap();
    assert!(updated.parties.is_empty() && updated.sectors.is_empty());
    agreements::delete(&mut store, &created.id).unwrap();
    assert!(agreements::get(store.conn(), &created.id).unwrap().deleted_at.is_some());
    assert!(agreements::restore(&mut store, &created.id).unwrap().deleted_at.is_none());
    assert_eq!(
        common::audit_operations(&store, RecordKind::Agreement, created.id.as_str()),
        ["create", "update", "delete", "restore"]
    );
}

#[test]
fn agreement_validation() {
    let (_dir, mut store) = common::temp_store();
    let field = |store: &mut attache_core::Store, input: AgreementInput| {
        common::invalid_field(agreements::create(store, input))
    };
    assert_eq!(field(&mut store, common::agreement_input("")), "title");
    assert_eq!(
        field(&mut store, AgreementInput { expires_on: Some("2020-01-01".into()), ..common::agreement_input("x") }),
        "expiresOn"
    );
    assert_eq!(
        field(&mut store, AgreementInput { signed_on: Some("20 Nov".into()), ..common::agreement_input("x") }),
        "signedOn"
    );
    assert_eq!(
        field(&mut store, AgreementInput { value_currency: Some("dollars".into()), ..common::agreement_input("x") }),
        "valueCurrency"
    );
    assert_eq!(
        field(&mut store, AgreementInput { value_amount: Some(-5.0), ..common::agreement_input("x") }),
        "valueAmount"
    );
    assert_eq!(
        field(&mut store, AgreementInput { renewal_notice_days: Some(-1), ..common::agreement_input("x") }),
        "renewalNoticeDays"
    );
    assert_eq!(
        field(
            &mut store,
            AgreementInput {
                parties: vec![PartyInput { organization_id: "gone".into(), signatory_person_id: None }],
                ..common::agreement_input("x")
            }
        ),
        "parties"
    );
    assert_eq!(
        field(&mut store, AgreementInput { sector_ids: vec!["nope".into()], ..common::agreement_input("x") }),
        "sectorIds"
    );
}

#[test]
fn actions_track_completion_and_overdue() {
    let (_dir, mut store) = common::temp_store();
    let owner = common::person(&mut store, "Salman", "Sheikh");
    let overdue = actions::create(
        &mut store,
        ActionInput {
            due_on: Some("2020-01-01".into()),
            owner_person_id: Some(owner.id.clone()),
            ..common::action_input("Send minutes")
        },
    )
    .unwrap();
    let future = actions::create(
        &mut store,
        ActionInput {
            due_on: Some("2999-01-01".into()),
            priority: Priority::Urgent,
            ..common::action_input("Plan delegation")
        },
    )
    .unwrap();
    assert!(overdue.overdue && !future.overdue);
    assert_eq!(overdue.owner_name.as_deref(), Some("Salman Sheikh"));
    assert_eq!(overdue_count(&store), 1);

    let only_overdue =
        actions::list(store.conn(), &ActionQuery { overdue_only: true, ..ActionQuery::default() }).unwrap();
    assert_eq!(only_overdue.items.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), vec![overdue.id.clone()]);
    let by_priority = actions::list(
        store.conn(),
        &ActionQuery {
            list: attache_core::kernel::listing::ListQuery { sort: Some("priority".into()), ..Default::default() },
            ..ActionQuery::default()
        },
    )
    .unwrap();
    assert_eq!(by_priority.items[0].id, future.id);

    let done = actions::update(
        &mut store,
        &overdue.id,
        ActionInput {
            status: ActionStatus::Done,
            due_on: Some("2020-01-01".into()),
            ..common::action_input("Send minutes")
        },
    )
    .unwrap();
    assert!(done.completed_at.is_some() && !done.overdue);
    assert_eq!(overdue_count(&store), 0);
    let reopened = actions::update(&mut store, &overdue.id, common::action_input("Send minutes")).unwrap();
    assert!(reopened.completed_at.is_none());
    let pending = actions::list(store.conn(), &ActionQuery { pending_only: true, ..ActionQuery::default() }).unwrap();
    assert_eq!(pending.total, 2);
}

#[test]
fn action_validation() {
    let (_dir, mut store) = common::temp_store();
    let field =
        |store: &mut attache_core::Store, input: ActionInput| common::invalid_field(actions::create(store, input));
    assert_eq!(field(&mut store, common::action_input(" ")), "title");
    assert_eq!(
        field(&mut store, ActionInput { due_on: Some("next week".into()), ..common::action_input("x") }),
        "dueOn"
    );
    assert_eq!(
        field(&mut store, ActionInput { owner_person_id: Some("ghost".into()), ..common::action_input("x") }),
        "ownerPersonId"
    );
    assert_eq!(
        field(&mut store, ActionInput { visit_id: Some("ghost".into()), ..common::action_input("x") }),
        "visitId"
    );
    assert_eq!(
        field(&mut store, ActionInput { agreement_id: Some("ghost".into()), ..common::action_input("x") }),
        "agreementId"
    );
}
