mod common;

use attache_core::listing::ListQuery;
use attache_core::overview;
use attache_core::people::{self, PersonQuery};
use attache_core::sample;
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
    let whole = overview::visit(store.conn(), &visit.id).unwrap();
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
    let signed = overview::visit(store.conn(), &commission.id).unwrap();
    assert_eq!(signed.agreements.len(), 1);
    assert_eq!(signed.agreements[0].parties.len(), 2);
}

#[test]
fn the_dashboard_shows_open_actions() {
    let (_dir, mut store) = common::temp_store();
    sample::load(&mut store).unwrap();
    let board = overview::dashboard(store.conn()).unwrap();
    assert_eq!(board.open_action_count, 4);
    assert_eq!(board.open_actions.len(), 4);
    assert_eq!(board.overdue_action_count, 0);
    // Both sample visits are in the past (today is later than January 2026 on any CI machine).
    assert!(board.upcoming_visits.iter().all(|v| v.end_date >= board.today));
    assert_eq!(board.recent_visits.len(), 2);
    assert_eq!(board.recent_visits[0].start_date, "2026-01-28", "newest first");
}
