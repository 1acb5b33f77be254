//! Diagrams as figures for reviewers' own documents (their shared look is
//! `foresight_core::diagram`): the figure as drawing items for any backend
//! ([`scene`]) drawn from one layout of it ([`figure`]), SVG ([`svg`]) and PNG ([`png`]), the division of a
//! large diagram into parts ([`split_parts`]), and elbow routes for figures
//! laid out in rows ([`elbow`]); and the agency pack, the spreadsheet each
//! agency fills in and returns ([`agency_pack`]).

pub mod agency_pack;
pub mod elbow;
pub mod figure;
pub mod fit;
mod parts;
pub mod png;
pub mod scene;
pub mod svg;

pub use parts::split_parts;
pub use scene::diagram_scene;
