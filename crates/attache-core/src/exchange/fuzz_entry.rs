//! Entry points for the fuzz targets in `fuzz/` and for their regression test: each hands
//! bytes to one importer as a user's file would reach it. An error is the expected answer to
//! most inputs; a panic, a hang or a crash is a finding.

use std::path::PathBuf;

use crate::exchange::import::{self, Target};
use crate::exchange::whole_store;
use crate::kernel::ids::VisitId;
use crate::store::{open_user_store, Key};
use crate::visits::calendar_file;
use crate::Store;

/// A store with the sample visit, in a folder of its own, that inputs are tried against.
pub struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
    visit: VisitId,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let store = open_user_store(&dir.path().join("attache.sqlite3"), &Key::none()).expect("the sample store");
        let visit =
            store.conn().query_row("SELECT id FROM visits LIMIT 1", [], |r| r.get(0)).expect("the sample visit");
        Fixture { dir, store, visit }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write the input");
        path
    }

    /// A contact file with this extension (`csv`, `vcf`, `xlsx`, `ods`, `xls`): read, then
    /// reviewed for people and for organizations against the sample's records.
    pub fn contacts(&mut self, bytes: &[u8], extension: &str) {
        let path = self.file(&format!("contacts.{extension}"), bytes);
        if let Ok(source) = import::read(&path, None) {
            for target in [Target::People, Target::Organizations] {
                let _ = import::review(self.store.conn(), &source, target, None);
            }
        }
    }

    /// A calendar file previewed into the sample visit (nothing is kept).
    pub fn calendar(&mut self, bytes: &[u8]) {
        let _ = calendar_file::preview(&mut self.store, &self.visit, bytes);
    }

    /// A whole-store document restored over a closed store of its own.
    pub fn whole_store(&mut self, bytes: &[u8]) {
        let document = self.file("document.json", bytes);
        let safety = self.dir.path().join("backups");
        let _ = whole_store::restore(&self.dir.path().join("restored.sqlite3"), &document, &safety, &Key::none());
        let _ = std::fs::remove_dir_all(safety);
    }
}

impl Default for Fixture {
    fn default() -> Self {
        Fixture::new()
    }
}
