//! The desktop app (egui/eframe): a thin layer that shows the review and
//! turns what the user does into edit commands.
