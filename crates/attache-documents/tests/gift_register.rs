//! The gift register of a year, typeset and read back by an independent PDF reader (pypdf).

mod reader;

use attache_core::directory::people::{self, PersonQuery};
use attache_core::kernel::ids::{PersonId, VisitId};
use attache_core::kernel::listing::ListQuery;
use attache_core::registers::gifts::{self, GiftDirection, GiftDisposition, GiftInput};
use attache_core::visits::{self, VisitQuery};
use attache_core::Store;
use attache_documents::{typeset_gift_register, Lang};
use chrono::NaiveDate;
use reader::{compact, pdf_text, sample_store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn person(store: &Store, family: &str) -> PersonId {
    let query =
        PersonQuery { list: ListQuery { search: Some(family.into()), ..Default::default() }, ..Default::default() };
    people::list(store.conn(), &query).unwrap().items.remove(0).id
}

fn sample_visit(store: &Store) -> VisitId {
    let visits = visits::list(store.conn(), &VisitQuery::default()).unwrap().items;
    visits.into_iter().find(|v| v.title.starts_with("Russian Ambassador's visit")).unwrap().id
}

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

/// The sample visit with three gifts: a football given, a vase received and deposited, and a
/// book received with no value.
fn store_with_gifts() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = sample_store();
    let visit = sample_visit(&store);
    let (mazhar, khorev) = (person(&store, "Mazhar"), person(&store, "Khorev"));
    let football = GiftInput {
        value_amount: Some(120.0),
        value_currency: Some("USD".into()),
        notes: Some("<b>#eval(\"1\")</b> $x$ // hand-stitched".into()),
        ..gift(&visit, &mazhar, &khorev, "Hand-stitched football")
    };
    gifts::create(&mut store, football).unwrap();
    let vase = GiftInput {
        direction: GiftDirection::Received,
        value_amount: Some(15_000.0),
        value_currency: Some("RUB".into()),
        disposition: GiftDisposition::Deposited,
        given_on: "2026-01-29".into(),
        ..gift(&visit, &khorev, &mazhar, "Gzhel porcelain vase")
    };
    gifts::create(&mut store, vase).unwrap();
    let book = GiftInput {
        direction: GiftDirection::Received, ..gift(&visit, &khorev, &mazhar, "Книга о Казани")
    };
    gifts::create(&mut store, book).unwrap();
    (dir, store)
}

#[test]
fn the_register_lists_every_gift_of_the_year_with_both_sides_and_the_totals() {
    let (_dir, store) = store_with_gifts();
    let typeset = typeset_gift_register(store.conn(), 2026, Lang::En, today()).unwrap();
    assert_eq!(typeset.page_count(), 1);
    let text = compact(&pdf_text(&typeset.pdf().unwrap()));
    for expected in [
        "Gifts given and received in 2026",
        "Hand-stitched football",
        "Gzhel porcelain vase",
        "Книга о Казани",
        "<b>#eval(\"1\")</b> $x$ // hand-stitched",
        "Syed Ahtesham Mazhar",
        "Albert P. Khorev",
        "Russian Ambassador's visit",
        "USD 120.00",
        "RUB 15,000.00",
        "Deposited",
        "Not decided yet",
        "no value given",
    ] {
        assert!(text.contains(&compact(expected)), "{expected:?} missing from the register");
    }
    // By the day given: the football (28th), then the book (28th, received), then the vase (29th).
    let at = |s: &str| text.find(&compact(s)).unwrap();
    assert!(at("Hand-stitched football") < at("Книга о Казани") && at("Книга о Казани") < at("Gzhel porcelain vase"));
}

#[test]
fn the_register_is_written_in_the_readers_language_and_says_when_a_year_has_none() {
    let (_dir, store) = store_with_gifts();
    let russian =
        compact(&pdf_text(&typeset_gift_register(store.conn(), 2026, Lang::Ru, today()).unwrap().pdf().unwrap()));
    for expected in ["Подарки, врученные и полученные в 2026 году", "15\u{202F}000,00 RUB", "Сдан на хранение"]
    {
        assert!(russian.contains(&compact(expected)), "{expected:?} missing from the Russian register");
    }
    let urdu =
        compact(&pdf_text(&typeset_gift_register(store.conn(), 2026, Lang::Ur, today()).unwrap().pdf().unwrap()));
    for word in ["تحائف", "رجسٹر", "میزان"] {
        assert!(urdu.contains(word), "{word} missing from the Urdu register");
    }
    let none =
        compact(&pdf_text(&typeset_gift_register(store.conn(), 2025, Lang::En, today()).unwrap().pdf().unwrap()));
    assert!(none.contains(&compact("No gifts are recorded for this year.")));
}
