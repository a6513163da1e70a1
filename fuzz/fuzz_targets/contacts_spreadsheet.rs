//! A spreadsheet (.xlsx, .ods or .xls, chosen by the first byte) read and reviewed.
#![no_main]

use std::cell::RefCell;

use attache_core::exchange::fuzz_entry::Fixture;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static FIXTURE: RefCell<Fixture> = {
        // libfuzzer-sys aborts at the first panic, even one the reader catches: calamine panics
        // on some files, and the reader refuses those as damaged. A quiet hook lets such a
        // panic unwind to that catch; one that escapes still reaches libfuzzer-sys and aborts.
        std::panic::set_hook(Box::new(|_| {}));
        RefCell::new(Fixture::new())
    };
}

fuzz_target!(|bytes: &[u8]| {
    FIXTURE.with(|fixture| {
        let Some((&kind, rest)) = bytes.split_first() else { return };
        fixture.borrow_mut().contacts(rest, ["xlsx", "ods", "xls"][usize::from(kind % 3)])
    });
});
