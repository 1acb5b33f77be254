//! The Findings panel: findings in the systems format, each tagged as
//! learning (published), blame (never published) or untagged.

use eframe::egui::Ui;

use super::{
    PanelContext, add, apply_link_pick, delete_button, links_of, list_and_form, list_header,
    nothing_selected, or_untitled, put, record_list, taxonomy_choices, titled, titled_kinds,
};
use crate::model::{Finding, FindingTag, Id, LinkKind, Record, RecordKind, Review};
use crate::taxonomy::Taxonomy;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, record_picker};
use crate::ui::labels;

/// View state of the Findings panel.
#[derive(Default)]
pub struct FindingsPanel {
    selected: Option<Id>,
}

impl FindingsPanel {
    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
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
                Some(finding) => finding_form(ui, review, cx.taxonomy, finding, edits),
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

fn finding_form(
    ui: &mut Ui,
    review: &Review,
    taxonomy: Option<&Taxonomy>,
    finding: &Finding,
    edits: &mut Edits,
) {
    let f = finding;
    ui.push_id(f.id.as_str(), |ui| {
        ui.heading(format!("Finding {}", f.id));
        ui.add_space(6.0);
        let mut form = Form::new(edits, f.id.as_str());
        form.text(ui, "Finding title", &f.title, |v| put("Edit finding title", f, Record::Finding, |x| x.title = v));
        form.text_multi(ui, "Finding statement (general, present tense, about the system)", &f.statement, 3, |v| {
            put("Edit finding statement", f, Record::Finding, |x| x.statement = v)
        });
        let patterns = taxonomy_choices(
            taxonomy.into_iter().flat_map(|t| &t.patterns).map(|p| (p.id.as_str(), p.label.as_str(), p.description.clone())),
            &f.category,
        );
        form.choice(ui, "Underlying pattern", &f.category, &patterns, |v| {
            put("Change finding pattern", f, Record::Finding, |x| x.category = v)
        });
        form.choice(ui, "Tag", &f.tag, &Choice::list(labels::FINDING_TAGS), |v| {
            put("Tag finding", f, Record::Finding, |x| x.tag = v)
        });
        ui.weak("Learning findings are published; blame findings never are; untagged findings block publication.");
        ui.add_space(4.0);
        form.text_multi(ui, "Why it is tagged so", &f.tag_reason, 2, |v| {
            put("Edit tag reason", f, Record::Finding, |x| x.tag_reason = v)
        });
        form.text_multi(ui, "Introduction", &f.introduction, 3, |v| {
            put("Edit introduction", f, Record::Finding, |x| x.introduction = v)
        });
        form.text_multi(ui, "How did the issue show in this case?", &f.in_this_case, 4, |v| {
            put("Edit how it showed in this case", f, Record::Finding, |x| x.in_this_case = v)
        });
        form.text_multi(ui, "How do we know it is systemic, not peculiar to this case?", &f.systemic_evidence, 4, |v| {
            put("Edit systemic evidence", f, Record::Finding, |x| x.systemic_evidence = v)
        });
        form.text_multi(ui, "What is known about it more widely?", &f.wider_knowledge, 3, |v| {
            put("Edit wider knowledge", f, Record::Finding, |x| x.wider_knowledge = v)
        });
        form.text_multi(ui, "Why does it matter?", &f.why_it_matters, 3, |v| {
            put("Edit why it matters", f, Record::Finding, |x| x.why_it_matters = v)
        });
        form.list(ui, "Questions for the partnership", "question", &f.questions, |v| {
            put("Edit questions", f, Record::Finding, |x| x.questions = v)
        });

        let edits = form.edits();
        let evidence = links_of(review, &f.id, false, |k| k == LinkKind::Evidences);
        let chosen = titled(review, evidence.iter().map(|(_, from)| from.clone()));
        let candidates = || {
            titled_kinds(
                review,
                &[RecordKind::Episode, RecordKind::Factor, RecordKind::Condition, RecordKind::Variable],
            )
        };
        if let Some(pick) = record_picker(ui, "Evidence for this finding", "evidence", false, &chosen, candidates) {
            apply_link_pick(review, edits, pick, &f.id, false, &evidence, LinkKind::Evidences);
        }
        delete_button(ui, review, &f.id, "finding", edits);
    });
}
