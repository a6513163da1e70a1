//! The registers a protocol office keeps beside its visits: the gifts given and received.

pub mod gifts;
