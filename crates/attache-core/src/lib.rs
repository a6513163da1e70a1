//! Attaché's core: the domain of trade-delegation visits and the SQLite store that keeps it.
//! Nothing here knows about Tauri or the UI; every capability of the app is a function here.

mod countries;
mod local_time;
mod text_enum;

pub mod audit;
pub mod bulk;
pub mod error;
pub mod ids;
pub mod listing;
pub mod record;
pub mod sectors;
pub mod store;
pub mod validate;

pub mod actions;
pub mod agreements;
pub mod engagements;
pub mod organizations;
pub mod overview;
pub mod participants;
pub mod people;
pub mod sample;
pub mod settings;
pub mod venues;
pub mod visits;

pub use error::{AppError, CoreError, CoreResult, ErrorCode};
pub use rusqlite::Connection;
pub use store::Store;
