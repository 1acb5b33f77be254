//! The report: a published review turned into a document by a template
//! ([`template`], [`build`] → [`document`]) and written to PDF ([`pdf`]),
//! an accessible web page ([`html`]) or an editable Word file ([`docx`]).
//! What is published, and the checks before and after, belong to
//! [`crate::publication`].

pub mod acronyms;
pub mod build;
pub mod document;
pub mod docx;
pub mod html;
pub mod pdf;
pub mod template;
