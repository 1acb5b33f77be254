//! The Factors & conditions panel: contributing factors (sorted by the
//! review's taxonomy) and the latent conditions that underlie them.

use eframe::egui::Ui;

use super::{
    PanelContext, add, list_and_form, list_header, nothing_selected, or_untitled, record_list,
};
use crate::model::{ContributingFactor, Id, LatentCondition, Record, RecordKind, Review};
use crate::ui::edits::Edits;
use crate::ui::records::{condition_form, factor_form};

/// View state of the Factors & conditions panel.
#[derive(Default)]
pub struct FactorsPanel {
    factor: Option<Id>,
    condition: Option<Id>,
    /// True when the selected latent condition is shown, not the factor.
    showing_condition: bool,
}

impl FactorsPanel {
    /// Selects a contributing factor (when another panel asks to show it).
    pub(super) fn select_factor(&mut self, id: Id) {
        self.factor = Some(id);
        self.showing_condition = false;
    }

    /// Selects a latent condition (when another panel asks to show it).
    pub(super) fn select_condition(&mut self, id: Id) {
        self.condition = Some(id);
        self.showing_condition = true;
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        list_and_form(
            ui,
            "factors",
            &mut (self, edits),
            |ui, (panel, edits)| panel.lists(ui, cx.review, edits),
            |ui, (panel, edits)| panel.form(ui, cx, edits),
        );
    }

    fn lists(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        let half = (ui.available_height() - 140.0).max(160.0) / 2.0;
        if list_header(ui, "Contributing factors", "Add factor") {
            let id = review.next_id(RecordKind::Factor);
            let factor = ContributingFactor {
                id: id.clone(),
                ..Default::default()
            };
            edits.apply(add("Add contributing factor", Record::Factor(factor)));
            crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Statement");
            self.factor = Some(id);
            self.showing_condition = false;
        }
        let rows: Vec<(Id, String)> = review
            .factors
            .iter()
            .map(|f| (f.id.clone(), or_untitled(&f.statement, "statement")))
            .collect();
        if record_list(ui, "factor-rows", &rows, &mut self.factor, half) {
            self.showing_condition = false;
        }
        ui.separator();
        if list_header(ui, "Latent conditions", "Add condition") {
            let id = review.next_id(RecordKind::Condition);
            let condition = LatentCondition {
                id: id.clone(),
                ..Default::default()
            };
            edits.apply(add("Add latent condition", Record::Condition(condition)));
            crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Statement");
            self.condition = Some(id);
            self.showing_condition = true;
        }
        let rows: Vec<(Id, String)> = review
            .conditions
            .iter()
            .map(|c| (c.id.clone(), or_untitled(&c.statement, "statement")))
            .collect();
        if record_list(ui, "condition-rows", &rows, &mut self.condition, half) {
            self.showing_condition = true;
        }
    }

    fn form(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        if self.showing_condition {
            match self
                .condition
                .as_ref()
                .and_then(|id| review.conditions.iter().find(|c| &c.id == id))
            {
                Some(condition) => condition_form(ui, review, condition, edits),
                None => nothing_selected(ui, "a latent condition"),
            }
        } else {
            match self
                .factor
                .as_ref()
                .and_then(|id| review.factors.iter().find(|f| &f.id == id))
            {
                Some(factor) => factor_form(ui, review, cx.taxonomy, factor, edits),
                None => nothing_selected(ui, "a contributing factor"),
            }
        }
    }
}
