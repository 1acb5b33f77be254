//! The desktop app driven through its real UI with egui_kittest, one
//! module per part of the app. One test binary keeps the build small.

mod actions;
mod anonymise;
mod app;
mod chronology;
mod findings;
mod harness;
mod language;
mod library;
mod loops;
mod map;
mod merge;
mod report;
mod sensitive;
mod timetable;
mod workshop;
