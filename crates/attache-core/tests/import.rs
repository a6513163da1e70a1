//! Contact import against a real store: files in the encodings and formats offices have
//! (a Windows-1251 CSV with semicolons, a spreadsheet written by openpyxl, a vCard address
//! book), duplicates against the store and within the file, refused rows, one transaction,
//! cancel, and undo of the last import.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use attache_core::directory::organizations::{self, OrganizationQuery};
use attache_core::directory::people::{self, Person, PersonInput, PersonQuery};
use attache_core::exchange::import::{
    self, duplicates::Likeness, Decision, DuplicateOf, Field, ImportChoices, RowDecision, SourceKind, Target,
    TextEncoding,
};
use attache_core::kernel::error::Reason;
use attache_core::{CoreError, Store};
use common::{organization, person_input, person_of, temp_store};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn everyone(store: &Store) -> Vec<Person> {
    people::all(store.conn(), &PersonQuery::default()).unwrap()
}

fn choices(review: &import::ImportReview, duplicates: Decision) -> ImportChoices {
    ImportChoices { target: review.target, mapping: review.mapping.clone(), duplicates, decisions: vec![] }
}

fn run(store: &mut Store, source: &import::Source, choices: &ImportChoices) -> import::ImportSummary {
    import::apply(store, source, choices, &mut |_, _| true).expect("import")
}

/// A Russian office's export: Windows-1251, semicolons, Russian headings, a comma inside quotes.
fn russian_csv() -> Vec<u8> {
    let text = "Фамилия;Имя;Должность;Организация;E-mail;Телефон\r\n\
        Хорев;Альберт;Вице-президент;\"ТПП РФ\";A.Khorev@tpprf.ru;+7 495 620 00 00\r\n\
        Смирнова;Ольга;Советник;Посольство России;olga@mid.ru;\r\n\
        Smirnova;Olga;;Посольство России;OLGA@MID.RU;+92 51 000\r\n\
        Петров;;;;не-почта;\r\n\
        Иванов;Иван;;\"=HYPERLINK(\"\"x\"\")\";;\r\n";
    encoding_rs::WINDOWS_1251.encode(text).0.into_owned()
}

#[test]
fn a_cp1251_csv_is_read_checked_and_imported_with_duplicates_merged() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "TPP RF");
    let khorev = person_of(&mut store, "Albert", "Khorev", &chamber);
    let path = write(dir.path(), "contacts.csv", &russian_csv());

    let source = import::read(&path, None).unwrap();
    assert_eq!((source.kind, source.encoding), (SourceKind::Delimited, Some(TextEncoding::Windows1251)));
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(
        review.mapping,
        vec![
            Some(Field::FamilyName),
            Some(Field::GivenName),
            Some(Field::Position),
            Some(Field::Organization),
            Some(Field::Email),
            Some(Field::Phone)
        ]
    );
    assert_eq!((review.rows, review.new, review.refused_count, review.duplicate_count), (5, 2, 1, 2));
    // Хорев is the Khorev kept (same e-mail would do too; here the name in another script).
    let first = &review.duplicates[0];
    assert_eq!(first.row, 2);
    assert!(matches!(&first.of, DuplicateOf::Record { id, .. } if *id == khorev.id.0));
    // Smirnova, Olga repeats row 3 (the same e-mail in other letters' case).
    let repeat = &review.duplicates[1];
    assert_eq!((repeat.row, repeat.likeness), (4, Likeness::SameEmail));
    assert!(matches!(&repeat.of, DuplicateOf::Row { row: 3, .. }));
    // Петров has no given name: his family name stands for it; his e-mail is refused.
    let refused = &review.refused[0];
    assert_eq!((refused.row, refused.problem.field.as_str()), (5, "email"));
    assert!(matches!(refused.problem.reason, Reason::NotAnEmail { .. }));
    assert_eq!(review.new_organizations, vec!["Посольство России".to_owned(), "=HYPERLINK(\"x\")".to_owned()]);

    let summary = run(&mut store, &source, &choices(&review, Decision::Merge));
    assert_eq!((summary.created, summary.merged, summary.skipped, summary.refused), (2, 2, 0, 1));
    assert_eq!(summary.organizations_created, 2);

    let kept = everyone(&store);
    assert_eq!(kept.len(), 3, "Khorev, Smirnova and Ivanov: {kept:#?}");
    let khorev_now = people::get(store.conn(), &khorev.id).unwrap();
    assert_eq!(khorev_now.given_name, "Albert", "a merge keeps what was there");
    assert_eq!(khorev_now.position.as_deref(), Some("Вице-президент"), "and fills what was empty");
    assert_eq!(khorev_now.email.as_deref(), Some("A.Khorev@tpprf.ru"));
    let olga = kept.iter().find(|p| p.family_name.as_deref() == Some("Смирнова")).unwrap();
    assert_eq!(olga.phone.as_deref(), Some("+92 51 000"), "the repeated row filled the first one's phone");
    assert_eq!(olga.organization_name.as_deref(), Some("Посольство России"));
    let ivanov = kept.iter().find(|p| p.given_name == "Иван").unwrap();
    assert_eq!(ivanov.organization_name.as_deref(), Some("=HYPERLINK(\"x\")"), "stored as text, verbatim");
}

#[test]
fn choices_per_row_win_over_the_choice_for_all() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "TPP RF");
    person_of(&mut store, "Albert", "Khorev", &chamber);
    let source = import::read(&write(dir.path(), "c.csv", &russian_csv()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    let mut choice = choices(&review, Decision::Skip);
    choice.decisions = vec![RowDecision { index: 2, decision: Decision::Create }];
    let summary = run(&mut store, &source, &choice);
    assert_eq!((summary.created, summary.merged, summary.skipped), (3, 0, 1));
    assert_eq!(everyone(&store).len(), 4);
}

#[test]
fn undo_takes_the_last_import_back_and_refuses_once_a_record_changed() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "TPP RF");
    let khorev = person_of(&mut store, "Albert", "Khorev", &chamber);
    let before = people::get(store.conn(), &khorev.id).unwrap();
    let source = import::read(&write(dir.path(), "c.csv", &russian_csv()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    let organizations_before = organizations::all(store.conn(), &OrganizationQuery::default()).unwrap().len();

    run(&mut store, &source, &choices(&review, Decision::Merge));
    let undone = import::undo_last(&mut store).unwrap();
    assert!(undone.undone_at.is_some());
    assert_eq!(everyone(&store).len(), 1);
    let after = people::get(store.conn(), &khorev.id).unwrap();
    assert_eq!((after.position, after.email), (before.position, before.email), "the merged fields are back");
    assert_eq!(organizations::all(store.conn(), &OrganizationQuery::default()).unwrap().len(), organizations_before);
    let again = import::undo_last(&mut store).unwrap_err();
    assert!(matches!(again.reason(), Some(Reason::NothingToUndo)));

    // Imported again, then one of the new people is edited: the undo is refused, nothing undone.
    run(&mut store, &source, &choices(&review, Decision::Merge));
    std::thread::sleep(std::time::Duration::from_millis(5));
    let ivanov = everyone(&store).into_iter().find(|p| p.given_name == "Иван").unwrap();
    let edit = PersonInput { notes: Some("met in Sialkot".into()), ..people::input_of(&ivanov) };
    people::update(&mut store, &ivanov.id, edit).unwrap();
    let refused = import::undo_last(&mut store).unwrap_err();
    assert!(
        matches!(refused.reason(), Some(Reason::ChangedSinceImport { name }) if name == "Иван Иванов"),
        "{refused}"
    );
    assert_eq!(everyone(&store).len(), 3);
    assert!(import::last(store.conn()).unwrap().unwrap().undone_at.is_none());
}

#[test]
fn a_cancelled_import_keeps_nothing() {
    let (dir, mut store) = temp_store();
    // Names that differ in letters (the folding that finds duplicates reads "Anna11" as "Anna1").
    let spelt = |i: usize| -> String {
        i.to_string()
            .bytes()
            .map(|d| ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"][(d - b'0') as usize])
            .collect()
    };
    let rows: String = (0..1_000).map(|i| format!("Per{},Fam{},p{i}@example.org\n", spelt(i), spelt(i))).collect();
    let path = write(dir.path(), "many.csv", format!("First Name,Last Name,E-mail\n{rows}").as_bytes());
    let source = import::read(&path, None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    let mut reports = Vec::new();
    let result = import::apply(&mut store, &source, &choices(&review, Decision::Merge), &mut |done, total| {
        reports.push((done, total));
        done < 400
    });
    assert!(matches!(result, Err(CoreError::Conflict { reason: Reason::Cancelled, .. })));
    assert_eq!(reports.first(), Some(&(0, 1_000)));
    assert!(everyone(&store).is_empty());
    assert!(import::last(store.conn()).unwrap().is_none());

    let summary = run(&mut store, &source, &choices(&review, Decision::Merge));
    assert_eq!(summary.created, 1_000);

    // The review of a big file tells how far it came, and stops when told to.
    let mut reports = Vec::new();
    let full = import::review_watched(store.conn(), &source, Target::People, None, &mut |done, total| {
        reports.push((done, total));
        true
    })
    .unwrap();
    assert_eq!(full.duplicate_count, 1_000);
    assert_eq!(reports.first(), Some(&(0, 1_000)));
    assert!(reports.contains(&(800, 1_000)));
    let stopped = import::review_watched(store.conn(), &source, Target::People, None, &mut |done, _| done < 400);
    assert!(matches!(stopped, Err(CoreError::Conflict { reason: Reason::Cancelled, .. })));
}

#[test]
fn a_mapping_confirmed_once_is_proposed_for_the_same_layout() {
    let (dir, mut store) = temp_store();
    let path = write(dir.path(), "odd.csv", "Col A,Col B,Col C\nOlga,Smirnova,olga@mid.ru\n".as_bytes());
    let source = import::read(&path, None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(review.mapping, vec![None, None, None]);
    assert!(matches!(review.mapping_problem.map(|p| p.reason), Some(Reason::MappingIncomplete { .. })));
    assert_eq!(
        (review.new, review.headers.len(), review.sample.len()),
        (0, 3, 1),
        "the screen can still show the file"
    );
    let only_email = ImportChoices {
        target: Target::People,
        mapping: vec![None, None, Some(Field::Email)],
        duplicates: Decision::Skip,
        decisions: vec![],
    };
    let refused = import::apply(&mut store, &source, &only_email, &mut |_, _| true).unwrap_err();
    assert!(matches!(refused.reason(), Some(Reason::MappingIncomplete { .. })));

    let mapping = vec![Some(Field::GivenName), Some(Field::FamilyName), Some(Field::Email)];
    let chosen = ImportChoices {
        target: Target::People,
        mapping: mapping.clone(),
        duplicates: Decision::Skip,
        decisions: vec![],
    };
    run(&mut store, &source, &chosen);
    let again = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(again.mapping, mapping);
    assert_eq!(again.duplicate_count, 1);
}

/// A spreadsheet written by openpyxl (not by anything of ours), with numbers as numbers.
#[test]
fn a_spreadsheet_written_by_openpyxl_is_read() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("contacts.xlsx");
    let script = "import openpyxl, sys\n\
        wb = openpyxl.Workbook(); ws = wb.active\n\
        ws.append(['Name', 'Company', 'Job Title', 'Mobile Phone', 'Country'])\n\
        ws.append(['H.E. Ayesha Raza', 'Sialkot Chamber', 'President', 923001234567, 'pk'])\n\
        ws.append(['Хорев, Альберт', 'ТПП РФ', None, None, 'RU'])\n\
        ws.append([None, None, None, None, None])\n\
        ws.append(['<script>alert(1)</script>', None, None, None, 'Narnia'])\n\
        wb.save(sys.argv[1])";
    let out = Command::new("/usr/bin/python3").args(["-c", script]).arg(&path).output().expect("run python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let source = import::read(&path, None).unwrap();
    assert_eq!(source.kind, SourceKind::Spreadsheet);
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(review.rows, 3, "the empty row is no contact");
    assert_eq!(review.refused_count, 1);
    assert_eq!(review.refused[0].problem.field, "country");
    assert_eq!(review.refused[0].name, "<script>alert(1)</script>");
    run(&mut store, &source, &choices(&review, Decision::Merge));
    let kept = everyone(&store);
    let ayesha = kept.iter().find(|p| p.given_name == "Ayesha").unwrap();
    assert_eq!(ayesha.honorific.as_deref(), Some("H.E."));
    assert_eq!(ayesha.phone.as_deref(), Some("923001234567"));
    assert_eq!(ayesha.country.as_deref(), Some("PK"));
    let khorev = kept.iter().find(|p| p.family_name.as_deref() == Some("Хорев")).unwrap();
    assert_eq!(khorev.given_name, "Альберт");
}

#[test]
fn an_address_book_of_vcards_is_read() {
    let (dir, mut store) = temp_store();
    let cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Raza;Ayesha;;Dr.;\r\nFN:Dr. Ayesha Raza\r\nORG:Sialkot Chamber\r\nEMAIL:ayesha@scci.pk\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ayesha Raza\r\nEMAIL:AYESHA@scci.pk\r\nTEL:tel:+92-52-000\r\nEND:VCARD\r\n";
    let source = import::read(&write(dir.path(), "phone.vcf", cards.as_bytes()), None).unwrap();
    assert_eq!(source.kind, SourceKind::VCard);
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!((review.new, review.duplicate_count), (1, 1));
    assert_eq!(review.duplicates[0].row, 2, "cards are counted from 1");
    run(&mut store, &source, &choices(&review, Decision::Merge));
    let kept = everyone(&store);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].display_name, "Dr. Ayesha Raza");
    assert_eq!(kept[0].phone.as_deref(), Some("+92-52-000"));
}

#[test]
fn organizations_are_imported_and_matched_by_name_in_any_spelling() {
    let (dir, mut store) = temp_store();
    organization(&mut store, "Sialkot Chamber of Commerce");
    let text = "Name,Kind,City,Country,Website\n\
        Sialkot Chamber of Commerce,chamber,Sialkot,PK,https://scci.com.pk\n\
        Торгово-промышленная палата,Палата,Москва,RU,\n\
        Spaceship Co,spaceship,,,\n";
    let source = import::read(&write(dir.path(), "orgs.csv", text.as_bytes()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::Organizations, None).unwrap();
    assert_eq!((review.new, review.duplicate_count, review.refused_count), (1, 1, 1));
    assert!(matches!(review.refused[0].problem.reason, Reason::UnknownKind { .. }));
    let summary = run(&mut store, &source, &choices(&review, Decision::Merge));
    assert_eq!((summary.created, summary.merged), (1, 1));
    let all = organizations::all(store.conn(), &OrganizationQuery::default()).unwrap();
    let scci = all.iter().find(|o| o.name == "Sialkot Chamber of Commerce").unwrap();
    assert_eq!(scci.website.as_deref(), Some("https://scci.com.pk"));
}

#[test]
fn files_that_are_not_contacts_are_refused_with_the_reason() {
    let (dir, store) = temp_store();
    let empty = import::read(&write(dir.path(), "empty.csv", b""), None).unwrap_err();
    assert!(matches!(empty.reason(), Some(Reason::FileUnreadable { .. })), "{empty}");
    let calendar = import::read(&write(dir.path(), "x.vcf", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), None);
    assert!(matches!(calendar.unwrap_err().reason(), Some(Reason::FileUnreadable { .. })));
    let fake = import::read(&write(dir.path(), "fake.xlsx", b"not a zip"), None).unwrap_err();
    assert!(fake.to_string().contains("fake.xlsx cannot be read as contacts"), "{fake}");
    let missing = import::read(&dir.path().join("gone.csv"), None).unwrap_err();
    assert_eq!(missing.field(), Some("file"));
    drop(store);
}

#[test]
fn refused_rows_can_be_saved_with_their_reasons() {
    let (dir, store) = temp_store();
    let source = import::read(&write(dir.path(), "c.csv", &russian_csv()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    let table = import::refused_table(store.conn(), &source, Target::People, &review.mapping).unwrap();
    assert_eq!(table.columns.last().map(String::as_str), Some("Problem"));
    assert_eq!(table.rows.len(), 1);
    drop(person_input("", ""));
}

#[test]
fn a_company_column_finds_an_organization_by_its_native_or_short_name() {
    let (dir, mut store) = temp_store();
    let input = organizations::OrganizationInput {
        name: "Embassy of the Russian Federation".into(),
        short_name: Some("RU Embassy".into()),
        native_name: Some("Посольство России".into()),
        kind: attache_core::directory::organizations::OrganizationKind::Embassy,
        country: Some("RU".into()),
        city: None,
        website: None,
        sector_ids: vec![],
        notes: None,
    };
    let embassy = organizations::create(&mut store, input).unwrap();
    let text = "Name,Company\nOlga Smirnova,Посольство России\nAnton Petrov,RU Embassy\n";
    let source = import::read(&write(dir.path(), "c.csv", text.as_bytes()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert!(review.new_organizations.is_empty(), "{:?}", review.new_organizations);
    let summary = run(&mut store, &source, &choices(&review, Decision::Merge));
    assert_eq!(summary.organizations_created, 0);
    assert!(everyone(&store).iter().all(|p| p.organization_id.as_ref() == Some(&embassy.id)));
    let orgs = "Name\nПосольство России\n";
    let source = import::read(&write(dir.path(), "o.csv", orgs.as_bytes()), None).unwrap();
    let review = import::review(store.conn(), &source, Target::Organizations, None).unwrap();
    assert_eq!(review.duplicate_count, 1);
}

/// Who a search for `words` finds, by family name.
fn found(store: &Store, words: &str) -> Vec<String> {
    let mut query = PersonQuery::default();
    query.list.search = Some(words.to_owned());
    people::all(store.conn(), &query).unwrap().into_iter().filter_map(|p| p.family_name).collect()
}

/// An FTS5 index's own check of itself against the table it indexes.
fn index_sound(store: &mut Store, index: &str) {
    store
        .write(|w| {
            w.execute_batch(&format!("INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"))?;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{index}: {e}"));
}

#[test]
fn rows_merged_into_people_made_by_the_same_import_leave_the_search_indexes_sound() {
    let (dir, mut store) = temp_store();
    let kept = people::create(&mut store, PersonInput { position: None, ..person_input("Olga", "Smirnova") }).unwrap();
    let schema = |store: &Store| -> Vec<String> {
        let mut stmt =
            store.conn().prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let triggers = schema(&store);
    let path = write(
        dir.path(),
        "repeats.csv",
        b"First Name,Last Name,Job Title,E-mail Address\n\
          Bilal,Qureshi,,bilal@example.pk\n\
          Bilal,Qureshi,Exporter of surgical instruments,BILAL@example.pk\n\
          Olga,Smirnova,Counsellor for trade,\n",
    );
    let source = import::read(&path, None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(review.duplicate_count, 2);
    let summary = run(&mut store, &source, &choices(&review, Decision::Merge));
    assert_eq!((summary.created, summary.merged), (1, 2));

    assert_eq!(schema(&store), triggers, "the triggers are back as they were");
    assert_eq!(found(&store, "surgical"), vec!["Qureshi"], "the merged position of a row created here");
    assert_eq!(found(&store, "Counsellor"), vec!["Smirnova"], "the merged position of a person kept before");
    assert_eq!(found(&store, "Qureshi"), vec!["Qureshi"]);
    assert_eq!(people::get(store.conn(), &kept.id).unwrap().position.as_deref(), Some("Counsellor for trade"));
    for index in ["people_search", "organizations_search"] {
        index_sound(&mut store, index);
    }
}

#[test]
fn countries_written_out_by_name_are_kept_as_their_codes() {
    let (dir, mut store) = temp_store();
    let csv = "First Name,Last Name,Country\nAmina,Qureshi,Pakistan\nOleg,Smirnov,Россия\nJane,Doe,United Kingdom\nNo,Where,Atlantis\n";
    let path = write(dir.path(), "countries.csv", csv.as_bytes());
    let source = import::read(&path, None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    assert_eq!(review.refused_count, 1, "only the country no one knows");
    assert_eq!(review.refused[0].name, "No Where");
    run(&mut store, &source, &choices(&review, Decision::Merge));
    let mut countries: Vec<_> = everyone(&store).into_iter().map(|p| (p.given_name, p.country)).collect();
    countries.sort();
    assert_eq!(
        countries,
        [("Amina".into(), Some("PK".into())), ("Jane".into(), Some("GB".into())), ("Oleg".into(), Some("RU".into()))]
    );
}
