//! The `foresight` binary: the desktop app with no arguments, a headless
//! command with one.

use std::process::ExitCode;

use clap::Parser;
use foresight::cli::{Cli, Command, EXIT_UNREADABLE};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => open_app(None),
        Some(Command::Open { file }) => open_app(Some(file)),
        Some(command) => foresight::cli::run(command),
    }
}

fn open_app(file: Option<std::path::PathBuf>) -> ExitCode {
    let _ = file;
    eprintln!("foresight: the desktop app is not part of this build");
    ExitCode::from(EXIT_UNREADABLE)
}
