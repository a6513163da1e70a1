//! The command line as a user runs it: the real binary on a temporary data folder.

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run attache-cli")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn sample_loads_once_and_the_visit_is_found_by_words_of_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let first = cli(dir.path(), &["sample"]);
    assert!(first.status.success());
    assert!(stdout(&first).starts_with("Loaded the sample visit"), "{}", stdout(&first));
    assert!(stdout(&cli(dir.path(), &["sample"])).contains("already loaded"));
    let conflicts = cli(dir.path(), &["conflicts", "--visit", "Sialkot Chamber"]);
    assert!(conflicts.status.success(), "{}", stderr(&conflicts));
    assert_eq!(stdout(&conflicts).trim(), "No conflicts.");
    let json = cli(dir.path(), &["conflicts", "--visit", "Sialkot Chamber", "--json"]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&json.stdout).unwrap(), serde_json::json!([]));
}

#[test]
fn export_then_import_the_same_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sialkot.ics");
    let export = cli(dir.path(), &["ics", "export", "--visit", "Sialkot Chamber", "-o", file.to_str().unwrap()]);
    assert!(export.status.success(), "{}", stderr(&export));
    let ics = std::fs::read_to_string(&file).unwrap();
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Karachi"));
    assert!(ics.contains("DTSTART;TZID=Asia/Karachi:20260128T100000"));
    let import = cli(dir.path(), &["ics", "import", "--visit", "Sialkot Chamber", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(stdout(&import).starts_with("0 taken, 0 updated, 2 skipped"), "{}", stdout(&import));
    let person = cli(dir.path(), &["ics", "export", "--person", "Khorev"]);
    assert!(stdout(&person).matches("BEGIN:VEVENT").count() >= 2, "{}", stderr(&person));
}

#[test]
fn refusals_exit_1_with_one_line_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let none = cli(dir.path(), &["conflicts", "--visit", "Atlantis"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stderr(&none).trim(), "attache-cli: no visit matches \"Atlantis\"");
    let broken = dir.path().join("broken.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n").unwrap();
    let import = cli(dir.path(), &["ics", "import", "--visit", "Sialkot Chamber", broken.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1));
    assert!(stderr(&import).contains("cut off"), "{}", stderr(&import));
    let both = cli(dir.path(), &["ics", "export", "--visit", "x", "--person", "y"]);
    assert_eq!(both.status.code(), Some(2));
    let help = cli(dir.path(), &["ics", "import", "--help"]);
    assert!(stdout(&help).contains("Example:"), "{}", stdout(&help));
}

#[test]
fn several_matches_are_listed_for_the_user_to_choose() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["ics", "export", "--person", "a"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("matches several; give one by id:"), "{}", stderr(&out));
}

#[test]
fn the_registers_list_agreements_and_actions_as_lines_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let all = cli(dir.path(), &["agreements", "list"]);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(stdout(&all).starts_with("signed       Agreements and MoUs signed at the 10th"), "{}", stdout(&all));
    let json: serde_json::Value =
        serde_json::from_slice(&cli(dir.path(), &["agreements", "list", "--json"]).stdout).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(1));
    // The sample's MoUs have no expiry date on record.
    assert_eq!(stdout(&cli(dir.path(), &["agreements", "list", "--expiring", "90"])).trim(), "No agreements.");
    assert_eq!(cli(dir.path(), &["agreements", "list", "--status", "sealed"]).status.code(), Some(2));

    let actions: serde_json::Value =
        serde_json::from_slice(&cli(dir.path(), &["actions", "list", "--json"]).stdout).unwrap();
    let actions = actions.as_array().unwrap();
    assert!(actions.len() >= 2, "the sample has follow-ups");
    let lines = stdout(&cli(dir.path(), &["actions", "list"]));
    assert_eq!(lines.lines().count(), actions.len());
    let overdue: serde_json::Value =
        serde_json::from_slice(&cli(dir.path(), &["actions", "list", "--overdue", "--json"]).stdout).unwrap();
    assert!(overdue.as_array().unwrap().iter().all(|a| a["overdue"] == true));
    // The sample's follow-ups have no owner yet (the report names none): the ambassador owns none.
    let khorev = cli(dir.path(), &["actions", "list", "--owner", "Khorev"]);
    assert!(khorev.status.success(), "{}", stderr(&khorev));
    assert_eq!(stdout(&khorev).trim(), "No actions.");
    assert_eq!(cli(dir.path(), &["actions", "list", "--owner", "Atlantis"]).status.code(), Some(1));
}

#[test]
fn actions_add_reads_a_quick_line_and_the_owner_then_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let added = cli(dir.path(), &["actions", "add", "Send the brochure @Khorev tomorrow !high", "--json"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let json: serde_json::Value = serde_json::from_slice(&added.stdout).unwrap();
    let action = &json[0];
    assert_eq!(action["title"], "Send the brochure");
    assert_eq!(action["priority"], "high");
    assert_eq!(action["ownerName"].as_str().map(|n| n.ends_with("Khorev")), Some(true), "{action}");
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Duration::days(1)).to_string();
    assert_eq!(action["dueOn"], tomorrow.as_str());
    let theirs = stdout(&cli(dir.path(), &["actions", "list", "--owner", "Khorev"]));
    assert!(theirs.contains("Send the brochure"), "{theirs}");

    let nobody = cli(dir.path(), &["actions", "add", "Call @Atlantis"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).contains("no one person is called \"Atlantis\""), "{}", stderr(&nobody));
    assert_eq!(cli(dir.path(), &["actions", "add", "!high today"]).status.code(), Some(1), "no title");
}

#[test]
fn backup_check_and_restore_round_trip_and_refuse_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    let copy = dir.path().join("friday.sqlite3");
    let backup = cli(dir.path(), &["backup", copy.to_str().unwrap()]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    assert!(stdout(&backup).starts_with("Backed up to "), "{}", stdout(&backup));

    let check = cli(dir.path(), &["check", copy.to_str().unwrap(), "--json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"], serde_json::json!([]));

    // A change after the backup, then the backup put back: the change is gone, and kept aside.
    let added = cli(dir.path(), &["actions", "add", "Send the minutes to the ministry"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let restore = cli(dir.path(), &["restore", copy.to_str().unwrap(), "--json"]);
    assert!(restore.status.success(), "{}", stderr(&restore));
    let restored: serde_json::Value = serde_json::from_slice(&restore.stdout).unwrap();
    assert!(Path::new(restored["previousSavedAs"].as_str().unwrap()).starts_with(dir.path().join("backups")));
    let actions = stdout(&cli(dir.path(), &["actions", "list"]));
    assert!(!actions.contains("Send the minutes to the ministry"), "{actions}");

    // A file that is not a backup: exit 1, one line, the data file untouched.
    let text = dir.path().join("list.sqlite3");
    std::fs::write(&text, "not a database at all, but long enough to look like one ".repeat(100)).unwrap();
    let refused = cli(dir.path(), &["restore", text.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).starts_with("attache-cli: This file cannot be restored:"), "{}", stderr(&refused));
    assert_eq!(cli(dir.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn check_exits_3_on_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    let copy = dir.path().join("copy.sqlite3");
    assert!(cli(dir.path(), &["backup", copy.to_str().unwrap()]).status.success());
    let mut bytes = std::fs::read(&copy).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0xA5);
    std::fs::write(&copy, bytes).unwrap();

    let check = cli(dir.path(), &["check", copy.to_str().unwrap()]);

    assert_eq!(check.status.code(), Some(3), "{}", stderr(&check));
    assert!(stdout(&check).contains("PROBLEMS FOUND"), "{}", stdout(&check));
    // A file that is not there is not damage: it is a refusal.
    let missing = cli(dir.path(), &["check", dir.path().join("gone.sqlite3").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn export_writes_a_list_as_csv_to_a_file_or_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    let file = dir.path().join("people.csv");
    let to_file = cli(dir.path(), &["export", "people", "-o", file.to_str().unwrap()]);
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("\u{feff}Honorific,Given name,Family name"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("Khorev"));
    let piped = cli(dir.path(), &["export", "organizations", "--search", "Sialkot"]);
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert!(stdout(&piped).lines().count() >= 2);
    assert!(stdout(&piped).contains("Sialkot"));

    // A workbook, which the import reads back: every row is somebody already known.
    let book = dir.path().join("people.xlsx");
    let excel = cli(dir.path(), &["export", "people", "-o", book.to_str().unwrap()]);
    assert!(excel.status.success(), "{}", stderr(&excel));
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK"), "a zip, as .xlsx files are");
    let again = cli(dir.path(), &["import", "people", book.to_str().unwrap(), "--dry-run", "--json"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let review: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(review["new"], 0);
    assert_eq!(review["duplicateCount"], review["rows"]);
    let nowhere = cli(dir.path(), &["export", "people", "--format", "xlsx"]);
    assert_eq!(nowhere.status.code(), Some(1));

    // vCards for an address book, which the import also reads back as people already known.
    let cards = dir.path().join("contacts.vcf");
    let vcf = cli(dir.path(), &["export", "people", "-o", cards.to_str().unwrap()]);
    assert!(vcf.status.success(), "{}", stderr(&vcf));
    assert!(std::fs::read_to_string(&cards).unwrap().starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    let back = cli(dir.path(), &["import", "people", cards.to_str().unwrap(), "--dry-run", "--json"]);
    assert!(back.status.success(), "{}", stderr(&back));
    let review: serde_json::Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_eq!(review["new"], 0, "{review}");
    assert_eq!(review["duplicateCount"], review["rows"]);
    let not_for_visits = cli(dir.path(), &["export", "visits", "--format", "vcard", "-o", cards.to_str().unwrap()]);
    assert_eq!(not_for_visits.status.code(), Some(1));

    // The sample visit's participants, in the order of precedence: the ambassador first.
    let delegation = cli(dir.path(), &["export", "participants", "--visit", "Sialkot Chamber"]);
    assert!(delegation.status.success(), "{}", stderr(&delegation));
    let lines: Vec<String> = stdout(&delegation).lines().map(str::to_owned).collect();
    assert!(lines[0].contains("Precedence,Side,Role,Name"), "{}", lines[0]);
    assert!(lines[1].starts_with("1,") && lines[1].contains("Khorev"), "{}", lines[1]);
    let which = cli(dir.path(), &["export", "participants"]);
    assert!(stderr(&which).contains("--visit"));
}

#[test]
fn import_says_what_it_would_do_imports_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.csv");
    // The sample visit's Khorev, in Cyrillic; a refused e-mail; a comma-separated file.
    std::fs::write(&file, "Name,Company,E-mail\nАльберт Хорев,ТПП РФ,\nOlga Smirnova,Посольство России,not-mail\nAyesha Raza,Sialkot Chamber,ayesha@scci.pk\n").unwrap();
    let path = file.to_str().unwrap();
    let dry = cli(dir.path(), &["import", "people", path, "--dry-run", "--json"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let review: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(review["rows"], 3);
    assert_eq!(review["refusedCount"], 1);
    assert_eq!(review["refused"][0]["problem"]["field"], "email");

    let refused = dir.path().join("refused.csv");
    let done = cli(
        dir.path(),
        &["import", "people", path, "--duplicates", "skip", "--refused", refused.to_str().unwrap(), "--json"],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let summary: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(summary["refused"], 1);
    assert!(std::fs::read_to_string(&refused).unwrap().contains("not-mail"));
    let people = stdout(&cli(dir.path(), &["export", "people", "--search", "Ayesha"]));
    assert!(people.contains("Ayesha"), "{people}");

    let undo = cli(dir.path(), &["import", "undo"]);
    assert!(undo.status.success(), "{}", stderr(&undo));
    assert!(!stdout(&cli(dir.path(), &["export", "people", "--search", "Ayesha"])).contains("Ayesha"));
    let again = cli(dir.path(), &["import", "undo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("no import to undo"), "{}", stderr(&again));

    let wrong = cli(dir.path(), &["import", "people", path, "--map", "Company=spaceship"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("not a field"));
}

#[test]
fn merge_makes_two_records_of_a_person_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("twins.csv");
    std::fs::write(&file, "Name,E-mail,Phone\nIrina Volkova,irina@mid.ru,\nIrina Volkova,,+7 495 000\n").unwrap();
    let import = cli(dir.path(), &["import", "people", file.to_str().unwrap(), "--duplicates", "create", "--json"]);
    assert!(import.status.success(), "{}", stderr(&import));
    let ambiguous = cli(dir.path(), &["merge", "people", "--keep", "Volkova", "--other", "Volkova"]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(stderr(&ambiguous).contains("matches several"), "{}", stderr(&ambiguous));
    let ids: Vec<String> =
        stderr(&ambiguous).lines().skip(1).filter_map(|l| l.split_whitespace().next().map(str::to_owned)).collect();
    let merged =
        cli(dir.path(), &["merge", "people", "--keep", &ids[0], "--other", &ids[1], "--take", "phone", "--json"]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    let person: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!(person["phone"], "+7 495 000");
    assert_eq!(person["email"], "irina@mid.ru");
    let listed = stdout(&cli(dir.path(), &["export", "people", "--search", "Volkova"]));
    assert_eq!(listed.lines().count(), 2, "the heading and one person: {listed}");
}

fn cli_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("ATTACHE_PASSPHRASE")
        .env_remove("ATTACHE_NEW_PASSPHRASE")
        .envs(env.iter().copied())
        .output()
        .expect("run attache-cli")
}

#[test]
fn encryption_is_turned_on_used_through_the_environment_and_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    assert!(cli(dir.path(), &["backup", dir.path().join("before.sqlite3").to_str().unwrap()]).status.success());
    let no_new = cli(dir.path(), &["encryption", "on"]);
    assert_eq!(no_new.status.code(), Some(1));
    assert!(stderr(&no_new).contains("ATTACHE_NEW_PASSPHRASE"), "{}", stderr(&no_new));

    let on =
        cli_with(dir.path(), &[("ATTACHE_NEW_PASSPHRASE", "correct horse battery")], &["encryption", "on", "--json"]);
    assert!(on.status.success(), "{}", stderr(&on));
    let report: serde_json::Value = serde_json::from_slice(&on.stdout).unwrap();
    assert_eq!(report["encrypted"], true);
    assert_eq!(stdout(&cli(dir.path(), &["encryption", "status", "--json"])).trim(), r#"{"encrypted":true}"#);

    let locked = cli_with(dir.path(), &[], &["agreements", "list"]);
    assert_eq!(locked.status.code(), Some(1));
    assert!(stderr(&locked).contains("encrypted"), "{}", stderr(&locked));
    let wrong = cli_with(dir.path(), &[("ATTACHE_PASSPHRASE", "wrong horse battery")], &["agreements", "list"]);
    assert!(stderr(&wrong).contains("does not open"), "{}", stderr(&wrong));
    let key = [("ATTACHE_PASSPHRASE", "correct horse battery")];
    let listed = cli_with(dir.path(), &key, &["agreements", "list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(stdout(&listed).contains("Agreements and MoUs"), "{}", stdout(&listed));
    let check = cli_with(dir.path(), &key, &["check"]);
    assert!(stdout(&check).contains("sound"), "{}", stdout(&check));

    let off = cli_with(dir.path(), &key, &["encryption", "off"]);
    assert!(off.status.success(), "{}", stderr(&off));
    assert!(stdout(&off).starts_with("The data file is not encrypted now"), "{}", stdout(&off));
    assert!(cli_with(dir.path(), &[], &["agreements", "list"]).status.success());
}

#[test]
fn the_whole_store_goes_out_as_json_and_is_restored_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("everything.json");
    let out = cli(dir.path(), &["export", "all", "--format", "json", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("The whole store ("), "{}", stderr(&out));
    let document: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(document["format"], "attache-store");
    let csv = cli(dir.path(), &["export", "people", "--format", "json"]);
    assert_eq!(csv.status.code(), Some(1), "JSON is for the whole store only");

    let elsewhere = tempfile::tempdir().unwrap();
    let restored = cli(elsewhere.path(), &["restore", file.to_str().unwrap(), "--json"]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    let listed = cli(elsewhere.path(), &["agreements", "list"]);
    assert!(stdout(&listed).contains("Agreements and MoUs"), "{}", stdout(&listed));
}

/// The PDF's text as poppler's pdftotext reads it (Latin and Cyrillic; it garbles Arabic script).
fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (Debian: poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn documents_are_written_as_pdf_for_a_visit_found_by_words() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.pdf");
    let out = cli(dir.path(), &["brief", "--visit", "Russian Ambassador", "-o", brief.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("page"));
    let text = pdftotext(&brief);
    assert!(text.contains("Albert P. Khorev") && text.contains("Альберт Хорев"), "{text}");

    let seating = dir.path().join("seating.pdf");
    let item = ["--visit", "Russian Ambassador", "--item", "meeting with SCCI", "--lang", "ru", "-o"];
    let out = cli(dir.path(), &[&["seating"][..], &item, &[seating.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdftotext(&seating).to_lowercase().contains("план рассадки"));

    let day = dir.path().join("day.pdf");
    let out = cli(
        dir.path(),
        &["runsheet", "--visit", "Russian Ambassador", "--day", "28.01.2026", "-o", day.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not a date"), "{}", stderr(&out));
    assert!(!day.exists());

    let out = cli(dir.path(), &["seating", "--visit", "Russian Ambassador", "-o", day.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--item"));
    let out = cli(dir.path(), &["badges", "--visit", "Russian Ambassador", "-o", "/nonexistent-folder/badges.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write /nonexistent-folder/badges.pdf"), "{}", stderr(&out));
    let out = cli(dir.path(), &["report", "--visit", "Russian Ambassador", "--lang", "fr", "-o", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_gift_register_of_a_year_goes_out_as_pdf_excel_or_csv() {
    use attache_core::kernel::listing::ListQuery;
    use attache_core::registers::gifts::{self, GiftDirection, GiftDisposition, GiftInput};
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    {
        let mut store = attache_core::Store::open(&dir.path().join("attache.sqlite3")).unwrap();
        let visit = attache_core::visits::list(store.conn(), &Default::default()).unwrap().items.remove(0);
        let search = |words: &str| attache_core::directory::people::PersonQuery {
            list: ListQuery { search: Some(words.into()), ..Default::default() },
            ..Default::default()
        };
        let person =
            |words| attache_core::directory::people::list(store.conn(), &search(words)).unwrap().items.remove(0).id;
        let (mazhar, khorev) = (person("Mazhar"), person("Khorev"));
        let input = GiftInput {
            visit_id: visit.id,
            engagement_id: None,
            direction: GiftDirection::Given,
            description: "=HYPERLINK(\"x\") Hand-stitched football".into(),
            given_on: "2026-01-28".into(),
            giver_person_id: Some(mazhar),
            giver_organization_id: None,
            receiver_person_id: Some(khorev),
            receiver_organization_id: None,
            value_amount: Some(120.0),
            value_currency: Some("USD".into()),
            disposition: GiftDisposition::Kept,
            notes: None,
        };
        gifts::create(&mut store, input).unwrap();
    }
    let pdf = dir.path().join("gifts.pdf");
    let out = cli(dir.path(), &["gifts", "export", "--year", "2026", "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext(&pdf);
    assert!(text.contains("Gifts given and received in 2026") && text.contains("USD 120.00"), "{text}");

    let out = cli(dir.path(), &["gifts", "export", "--year", "2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(csv.contains("Date given,Given or received,Gift"), "{csv}");
    assert!(csv.contains("2026-01-28,given,\"'=HYPERLINK(\"\"x\"\") Hand-stitched football\""), "{csv}");

    let out = cli(dir.path(), &["gifts", "export", "--year", "2025"]);
    assert_eq!(stdout(&out).lines().count(), 1, "a year without gifts has the headings alone");
    let out = cli(dir.path(), &["gifts", "export", "--year", "twenty"]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(dir.path(), &["gifts", "export", "--year", "2026", "-o", "/nonexistent-folder/gifts.pdf"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn outcomes_are_listed_and_exported_and_the_kpis_counted() {
    use attache_core::outcomes::{self, OutcomeInput, OutcomeKind, OutcomeStatus, YearValue};
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(dir.path(), &["sample"]).status.success());
    let out = cli(dir.path(), &["outcomes", "list"]);
    assert!(stdout(&out).contains("No outcomes."), "{}", stdout(&out));
    {
        let mut store = attache_core::Store::open(&dir.path().join("attache.sqlite3")).unwrap();
        let visits = attache_core::visits::list(store.conn(), &Default::default()).unwrap().items;
        let visit = visits.into_iter().find(|v| v.title.starts_with("Russian Ambassador")).unwrap();
        let input = OutcomeInput {
            visit_id: visit.id,
            action_id: None,
            kind: OutcomeKind::Deal,
            title: "Scalpels for Kazan".into(),
            status: OutcomeStatus::Confirmed,
            organization_id: None,
            partner_organization_id: None,
            person_id: None,
            sector_id: None,
            currency: Some("USD".into()),
            values: vec![YearValue { year: 2026, amount: 100_000.0 }, YearValue { year: 2027, amount: 50_000.0 }],
            help_percent: Some(40),
            reported_on: "2026-06-01".into(),
            notes: None,
        };
        outcomes::create(&mut store, input).unwrap();
    }
    let out = cli(dir.path(), &["outcomes", "list", "--year", "2026"]);
    assert!(stdout(&out).contains("Scalpels for Kazan") && stdout(&out).contains("USD 150000"), "{}", stdout(&out));
    let out = cli(dir.path(), &["outcomes", "list", "--json"]);
    assert!(stdout(&out).contains("\"total\": 150000.0"), "{}", stdout(&out));
    let xlsx = dir.path().join("outcomes.xlsx");
    let out = cli(dir.path(), &["outcomes", "export", "-o", xlsx.to_str().unwrap()]);
    assert!(out.status.success() && xlsx.exists(), "{}", stderr(&out));

    let out = cli(dir.path(), &["outcomes", "kpis", "--from", "2026-01-01", "--to", "2026-12-31", "--json"]);
    let k: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (k["visits"].as_u64(), k["outcomes"].as_u64(), k["outcomesConfirmed"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(k["valueByYear"][1]["confirmed"].as_f64(), Some(50_000.0));
    let out = cli(dir.path(), &["outcomes", "kpis", "--from", "2026-01-01"]);
    assert!(
        stdout(&out).contains("Figure,Year,Value,Currency") && stdout(&out).contains("Value confirmed,2027,50000"),
        "{}",
        stdout(&out)
    );
    let out = cli(dir.path(), &["outcomes", "kpis", "--from", "January"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("From"), "{}", stderr(&out));

    let caterer = dir.path().join("caterer.pdf");
    let out = cli(dir.path(), &["caterer", "--visit", "Russian Ambassador", "-o", caterer.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdftotext(&caterer).contains("No meals are planned"));
}
