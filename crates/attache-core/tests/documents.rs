mod common;

use std::path::{Path, PathBuf};

use attache_core::documents;
use attache_core::kernel::audit;
use attache_core::kernel::error::Reason;
use attache_core::kernel::record::RecordKind;
use attache_core::{agreements, CoreError};

fn file(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn kept_files(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for shard in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        for entry in std::fs::read_dir(shard.path()).into_iter().flatten().flatten() {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found.sort();
    found
}

fn refusal<T: std::fmt::Debug>(result: attache_core::CoreResult<T>) -> (String, Reason) {
    match result.expect_err("refused") {
        CoreError::Validation { field, reason, .. } => (field, reason),
        other => panic!("not a refusal: {other:?}"),
    }
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

#[test]
fn the_same_file_is_kept_once_and_freed_when_its_last_link_goes() {
    let (dir, mut store) = common::temp_store();
    let outside = tempfile::tempdir().unwrap();
    let mou = agreements::create(&mut store, common::agreement_input("MoU on surgical instruments")).unwrap().id;
    let person = common::person(&mut store, "Albert", "Khorev").id;
    let scan = file(outside.path(), "Signed MoU.pdf", PDF);

    let on_mou = documents::attach(&mut store, RecordKind::Agreement, mou.as_str(), &scan).unwrap();
    assert_eq!((on_mou.file_name.as_str(), on_mou.media_type.as_str()), ("Signed MoU.pdf", "application/pdf"));
    assert_eq!(on_mou.size_bytes, PDF.len() as i64);
    let copy = file(outside.path(), "copy.PDF", PDF);
    let on_person = documents::attach(&mut store, RecordKind::Person, person.as_str(), &copy).unwrap();
    assert_eq!(on_person.sha256, on_mou.sha256);
    let folder = documents::folder(&store);
    assert_eq!(kept_files(&folder), [format!("{}.pdf", on_mou.sha256)], "kept once");
    assert!(folder.starts_with(dir.path()));
    let opened = documents::path_of(&store, &on_mou.id).unwrap();
    assert_eq!(std::fs::read(&opened).unwrap(), PDF);

    assert_eq!(documents::list(store.conn(), RecordKind::Agreement, mou.as_str()).unwrap().len(), 1);
    let history = audit::history(store.conn(), RecordKind::Agreement, mou.as_str()).unwrap();
    assert!(history.last().unwrap().changes.contains(r#""after":["Signed MoU.pdf"]"#), "{:?}", history.last());

    documents::remove(&mut store, &on_mou.id).unwrap();
    assert!(documents::list(store.conn(), RecordKind::Agreement, mou.as_str()).unwrap().is_empty());
    assert_eq!(kept_files(&folder).len(), 1, "the person still uses it");
    documents::remove(&mut store, &on_person.id).unwrap();
    assert!(kept_files(&folder).is_empty(), "freed with its last link");
}

#[test]
fn programs_misnamed_files_unknown_kinds_and_oversized_or_missing_files_are_refused_and_nothing_is_kept() {
    let (_dir, mut store) = common::temp_store();
    let outside = tempfile::tempdir().unwrap();
    let mou = agreements::create(&mut store, common::agreement_input("MoU")).unwrap().id;
    let attach = |store: &mut attache_core::Store, path: &Path| {
        documents::attach(store, RecordKind::Agreement, mou.as_str(), path)
    };

    let exe = file(outside.path(), "setup.exe", b"MZ\x90\0\x03");
    assert_eq!(refusal(attach(&mut store, &exe)), ("file".into(), Reason::FileTypeRefused { extension: "exe".into() }));
    let renamed = file(outside.path(), "report.pdf", b"MZ\x90\0\x03\0\0\0");
    assert_eq!(refusal(attach(&mut store, &renamed)), ("file".into(), Reason::FileIsProgram));
    let script = file(outside.path(), "notes.txt", b"#!/bin/sh\nrm -rf ~\n");
    assert_eq!(refusal(attach(&mut store, &script)), ("file".into(), Reason::FileIsProgram));
    let zip = file(outside.path(), "minutes.pdf", b"PK\x03\x04\x14\0\0\0");
    assert_eq!(
        refusal(attach(&mut store, &zip)),
        ("file".into(), Reason::FileTypeMismatch { extension: "pdf".into() })
    );
    let huge = outside.path().join("scan.pdf");
    let handle = std::fs::File::create(&huge).unwrap();
    handle.set_len(u64::from(documents::MAX_MEGABYTES) * 1024 * 1024 + 1).unwrap();
    assert_eq!(refusal(attach(&mut store, &huge)), ("file".into(), Reason::FileTooLarge { megabytes: 100 }));
    let (field, reason) = refusal(attach(&mut store, &outside.path().join("gone.pdf")));
    assert!(field == "file" && matches!(reason, Reason::FileUnreadable { .. }), "{reason:?}");

    agreements::delete(&mut store, &mou).unwrap();
    let fine = file(outside.path(), "fine.pdf", PDF);
    let (field, reason) = refusal(attach(&mut store, &fine));
    assert_eq!((field.as_str(), reason), ("recordId", Reason::ChosenDeleted { record: RecordKind::Agreement }));

    assert!(kept_files(&documents::folder(&store)).is_empty(), "nothing half-kept");
    let rows: i64 = store.conn().query_row("SELECT count(*) FROM attachments", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn a_hostile_file_name_is_kept_verbatim() {
    let (_dir, mut store) = common::temp_store();
    let outside = tempfile::tempdir().unwrap();
    let person = common::person(&mut store, "Salman", "Sheikh").id;
    let name = "<img src=x onerror=alert(1)> Протокол سیالکوٹ.txt";
    let note = file(outside.path(), name, "Повестка дня\n".as_bytes());
    let kept = documents::attach(&mut store, RecordKind::Person, person.as_str(), &note).unwrap();
    assert_eq!(kept.file_name, name);
    assert_eq!(kept.media_type, "text/plain");
}

#[test]
fn a_file_stays_while_a_kept_backup_links_to_it_so_a_restore_finds_it_and_goes_after() {
    use attache_core::store::backups;
    use chrono::NaiveDate;
    let (dir, mut store) = common::temp_store();
    let outside = tempfile::tempdir().unwrap();
    let mou = agreements::create(&mut store, common::agreement_input("MoU on surgical instruments")).unwrap().id;
    let scan =
        documents::attach(&mut store, RecordKind::Agreement, mou.as_str(), &file(outside.path(), "MoU.pdf", PDF))
            .unwrap();
    let folder = documents::folder(&store);
    let path = store.path().to_path_buf();
    let backups_dir = dir.path().join(backups::FOLDER);
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    backups::daily(&path, &backups_dir, 1, monday, store.key()).unwrap();

    documents::remove(&mut store, &scan.id).unwrap();
    assert_eq!(kept_files(&folder).len(), 1, "Monday's backup still links to it");
    drop(store);
    let monday_backup = backups::list(&backups_dir).unwrap().remove(0);
    backups::restore(&path, Path::new(&monday_backup.path), &backups_dir, &attache_core::store::Key::none()).unwrap();
    let mut store = attache_core::Store::open(&path).unwrap();
    let restored = documents::list(store.conn(), RecordKind::Agreement, mou.as_str()).unwrap();
    assert_eq!(std::fs::read(documents::path_of(&store, &restored[0].id).unwrap()).unwrap(), PDF);

    // Unlinked again; once no kept backup links to it either (and it has settled), it goes.
    documents::remove(&mut store, &restored[0].id).unwrap();
    for backup in backups::list(&backups_dir).unwrap() {
        std::fs::remove_file(&backup.path).unwrap();
    }
    let kept = folder.join(&scan.sha256[..2]).join(format!("{}.pdf", scan.sha256));
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 60 * 60);
    std::fs::File::options().write(true).open(&kept).unwrap().set_modified(long_ago).unwrap();
    let attached_now = documents::attach(
        &mut store,
        RecordKind::Agreement,
        mou.as_str(),
        &file(outside.path(), "new.pdf", b"%PDF-1.7\nnew\n%%EOF\n"),
    )
    .unwrap();
    let tuesday = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    backups::daily(&path, &backups_dir, 1, tuesday, store.key()).unwrap();
    assert_eq!(kept_files(&folder), [format!("{}.pdf", attached_now.sha256)], "only the linked file is left");
}
