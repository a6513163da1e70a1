mod common;

use attache_core::directory::people::{self, PersonInput, PersonQuery};
use attache_core::kernel::listing::ListQuery;
use attache_core::kernel::record::RecordKind;
use attache_core::CoreError;

#[test]
fn create_get_update_delete_restore() {
    let (_dir, mut store) = common::temp_store();
    let org = common::organization(&mut store, "Sialkot Chamber of Commerce and Industry");
    let created = people::create(
        &mut store,
        PersonInput {
            honorific: Some("H.E.".into()),
            organization_id: Some(org.clone()),
            email: Some("ambassador@example.org".into()),
            country: Some("ru".into()),
            ..common::person_input("Albert P.", "Khorev")
        },
    )
    .unwrap();
    assert_eq!(created.display_name, "H.E. Albert P. Khorev");
    assert_eq!(created.country.as_deref(), Some("RU"), "country codes are stored upper-case");
    assert_eq!(created.organization_name.as_deref(), Some("Sialkot Chamber of Commerce and Industry"));
    assert_eq!(created.id.as_str().len(), 36);

    let updated = people::update(
        &mut store,
        &created.id,
        PersonInput { position: Some("Ambassador".into()), ..common::person_input("Albert P.", "Khorev") },
    )
    .unwrap();
    assert_eq!(updated.position.as_deref(), Some("Ambassador"));
    assert_eq!(updated.organization_id, None);
    assert!(updated.updated_at >= created.updated_at);

    people::delete(&mut store, &created.id).unwrap();
    let listed = people::list(store.conn(), &PersonQuery::default()).unwrap();
    assert_eq!(listed.total, 0, "deleted people leave the list");
    assert!(people::get(store.conn(), &created.id).unwrap().deleted_at.is_some());
    assert!(matches!(
        people::update(&mut store, &created.id, common::person_input("A", "B")),
        Err(CoreError::Conflict { .. })
    ));

    let restored = people::restore(&mut store, &created.id).unwrap();
    assert!(restored.deleted_at.is_none());
    assert_eq!(people::list(store.conn(), &PersonQuery::default()).unwrap().total, 1);

    assert_eq!(
        common::audit_operations(&store, RecordKind::Person, created.id.as_str()),
        ["create", "update", "delete", "restore"]
    );
}

#[test]
fn the_audit_log_keeps_field_level_before_and_after() {
    let (_dir, mut store) = common::temp_store();
    let person = common::person(&mut store, "Denis", "Nevzorov");
    people::update(
        &mut store,
        &person.id,
        PersonInput { position: Some("Trade Representative".into()), ..common::person_input("Denis", "Nevzorov") },
    )
    .unwrap();
    let history = attache_core::kernel::audit::history(store.conn(), RecordKind::Person, person.id.as_str()).unwrap();
    let changes: serde_json::Value = serde_json::from_str(&history[1].changes).unwrap();
    assert_eq!(changes["position"]["before"], serde_json::Value::Null);
    assert_eq!(changes["position"]["after"], "Trade Representative");
    assert!(changes.get("givenName").is_none(), "unchanged fields are not logged");
    assert!(!history[1].actor.is_empty());
}

#[test]
fn saving_an_unchanged_form_writes_no_audit_entry() {
    let (_dir, mut store) = common::temp_store();
    let person = common::person(&mut store, "Sergey", "Chekalin");
    people::update(&mut store, &person.id, common::person_input("Sergey", "Chekalin")).unwrap();
    assert_eq!(common::audit_operations(&store, RecordKind::Person, person.id.as_str()), ["create"]);
}

#[test]
fn validation_names_the_field() {
    let (_dir, mut store) = common::temp_store();
    let field =
        |store: &mut attache_core::Store, input: PersonInput| common::invalid_field(people::create(store, input));
    assert_eq!(field(&mut store, common::person_input("   ", "Khorev")), "givenName");
    assert_eq!(
        field(&mut store, PersonInput { email: Some("not-an-email".into()), ..common::person_input("A", "B") }),
        "email"
    );
    assert_eq!(field(&mut store, PersonInput { email: Some("a@b".into()), ..common::person_input("A", "B") }), "email");
    assert_eq!(
        field(&mut store, PersonInput { country: Some("Russia".into()), ..common::person_input("A", "B") }),
        "country"
    );
    assert_eq!(
        field(&mut store, PersonInput { country: Some("XX".into()), ..common::person_input("A", "B") }),
        "country"
    );
    assert_eq!(
        field(&mut store, PersonInput { protocol_rank: Some(-1), ..common::person_input("A", "B") }),
        "protocolRank"
    );
    assert_eq!(field(&mut store, common::person_input(&"x".repeat(501), "B")), "givenName");
    assert_eq!(
        field(
            &mut store,
            PersonInput { organization_id: Some("no-such-org".into()), ..common::person_input("A", "B") }
        ),
        "organizationId"
    );
    let count: i64 = store.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 0, "nothing half-written");
}

#[test]
fn a_deleted_organization_cannot_be_referenced() {
    let (_dir, mut store) = common::temp_store();
    let org = common::organization(&mut store, "Regional Rapport");
    attache_core::directory::organizations::delete(&mut store, &org).unwrap();
    let result = people::create(
        &mut store,
        PersonInput { organization_id: Some(org), ..common::person_input("Almas", "Naqvi") },
    );
    assert_eq!(common::invalid_field(result), "organizationId");
}

#[test]
fn hostile_text_is_stored_verbatim() {
    let (_dir, mut store) = common::temp_store();
    let hostile =
        "<script>alert('x')</script> Robert'); DROP TABLE people;-- 𝕬𝖑𝖇𝖊𝖗𝖙 \u{202E}evil\u{202C} Хорев سیالکوٹ";
    let person = people::create(
        &mut store,
        PersonInput { notes: Some(hostile.into()), ..common::person_input(hostile, "Khorev") },
    )
    .unwrap();
    let fetched = people::get(store.conn(), &person.id).unwrap();
    assert_eq!(fetched.given_name, hostile);
    assert_eq!(fetched.notes.as_deref(), Some(hostile));
    let found = people::list(
        store.conn(),
        &PersonQuery {
            list: ListQuery { search: Some("DROP TABLE".into()), ..ListQuery::default() },
            ..PersonQuery::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);
}

#[test]
fn lists_are_paged_sorted_searched_and_filtered_in_sql() {
    let (_dir, mut store) = common::temp_store();
    let scci = common::organization(&mut store, "SCCI");
    for i in 0..23 {
        let org = (i % 2 == 0).then(|| scci.clone());
        people::create(
            &mut store,
            PersonInput { organization_id: org, ..common::person_input("Member", &format!("Name{i:02}")) },
        )
        .unwrap();
    }
    common::person(&mut store, "Anton", "Vereshchagin");
    let page = |q: ListQuery| people::list(store.conn(), &PersonQuery { list: q, ..PersonQuery::default() }).unwrap();

    let first = page(ListQuery { page: 1, page_size: 10, sort: Some("familyName".into()), ..ListQuery::default() });
    assert_eq!((first.total, first.items.len()), (24, 10));
    assert_eq!(first.items[0].family_name.as_deref(), Some("Name00"));
    let third = page(ListQuery { page: 3, page_size: 10, sort: Some("familyName".into()), ..ListQuery::default() });
    assert_eq!(third.items.len(), 4);
    assert_eq!(third.items.last().unwrap().family_name.as_deref(), Some("Vereshchagin"));

    let descending =
        page(ListQuery { page_size: 1, sort: Some("familyName".into()), descending: true, ..ListQuery::default() });
    assert_eq!(descending.items[0].family_name.as_deref(), Some("Vereshchagin"));

    let search = page(ListQuery { search: Some("veresh".into()), ..ListQuery::default() });
    assert_eq!(search.total, 1);
    let literal = page(ListQuery { search: Some("%".into()), ..ListQuery::default() });
    assert_eq!(literal.total, 0, "LIKE wildcards in the search are literal");

    let filtered =
        people::list(store.conn(), &PersonQuery { organization_id: Some(scci), ..PersonQuery::default() }).unwrap();
    assert_eq!(filtered.total, 12);

    // Touch the first by name, so that no other order (creation, last edit) matches the default.
    let name00 = first.items[0].clone();
    people::update(
        &mut store,
        &name00.id,
        PersonInput { organization_id: name00.organization_id.clone(), ..common::person_input("Member", "Name00") },
    )
    .unwrap();
    let page = |q: ListQuery| people::list(store.conn(), &PersonQuery { list: q, ..PersonQuery::default() }).unwrap();
    let unknown_sort = page(ListQuery { sort: Some("1; DROP TABLE people".into()), ..ListQuery::default() });
    let names = |p: &attache_core::kernel::listing::Page<people::Person>| {
        p.items.iter().map(|p| p.family_name.clone().unwrap_or_default()).collect::<Vec<_>>()
    };
    let by_given = page(ListQuery { sort: Some("givenName".into()), ..ListQuery::default() });
    assert_ne!(names(&by_given), names(&first), "the two sorts differ on this data");
    let default = page(ListQuery { page_size: 10, ..ListQuery::default() });
    assert_eq!(names(&default), names(&first), "the default sort is by family name");
    assert_eq!(unknown_sort.total, 24, "an unknown sort is not an error, and the table is still there");
    assert_eq!(names(&unknown_sort)[..10], names(&first)[..], "an unknown sort falls back to the default order");
}

#[test]
fn search_finds_substrings_in_any_script_and_follows_edits() {
    let (_dir, mut store) = common::temp_store();
    let scci = common::organization(&mut store, "Sialkot Chamber of Commerce and Industry");
    let khorev = people::create(
        &mut store,
        PersonInput {
            native_name: Some("Альберт Хорев".into()), ..common::person_input("Albert", "Khorev")
        },
    )
    .unwrap();
    people::create(&mut store, PersonInput { organization_id: Some(scci), ..common::person_input("Salman", "Sheikh") })
        .unwrap();
    people::create(
        &mut store,
        PersonInput { email: Some("o.li@example.org".into()), ..common::person_input("Li", "Wu") },
    )
    .unwrap();
    let search = |store: &attache_core::Store, text: &str| -> Vec<String> {
        let q = PersonQuery {
            list: ListQuery { search: Some(text.into()), ..ListQuery::default() },
            ..PersonQuery::default()
        };
        people::list(store.conn(), &q).unwrap().items.into_iter().map(|p| p.given_name).collect()
    };
    assert_eq!(search(&store, "HOREV"), ["Albert"], "case-insensitive substring");
    assert_eq!(search(&store, "Хор"), ["Albert"], "native script");
    assert_eq!(search(&store, "chamber"), ["Salman"], "through the organization's name");
    assert_eq!(search(&store, "Wu"), ["Li"], "two letters fall back to a plain scan");
    assert_eq!(search(&store, "albert khorev"), ["Albert"], "every word must match");
    assert!(search(&store, "\"unbalanced OR NEAR(").is_empty(), "FTS syntax in the search is taken literally");

    people::update(&mut store, &khorev.id, common::person_input("Alberto", "Jorge")).unwrap();
    assert!(search(&store, "khorev").is_empty(), "the index follows an edit");
    assert_eq!(search(&store, "jorge"), ["Alberto"]);
}

#[test]
fn a_refused_input_says_why_in_words_the_ui_can_translate() {
    use attache_core::kernel::error::Reason;
    let (_dir, mut store) = common::temp_store();
    let reason = |result: attache_core::CoreResult<people::Person>| match result {
        Err(CoreError::Validation { field, reason, .. }) => (field, reason),
        other => panic!("expected a validation error, got {other:?}"),
    };
    assert_eq!(
        reason(people::create(&mut store, common::person_input(" ", "Khorev"))),
        ("givenName".into(), Reason::Required)
    );
    assert_eq!(
        reason(people::create(&mut store, common::person_input(&"Я".repeat(501), "Khorev"))),
        ("givenName".into(), Reason::TooLong { max: 500 })
    );
    assert_eq!(
        reason(people::create(
            &mut store,
            PersonInput { email: Some("khorev at mid.ru".into()), ..common::person_input("Albert", "Khorev") }
        )),
        ("email".into(), Reason::NotAnEmail { value: "khorev at mid.ru".into() })
    );
}
