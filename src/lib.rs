//! Foresight: a toolkit for systems-approach case reviews in child
//! protection.
//!
//! The core — [`model`], [`store`], [`edit`], [`document`], [`taxonomy`], [`timetable`],
//! [`validate`], [`merge`] — knows nothing of the GUI. The desktop app ([`ui`]) and the
//! command line ([`cli`]) are thin layers over it.

pub mod analysis;
pub mod anonymise;
pub mod cli;
pub mod document;
pub mod edit;
pub mod examples;
pub mod export;
pub mod generate;
pub mod import;
pub mod library;
pub mod merge;
pub mod model;
pub mod publication;
pub mod report;
pub mod store;
pub mod taxonomy;
pub mod timetable;
pub mod ui;
pub mod validate;
