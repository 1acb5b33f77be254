//! The Episodes panel: key practice episodes, why practice made sense at
//! the time, whether the child was seen and heard, and the factors that
//! contributed.

use eframe::egui::Ui;

use super::{
    PanelContext, add, list_and_form, list_header, nothing_selected, or_untitled, record_list,
};
use crate::model::{Id, PracticeEpisode, Record, RecordKind};
use crate::ui::edits::Edits;
use crate::ui::records::episode_form;

/// View state of the Episodes panel.
#[derive(Default)]
pub struct EpisodesPanel {
    selected: Option<Id>,
}

impl EpisodesPanel {
    /// Selects an episode (when another panel asks to show it).
    pub(super) fn select(&mut self, id: Id) {
        self.selected = Some(id);
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        list_and_form(
            ui,
            "episodes",
            &mut (&mut self.selected, edits),
            |ui, (selected, edits)| {
                if list_header(ui, "Key practice episodes", "Add episode") {
                    let id = review.next_id(RecordKind::Episode);
                    let episode = PracticeEpisode {
                        id: id.clone(),
                        ..Default::default()
                    };
                    edits.apply(add("Add practice episode", Record::Episode(episode)));
                    crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Episode title");
                    **selected = Some(id);
                }
                let rows: Vec<(Id, String)> = review
                    .episodes
                    .iter()
                    .map(|e| {
                        let when = e
                            .start
                            .map(|d| format!("{}: ", d.human()))
                            .unwrap_or_default();
                        (
                            e.id.clone(),
                            format!("{when}{}", or_untitled(&e.title, "title")),
                        )
                    })
                    .collect();
                record_list(ui, "episode-rows", &rows, selected, f32::INFINITY);
            },
            |ui, (selected, edits)| match selected
                .as_ref()
                .and_then(|id| review.episodes.iter().find(|e| &e.id == id))
            {
                Some(episode) => episode_form(ui, review, episode, edits),
                None => nothing_selected(ui, "an episode"),
            },
        );
    }
}
