//! Visits: the visit itself (incoming, outgoing or hosted), its programme hour by hour, who
//! takes part, the venues it uses, and the whole visit at a glance.

mod visit;

pub mod calendar_file;
pub mod conflicts;
pub mod dossier;
pub mod engagements;
pub mod meals;
pub mod overview;
pub mod participants;
pub mod precedence;
pub mod printings;
pub mod seating;
pub mod travel;
pub mod vehicles;
pub mod venues;
pub mod workflow;

pub use visit::*;
