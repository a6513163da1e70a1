//! Every list and detail query at the scale of a large office (100k people, 200k actions…).
//!
//! `cargo xtask bench` (or `cargo bench -p attache-core --bench lists`) builds the dataset once
//! into target/bench-data and reuses it. `ATTACHE_BENCH_SCALE=10` divides every count by 10.
//! After criterion's own report it prints a p50/p95 table, the figures the targets are set in.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use attache_core::actions::today;
use attache_core::actions::{self, ActionQuery};
use attache_core::agreements::{self, AgreementQuery};
use attache_core::directory::organizations::{self, OrganizationKind, OrganizationQuery};
use attache_core::directory::people::{self, PersonQuery};
use attache_core::fixtures::bulk::{self, Scale};
use attache_core::kernel::listing::ListQuery;
use attache_core::outcomes::kpis::{self, KpiFilter};
use attache_core::visits::engagements::{self, EngagementQuery};
use attache_core::visits::overview;
use attache_core::visits::participants::{self, ParticipantQuery};
use attache_core::visits::venues::{self, VenueQuery};
use attache_core::visits::{self, VisitQuery, VisitStatus};
use attache_core::visits::{calendar_file, conflicts};
use attache_core::{dashboard, Connection, Store};
use criterion::Criterion;

type Query = Box<dyn Fn(&Connection)>;

/// The first page of people matching `text`, by family name.
fn people_search(text: &'static str) -> Query {
    Box::new(move |c: &Connection| {
        let list = ListQuery { search: Some(text.into()), ..page("familyName") };
        drop(people::list(c, &PersonQuery { list, ..Default::default() }).unwrap())
    })
}

/// Raised when the generator or the schema's indexes change: the generator ends with ANALYZE,
/// and a dataset migrated since has no statistics for the new indexes. (3: vehicles, attendees
/// and the planning visit; 4: migration 6's indexes for the conflict check; 6: outcomes and the
/// days actions were done, for the KPIs; 7 and 8: the KPIs' indexes.)
const DATASET_VERSION: u32 = 8;

fn dataset() -> Store {
    let divisor: usize = std::env::var("ATTACHE_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    // The generator's version is in the name: a dataset from an older generator is not reused.
    let path = dir.join(format!("attache-scale-{divisor}-v{DATASET_VERSION}.sqlite3"));
    let ready = dir.join(format!("attache-scale-{divisor}-v{DATASET_VERSION}.ready"));
    if !ready.exists() {
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(&path).expect("open bench store");
        let started = Instant::now();
        bulk::generate(&mut store, Scale::FULL.fraction(divisor)).expect("generate dataset");
        eprintln!("generated the 1/{divisor} dataset in {:.1} s", started.elapsed().as_secs_f64());
        std::fs::write(&ready, "").expect("mark dataset ready");
    }
    Store::open(&path).expect("open bench store")
}

fn first_id(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get(0)).expect("an id")
}

fn page(sort: &str) -> ListQuery {
    ListQuery { page: 1, page_size: 50, sort: Some(sort.into()), ..ListQuery::default() }
}

fn queries(conn: &Connection) -> Vec<(&'static str, Query)> {
    let visit = attache_core::kernel::ids::VisitId(first_id(conn, "SELECT visit_id FROM participants LIMIT 1"));
    let person = first_id(conn, "SELECT id FROM people LIMIT 1 OFFSET 500");
    let org = first_id(conn, "SELECT organization_id FROM people LIMIT 1 OFFSET 500");
    let agreement = first_id(conn, "SELECT id FROM agreements LIMIT 1 OFFSET 100");
    // An owner of a few actions, as one person in a large office is.
    let owner =
        first_id(conn, "SELECT owner_person_id FROM actions WHERE owner_person_id IS NOT NULL LIMIT 1 OFFSET 1000");
    let v = visit.clone();
    let v2 = visit.clone();
    let v3 = visit.clone();
    let (p1, p2, o1, o2, a1) = (person.clone(), person.clone(), org.clone(), org.clone(), agreement.clone());
    let o3 = org.clone();
    let planning = attache_core::kernel::ids::VisitId(first_id(
        conn,
        &format!("SELECT id FROM visits WHERE title = '{}'", bulk::PLANNING_VISIT),
    ));
    let planning2 = planning.clone();
    vec![
        (
            "organizations: first page by name",
            Box::new(|c: &Connection| {
                drop(organizations::list(c, &OrganizationQuery { list: page("name"), ..Default::default() }).unwrap())
            }),
        ),
        (
            "organizations: embassies, page 20",
            Box::new(|c: &Connection| {
                drop(
                    organizations::list(
                        c,
                        &OrganizationQuery {
                            list: ListQuery { page: 20, ..page("name") },
                            kind: Some(OrganizationKind::Embassy),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "people: first page by family name",
            Box::new(|c: &Connection| {
                drop(people::list(c, &PersonQuery { list: page("familyName"), ..Default::default() }).unwrap())
            }),
        ),
        (
            "people: page 200 by family name (10,000 deep)",
            Box::new(|c: &Connection| {
                drop(
                    people::list(
                        c,
                        &PersonQuery { list: ListQuery { page: 200, ..page("familyName") }, ..Default::default() },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "people: of one organization",
            Box::new(move |c: &Connection| {
                drop(
                    people::list(
                        c,
                        &PersonQuery {
                            list: page("familyName"),
                            organization_id: Some(o1.as_str().into()),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        ("people: search \"smirnov4\"", people_search("smirnov4")),
        ("people: search \"Смирнов4\" (Cyrillic for Latin names)", people_search("Смирнов4")),
        ("people: search \"Qureshi\" (the same 5,000 people in Latin)", people_search("Qureshi")),
        ("people: search \"قریشی\" (Urdu for Qureshi)", people_search("قریشی")),
        ("people: get one", Box::new(move |c: &Connection| drop(people::get(c, &p1.as_str().into()).unwrap()))),
        (
            "venues: first page",
            Box::new(|c: &Connection| {
                drop(venues::list(c, &VenueQuery { list: page("name"), ..Default::default() }).unwrap())
            }),
        ),
        (
            "visits: newest first",
            Box::new(|c: &Connection| {
                drop(
                    visits::list(
                        c,
                        &VisitQuery { list: ListQuery { descending: true, ..page("startDate") }, ..Default::default() },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "visits: confirmed, upcoming",
            Box::new(|c: &Connection| {
                drop(
                    visits::list(
                        c,
                        &VisitQuery {
                            list: page("startDate"),
                            status: Some(VisitStatus::Confirmed),
                            ends_from: Some("2026-01-01".into()),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "visits: of one organization",
            Box::new(move |c: &Connection| {
                drop(
                    visits::list(
                        c,
                        &VisitQuery {
                            list: page("startDate"),
                            organization_id: Some(o2.as_str().into()),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        ("visits: overview of one", Box::new(move |c: &Connection| drop(overview::visit(c, &v, false).unwrap()))),
        ("KPIs: every visit", Box::new(|c: &Connection| drop(kpis::compute(c, &KpiFilter::default()).unwrap()))),
        (
            "KPIs: the visits of one year",
            Box::new(|c: &Connection| {
                let year =
                    KpiFilter { from: Some("2024-01-01".into()), to: Some("2024-12-31".into()), ..Default::default() };
                drop(kpis::compute(c, &year).unwrap())
            }),
        ),
        (
            "KPIs: one organization's visits",
            Box::new(move |c: &Connection| {
                let of = KpiFilter { organization_id: Some(o3.as_str().into()), ..Default::default() };
                drop(kpis::compute(c, &of).unwrap())
            }),
        ),
        (
            "engagements: programme of a visit",
            Box::new(move |c: &Connection| {
                drop(
                    engagements::list(
                        c,
                        &EngagementQuery { list: page("startsAt"), visit_id: Some(v2.clone()), ..Default::default() },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "engagements: first page by start",
            Box::new(|c: &Connection| {
                drop(engagements::list(c, &EngagementQuery { list: page("startsAt"), ..Default::default() }).unwrap())
            }),
        ),
        (
            "participants: of a visit by precedence",
            Box::new(move |c: &Connection| {
                drop(
                    participants::list(
                        c,
                        &ParticipantQuery {
                            list: page("precedence"),
                            visit_id: Some(v3.clone()),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "participants: visits of a person",
            Box::new(move |c: &Connection| {
                drop(
                    participants::list(
                        c,
                        &ParticipantQuery {
                            list: page("precedence"),
                            person_id: Some(p2.as_str().into()),
                            ..Default::default()
                        },
                    )
                    .unwrap(),
                )
            }),
        ),
        (
            "agreements: first page by signing",
            Box::new(|c: &Connection| {
                drop(agreements::list(c, &AgreementQuery { list: page("signedOn"), ..Default::default() }).unwrap())
            }),
        ),
        ("agreements: get one", Box::new(move |c: &Connection| drop(agreements::get(c, &a1.as_str().into()).unwrap()))),
        (
            "actions: first page by due date",
            Box::new(|c: &Connection| {
                drop(actions::list(c, &ActionQuery { list: page("dueOn"), ..Default::default() }).unwrap())
            }),
        ),
        (
            "actions: overdue by due date",
            Box::new(|c: &Connection| {
                drop(
                    actions::list(c, &ActionQuery { list: page("dueOn"), overdue_only: true, ..Default::default() })
                        .unwrap(),
                )
            }),
        ),
        (
            "actions: pending, by priority",
            Box::new(|c: &Connection| {
                drop(
                    actions::list(c, &ActionQuery { list: page("priority"), pending_only: true, ..Default::default() })
                        .unwrap(),
                )
            }),
        ),
        // The dashboard's parts are the very functions the dashboard calls, so they cannot drift.
        (
            "dashboard: upcoming visits",
            Box::new(|c: &Connection| drop(dashboard::upcoming_visits(c, today()).unwrap())),
        ),
        ("dashboard: recent visits", Box::new(|c: &Connection| drop(dashboard::recent_visits(c, today()).unwrap()))),
        (
            "dashboard: today's programme",
            Box::new(|c: &Connection| drop(dashboard::todays_engagements(c, today(), &chrono::Local).unwrap())),
        ),
        (
            "dashboard: pending actions",
            Box::new(|c: &Connection| drop(dashboard::pending_actions(c, today()).unwrap())),
        ),
        ("dashboard: overdue count", Box::new(|c: &Connection| drop(dashboard::overdue_actions(c, today()).unwrap()))),
        ("dashboard: renewals due", Box::new(|c: &Connection| drop(dashboard::renewals_due(c, today()).unwrap()))),
        (
            "dashboard: expiring in 90 days",
            Box::new(|c: &Connection| drop(dashboard::expiring_agreements(c, today()).unwrap())),
        ),
        (
            "dashboard: agreement pipeline",
            Box::new(|c: &Connection| drop(attache_core::pipeline::pipeline(c).unwrap())),
        ),
        (
            "dashboard: actions by owner",
            Box::new(|c: &Connection| drop(attache_core::pipeline::actions_by_owner(c, today()).unwrap())),
        ),
        ("dashboard", Box::new(|c: &Connection| drop(dashboard::dashboard(c).unwrap()))),
        ("actions: board", Box::new(|c: &Connection| drop(actions::board::board(c, &ActionQuery::default()).unwrap()))),
        (
            "actions: board, one owner",
            Box::new(move |c: &Connection| {
                let query = ActionQuery { owner_person_id: Some(owner.as_str().into()), ..Default::default() };
                drop(actions::board::board(c, &query).unwrap())
            }),
        ),
        (
            "actions: board, overdue",
            Box::new(|c: &Connection| {
                drop(actions::board::board(c, &ActionQuery { overdue_only: true, ..Default::default() }).unwrap())
            }),
        ),
        (
            "conflicts: 200-item visit, 60 people",
            Box::new(move |c: &Connection| drop(conflicts::for_visit(c, &planning).unwrap())),
        ),
        (
            "calendar file: the 200-item visit",
            Box::new(move |c: &Connection| drop(calendar_file::visit_calendar(c, &planning2).unwrap())),
        ),
        (
            "calendar: a month of items, all visits",
            Box::new(|c: &Connection| {
                let month = EngagementQuery {
                    list: ListQuery { page: 1, page_size: 500, sort: Some("startsAt".into()), ..ListQuery::default() },
                    starts_from: Some("2026-03-01T00:00:00.000Z".into()),
                    starts_before: Some("2026-04-01T00:00:00.000Z".into()),
                    ..Default::default()
                };
                drop(engagements::list(c, &month).unwrap())
            }),
        ),
    ]
}

fn percentiles(conn: &Connection, queries: &[(&'static str, Query)]) {
    println!("\n{:<42} {:>10} {:>10} {:>10}", "query (200 runs each)", "p50 ms", "p95 ms", "max ms");
    for (name, run) in queries {
        let mut times: Vec<Duration> = (0..200)
            .map(|_| {
                let started = Instant::now();
                run(conn);
                started.elapsed()
            })
            .collect();
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!("{name:<42} {:>10.2} {:>10.2} {:>10.2}", ms(times[100]), ms(times[190]), ms(times[199]));
    }
}

fn main() {
    let store = dataset();
    let conn = store.conn();
    let queries = queries(conn);
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (name, run) in &queries {
        criterion.bench_function(name, |b| b.iter(|| run(conn)));
    }
    percentiles(conn, &queries);
    criterion.final_summary();
}
