//! The gift register: gifts recorded at a visit, checked, audited, moved by a merge, and added
//! up per year, direction and currency.

mod common;

use attache_core::directory::merge::{self, MergeRequest};
use attache_core::directory::people;
use attache_core::kernel::ids::{PersonId, VisitId};
use attache_core::kernel::record::RecordKind;
use attache_core::registers::gifts::{self, GiftDirection, GiftDisposition, GiftInput, GiftQuery, GiftTotal};
use attache_core::visits::{self, engagements};
use attache_core::Store;
use common::*;

fn gift(visit: &VisitId, giver: &PersonId, receiver: &PersonId, description: &str) -> GiftInput {
    GiftInput {
        visit_id: visit.clone(),
        engagement_id: None,
        direction: GiftDirection::Given,
        description: description.into(),
        given_on: "2026-01-28".into(),
        giver_person_id: Some(giver.clone()),
        giver_organization_id: None,
        receiver_person_id: Some(receiver.clone()),
        receiver_organization_id: None,
        value_amount: None,
        value_currency: None,
        disposition: GiftDisposition::Pending,
        notes: None,
    }
}

struct Scene {
    visit: VisitId,
    host: PersonId,
    guest: PersonId,
}

fn scene(store: &mut Store) -> Scene {
    let visit = visit(store, "Russian trade delegation").id;
    let host = person(store, "Ahtesham", "Mazhar").id;
    let guest = person(store, "Albert", "Khorev").id;
    Scene { visit, host, guest }
}

fn valued(input: GiftInput, amount: f64, currency: &str) -> GiftInput {
    GiftInput { value_amount: Some(amount), value_currency: Some(currency.into()), ..input }
}

fn received(input: GiftInput) -> GiftInput {
    GiftInput { direction: GiftDirection::Received, ..input }
}

#[test]
fn the_register_of_a_year_adds_up_each_direction_in_each_currency() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let given = |d: &str| gift(&s.visit, &s.host, &s.guest, d);
    gifts::create(&mut store, valued(given("Hand-stitched football"), 100.0, "usd")).unwrap();
    gifts::create(&mut store, valued(given("Surgical scissors, engraved"), 50.5, "USD")).unwrap();
    gifts::create(&mut store, valued(given("Embroidered shawl"), 20_000.0, "PKR")).unwrap();
    gifts::create(&mut store, received(valued(given("Gzhel vase"), 300.0, "USD"))).unwrap();
    gifts::create(&mut store, received(given("Book on Kazan"))).unwrap();
    // Not in the register of 2026: another year, a deleted gift, a gift of a deleted visit.
    gifts::create(&mut store, GiftInput { given_on: "2025-12-31".into(), ..valued(given("Old"), 9.0, "USD") }).unwrap();
    let gone = gifts::create(&mut store, valued(given("Deleted"), 7.0, "USD")).unwrap();
    gifts::delete(&mut store, &gone.id).unwrap();
    let other = visit(&mut store, "Deleted visit").id;
    gifts::create(&mut store, valued(gift(&other, &s.host, &s.guest, "Of a deleted visit"), 5.0, "USD")).unwrap();
    visits::delete(&mut store, &other).unwrap();

    let register = gifts::register(store.conn(), 2026).unwrap();
    let names: Vec<&str> = register.gifts.iter().map(|g| g.description.as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(!names.iter().any(|n| ["Old", "Deleted", "Of a deleted visit"].contains(n)));
    let total = |direction, currency: Option<&str>, count, amount| GiftTotal {
        direction,
        currency: currency.map(str::to_owned),
        count,
        amount,
    };
    assert_eq!(
        register.totals,
        vec![
            total(GiftDirection::Given, Some("PKR"), 1, 20_000.0),
            total(GiftDirection::Given, Some("USD"), 2, 150.5),
            total(GiftDirection::Received, Some("USD"), 1, 300.0),
            total(GiftDirection::Received, None, 1, 0.0),
        ]
    );
    assert_eq!(gifts::register(store.conn(), 2025).unwrap().gifts.len(), 1);
    assert!(gifts::register(store.conn(), 2024).unwrap().totals.is_empty());
}

#[test]
fn a_gift_names_both_sides_and_its_value_and_nothing_is_kept_when_it_is_refused() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let base = || gift(&s.visit, &s.host, &s.guest, "Football");
    let other_visit = visit(&mut store, "Another visit").id;
    let elsewhere = engagements::create(
        &mut store,
        engagement_input(&other_visit, "Dinner", "2026-01-28T19:00", "2026-01-28T21:00"),
    )
    .unwrap();
    let deleted = person(&mut store, "Gone", "Person").id;
    people::delete(&mut store, &deleted).unwrap();

    let cases: Vec<(GiftInput, &str)> = vec![
        (GiftInput { description: "  ".into(), ..base() }, "description"),
        (GiftInput { given_on: "28.01.2026".into(), ..base() }, "givenOn"),
        (GiftInput { given_on: String::new(), ..base() }, "givenOn"),
        (GiftInput { giver_person_id: None, ..base() }, "giverPersonId"),
        (GiftInput { receiver_person_id: None, ..base() }, "receiverPersonId"),
        (GiftInput { value_amount: Some(-1.0), value_currency: Some("USD".into()), ..base() }, "valueAmount"),
        (GiftInput { value_amount: Some(f64::NAN), value_currency: Some("USD".into()), ..base() }, "valueAmount"),
        (GiftInput { value_amount: Some(10.0), ..base() }, "valueCurrency"),
        (GiftInput { value_amount: Some(10.0), value_currency: Some("US".into()), ..base() }, "valueCurrency"),
        (GiftInput { engagement_id: Some(elsewhere.id.clone()), ..base() }, "engagementId"),
        (GiftInput { giver_person_id: Some(deleted.clone()), ..base() }, "giverPersonId"),
        (GiftInput { visit_id: VisitId::from("no-such-visit"), ..base() }, "visitId"),
    ];
    for (input, field) in cases {
        assert_eq!(invalid_field(gifts::create(&mut store, input)), field);
    }
    let all = GiftQuery { list: query(50), ..Default::default() };
    assert_eq!(gifts::list(store.conn(), &all).unwrap().total, 0, "nothing half-written");

    // An organization alone may give or receive.
    let chamber = organization(&mut store, "Sialkot Chamber");
    let input = GiftInput { giver_person_id: None, giver_organization_id: Some(chamber.clone()), ..base() };
    let saved = gifts::create(&mut store, input).unwrap();
    assert_eq!(saved.giver_organization_name.as_deref(), Some("Sialkot Chamber"));
    assert_eq!(saved.receiver_person_name.as_deref(), Some("Albert Khorev"));
}

#[test]
fn hostile_text_is_kept_as_written_and_edits_are_audited() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let hostile = "<script>alert(1)</script> #eval(\"x\") $x$ «Подарок» تحفہ \u{202e}";
    let saved = gifts::create(&mut store, gift(&s.visit, &s.host, &s.guest, hostile)).unwrap();
    assert_eq!(saved.description, hostile);
    let mut input = gift(&s.visit, &s.host, &s.guest, hostile);
    input.disposition = GiftDisposition::Deposited;
    input.notes = Some("Deposited with the Toshakhana".into());
    let edited = gifts::update(&mut store, &saved.id, input).unwrap();
    assert_eq!(edited.disposition, GiftDisposition::Deposited);
    gifts::delete(&mut store, &saved.id).unwrap();
    assert_eq!(
        invalid_or_conflict(gifts::update(&mut store, &saved.id, gift(&s.visit, &s.host, &s.guest, "x"))),
        "deleted"
    );
    gifts::restore(&mut store, &saved.id).unwrap();
    assert_eq!(
        audit_operations(&store, RecordKind::Gift, saved.id.as_str()),
        ["create", "update", "delete", "restore"]
    );
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Gift, saved.id.as_str()).unwrap();
    assert!(history[1].changes.contains("\"disposition\":{\"after\":\"deposited\",\"before\":\"pending\"}"));
}

fn invalid_or_conflict<T: std::fmt::Debug>(result: attache_core::CoreResult<T>) -> &'static str {
    match result {
        Err(attache_core::CoreError::Conflict { .. }) => "deleted",
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn merging_two_records_of_a_person_moves_the_gifts_they_gave_and_received() {
    let (_dir, mut store) = temp_store();
    let s = scene(&mut store);
    let twin = person(&mut store, "Albert", "Khorev").id;
    let given = gifts::create(&mut store, gift(&s.visit, &s.host, &twin, "Football")).unwrap();
    let request = MergeRequest { keep: s.guest.to_string(), other: twin.to_string(), take_from_other: vec![] };
    merge::merge_people(&mut store, &request).unwrap();
    let after = gifts::get(store.conn(), &given.id).unwrap();
    assert_eq!(after.receiver_person_id.as_ref(), Some(&s.guest));
    let of_visit = GiftQuery { visit_id: Some(s.visit.clone()), list: query(50), ..Default::default() };
    assert_eq!(gifts::list(store.conn(), &of_visit).unwrap().items.len(), 1);
}

#[test]
fn a_photo_or_receipt_is_attached_to_a_gift() {
    let (dir, mut store) = temp_store();
    let s = scene(&mut store);
    let saved = gifts::create(&mut store, gift(&s.visit, &s.host, &s.guest, "Football")).unwrap();
    let receipt = dir.path().join("receipt.pdf");
    std::fs::write(&receipt, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n").unwrap();
    let attached = attache_core::documents::attach(&mut store, RecordKind::Gift, saved.id.as_str(), &receipt).unwrap();
    assert_eq!(attached.file_name, "receipt.pdf");
    let listed = attache_core::documents::list(store.conn(), RecordKind::Gift, saved.id.as_str()).unwrap();
    assert_eq!(listed.len(), 1);
}
