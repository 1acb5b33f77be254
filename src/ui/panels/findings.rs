//! The Findings panel: findings in the systems format (statement, pattern,
//! how it showed in this case, evidence that it is systemic, what is known
//! more widely, why it matters, questions for the partnership, and the
//! episodes, factors and conditions behind it), each tagged as learning
//! (published), blame (never published) or untagged by the reviewer, with a
//! reason. The language lint suggests a tag; only the reviewer sets one.

use eframe::egui::Ui;

use super::{
    PanelContext, add, list_and_form, list_header, nothing_selected, or_untitled, record_list,
};
use crate::model::{Finding, FindingTag, Id, Record, RecordKind};
use crate::ui::edits::Edits;
use crate::ui::records::{SuggestionCache, finding_form_with};

/// View state of the Findings panel.
#[derive(Default)]
pub struct FindingsPanel {
    selected: Option<Id>,
    /// The lint's suggested tag for the selected finding.
    suggestion: SuggestionCache,
}

impl FindingsPanel {
    /// Selects a finding (when another panel asks to show it).
    pub(super) fn select(&mut self, id: Id) {
        self.selected = Some(id);
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        let selected = self
            .selected
            .as_ref()
            .and_then(|id| review.findings.iter().find(|f| &f.id == id));
        let suggestion = selected.map(|finding| self.suggestion.get(cx.revision, review, finding));
        list_and_form(
            ui,
            "findings",
            &mut (&mut self.selected, edits),
            |ui, (selected, edits)| {
                if list_header(ui, "Findings in the systems format", "Add finding") {
                    let id = review.next_id(RecordKind::Finding);
                    let finding = Finding {
                        id: id.clone(),
                        ..Default::default()
                    };
                    edits.apply(add("Add finding", Record::Finding(finding)));
                    crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Finding title");
                    **selected = Some(id);
                }
                let rows: Vec<(Id, String)> = review
                    .findings
                    .iter()
                    .map(|f| {
                        (
                            f.id.clone(),
                            format!("[{}] {}", tag_letter(f.tag), or_untitled(&f.title, "title")),
                        )
                    })
                    .collect();
                record_list(ui, "finding-rows", &rows, selected, f32::INFINITY);
            },
            |ui, (selected, edits)| match selected
                .as_ref()
                .and_then(|id| review.findings.iter().find(|f| &f.id == id))
            {
                Some(finding) => {
                    finding_form_with(ui, review, cx.taxonomy, finding, suggestion, edits)
                }
                None => nothing_selected(ui, "a finding"),
            },
        );
    }
}

/// A short mark for a tag in the list.
fn tag_letter(tag: FindingTag) -> &'static str {
    match tag {
        FindingTag::Learning => "learning",
        FindingTag::Blame => "blame",
        FindingTag::Untagged => "untagged",
    }
}
