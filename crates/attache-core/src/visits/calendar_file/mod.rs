//! Calendar files (.ics, RFC 5545): a visit's programme or a person's own programme out to the
//! calendars people already use, and events from them into a visit.

mod export;
mod import;
mod zones;

pub use export::{person_calendar, visit_calendar, UID_DOMAIN};
pub use import::{check_size, import, preview, ImportReport, ImportedEvent, SkipReason, MAX_MEGABYTES};
