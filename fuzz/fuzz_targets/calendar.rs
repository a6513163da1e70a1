//! A calendar file previewed into the sample visit.
#![no_main]

use std::cell::RefCell;

use attache_core::exchange::fuzz_entry::Fixture;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static FIXTURE: RefCell<Fixture> = RefCell::new(Fixture::new());
}

fuzz_target!(|bytes: &[u8]| {
    FIXTURE.with(|fixture| fixture.borrow_mut().calendar(bytes));
});
