//! Running the binary as a user would: away from any display, and from the
//! user's own templates, so that only the built-in ones count.

use std::process::{Command, Output};

/// Runs `foresight` with `args` and waits for it.
pub fn foresight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_foresight"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("FORESIGHT_TEMPLATES", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .output()
        .expect("the binary runs")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `foresight` with `args`, which must succeed; what it printed,
/// standard output then standard error.
pub fn run_ok(args: &[&str]) -> String {
    let out = foresight(args);
    assert!(
        out.status.success(),
        "foresight {args:?} failed: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout) + &text(&out.stderr)
}
