//! The shared look of a diagram: node shapes and sizes, label boxes and
//! the text widths they wrap by ([`geometry`], [`text_width`]). The app's
//! canvas, the layout ([`crate::analysis::layout`]) and every exported
//! figure draw from it, so a diagram looks the same wherever it is shown.

mod font;
pub mod geometry;

pub use font::{FONT_FAMILY, SYMBOL_FONT, TEXT_FONT, text_width};
