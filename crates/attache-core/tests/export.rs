//! Lists exported as CSV, read back by Python's own csv module (not by anything of ours):
//! every value as stored, formulas as text, the list's filter and order kept.

mod common;

use std::path::Path;
use std::process::Command;

use attache_core::directory::people::{self, PersonInput, PersonQuery};
use attache_core::exchange::{csv, tables};
use attache_core::kernel::listing::ListQuery;
use common::{organization, person_input, temp_store};

/// What `script` (Debian's Python, reading `sys.argv[1]`) prints as JSON about the file at `path`.
fn python_json<T: serde::de::DeserializeOwned>(script: &str, path: &Path) -> T {
    let out = Command::new("/usr/bin/python3").args(["-c", script]).arg(path).output().expect("run /usr/bin/python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The rows of a CSV file as Python reads it (utf-8-sig: the byte-order mark is expected).
fn read_by_python(path: &Path) -> Vec<Vec<String>> {
    python_json(
        "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f))))",
        path,
    )
}

#[test]
fn people_come_out_as_stored_in_the_lists_order_with_formulas_as_text() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "Sialkot Chamber of Commerce, \"SCCI\"");
    let long_name = "Ж".repeat(500);
    let long_word = "Биография".repeat(2_300);
    let hostile = [
        ("=HYPERLINK(\"http://evil.example\",\"click\")", "Alpha"),
        ("<script>alert(1)</script>", "Bravo"),
        ("Line one\nline two", "Charlie"),
        ("قریشی \u{202e}txt.exe", "Delta"),
        (long_name.as_str(), "Echo"),
    ];
    for (given, family) in hostile {
        let input = PersonInput {
            organization_id: Some(chamber.clone()),
            phone: Some("+92 52 4261234".into()),
            protocol_rank: Some(3),
            bio: Some(long_word.clone()),
            ..person_input(given, family)
        };
        people::create(&mut store, input).unwrap();
    }
    let gone = people::create(&mut store, person_input("Former", "Foxtrot")).unwrap();
    people::delete(&mut store, &gone.id).unwrap();

    let query = PersonQuery {
        list: ListQuery { sort: Some("familyName".into()), descending: true, ..ListQuery::default() },
        ..PersonQuery::default()
    };
    let file = dir.path().join("people.csv");
    csv::save(&tables::people(store.conn(), &query).unwrap(), &file).unwrap();
    let rows = read_by_python(&file);

    assert_eq!(rows[0][..3], ["Honorific", "Given name", "Family name"]);
    let families: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(families, ["Echo", "Delta", "Charlie", "Bravo", "Alpha"], "sorted as asked, the deleted left out");
    let by_family = |family: &str| rows.iter().find(|r| r[2] == family).unwrap().clone();
    assert_eq!(by_family("Alpha")[1], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(by_family("Bravo")[1], "<script>alert(1)</script>");
    assert_eq!(by_family("Charlie")[1], "Line one\nline two");
    assert_eq!(by_family("Delta")[1], "قریشی \u{202e}txt.exe");
    assert_eq!(by_family("Echo")[1], long_name);
    assert_eq!(by_family("Echo")[13], long_word, "a 20,000-character word in one cell");
    assert_eq!(by_family("Alpha")[5], "Sialkot Chamber of Commerce, \"SCCI\"");
    assert_eq!(by_family("Alpha")[8], "'+92 52 4261234", "a leading + is a formula to a spreadsheet");
    assert_eq!(by_family("Alpha")[10], "3");

    let with_deleted =
        PersonQuery { list: ListQuery { include_deleted: true, ..ListQuery::default() }, ..PersonQuery::default() };
    assert_eq!(tables::people(store.conn(), &with_deleted).unwrap().rows.len(), 6);
    let searched = PersonQuery {
        list: ListQuery { search: Some("charlie".into()), ..ListQuery::default() },
        ..PersonQuery::default()
    };
    assert_eq!(tables::people(store.conn(), &searched).unwrap().rows.len(), 1);
}

#[test]
fn an_export_to_a_folder_that_does_not_exist_fails_and_writes_nothing() {
    let (dir, store) = temp_store();
    let table = tables::organizations(store.conn(), &Default::default()).unwrap();
    let target = dir.path().join("missing").join("organizations.csv");
    assert!(csv::save(&table, &target).is_err());
    assert!(!target.exists());
}

/// Each cell of the workbook as openpyxl reads it: its value, and its type (s string, n number,
/// f formula).
fn read_workbook_by_python(path: &Path) -> Vec<Vec<(String, String)>> {
    let script = "import json, sys, openpyxl\n\
        ws = openpyxl.load_workbook(sys.argv[1]).active\n\
        print(json.dumps([[('' if c.value is None else str(c.value), c.data_type) for c in row] for row in ws.iter_rows()]))";
    let out = Command::new("/usr/bin/python3").args(["-c", script]).arg(path).output().expect("run /usr/bin/python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn people_come_out_of_an_excel_workbook_as_stored_text_never_formulas() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "Sialkot Chamber");
    for (given, family) in [("=HYPERLINK(\"http://evil.example\")", "Alpha"), ("Ольга", "Bravo"), ("محمد", "Charlie")]
    {
        let input = PersonInput {
            organization_id: Some(chamber.clone()),
            phone: Some("+92 52 4261234".into()),
            protocol_rank: Some(7),
            ..person_input(given, family)
        };
        people::create(&mut store, input).unwrap();
    }
    let query = PersonQuery {
        list: ListQuery { sort: Some("familyName".into()), ..ListQuery::default() },
        ..PersonQuery::default()
    };
    let file = dir.path().join("people.xlsx");
    attache_core::exchange::save(&tables::people(store.conn(), &query).unwrap(), &file).unwrap();
    let rows = read_workbook_by_python(&file);
    assert_eq!(rows[0][2], ("Family name".to_owned(), "s".to_owned()));
    let families: Vec<&str> = rows[1..].iter().map(|r| r[2].0.as_str()).collect();
    assert_eq!(families, ["Alpha", "Bravo", "Charlie"]);
    assert_eq!(rows[1][1], ("=HYPERLINK(\"http://evil.example\")".to_owned(), "s".to_owned()), "text, not a formula");
    assert_eq!(rows[1][8], ("+92 52 4261234".to_owned(), "s".to_owned()), "as stored: no apostrophe needed");
    assert_eq!(rows[1][10].1, "n", "a rank is a number");
    assert_eq!(rows[2][1].0, "Ольга");
    assert_eq!(rows[3][1].0, "محمد");

    // A text longer than a cell holds is refused, not cut.
    let bio = "Ж".repeat(40_000);
    people::create(&mut store, PersonInput { bio: Some(bio), ..person_input("Long", "Delta") }).unwrap();
    let refused =
        attache_core::exchange::save(&tables::people(store.conn(), &query).unwrap(), &dir.path().join("long.xlsx"));
    let error = refused.unwrap_err();
    assert_eq!(error.field(), Some("format"));
    assert!(error.to_string().contains("Biography in row 5"), "{error}");
    assert!(!dir.path().join("long.xlsx").exists());
}

#[test]
fn a_visits_participants_come_out_in_the_order_of_precedence_worded_in_the_users_language() {
    let (_dir, mut store) = temp_store();
    let visit = common::visit(&mut store, "Sialkot");
    for (given, rank) in [("Third", 30), ("First", 10), ("Second", 20)] {
        let input = PersonInput { protocol_rank: Some(rank), ..person_input(given, "Delegate") };
        let person = people::create(&mut store, input).unwrap();
        attache_core::visits::participants::create(&mut store, common::participant_input(&visit.id, &person.id))
            .unwrap();
    }
    let first = attache_core::visits::participants::list(
        store.conn(),
        &attache_core::visits::participants::ParticipantQuery {
            visit_id: Some(visit.id.clone()),
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .into_iter()
    .find(|p| p.person_name == "First Delegate")
    .unwrap();
    let checked = attache_core::visits::participants::check_in(&mut store, &first.id, true).unwrap();
    let table = tables::participants(store.conn(), &visit.id).unwrap();
    // Stored as an instant; written as the clock read where the visit is.
    let zone = attache_core::visits::time_zone(store.conn(), &visit.id).unwrap();
    let utc = checked.checked_in_at.unwrap();
    let expected =
        chrono::DateTime::parse_from_rfc3339(&utc).unwrap().with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string();
    assert_eq!(table.rows[0][11], attache_core::exchange::Cell::Text(expected));
    let names: Vec<&attache_core::exchange::Cell> = table.rows.iter().map(|r| &r[3]).collect();
    use attache_core::exchange::Cell;
    assert_eq!(
        names,
        [
            &Cell::Text("First Delegate".into()),
            &Cell::Text("Second Delegate".into()),
            &Cell::Text("Third Delegate".into())
        ]
    );
    assert_eq!(
        table.rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(),
        [Cell::Number(1), Cell::Number(2), Cell::Number(3)]
    );
    let terms = [("guest".to_owned(), "Гость".to_owned()), ("accepted".to_owned(), "Принял".to_owned())].into();
    let worded = table.worded(&terms);
    assert_eq!(worded.rows[0][1], Cell::Text("Гость".into()));
    assert_eq!(worded.rows[0][7], Cell::Text("Принял".into()));
    assert_eq!(worded.rows[0][2], Cell::Text("member".into()), "a word without a term stays as stored");
}

#[test]
fn the_registers_come_out_whole_in_their_order() {
    let (_dir, mut store) = temp_store();
    attache_core::fixtures::sample::load(&mut store).unwrap();
    let visits = tables::visits(store.conn(), &Default::default()).unwrap();
    assert_eq!(visits.columns[0], "Title");
    assert!(visits
        .rows
        .iter()
        .any(|r| matches!(&r[0], attache_core::exchange::Cell::Text(t) if t.contains("Sialkot"))));
    let agreements = tables::agreements(store.conn(), &Default::default()).unwrap();
    assert!(!agreements.rows.is_empty());
    assert_eq!(agreements.columns.len(), agreements.rows[0].len());
    let actions = tables::actions(store.conn(), &Default::default()).unwrap();
    assert_eq!(actions.columns.len(), actions.rows.first().map_or(actions.columns.len(), Vec::len));
    // More than one page of the list (500): every record, once, in the list's order.
    for i in 0..620 {
        attache_core::actions::create(&mut store, common::action_input(&format!("Follow-up {i:04}"))).unwrap();
    }
    let query = attache_core::actions::ActionQuery {
        list: ListQuery { sort: Some("title".into()), search: Some("Follow-up".into()), ..ListQuery::default() },
        ..Default::default()
    };
    let many = tables::actions(store.conn(), &query).unwrap();
    assert_eq!(many.rows.len(), 620);
    assert_eq!(many.rows[0][0], attache_core::exchange::Cell::Text("Follow-up 0000".into()));
    assert_eq!(many.rows[619][0], attache_core::exchange::Cell::Text("Follow-up 0619".into()));
}

/// The cards of a vCard file as Python's vobject reads them: per card, its name parts,
/// formatted name, organization, title, e-mail, phone, note and native name.
fn cards_read_by_vobject(path: &Path) -> Vec<serde_json::Value> {
    let script = "import json, sys, vobject\n\
        cards = []\n\
        for c in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):\n    \
            v = lambda name: getattr(c, name).value if hasattr(c, name) else None\n    \
            n = c.n.value\n    \
            cards.append({'family': n.family, 'given': n.given, 'prefix': n.prefix, 'fn': v('fn'), 'org': (v('org') or [None])[0], 'title': v('title'), 'email': v('email'), 'tel': v('tel'), 'note': v('note'), 'native': v('x_attache_native_name')})\n\
        print(json.dumps(cards))";
    python_json(script, path)
}

#[test]
fn people_come_out_as_vcards_an_address_book_library_reads_field_by_field() {
    let (dir, mut store) = temp_store();
    let chamber = organization(&mut store, "Sialkot Chamber; of Commerce, \"SCCI\"");
    let input = PersonInput {
        honorific: Some("H.E.".into()),
        native_name: Some("Альберт Хорев".into()),
        position: Some("Ambassador, Head of Mission".into()),
        organization_id: Some(chamber),
        email: Some("a.khorev@example.org".into()),
        phone: Some("+92 51 2600 000".into()),
        notes: Some(format!("Line one\nLine two; with \\ and <b>markup</b> {}", "Ж".repeat(200))),
        ..person_input("Albert", "Khorev")
    };
    people::create(&mut store, input).unwrap();
    people::create(&mut store, person_input("سید احتشام", "مظہر")).unwrap();
    let path = dir.path().join("people.vcf");
    let query = PersonQuery { list: ListQuery { search: None, ..ListQuery::default() }, ..PersonQuery::default() };
    let written = attache_core::exchange::vcard::save_people(store.conn(), &query, &path).unwrap();
    assert_eq!(written, 2);
    let cards = cards_read_by_vobject(&path);
    let khorev = cards.iter().find(|c| c["family"] == "Khorev").expect("Khorev's card");
    assert_eq!(khorev["given"], "Albert");
    assert_eq!(khorev["prefix"], "H.E.");
    assert_eq!(khorev["org"], "Sialkot Chamber; of Commerce, \"SCCI\"");
    assert_eq!(khorev["title"], "Ambassador, Head of Mission");
    assert_eq!(khorev["email"], "a.khorev@example.org");
    assert_eq!(khorev["tel"], "+92 51 2600 000");
    assert_eq!(khorev["native"], "Альберт Хорев");
    assert_eq!(khorev["note"], format!("Line one\nLine two; with \\ and <b>markup</b> {}", "Ж".repeat(200)));
    let urdu = cards.iter().find(|c| c["family"] == "مظہر").expect("the Urdu card");
    assert_eq!(urdu["given"], "سید احتشام");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "lines folded at 75 bytes");
}
