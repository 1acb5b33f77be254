//! The queue of what panels ask of the app (show a record or a panel,
//! present a diagram, open a review from the library, say something on
//! the status line), beside the queue of edits: panels push while they
//! draw, the app carries them out in one place after the panels have
//! drawn. A panel never reaches into the app, and the app never asks each
//! panel in turn whether it wants something.

use std::path::PathBuf;

use crate::model::Id;

/// The panels, in the order of the switcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelKind {
    /// The review's details, counts and problems.
    #[default]
    Overview,
    /// People, agencies and places.
    Cast,
    /// The multi-agency chronology.
    Chronology,
    /// Key practice episodes.
    Episodes,
    /// Contributing factors and latent conditions.
    Factors,
    /// Findings.
    Findings,
    /// Hindsight and blame language in the review.
    Language,
    /// Diagrams.
    Map,
    /// Causal loop variables, links and named loops.
    Loops,
    /// Original and anonymised text side by side, with a decision per occurrence.
    Anonymisation,
    /// Publication readiness.
    Report,
    /// The partnership's responses to the findings and its action plans.
    Actions,
    /// The library across reviews: search, recurring themes.
    Library,
}

impl PanelKind {
    /// Every panel, in switcher order.
    pub const ALL: [PanelKind; 13] = [
        PanelKind::Overview,
        PanelKind::Cast,
        PanelKind::Chronology,
        PanelKind::Episodes,
        PanelKind::Factors,
        PanelKind::Findings,
        PanelKind::Language,
        PanelKind::Map,
        PanelKind::Loops,
        PanelKind::Anonymisation,
        PanelKind::Report,
        PanelKind::Actions,
        PanelKind::Library,
    ];

    /// The switcher label (also its accessible name).
    pub fn label(self) -> &'static str {
        match self {
            PanelKind::Overview => "Overview",
            PanelKind::Cast => "Cast",
            PanelKind::Chronology => "Chronology",
            PanelKind::Episodes => "Episodes",
            PanelKind::Factors => "Factors & conditions",
            PanelKind::Findings => "Findings",
            PanelKind::Language => "Language",
            PanelKind::Map => "Map",
            PanelKind::Loops => "Loops",
            PanelKind::Anonymisation => "Anonymisation",
            PanelKind::Report => "Report",
            PanelKind::Actions => "Actions",
            PanelKind::Library => "Library",
        }
    }
}

/// Where a panel asks the app to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goto {
    /// Show this record, selected, in its panel.
    Record(Id),
    /// Show this panel.
    Panel(PanelKind),
    /// Show a finding's actions on the Actions panel, with this action
    /// selected.
    Action {
        /// The finding.
        finding: Id,
        /// The action.
        action: Id,
    },
}

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
