//! Foresight: a toolkit for systems-approach case reviews in child
//! protection.
//!
//! This crate is the desktop app ([`ui`], behind the default `gui`
//! feature) over the workspace's library crates, whose modules it
//! re-exports so that one path names each thing:
//!
//! - `foresight-core`: [`model`], [`store`], [`edit`], [`document`],
//!   [`dates`], [`taxonomy`], [`timetable`], [`validate`], [`merge`],
//!   [`import`], [`anonymise`], [`analysis`], [`diagram`], [`examples`],
//!   [`generate`];
//! - `foresight-publish`: [`readiness`], [`placeholders`], [`publication`], [`export`],
//!   [`report`];
//! - `foresight-library`: [`library`];
//! - `foresight-cli`: [`cli`].
//!
//! The app and the command line are thin layers over the library crates,
//! which know nothing of either.

pub use foresight_cli as cli;
pub use foresight_core::{
    analysis, anonymise, dates, diagram, document, edit, examples, generate, import, merge, model,
    store, taxonomy, timetable, validate,
};
pub use foresight_library as library;
pub use foresight_publish::{export, placeholders, publication, readiness, report};

#[cfg(feature = "gui")]
pub mod ui;
