//! Output piped into a reader that stops early (`foresight check FILE |
//! head -1`): the command ends quietly, never with a panic.

use std::process::{Command, Stdio};

use super::run::text;

/// Runs `foresight` with its standard output a pipe whose reading end is
/// already closed, so that its first write fails with a broken pipe.
fn into_closed_pipe(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_foresight"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("FORESIGHT_TEMPLATES", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn printing_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let example = dir.path().join("child-b-learning-review.review.ron");
    let folder = dir.path().to_str().unwrap();
    assert!(
        Command::new(env!("CARGO_BIN_EXE_foresight"))
            .args(["examples", "--write", folder])
            .output()
            .unwrap()
            .status
            .success()
    );
    let file = example.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["check", file],
        &["validate", file],
        &["loops", file],
        &["cast", file],
        &["sensitive", file],
        &["timetable", file],
        &["examples"],
        &["--help"],
    ];
    for args in commands {
        let out = into_closed_pipe(args);
        let stderr = text(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "foresight {args:?} into a closed pipe: {stderr}"
        );
        assert_ne!(out.status.code(), Some(101), "foresight {args:?} panicked");
        assert!(
            out.status.code().is_some(),
            "foresight {args:?} was killed: {:?}",
            out.status
        );
    }
}
