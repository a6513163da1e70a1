mod common;

use attache_core::dashboard;
use attache_core::directory::people::{self, PersonQuery};
use attache_core::fixtures::sample;
use attache_core::kernel::listing::ListQuery;
use attache_core::visits::overview;
use attache_core::visits::{self, VisitQuery, VisitStatus};

fn count(store: &attache_core::Store, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn the_sample_visit_loads_whole_and_only_once() {
    let (_dir, mut store) = common::temp_store();
    assert!(sample::load_if_new(&mut store).unwrap().loaded);
    let before: Vec<i64> =
        ["people", "organizations", "visits", "engagements", "participants", "agreements", "actions"]
            .iter()
            .map(|t| count(&store, t))
            .collect();
    assert_eq!(before, [8, 5, 2, 2, 8, 1, 4]);

    assert!(!sample::load(&mut store).unwrap().loaded);
    assert!(!sample::load_if_new(&mut store).unwrap().loaded);
    let after: Vec<i64> = ["people", "organizations", "visits", "engagements", "participants", "agreements", "actions"]
        .iter()
        .map(|t| count(&store, t))
        .collect();
    assert_eq!(before, after, "running it again duplicates nothing");
}

#[test]
fn the_sample_names_everyone_with_their_exact_titles() {
    let (_dir, mut store) = common::temp_store();
    sample::load(&mut store).unwrap();
    let everyone = people::list(
        store.conn(),
        &PersonQuery { list: ListQuery { page_size: 50, ..Default::default() }, ..Default::default() },
    )
    .unwrap();
    let has = |name: &str, position: &str, org: &str| {
        everyone.items.iter().any(|p| {
            p.display_name == name
                && p.position.as_deref() == Some(position)
                && p.organization_name.as_deref() == Some(org)
        })
    };
    let embassy = "Embassy of the Russian Federation in Pakistan";
    let scci = "Sialkot Chamber of Commerce and Industry";
    assert!(has("H.E. Albert P. Khorev", "Ambassador of the Russian Federation to Pakistan", embassy));
    assert!(has("Denis Nevzorov", "Trade Representative", embassy));
    assert!(has("Sergey Chekalin", "Chief of Protocol", embassy));
    assert!(has("Anton Vereshchagin", "Third Secretary (Bilateral Section)", embassy));
    assert!(has("Dr. Almas Haider Naqvi", "Executive Director", "Regional Rapport"));
    assert!(has("Syed Ahtesham Mazhar", "President", scci));
    assert!(has("Muhammad Murad Arshad", "Senior Vice President", scci));
    assert!(has("Salman Sheikh", "Vice President", scci));
}

#[test]
fn the_sample_visit_has_its_programme_participants_and_follow_ups() {
    let (_dir, mut store) = common::temp_store();
    sample::load(&mut store).unwrap();
    let found = visits::list(
        store.conn(),
        &VisitQuery {
            list: ListQuery { search: Some("Sialkot Chamber".into()), ..Default::default() },
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);
    let visit = &found.items[0];
    assert_eq!((visit.time_zone.as_str(), visit.start_date.as_str()), ("Asia/Karachi", "2026-01-28"));
    let whole = overview::visit(store.conn(), &visit.id, false).unwrap();
    assert_eq!(whole.engagements.len(), 2);
    assert!(whole.engagements[0].title.contains("industrial units"));
    assert_eq!(whole.engagements[0].security_notes.as_deref(), Some("Tight security."));
    assert_eq!(whole.engagements[1].venue_name.as_deref(), Some("SCCI Auditorium"));
    assert_eq!(whole.participants.len(), 8);
    assert_eq!(
        whole.participants[0].person_name, "H.E. Albert P. Khorev",
        "the ambassador leads the order of precedence"
    );
    assert_eq!(whole.actions.len(), 4);
    assert!(whole.actions.iter().any(|a| a.title.contains("Russian business delegation")));
    assert!(whole.actions.iter().any(|a| a.details.as_deref().unwrap_or_default().contains("engineering goods")));

    let commission = visits::list(
        store.conn(),
        &VisitQuery {
            list: ListQuery { search: Some("Intergovernmental Commission".into()), ..Default::default() },
            ..Default::default()
        },
    )
    .unwrap();
    let commission = &commission.items[0];
    assert_eq!(commission.status, VisitStatus::Completed);
    assert_eq!(commission.city.as_deref(), Some("Islamabad"));
    assert!(commission.start_date.starts_with("2025-11"));
    let signed = overview::visit(store.conn(), &commission.id, false).unwrap();
    assert_eq!(signed.agreements.len(), 1);
    assert_eq!(signed.agreements[0].parties.len(), 2);
}

#[test]
fn the_dashboard_shows_open_actions_and_the_visits_around_today() {
    let (_dir, mut store) = common::temp_store();
    sample::load(&mut store).unwrap();
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();

    let before = dashboard::dashboard_on(store.conn(), day("2026-01-20"), &chrono_tz::Asia::Karachi).unwrap();
    let titles = |visits: &[visits::Visit]| visits.iter().map(|v| v.start_date.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&before.upcoming_visits), ["2026-01-28"], "the Sialkot visit is still to come");
    assert_eq!(before.upcoming_visit_count, 1);
    assert_eq!(titles(&before.recent_visits), ["2025-11-01"], "the commission has ended");
    assert_eq!(before.open_action_count, 4);
    assert_eq!(before.open_actions.len(), 4);
    assert_eq!(before.overdue_action_count, 0);

    let on_the_day = dashboard::dashboard_on(store.conn(), day("2026-01-28"), &chrono_tz::Asia::Karachi).unwrap();
    assert_eq!(on_the_day.todays_engagements.len(), 2, "both programme items are today");

    let after = dashboard::dashboard_on(store.conn(), day("2026-03-01"), &chrono_tz::Asia::Karachi).unwrap();
    assert!(after.upcoming_visits.is_empty());
    assert_eq!(titles(&after.recent_visits), ["2026-01-28", "2025-11-01"], "newest first");
    assert!(after.todays_engagements.is_empty());
}

#[test]
fn two_desktops_that_load_the_sample_hold_the_same_records() {
    let (_a, mut first) = common::temp_store();
    let (_b, mut second) = common::temp_store();
    sample::load(&mut first).unwrap();
    sample::load(&mut second).unwrap();
    let ids = |store: &attache_core::Store| -> Vec<String> {
        let tables = [
            "organizations",
            "people",
            "visits",
            "venues",
            "engagements",
            "participants",
            "agreements",
            "actions",
            "sectors",
        ];
        tables
            .iter()
            .flat_map(|t| {
                let mut stmt = store.conn().prepare(&format!("SELECT id FROM {t} ORDER BY id")).unwrap();
                stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(ids(&first), ids(&second));
    assert_ne!(first.device_id(), second.device_id(), "each desktop has its own device id");
    let khorev: String = sample::id::<String>(201);
    let name: String =
        first.conn().query_row("SELECT family_name FROM people WHERE id = ?1", [&khorev], |r| r.get(0)).unwrap();
    assert_eq!(name, "Khorev", "the documented id of the ambassador");
}

#[test]
fn the_sample_marks_what_the_report_does_not_say() {
    let (_dir, mut store) = common::temp_store();
    sample::load(&mut store).unwrap();
    let unmarked = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    // Ranks and languages are given to everyone, native names to some: each person says so.
    assert_eq!(unmarked("SELECT count(*) FROM people WHERE coalesce(notes, '') NOT LIKE '%Assumed:%'"), 0);
    assert_eq!(unmarked("SELECT count(*) FROM participants WHERE coalesce(notes, '') NOT LIKE '%Assumed:%'"), 0);
    assert_eq!(
        unmarked("SELECT count(*) FROM engagements WHERE coalesce(notes, '') NOT LIKE '%Assumed:%clock times%'"),
        0
    );
    assert_eq!(unmarked("SELECT count(*) FROM actions WHERE coalesce(details, '') NOT LIKE '%Assumed:%'"), 0);

    // The joint-venture follow-up carries its five sectors as links, not only as prose.
    let jv: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT s.code FROM action_sectors l JOIN sectors s ON s.id = l.sector_id JOIN actions x ON x.id = l.action_id
                 WHERE x.title LIKE 'Explore joint ventures%' ORDER BY s.code",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(jv, ["agriculture", "energy", "engineering_goods", "it", "pharmaceuticals"]);
    assert_eq!(
        unmarked(
            "SELECT count(*) FROM actions x WHERE NOT EXISTS (SELECT 1 FROM action_sectors l WHERE l.action_id = x.id)"
        ),
        0
    );

    // The commission's month is known, its days are not, and the visit says so.
    let commission = visits::get(store.conn(), &sample::id(302)).unwrap();
    assert!(commission.exact_dates_unknown);
    assert_eq!((commission.start_date.as_str(), commission.end_date.as_str()), ("2025-11-01", "2025-11-30"));
    assert!(!visits::get(store.conn(), &sample::id(301)).unwrap().exact_dates_unknown);
}
