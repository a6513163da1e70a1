//! Typesetting speed against the targets: the sample visit's brief (< 1 s), the brief of
//! a visit with 200 programme items (< 3 s), and 100 name badges (< 2 s). Each figure is the
//! whole path the window and the CLI take: gather from SQLite, typeset, write the PDF bytes.

use attache_core::directory::people::{self, PersonInput};
use attache_core::visits::engagements::{self, EngagementInput};
use attache_core::visits::participants::{self, ParticipantInput};
use attache_core::visits::{self, VisitInput, VisitQuery};
use attache_core::Store;
use attache_documents::{typeset, DocumentKind, DocumentRequest, Lang};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// A visit of four days with `items` programme items and `people` participants.
fn large_visit(store: &mut Store, items: usize, people: usize) -> attache_core::kernel::ids::VisitId {
    let input: VisitInput = serde_json::from_value(json!({
        "title": "Large trade mission", "direction": "incoming", "status": "planned", "timeZone": "Asia/Karachi",
        "startDate": "2026-03-02", "endDate": "2026-03-05", "securityLevel": "elevated", "travelBufferMinutes": 30,
        "objectives": "Trade, investment and cooperation in ten sectors.",
    }))
    .unwrap();
    let visit = visits::create(store, input).unwrap().id;
    for i in 0..people {
        let person = people::create(
            store,
            PersonInput {
                given_name: format!("Delegate{i}"),
                family_name: Some(format!("Family{i}")),
                native_name: Some(format!("Делегат {i}")),
                position: Some("Director".into()),
                protocol_rank: Some(i as i64),
                bio: Some("Leads the export division; twenty years in the trade.".into()),
                ..Default::default()
            },
        )
        .unwrap();
        let side = if i % 2 == 0 { "guest" } else { "host" };
        let input: ParticipantInput = serde_json::from_value(json!({
            "visitId": visit, "personId": person.id, "side": side, "role": "member", "rsvp": "accepted",
        }))
        .unwrap();
        participants::create(store, input).unwrap();
    }
    for i in 0..items {
        let (day, minute) = (2 + i / 50, (i % 50) * 15);
        let starts = format!("2026-03-{day:02}T{:02}:{:02}", 7 + minute / 60, minute % 60);
        let ends = format!("2026-03-{day:02}T{:02}:{:02}", 7 + (minute + 15) / 60, (minute + 15) % 60);
        let input: EngagementInput = serde_json::from_value(json!({
            "visitId": visit, "title": format!("Programme item {i}: meeting with the sector's companies"), "kind": "meeting",
            "startsLocal": starts, "endsLocal": ends, "attendeeIds": [], "securityNotes": "Badges required.",
        }))
        .unwrap();
        engagements::create(store, input).unwrap();
    }
    visit
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("attache.db")).unwrap();
    attache_core::fixtures::sample::load(&mut store).unwrap();
    let sample = visits::list(store.conn(), &VisitQuery::default())
        .unwrap()
        .items
        .into_iter()
        .find(|v| v.title.starts_with("Russian Ambassador's visit"))
        .unwrap()
        .id;
    let large = large_visit(&mut store, 200, 100);
    let request =
        |kind, visit_id: &attache_core::kernel::ids::VisitId| DocumentRequest::new(kind, visit_id.clone(), Lang::En);
    let mut group = c.benchmark_group("documents");
    group.sample_size(10);
    for (name, request) in [
        ("sample brief", request(DocumentKind::Brief, &sample)),
        ("sample brief, Urdu", DocumentRequest { lang: Lang::Ur, ..request(DocumentKind::Brief, &sample) }),
        ("brief of 200 items and 100 people", request(DocumentKind::Brief, &large)),
        ("100 badges", request(DocumentKind::Badges, &large)),
        ("100 place cards", request(DocumentKind::PlaceCards, &large)),
    ] {
        // Cold: Typst's memo cache emptied first, as for a document's first typesetting.
        group.bench_function(format!("{name} (cold)"), |b| {
            b.iter_batched(
                || typst::comemo::evict(0),
                |()| typeset(store.conn(), &request, today()).unwrap().pdf().unwrap(),
                criterion::BatchSize::PerIteration,
            )
        });
        // Warm: the same document again (a second preview, then "Save as PDF").
        group.bench_function(format!("{name} (again)"), |b| {
            b.iter(|| typeset(store.conn(), &request, today()).unwrap().pdf().unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
