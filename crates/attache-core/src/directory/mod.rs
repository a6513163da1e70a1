//! The directory: the people and organizations Attaché knows, and the sectors they work in.

pub mod merge;
pub mod organizations;
pub mod people;
pub mod sectors;
