//! Calendar files: written by the core, read back by an independent parser (Python's
//! icalendar library, as Debian ships it), and imported again without duplicates.

mod common;

use std::path::Path;
use std::process::Command;

use attache_core::directory::people::{self, PersonInput};
use attache_core::kernel::error::Reason;
use attache_core::kernel::ids::VisitId;
use attache_core::visits::calendar_file::{self, SkipReason};
use attache_core::visits::engagements::{self, EngagementInput, EngagementQuery};
use attache_core::visits::venues::{self, VenueInput};
use attache_core::visits::{self, VisitInput};
use attache_core::{CoreError, Store};
use serde_json::Value;

/// Parses `ics` with Python's icalendar library. Debian's python3 is named in full: that is
/// where `python3-icalendar` (installed by `cargo xtask test`) lives.
fn read_independently(dir: &Path, ics: &str) -> Value {
    let file = dir.join("programme.ics");
    std::fs::write(&file, ics).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/calendar/read_ics.py");
    let out = Command::new("/usr/bin/python3").arg(script).arg(&file).output().expect("run /usr/bin/python3");
    assert!(out.status.success(), "python icalendar failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn programme(store: &Store, visit: &VisitId) -> Vec<engagements::Engagement> {
    let query = EngagementQuery { visit_id: Some(visit.clone()), ..Default::default() };
    engagements::list(store.conn(), &query).unwrap().items
}

/// The sample-like visit: Sialkot, Asia/Karachi, two items at a venue with an address.
fn planned_visit(store: &mut Store) -> VisitId {
    let visit = common::visit(store, "Sialkot").id;
    let hall = VenueInput {
        name: "SCCI Auditorium".into(),
        address: Some("Paris Road".into()),
        city: Some("Sialkot".into()),
        ..VenueInput::default()
    };
    let hall = venues::create(store, hall).unwrap().id;
    let khorev = PersonInput { email: Some("khorev@example.org".into()), ..common::person_input("Albert", "Khorev") };
    let khorev = people::create(store, khorev).unwrap().id;
    let naqvi = common::person(store, "Ali", "Naqvi").id;
    let tour = common::engagement_input(&visit, "Tour of industrial units", "2026-01-28T10:00", "2026-01-28T12:30");
    engagements::create(store, EngagementInput { attendee_ids: vec![khorev.clone(), naqvi], ..tour }).unwrap();
    let meeting = common::engagement_input(
        &visit,
        "Meeting <script>alert(1)</script>, «SCCI»",
        "2026-01-28T13:00",
        "2026-01-28T14:30",
    );
    engagements::create(store, EngagementInput { venue_id: Some(hall), attendee_ids: vec![khorev], ..meeting })
        .unwrap();
    visit
}

#[test]
fn a_visits_programme_reads_back_in_another_parser_at_the_right_times() {
    let (dir, mut store) = common::temp_store();
    let visit = planned_visit(&mut store);
    let ics = calendar_file::visit_calendar(store.conn(), &visit).unwrap();
    let read = read_independently(dir.path(), &ics);
    assert_eq!(read["zones"], serde_json::json!(["Asia/Karachi"]));
    let events = read["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    let tour = &events[0];
    // 10:00 in Karachi (UTC+5) is 05:00 UTC.
    assert_eq!((tour["start"].as_str(), tour["end"].as_str()), (Some("2026-01-28T05:00"), Some("2026-01-28T07:30")));
    assert_eq!(tour["tzid"], "Asia/Karachi");
    assert_eq!(tour["attendees"], serde_json::json!(["Albert Khorev", "Ali Naqvi"]));
    let meeting = &events[1];
    assert_eq!(meeting["summary"], "Meeting <script>alert(1)</script>, «SCCI»");
    assert_eq!(meeting["location"], "SCCI Auditorium, Paris Road, Sialkot");
    let items = programme(&store, &visit);
    assert_eq!(tour["uid"].as_str().unwrap(), format!("{}@attache.app", items[0].id));
    assert_eq!(tour["sequence"], 0);

    // An edit raises the sequence, so calendars take the new time.
    let moved = EngagementInput { starts_local: "2026-01-28T10:30".into(), ..engagements::as_input(&items[0]) };
    engagements::update(&mut store, &items[0].id, moved).unwrap();
    let read = read_independently(dir.path(), &calendar_file::visit_calendar(store.conn(), &visit).unwrap());
    assert_eq!(read["events"][0]["sequence"], 1);
    assert_eq!(read["events"][0]["start"], "2026-01-28T05:30");
}

#[test]
fn importing_our_own_export_again_changes_nothing_and_a_moved_event_updates_its_item() {
    let (_dir, mut store) = common::temp_store();
    let visit = planned_visit(&mut store);
    let ics = calendar_file::visit_calendar(store.conn(), &visit).unwrap();
    let report = calendar_file::import(&mut store, &visit, ics.as_bytes()).unwrap();
    assert_eq!((report.taken.len(), report.updated.len(), report.skipped.len()), (0, 0, 2));
    assert!(report.skipped.iter().all(|e| e.skip == Some(SkipReason::Unchanged)));
    let moved = ics.replace("DTSTART;TZID=Asia/Karachi:20260128T100000", "DTSTART;TZID=Asia/Karachi:20260128T093000");
    let report = calendar_file::import(&mut store, &visit, moved.as_bytes()).unwrap();
    assert_eq!(report.updated.len(), 1);
    let items = programme(&store, &visit);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].starts_local, "2026-01-28T09:30");
    assert_eq!(items[0].attendee_ids.len(), 2, "an update keeps what the file does not say");
}

const FOREIGN: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Someone else//EN\r
BEGIN:VEVENT\r
UID:berlin-1@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Call with Berlin\r
DTSTART;TZID=Europe/Berlin:20260128T080000\r
DTEND;TZID=Europe/Berlin:20260128T090000\r
LOCATION:SCCI Auditorium\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:utc-1@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:<img src=x onerror=alert(1)>\r
DTSTART:20260129T040000Z\r
DTEND:20260129T050000Z\r
LOCATION:Hotel Javson\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating-1@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Floating lunch\r
DTSTART:20260129T130000\r
DTEND:20260129T140000\r
CATEGORIES:MEAL\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:utc-1@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Same again\r
DTSTART:20260129T040000Z\r
DTEND:20260129T050000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Weekly call\r
DTSTART:20260128T060000Z\r
DTEND:20260128T070000Z\r
RRULE:FREQ=WEEKLY\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:allday@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Holiday\r
DTSTART;VALUE=DATE:20260128\r
DTEND;VALUE=DATE:20260129\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:later@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Next month\r
DTSTART:20260228T060000Z\r
DTEND:20260228T070000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:mars@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Unknown zone\r
DTSTART;TZID=Mars/Olympus:20260128T080000\r
DTEND;TZID=Mars/Olympus:20260128T090000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:inverted@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Backwards\r
DTSTART:20260128T090000Z\r
DTEND:20260128T080000Z\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:cancelled@example.org\r
DTSTAMP:20260101T000000Z\r
SUMMARY:Called off\r
STATUS:CANCELLED\r
DTSTART:20260128T060000Z\r
DTEND:20260128T070000Z\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn a_foreign_calendar_is_taken_with_reasons_for_what_is_skipped_and_imports_once() {
    let (_dir, mut store) = common::temp_store();
    let visit = planned_visit(&mut store);
    let preview = calendar_file::preview(&mut store, &visit, FOREIGN.as_bytes()).unwrap();
    assert_eq!(programme(&store, &visit).len(), 2, "a preview stores nothing");
    let report = calendar_file::import(&mut store, &visit, FOREIGN.as_bytes()).unwrap();
    assert_eq!(preview.taken.len(), report.taken.len());
    let taken: Vec<_> = report.taken.iter().map(|e| (e.title.as_str(), e.starts_local.as_deref().unwrap())).collect();
    assert_eq!(
        taken,
        [
            ("Call with Berlin", "2026-01-28T12:00"),
            ("<img src=x onerror=alert(1)>", "2026-01-29T09:00"),
            ("Floating lunch", "2026-01-29T13:00")
        ]
    );
    let skipped: Vec<_> = report.skipped.iter().map(|e| (e.title.as_str(), e.skip.clone().unwrap())).collect();
    assert_eq!(skipped[0], ("Same again", SkipReason::RepeatedInFile));
    assert_eq!(skipped[1], ("Weekly call", SkipReason::Recurring));
    assert_eq!(skipped[2], ("Holiday", SkipReason::AllDay));
    assert_eq!(skipped[3], ("Next month", SkipReason::OutsideVisit));
    assert_eq!(skipped[4], ("Unknown zone", SkipReason::UnknownTimeZone { zone: "Mars/Olympus".into() }));
    assert_eq!(
        skipped[5],
        ("Backwards", SkipReason::Refused { field: "endsLocal".into(), reason: Reason::BeforeStart })
    );
    assert_eq!(skipped[6], ("Called off", SkipReason::Cancelled));

    let items = programme(&store, &visit);
    assert_eq!(items.len(), 5);
    let berlin = items.iter().find(|e| e.title == "Call with Berlin").unwrap();
    assert_eq!(berlin.venue_name.as_deref(), Some("SCCI Auditorium"), "a known venue is matched by name");
    let hotel = items.iter().find(|e| e.title.starts_with("<img")).unwrap();
    assert_eq!(hotel.notes.as_deref(), Some("Location: Hotel Javson"));
    let lunch = items.iter().find(|e| e.title == "Floating lunch").unwrap();
    assert_eq!(lunch.kind, engagements::EngagementKind::Meal);

    let again = calendar_file::import(&mut store, &visit, FOREIGN.as_bytes()).unwrap();
    assert_eq!((again.taken.len(), again.updated.len()), (0, 0));
    assert_eq!(programme(&store, &visit).len(), 5, "importing again duplicates nothing");
}

#[test]
fn broken_files_are_refused_and_nothing_is_stored() {
    let (_dir, mut store) = common::temp_store();
    let visit = planned_visit(&mut store);
    let refusal = |result: attache_core::CoreResult<calendar_file::ImportReport>| match result {
        Err(CoreError::Validation { field, reason, .. }) if field == "file" => reason,
        other => panic!("expected a refusal of the file, got {other:?}"),
    };
    let latin1 = b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xe9\r\nEND:VCALENDAR\r\n";
    assert!(matches!(refusal(calendar_file::import(&mut store, &visit, latin1)), Reason::NotACalendar { .. }));
    let cut = &FOREIGN[..FOREIGN.len() / 2];
    assert!(matches!(refusal(calendar_file::import(&mut store, &visit, cut.as_bytes())), Reason::NotACalendar { .. }));
    assert!(matches!(
        refusal(calendar_file::import(&mut store, &visit, b"<html>hello</html>")),
        Reason::NotACalendar { .. }
    ));
    let huge = vec![b' '; 11 * 1024 * 1024];
    assert_eq!(refusal(calendar_file::import(&mut store, &visit, &huge)), Reason::FileTooLarge { megabytes: 10 });
    let garbage = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n::::\r\nEND:VCALENDAR\r\n";
    assert!(matches!(
        refusal(calendar_file::import(&mut store, &visit, garbage.as_bytes())),
        Reason::NotACalendar { .. }
    ));
    assert_eq!(programme(&store, &visit).len(), 2);
}

#[test]
fn a_persons_own_programme_spans_visits_and_their_time_zones() {
    let (dir, mut store) = common::temp_store();
    let visit = planned_visit(&mut store);
    let khorev = people::list(store.conn(), &Default::default())
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.given_name == "Albert")
        .unwrap()
        .id;
    let berlin = VisitInput {
        time_zone: "Europe/Berlin".into(),
        start_date: "2026-03-28".into(),
        end_date: "2026-03-30".into(),
        ..common::visit_input("Berlin")
    };
    let berlin = visits::create(&mut store, berlin).unwrap().id;
    // After the clocks went forward: 10:00 in Berlin is 08:00 UTC.
    let talk = common::engagement_input(&berlin, "Ministry talks", "2026-03-30T10:00", "2026-03-30T11:00");
    engagements::create(&mut store, EngagementInput { attendee_ids: vec![khorev.clone()], ..talk }).unwrap();
    let ics = calendar_file::person_calendar(store.conn(), &khorev).unwrap();
    let read = read_independently(dir.path(), &ics);
    assert_eq!(read["zones"], serde_json::json!(["Asia/Karachi", "Europe/Berlin"]));
    let starts: Vec<_> =
        read["events"].as_array().unwrap().iter().map(|e| e["start"].as_str().unwrap().to_owned()).collect();
    assert_eq!(starts, ["2026-01-28T05:00", "2026-01-28T08:00", "2026-03-30T08:00"]);
    let _ = visit;
}
