//! The importers against what no office means to send them: random bytes, valid files with
//! random damage, and hostile text. Whatever comes in, reading gives a grid or a clear error
//! naming the file, a review and an import never panic, and text is kept exactly as written
//! (trimmed of the spaces around it), never interpreted.

mod common;

use std::path::Path;

use attache_core::directory::people::{self, PersonQuery};
use attache_core::exchange::import::{self, Decision, ImportChoices, Target};
use attache_core::fixtures::bulk::Dice as Random;
use attache_core::Store;
use common::temp_store;

const CSV: &str =
    "First Name,Last Name,Company,E-mail\nAlbert,Khorev,\"TPP, RF\",a@tpprf.ru\nOlga,Smirnova,MID,o@mid.ru\n";
const VCARD: &str =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Khorev;Albert;;;\r\nFN:Albert Khorev\r\nEMAIL:a@tpprf.ru\r\nEND:VCARD\r\n";

/// Overwrites, inserts and deletes a few bytes at random places.
fn damaged(random: &mut Random, valid: &[u8]) -> Vec<u8> {
    let mut bytes = valid.to_vec();
    for _ in 0..=random.below(8) {
        if bytes.is_empty() {
            bytes.push(random.roll() as u8);
            continue;
        }
        let at = random.below(bytes.len());
        match random.below(3) {
            0 => bytes[at] = random.roll() as u8,
            1 => bytes.insert(at, random.roll() as u8),
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}

fn noise(random: &mut Random) -> Vec<u8> {
    (0..random.below(600)).map(|_| random.roll() as u8).collect()
}

/// Reads, reviews and imports the file; only a clean refusal may stop it.
fn survive(store: &mut Store, path: &Path, seed: u64) {
    let Ok(source) = import::read(path, None) else { return };
    let review = import::review(store.conn(), &source, Target::People, None)
        .unwrap_or_else(|e| panic!("seed {seed}: a review failed other than by a refusal: {e}"));
    let choices = ImportChoices {
        target: Target::People,
        mapping: review.mapping,
        duplicates: Decision::Merge,
        decisions: vec![],
    };
    if let Err(error) = import::apply(store, &source, &choices, &mut |_, _| true) {
        assert!(
            matches!(error, attache_core::CoreError::Validation { .. } | attache_core::CoreError::Conflict { .. }),
            "seed {seed}: {error:?}"
        );
    }
}

fn xlsx_bytes(dir: &Path) -> Vec<u8> {
    let path = dir.join("valid.xlsx");
    let script = "import openpyxl, sys\nwb = openpyxl.Workbook(); ws = wb.active\nws.append(['Name', 'Company'])\nws.append(['Albert Khorev', 'TPP RF'])\nwb.save(sys.argv[1])";
    let out = std::process::Command::new("/usr/bin/python3").args(["-c", script]).arg(&path).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(path).unwrap()
}

#[test]
fn damaged_and_random_files_are_refused_or_read_never_a_panic() {
    let (dir, mut store) = temp_store();
    let xlsx = xlsx_bytes(dir.path());
    let mut random = Random(0x5eed_a77a_c4e0_0001);
    for round in 0..1_500u64 {
        let seed = random.0;
        let (name, bytes) = match round % 5 {
            0 => ("damaged.csv", damaged(&mut random, CSV.as_bytes())),
            1 => ("damaged.vcf", damaged(&mut random, VCARD.as_bytes())),
            2 => ("damaged.xlsx", damaged(&mut random, &xlsx)),
            3 => ("noise.csv", noise(&mut random)),
            _ => ("noise.ods", noise(&mut random)),
        };
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        survive(&mut store, &path, seed);
    }
    let check: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn hostile_text_is_kept_as_written() {
    let (dir, mut store) = temp_store();
    let long = "Ж".repeat(10_000);
    let hostile = [
        "<script>alert('x')</script>",
        "=cmd|' /C calc'!A0",
        "Robert'); DROP TABLE people;--",
        "\u{202e}txt.exe",
        "Zero\u{200b}Width\u{feff}Joiner",
        "محمد علی",
        "{{7*7}} ${7*7} #{7*7}",
        "👩🏽‍💼 Ayesha",
    ];
    let mut text = String::from("Given name,Family name,Notes\n");
    for (i, value) in hostile.iter().enumerate() {
        let quoted = value.replace('"', "\"\"");
        text.push_str(&format!("\"{quoted}\",Hostile{},\"{quoted}\"\n", "x".repeat(i + 1)));
    }
    text.push_str(&format!("Long,Name,\"{long}\"\n"));
    let path = dir.path().join("hostile.csv");
    std::fs::write(&path, text).unwrap();
    let source = import::read(&path, None).unwrap();
    let review = import::review(store.conn(), &source, Target::People, None).unwrap();
    let choices = ImportChoices {
        target: Target::People,
        mapping: review.mapping.clone(),
        duplicates: Decision::Create,
        decisions: vec![],
    };
    let summary = import::apply(&mut store, &source, &choices, &mut |_, _| true).unwrap();
    assert_eq!(summary.created as usize + summary.refused as usize, hostile.len() + 1);
    let kept = people::all(store.conn(), &PersonQuery::default()).unwrap();
    for value in hostile {
        let trimmed = value.trim();
        assert!(
            kept.iter().any(|p| p.given_name == trimmed && p.notes.as_deref() == Some(trimmed)),
            "{value:?} not kept as written"
        );
    }
    // Notes are long text; whatever the limit, a refusal names the field and nothing is cut.
    if let Some(row) = review.refused.iter().find(|r| r.name.starts_with("Long")) {
        assert_eq!(row.problem.field, "notes");
    } else {
        assert!(kept.iter().any(|p| p.notes.as_deref() == Some(long.as_str())));
    }
}
