mod common;

use attache_core::directory::organizations::{self, OrganizationInput, OrganizationKind, OrganizationQuery};
use attache_core::directory::sectors;
use attache_core::kernel::record::RecordKind;
use attache_core::visits::venues::{self, VenueInput, VenueQuery};

fn input(name: &str) -> OrganizationInput {
    OrganizationInput {
        name: name.into(),
        short_name: None,
        native_name: None,
        kind: OrganizationKind::Embassy,
        country: Some("RU".into()),
        city: None,
        website: None,
        sector_ids: vec![],
        notes: None,
    }
}

#[test]
fn organizations_crud_with_sectors() {
    let (_dir, mut store) = common::temp_store();
    let leather = sectors::by_code(store.conn(), "leather").unwrap();
    let org = organizations::create(
        &mut store,
        OrganizationInput { sector_ids: vec![leather.clone()], kind: OrganizationKind::Chamber, ..input("SCCI") },
    )
    .unwrap();
    assert_eq!(org.sectors.len(), 1);
    common::organization(&mut store, "Another chamber");
    organizations::create(&mut store, input("Embassy of the Russian Federation in Pakistan")).unwrap();

    let embassies = organizations::list(
        store.conn(),
        &OrganizationQuery { kind: Some(OrganizationKind::Embassy), ..Default::default() },
    )
    .unwrap();
    assert_eq!(embassies.total, 1);
    let by_sector =
        organizations::list(store.conn(), &OrganizationQuery { sector_id: Some(leather), ..Default::default() })
            .unwrap();
    assert_eq!(by_sector.items[0].id, org.id);
    let by_country =
        organizations::list(store.conn(), &OrganizationQuery { country: Some("pk".into()), ..Default::default() })
            .unwrap();
    assert_eq!(by_country.total, 1);

    let renamed = organizations::update(
        &mut store,
        &org.id,
        OrganizationInput { short_name: Some("SCCI".into()), ..input("Sialkot Chamber of Commerce and Industry") },
    )
    .unwrap();
    assert_eq!(renamed.name, "Sialkot Chamber of Commerce and Industry");
    organizations::delete(&mut store, &org.id).unwrap();
    assert!(organizations::get(store.conn(), &org.id).unwrap().deleted_at.is_some());
    assert!(organizations::restore(&mut store, &org.id).unwrap().deleted_at.is_none());
    assert_eq!(
        common::audit_operations(&store, RecordKind::Organization, org.id.as_str()),
        ["create", "update", "delete", "restore"]
    );
    assert_eq!(common::invalid_field(organizations::create(&mut store, input(""))), "name");
    assert_eq!(
        common::invalid_field(organizations::create(
            &mut store,
            OrganizationInput { country: Some("R".into()), ..input("x") }
        )),
        "country"
    );
}

#[test]
fn venues_crud_and_validation() {
    let (_dir, mut store) = common::temp_store();
    let hall = venues::create(
        &mut store,
        VenueInput {
            name: "SCCI Auditorium".into(),
            city: Some("Sialkot".into()),
            capacity: Some(300),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        venues::list(store.conn(), &VenueQuery { city: Some("sialkot".into()), ..Default::default() }).unwrap().total,
        1
    );
    let updated = venues::update(
        &mut store,
        &hall.id,
        VenueInput { name: "SCCI Auditorium".into(), capacity: Some(350), ..Default::default() },
    )
    .unwrap();
    assert_eq!(updated.capacity, Some(350));
    venues::delete(&mut store, &hall.id).unwrap();
    assert_eq!(venues::list(store.conn(), &VenueQuery::default()).unwrap().total, 0, "a deleted venue leaves the list");
    let restored = venues::restore(&mut store, &hall.id).unwrap();
    assert!(restored.deleted_at.is_none());
    assert_eq!(venues::list(store.conn(), &VenueQuery::default()).unwrap().total, 1, "and comes back restored");
    assert_eq!(
        common::invalid_field(venues::create(
            &mut store,
            VenueInput { name: "Hall".into(), capacity: Some(-3), ..Default::default() }
        )),
        "capacity"
    );
}

#[test]
fn unknown_ids_are_not_found() {
    let (_dir, mut store) = common::temp_store();
    let missing = attache_core::kernel::ids::OrganizationId::from("0190-missing");
    assert!(matches!(organizations::get(store.conn(), &missing), Err(attache_core::CoreError::NotFound { .. })));
    assert!(matches!(organizations::delete(&mut store, &missing), Err(attache_core::CoreError::NotFound { .. })));
    let error = attache_core::AppError::from(organizations::get(store.conn(), &missing).unwrap_err());
    assert_eq!(error.code, attache_core::ErrorCode::NotFound);
    assert_eq!(error.field, None);
}

#[test]
fn vehicles_crud_and_validation() {
    use attache_core::visits::vehicles::{self, VehicleInput, VehicleKind, VehicleQuery};
    let (_dir, mut store) = common::temp_store();
    let input = VehicleInput {
        label: "Car 1 (lead) <b>".into(),
        kind: VehicleKind::Car,
        registration: Some("LEA-1234".into()),
        seats: Some(4),
        driver: Some("Imran".into()),
        phone: Some("+92 300 0000000".into()),
        notes: None,
    };
    let car = vehicles::create(&mut store, input.clone()).unwrap();
    assert_eq!(car.label, "Car 1 (lead) <b>", "stored verbatim");
    let van = VehicleInput { label: "Embassy van".into(), kind: VehicleKind::Van, seats: Some(8), ..input.clone() };
    let van = vehicles::create(&mut store, van).unwrap();
    let vans = VehicleQuery { kind: Some(VehicleKind::Van), ..Default::default() };
    assert_eq!(vehicles::list(store.conn(), &vans).unwrap().items.iter().map(|v| &v.id).collect::<Vec<_>>(), [&van.id]);
    let bad = VehicleInput { seats: Some(-1), ..input.clone() };
    assert_eq!(common::invalid_field(vehicles::update(&mut store, &car.id, bad)), "seats");
    let blank = VehicleInput { label: " ".into(), ..input };
    assert_eq!(common::invalid_field(vehicles::create(&mut store, blank)), "label");
    assert_eq!(vehicles::get(store.conn(), &car.id).unwrap().seats, Some(4));
    vehicles::delete(&mut store, &car.id).unwrap();
    assert_eq!(vehicles::list(store.conn(), &VehicleQuery::default()).unwrap().total, 1);
    vehicles::restore(&mut store, &car.id).unwrap();
    assert_eq!(common::audit_operations(&store, RecordKind::Vehicle, car.id.as_str()), ["create", "delete", "restore"]);
}
