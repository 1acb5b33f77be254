//! The `foresight` binary run as a user runs it: subcommands, exit codes,
//! messages and the files they write. One test binary keeps the build small.

mod actions;
mod agency_pack;
mod anonymise;
mod basics;
mod broken_pipe;
mod cast;
mod export;
mod export_formats;
mod hostile_names;
mod import;
mod import_publication;
mod language;
mod library;
mod loops;
mod merge;
mod publication;
mod rapid_review;
mod read_back;
mod realistic;
mod run;
mod timetable;
