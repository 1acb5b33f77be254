//! What a review publishes, built on `foresight-core`.
//!
//! The readiness verdict ([`readiness`]), the one [`publication`] value
//! every export is derived from, figures of diagrams ([`export`]: scenes,
//! SVG, PNG, and the agency pack workbook), and the report in every format
//! ([`report`]: PDF, Word, HTML).

pub mod export;
pub mod placeholders;
pub mod publication;
pub mod readiness;
pub mod report;
