//! What every area of the domain shares.

pub(crate) mod countries;
pub(crate) mod local_time;
pub(crate) mod text_enum;

pub mod audit;
pub mod audit_names;
pub(crate) mod audit_rows;
pub mod clock;
pub mod error;
pub mod ids;
pub mod listing;
pub mod record;
pub mod transliteration;
pub mod validate;
