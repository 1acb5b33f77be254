//! The queue of what panels ask of the app (show a record or a panel,
//! present a diagram, open a review from the library, say something on
//! the status line), beside the queue of edits: panels push while they
//! draw, the app carries them out in one place after the panels have
//! drawn. A panel never reaches into the app, and the app never asks each
//! panel in turn whether it wants something.

use std::path::PathBuf;

use super::panels::Goto;
use crate::model::Id;

/// One thing a panel asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Show a record, a panel or a finding's action.
    Show(Goto),
    /// Present this diagram full screen.
    Present(Id),
    /// Open the review in this file and show the record with this id
    /// (a hit in the library).
    OpenFromLibrary {
        /// The review's file.
        file: PathBuf,
        /// The record's id in it.
        record: String,
    },
    /// Say this on the status line.
    Status(String),
}

/// The app commands pushed during one frame.
#[derive(Debug, Default)]
pub struct AppCommands {
    pending: Vec<AppCommand>,
}

impl AppCommands {
    /// Queues a command.
    pub fn push(&mut self, command: AppCommand) {
        self.pending.push(command);
    }

    /// Queues showing a record, a panel or an action.
    pub fn show(&mut self, goto: Goto) {
        self.push(AppCommand::Show(goto));
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Takes every queued command, oldest first.
    pub fn take(&mut self) -> Vec<AppCommand> {
        std::mem::take(&mut self.pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::PanelKind;

    #[test]
    fn commands_come_out_once_in_the_order_pushed() {
        let mut commands = AppCommands::default();
        assert!(commands.is_empty());
        commands.show(Goto::Panel(PanelKind::Language));
        commands.push(AppCommand::Present(Id::from("D1")));
        assert_eq!(
            commands.take(),
            vec![
                AppCommand::Show(Goto::Panel(PanelKind::Language)),
                AppCommand::Present(Id::from("D1")),
            ]
        );
        assert!(commands.take().is_empty());
    }
}
