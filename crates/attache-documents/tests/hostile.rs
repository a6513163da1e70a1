//! A visit with nothing in it, user text that looks like Typst markup or code, a name of
//! 20,000 letters, and a file that cannot be written.

mod reader;

use attache_core::directory::people::{self, PersonInput};
use attache_core::visits::participants::{self, ParticipantInput};
use attache_core::visits::{self, VisitInput};
use attache_core::Store;
use attache_documents::{typeset, DocumentKind, DocumentRequest, Lang};
use chrono::NaiveDate;
use reader::{compact, pdf_text};
use serde_json::json;

const MARKUP: &str =
    r#"#set page(width: 1cm) *bold* _em_ $x^2$ <label> @ref `raw` = Heading \ #eval("1+1") ] [ // not a comment"#;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn empty_visit(store: &mut Store, title: &str) -> attache_core::kernel::ids::VisitId {
    let input: VisitInput = serde_json::from_value(json!({
        "title": title, "direction": "incoming", "status": "draft", "timeZone": "Asia/Karachi",
        "startDate": "2026-03-02", "endDate": "2026-03-03", "securityLevel": "standard", "travelBufferMinutes": 30,
    }))
    .unwrap();
    visits::create(store, input).unwrap().id
}

fn request(kind: DocumentKind, visit_id: &attache_core::kernel::ids::VisitId) -> DocumentRequest {
    DocumentRequest::new(kind, visit_id.clone(), Lang::En)
}

#[test]
fn an_empty_visit_still_gives_short_correct_documents_that_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("attache.db")).unwrap();
    let visit = empty_visit(&mut store, "Nothing planned yet");
    let brief = compact(&pdf_text(
        &typeset(store.conn(), &request(DocumentKind::Brief, &visit), today()).unwrap().pdf().unwrap(),
    ));
    for said in [
        "Nothing is planned this day.",
        "No participants have been added yet.",
        "No agreements are expected",
        "No follow-up action is open.",
    ] {
        assert!(brief.contains(&compact(said)), "{said}");
    }
    for kind in [DocumentKind::RunSheet, DocumentKind::Report, DocumentKind::Badges, DocumentKind::PlaceCards] {
        let done = typeset(store.conn(), &request(kind, &visit), today()).unwrap();
        assert_eq!(done.page_count(), 1, "{kind:?}");
    }
    let badges = compact(&pdf_text(
        &typeset(store.conn(), &request(DocumentKind::Badges, &visit), today()).unwrap().pdf().unwrap(),
    ));
    assert!(badges.contains(&compact("Nobody to print")));
    let refused = typeset(store.conn(), &request(DocumentKind::Seating, &visit), today()).err().unwrap();
    assert_eq!(refused.field(), Some("engagementId"));
}

#[test]
fn markup_in_user_text_is_printed_literally_and_long_names_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("attache.db")).unwrap();
    let visit = empty_visit(&mut store, MARKUP);
    let (long_name, long_bio) = ("W".repeat(500), "X".repeat(20_000));
    for (given, native, bio) in [
        (MARKUP, Some("<script>alert(1)</script> سید"), Some(MARKUP)),
        (long_name.as_str(), None, Some(long_bio.as_str())),
    ] {
        let person = people::create(
            &mut store,
            PersonInput {
                given_name: given.into(),
                native_name: native.map(Into::into),
                bio: bio.map(Into::into),
                ..Default::default()
            },
        )
        .unwrap();
        let input: ParticipantInput = serde_json::from_value(json!({
            "visitId": visit, "personId": person.id, "side": "guest", "role": "member", "rsvp": "accepted",
        }))
        .unwrap();
        participants::create(&mut store, input).unwrap();
    }
    for kind in [DocumentKind::Brief, DocumentKind::Report, DocumentKind::Badges, DocumentKind::PlaceCards] {
        let done = typeset(store.conn(), &request(kind, &visit), today()).unwrap();
        let text = compact(&pdf_text(&done.pdf().unwrap()));
        assert!(text.contains(&compact(MARKUP)), "{kind:?}: the markup is printed as written");
        assert!(text.contains(&compact("<script>alert(1)</script>")), "{kind:?}");
        assert!(done.page_count() < 40, "{kind:?}: {} pages", done.page_count());
    }
    let brief = typeset(store.conn(), &request(DocumentKind::Brief, &visit), today()).unwrap();
    let text = compact(&pdf_text(&brief.pdf().unwrap()));
    assert!(text.contains(&"w".repeat(500)), "the whole long name is printed, wrapped");
    assert!(text.matches('x').count() >= 20_000, "the whole long biography is printed, wrapped");
}

#[test]
fn an_unwritable_path_is_refused_with_the_path_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("attache.db")).unwrap();
    let visit = empty_visit(&mut store, "Visit");
    let done = typeset(store.conn(), &request(DocumentKind::Brief, &visit), today()).unwrap();
    let missing = dir.path().join("no such folder").join("brief.pdf");
    let refused = done.save_pdf(&missing).err().unwrap();
    assert_eq!(refused.field(), Some("path"));
    assert!(refused.to_string().contains("no such folder"), "{refused}");

    let saved = dir.path().join("brief.pdf");
    done.save_pdf(&saved).unwrap();
    assert!(std::fs::read(&saved).unwrap().starts_with(b"%PDF-"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}
