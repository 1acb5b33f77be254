//! Foresight's core: a review and everything that can be done with it
//! without a window or a report writer.
//!
//! The review's records ([`model`]) and its file ([`store`]); edits as
//! commands with exact inverses ([`edit`]) over one open [`document`];
//! dates as people write them ([`dates`]); taxonomies of factors
//! ([`taxonomy`]) and the statutory clock ([`timetable`]); validation
//! ([`validate`]) and merging two copies ([`merge`]); importing agencies'
//! files ([`import`]); anonymisation ([`anonymise`]); analysis derived from
//! a review ([`analysis`]) and the look of its diagrams ([`diagram`]); the
//! bundled worked examples ([`examples`]) and synthetic reviews
//! ([`generate`]).
//!
//! Nothing here knows of the app, the command line or a report format: the
//! crates above it (`foresight-publish`, `foresight-library`,
//! `foresight-cli`, the app) use it, never the other way round.

pub mod agency_kind;
pub mod analysis;
pub mod anonymise;
pub mod dates;
pub mod diagram;
pub mod document;
pub mod edit;
pub mod examples;
pub mod generate;
pub mod import;
pub mod merge;
pub mod model;
pub mod pattern;
pub mod store;
pub mod taxonomy;
pub mod timetable;
pub mod validate;
