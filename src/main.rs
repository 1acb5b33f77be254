//! The `foresight` binary: the desktop app with no arguments, a headless
//! command with one.

use std::process::ExitCode;

use clap::Parser;
use foresight::cli::{Cli, Command, EXIT_UNREADABLE};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let file = match cli.command {
        None => None,
        Some(Command::Open { file }) => Some(file),
        Some(command) => {
            foresight::cli::exit_quietly_on_broken_pipe();
            return foresight::cli::run(command);
        }
    };
    match open_app(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("foresight: {message}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Opens the desktop app on FILE, or on the bundled worked example.
#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>) -> Result<(), String> {
    use foresight::ui::Start;
    foresight::ui::run(file.map_or(Start::Default, Start::File))
}

/// This build has no desktop app: it says so, naming what does work.
#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>) -> Result<(), String> {
    Err(
        "this foresight was built without the desktop app (--no-default-features); \
         every command works: see `foresight --help`"
            .to_string(),
    )
}
