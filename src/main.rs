//! The `foresight` binary: the desktop app with no arguments, a headless
//! command with one.

use std::process::ExitCode;

use clap::Parser;
use foresight::cli::{Cli, Command, EXIT_UNREADABLE};
use foresight::ui::Start;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let start = match cli.command {
        None => Start::Default,
        Some(Command::Open { file }) => Start::File(file),
        Some(command) => {
            foresight::cli::exit_quietly_on_broken_pipe();
            return foresight::cli::run(command);
        }
    };
    match foresight::ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("foresight: {message}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}
