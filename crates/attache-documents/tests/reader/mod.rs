//! The sample store and an independent reader of the PDFs made from it.

// Each test file uses some of these, not all.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use attache_core::Store;

pub fn sample_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("attache.db")).unwrap();
    attache_core::fixtures::sample::load(&mut store).unwrap();
    (dir, store)
}

/// The PDF's text as pypdf extracts it, page after page (pypdf keeps table rows in order and
/// reads Arabic script, which poppler's pdftotext garbles).
pub fn pdf_text(pdf: &[u8]) -> String {
    let script = "import sys, io, pypdf\nr = pypdf.PdfReader(io.BytesIO(sys.stdin.buffer.read()))\nsys.stdout.write('\\n'.join(p.extract_text() for p in r.pages))";
    let mut child = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("python3 with pypdf (Debian: python3-pypdf)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pypdf could not read the PDF");
    String::from_utf8(out.stdout).unwrap().replace('\u{200B}', "")
}

/// Text without any white space, in lower case: PDF readers put spaces where glyphs are kerned
/// apart, and titles are set in capitals.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}
