//! Names are found in any of their spellings: in Latin or their own script, with or without
//! diacritics, by their transliteration (Хорев ⇄ Khorev, محمد ⇄ Muhammad), also in part.

mod common;

use attache_core::directory::organizations::{self, OrganizationInput, OrganizationKind, OrganizationQuery};
use attache_core::directory::people::{self, PersonInput, PersonQuery};
use attache_core::kernel::ids::PersonId;
use attache_core::kernel::listing::ListQuery;
use attache_core::store::Store;

fn search(store: &Store, text: &str) -> Vec<PersonId> {
    let query =
        PersonQuery { list: ListQuery { search: Some(text.into()), ..common::query(50) }, ..Default::default() };
    people::list(store.conn(), &query).unwrap().items.into_iter().map(|p| p.id).collect()
}

fn person(store: &mut Store, given: &str, family: &str, native: Option<&str>) -> PersonId {
    let input = PersonInput { native_name: native.map(Into::into), ..common::person_input(given, family) };
    people::create(store, input).unwrap().id
}

#[test]
fn a_russian_name_is_found_in_cyrillic_and_in_latin() {
    let (_dir, mut store) = common::temp_store();
    let khorev = person(&mut store, "Albert P.", "Khorev", Some("Альберт Хорев"));
    person(&mut store, "Denis", "Nevzorov", Some("Денис Невзоров"));
    for query in ["Khorev", "khorev", "Хорев", "хорев", "Horev", "Хор", "Альберт Khorev", "KHOREV"]
    {
        assert_eq!(search(&store, query), vec![khorev.clone()], "{query}");
    }
}

#[test]
fn a_name_stored_only_in_latin_is_found_by_its_cyrillic_spelling() {
    let (_dir, mut store) = common::temp_store();
    let nakov = person(&mut store, "Yuri", "Nakovsky", None);
    assert_eq!(search(&store, "Наков"), vec![nakov.clone()], "partial Cyrillic");
    assert_eq!(search(&store, "Юрий"), vec![nakov], "whole Cyrillic word, й and ю spelt differently");
}

#[test]
fn common_urdu_names_meet_their_latin_spellings_both_ways() {
    let (_dir, mut store) = common::temp_store();
    let arshad = person(&mut store, "Muhammad Murad", "Arshad", None);
    let mazhar = person(&mut store, "Syed Ahtesham", "Mazhar", Some("سید احتشام مظہر"));
    assert_eq!(search(&store, "محمد"), vec![arshad.clone()], "Urdu query, Latin name");
    assert_eq!(search(&store, "Mohammed"), vec![arshad], "a spelling variant");
    assert_eq!(search(&store, "مظہر"), vec![mazhar.clone()], "Urdu query, Urdu name");
    assert_eq!(search(&store, "Ehtesham"), vec![mazhar], "Latin variant, Urdu name");
}

#[test]
fn other_urdu_words_are_matched_by_their_consonants() {
    let (_dir, mut store) = common::temp_store();
    let gujranwala = person(&mut store, "Khurshid", "Gujranwala", None);
    assert_eq!(search(&store, "گوجرانوالہ"), vec![gujranwala.clone()]);
    assert_eq!(search(&store, "خورشید"), vec![gujranwala]);
}

#[test]
fn diacritics_and_case_are_ignored() {
    let (_dir, mut store) = common::temp_store();
    let nunez = person(&mut store, "José", "Núñez", None);
    let muller = person(&mut store, "Jürgen", "Müller", None);
    assert_eq!(search(&store, "nunez"), vec![nunez]);
    assert_eq!(search(&store, "MULLER"), vec![muller.clone()]);
    assert_eq!(search(&store, "jurgen"), vec![muller]);
}

#[test]
fn an_edited_name_is_found_by_its_new_spelling_only() {
    let (_dir, mut store) = common::temp_store();
    let id = person(&mut store, "Sergey", "Chekalin", Some("Сергей Чекалин"));
    let mut input = PersonInput {
        native_name: Some("Антон Верещагин".into()),
        ..common::person_input("Anton", "Vereshchagin")
    };
    input.honorific = None;
    people::update(&mut store, &id, input).unwrap();
    assert_eq!(search(&store, "Чекалин"), Vec::<PersonId>::new());
    assert_eq!(search(&store, "Верещагин"), vec![id.clone()]);
    assert_eq!(search(&store, "Vereshchagin"), vec![id]);
}

#[test]
fn an_organization_is_found_by_its_name_in_the_original_language_and_finds_its_people() {
    let (_dir, mut store) = common::temp_store();
    let input = OrganizationInput {
        name: "Embassy of the Russian Federation".into(),
        short_name: None,
        native_name: Some("Посольство Российской Федерации".into()),
        kind: OrganizationKind::Embassy,
        country: Some("RU".into()),
        city: None,
        website: None,
        sector_ids: vec![],
        notes: None,
    };
    let embassy = organizations::create(&mut store, input).unwrap();
    assert_eq!(embassy.native_name.as_deref(), Some("Посольство Российской Федерации"));
    let find = |store: &Store, text: &str| {
        let query = OrganizationQuery {
            list: ListQuery { search: Some(text.into()), ..common::query(50) },
            ..Default::default()
        };
        organizations::list(store.conn(), &query).unwrap().items.into_iter().map(|o| o.id).collect::<Vec<_>>()
    };
    assert_eq!(find(&store, "Посольство"), vec![embassy.id.clone()]);
    assert_eq!(find(&store, "Posolstvo"), vec![embassy.id.clone()], "the original name in Latin letters");

    let member = people::create(
        &mut store,
        PersonInput { organization_id: Some(embassy.id.clone()), ..common::person_input("Anton", "Vereshchagin") },
    )
    .unwrap();
    assert_eq!(search(&store, "Посольство"), vec![member.id.clone()], "a person by their organization's native name");
    organizations::delete(&mut store, &embassy.id).unwrap();
    assert_eq!(search(&store, "Посольство"), Vec::<PersonId>::new(), "never through a deleted organization");
}

#[test]
fn hostile_search_text_is_only_ever_text() {
    let (_dir, mut store) = common::temp_store();
    person(&mut store, "Albert", "Khorev", Some("Альберт Хорев"));
    for query in
        ["\"", "latin : \"x\"", "Khorev OR", "* NEAR(", "skeleton:", "'; DROP TABLE people; --", "\u{202e}Хорев"]
    {
        assert!(
            people::list(
                store.conn(),
                &PersonQuery {
                    list: ListQuery { search: Some(query.into()), ..common::query(50) },
                    ..Default::default()
                }
            )
            .is_ok(),
            "{query}"
        );
    }
}

#[test]
fn a_person_referred_to_elsewhere_brings_their_name_in_their_own_script() {
    use attache_core::actions;
    use attache_core::visits::engagements;
    let (_dir, mut store) = common::temp_store();
    let khorev = person(&mut store, "Albert", "Khorev", Some("Альберт Хорев"));
    let action = actions::create(
        &mut store,
        actions::ActionInput {
            owner_person_id: Some(khorev.clone()),
            person_id: Some(khorev.clone()),
            ..common::action_input("Send the minutes")
        },
    )
    .unwrap();
    assert_eq!(action.owner_native_name.as_deref(), Some("Альберт Хорев"));
    assert_eq!(action.person_native_name.as_deref(), Some("Альберт Хорев"));
    let visit = common::visit(&mut store, "Sialkot");
    let engagement = engagements::create(
        &mut store,
        engagements::EngagementInput {
            responsible_person_id: Some(khorev),
            ..common::engagement_input(&visit.id, "Meeting", "2026-01-28T10:00", "2026-01-28T11:00")
        },
    )
    .unwrap();
    assert_eq!(engagement.responsible_person_native_name.as_deref(), Some("Альберт Хорев"));
}
