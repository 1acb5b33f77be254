//! Diagrams as figures for reviewers' own documents: the shared look of a
//! diagram ([`geometry`]), SVG ([`svg`]) and PNG ([`png`]).

mod font;
pub mod geometry;
pub mod png;
pub mod svg;

pub use font::text_width;
