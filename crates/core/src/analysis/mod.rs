//! Analysis derived from a review, never stored in it: recomputed from the
//! review whenever it is needed, so it can never disagree with it.

pub mod coverage;
pub mod journey;
pub mod language;
pub mod layout;
pub mod loops;
pub mod ripple;
pub mod stages;

#[cfg(test)]
mod loop_tests;
