//! The report: an anonymised review turned into a publishable document by
//! a template ([`template`], [`build`] → [`document`]), written to PDF
//! ([`pdf`]) by the export pipeline ([`export`]) that checks readiness
//! before and leaks after.

pub mod build;
pub mod document;
pub mod export;
pub mod pdf;
pub mod template;
