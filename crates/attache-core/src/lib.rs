//! Attaché's core: the domain of trade-delegation visits and the SQLite store that keeps it.
//! Nothing here knows about Tauri or the UI; every capability of the app is a function here,
//! and the desktop shell and the command line are thin faces over it.
//!
//! The folders follow the product's areas, so a feature is found by its name:
//!
//! | folder | holds |
//! |---|---|
//! | [`kernel`] | what every area shares: ids, errors, records and soft delete, the audit log, lists, validation, time |
//! | [`store`] | the one place that opens the database, its migrations, settings |
//! | [`directory`] | people, organizations, the sector taxonomy |
//! | [`visits`] | visits, their programme, participants, venues, the whole-visit overview |
//! | [`agreements`] | MoUs and other agreements, their parties and sectors |
//! | [`actions`] | follow-up actions |
//! | [`outcomes`] | what missions brought (deals, joint ventures, letters of intent…) and the mission KPIs |
//! | [`registers`] | the registers protocol keeps: gifts given and received |
//! | [`dashboard`] | where things stand today, across areas |
//! | [`fixtures`] | the built-in sample visit, and (feature `fixtures`) the large-data generator |
//!
//! # Deleted records
//! Nothing is erased: deleting sets `deleted_at`, and restoring clears it. One rule decides
//! what a deleted record hides, the same in every list, count, search and the dashboard:
//! a record whose **owner** is deleted is hidden from default lists and counts, and shown,
//! marked `belongs_to_deleted`, when a list is asked to include deleted records (the owner's
//! page under "Show deleted"). The owners are: for a programme item, its visit; for a
//! participant, its visit and its person; for an agreement, the visit it was signed at; for an
//! action, its visit and its agreement (and so that agreement's visit); for a gift or an outcome, its visit. Any other reference is a
//! **link**: a link to a deleted record never hides anything; the record carries a
//! `<link>_deleted` flag and the UI shows the name struck through. A search never matches
//! through a deleted record (people are not found by a deleted organization's name). The
//! SQL for each owner rule sits beside the list it filters, as `*_LIVE_OWNERS` constants.

pub mod kernel;
pub mod store;

pub mod actions;
pub mod agreements;
pub mod dashboard;
pub mod directory;
pub mod documents;
pub mod exchange;
pub mod fixtures;
pub mod outcomes;
pub mod pipeline;
pub mod registers;
pub mod reminders;
pub mod visits;

pub use kernel::error::{AppError, CoreError, CoreResult, ErrorCode};
pub use rusqlite::Connection;
pub use store::Store;
