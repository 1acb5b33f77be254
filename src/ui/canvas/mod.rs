//! The case map canvas: a hand-written egui canvas for diagrams of
//! episodes, factors, latent conditions, findings and causal-loop
//! variables.
//!
//! - [`look`] is a canvas's projector settings, palette and loop labels;
//! - [`scene`] is what a frame shows, laid out once per change, and how it
//!   maps to the screen;
//! - [`paint`] draws a diagram (shared by the Map panel, the Loops panel
//!   and presentation mode);
//! - [`interact`] is the direct-manipulation canvas of the Map panel;
//! - [`commands`] builds the edit commands it issues.

pub mod commands;
pub mod interact;
pub mod look;
pub mod paint;
pub mod scene;
pub mod view;

pub use interact::{Canvas, CanvasInput};
pub use paint::{Look, LoopBadge};
