//! Findings: statement, tag, evidence and the systemic question.

use eframe::egui::{RichText, Ui};

use super::{
    apply_link_pick, delete_button, links_of, put, taxonomy_choices, titled, titled_kinds,
};
use crate::analysis::language::{Lexicon, TagSuggestion, suggest_tag};
use crate::model::{Finding, FindingTag, Id, LinkKind, Record, RecordKind, Review};
use crate::taxonomy::Taxonomy;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, error_note, record_picker};
use crate::ui::labels;

/// The lint's suggested tag for one finding, kept while the review's
/// revision and the finding are the same: a panel showing a finding's form
/// makes it once, not every frame.
#[derive(Default)]
pub struct SuggestionCache(Option<((u64, u64), Id, TagSuggestion)>);

impl SuggestionCache {
    /// The suggestion for `finding` in `review` at `revision`, made again
    /// only when either has changed.
    pub fn get(
        &mut self,
        revision: (u64, u64),
        review: &Review,
        finding: &Finding,
    ) -> &TagSuggestion {
        if self
            .0
            .as_ref()
            .is_none_or(|(at, id, _)| *at != revision || *id != finding.id)
        {
            let suggestion = suggest_tag(Lexicon::shared(), review, finding);
            self.0 = Some((revision, finding.id.clone(), suggestion));
        }
        let (_, _, suggestion) = self.0.as_ref().expect("made above");
        suggestion
    }
}

/// The tag, the lint's suggestion and the reviewer's reason.
pub fn tag_section(
    ui: &mut Ui,
    review: &Review,
    form: &mut Form,
    finding: &Finding,
    suggestion: Option<&TagSuggestion>,
) {
    let f = finding;
    ui.add_space(4.0);
    ui.heading("Learning or blame");
    form.choice(
        ui,
        "Tag",
        &f.tag,
        &Choice::list(labels::FINDING_TAGS),
        |v| put("Tag finding", f, Record::Finding, |x| x.tag = v),
    );
    ui.weak("Learning findings are published; blame findings never are; untagged findings block publication.");
    // An empty finding has nothing for the lint to read: it is not
    // invited to be tagged learning.
    let written = [
        &f.title,
        &f.statement,
        &f.introduction,
        &f.in_this_case,
        &f.systemic_evidence,
        &f.wider_knowledge,
        &f.why_it_matters,
    ]
    .iter()
    .any(|text| !text.trim().is_empty());
    if !written {
        ui.add_space(4.0);
        ui.weak("Write the finding first: a tag is suggested once there is text to read.");
    } else if let Some(suggestion) = suggestion {
        ui.add_space(4.0);
        let colour = match suggestion.tag {
            FindingTag::Blame => ui.visuals().warn_fg_color,
            _ => ui.visuals().text_color(),
        };
        ui.label(RichText::new(suggestion.explanation()).color(colour));
        if suggestion.tag != f.tag {
            let label = match suggestion.tag {
                FindingTag::Blame => "Tag it blame, as suggested",
                _ => "Tag it learning, as suggested",
            };
            if ui
                .button(label)
                .on_hover_text(
                    "The lint only suggests: the tag is yours to set. Give your reason below.",
                )
                .clicked()
            {
                let tag = suggestion.tag;
                form.edits()
                    .apply(put("Tag finding", f, Record::Finding, |x| x.tag = tag));
            }
        }
    }
    ui.add_space(4.0);
    form.lint_field(review, &f.id, "tag_reason");
    form.text_multi(ui, "Why it is tagged so", &f.tag_reason, 2, |v| {
        put("Edit tag reason", f, Record::Finding, |x| x.tag_reason = v)
    });
    if f.tag != FindingTag::Untagged && f.tag_reason.trim().is_empty() {
        error_note(
            ui,
            "Give the reason for this tag: it is part of the review's record.",
        );
        ui.add_space(4.0);
    }
}

/// A picker of records linked to the finding as its evidence.
pub fn evidence_picker(
    ui: &mut Ui,
    review: &Review,
    finding: &Id,
    edits: &mut Edits,
    label: &str,
    item: &str,
    kinds: &[RecordKind],
) {
    let evidence: Vec<(Id, Id)> = links_of(review, finding, false, |k| k == LinkKind::Evidences)
        .into_iter()
        .filter(|(_, from)| review.kind_of(from).is_some_and(|k| kinds.contains(&k)))
        .collect();
    let chosen = titled(review, evidence.iter().map(|(_, from)| from.clone()));
    let candidates = || titled_kinds(review, kinds);
    if let Some(pick) = record_picker(ui, label, item, false, &chosen, candidates) {
        apply_link_pick(
            review,
            edits,
            pick,
            finding,
            false,
            &evidence,
            LinkKind::Evidences,
        );
    }
    ui.add_space(8.0);
}

/// The form of one finding, with the lint's suggested tag (computed by
/// the caller, which keeps it while the review does not change). Shown by
/// the Findings panel and, for a selected finding, by the Map.
pub fn finding_form_with(
    ui: &mut Ui,
    review: &Review,
    taxonomy: Option<&Taxonomy>,
    finding: &Finding,
    suggestion: Option<&TagSuggestion>,
    edits: &mut Edits,
) {
    let f = finding;
    ui.push_id(f.id.as_str(), |ui| {
        ui.heading(format!("Finding {}", f.id));
        ui.add_space(6.0);
        let accepted = super::accepted_in(review, &f.id);
        let mut form = Form::new(edits, f.id.as_str()).linted(accepted);
        form.lint_field(review, &f.id, "title");
        form.text(ui, "Finding title", &f.title, |v| {
            put("Edit finding title", f, Record::Finding, |x| x.title = v)
        });
        form.lint_field(review, &f.id, "statement");
        form.text_multi(
            ui,
            "Finding statement (general, present tense, about the system)",
            &f.statement,
            3,
            |v| {
                put("Edit finding statement", f, Record::Finding, |x| {
                    x.statement = v
                })
            },
        );
        let patterns = taxonomy_choices(
            taxonomy
                .into_iter()
                .flat_map(|t| &t.patterns)
                .map(|p| (p.id.as_str(), p.label.as_str(), p.description.clone())),
            &f.category,
        );
        form.choice(ui, "Underlying pattern", &f.category, &patterns, |v| {
            put("Change finding pattern", f, Record::Finding, |x| {
                x.category = v
            })
        });
        tag_section(ui, review, &mut form, f, suggestion);
        form.lint_field(review, &f.id, "introduction");
        form.text_multi(ui, "Introduction", &f.introduction, 3, |v| {
            put("Edit introduction", f, Record::Finding, |x| {
                x.introduction = v
            })
        });
        form.lint_field(review, &f.id, "in_this_case");
        form.text_multi(
            ui,
            "How did the issue show in this case?",
            &f.in_this_case,
            4,
            |v| {
                put("Edit how it showed in this case", f, Record::Finding, |x| {
                    x.in_this_case = v
                })
            },
        );
        evidence_picker(
            ui,
            review,
            &f.id,
            form.edits(),
            "Episodes where it showed",
            "episode",
            &[RecordKind::Episode, RecordKind::Entry],
        );
        form.lint_field(review, &f.id, "systemic_evidence");
        form.text_multi(
            ui,
            "How do we know it is systemic, not peculiar to this case?",
            &f.systemic_evidence,
            4,
            |v| {
                put("Edit systemic evidence", f, Record::Finding, |x| {
                    x.systemic_evidence = v
                })
            },
        );
        form.lint_field(review, &f.id, "wider_knowledge");
        form.text_multi(
            ui,
            "What is known about it more widely?",
            &f.wider_knowledge,
            3,
            |v| {
                put("Edit wider knowledge", f, Record::Finding, |x| {
                    x.wider_knowledge = v
                })
            },
        );
        form.lint_field(review, &f.id, "why_it_matters");
        form.text_multi(ui, "Why does it matter?", &f.why_it_matters, 3, |v| {
            put("Edit why it matters", f, Record::Finding, |x| {
                x.why_it_matters = v
            })
        });
        form.lint_field(review, &f.id, "questions[0]");
        form.list(
            ui,
            "Questions for the partnership",
            "question",
            &f.questions,
            |v| put("Edit questions", f, Record::Finding, |x| x.questions = v),
        );
        form.choice(
            ui,
            "The report asks the partnership",
            &f.asks,
            &Choice::list(labels::FINDING_ASKS),
            |v| {
                put("Change what the finding asks", f, Record::Finding, |x| {
                    x.asks = v
                })
            },
        );
        if f.asks.recommendations() || !f.recommendations.is_empty() {
            form.lint_field(review, &f.id, "recommendations[0]");
            form.list(
                ui,
                "Recommendations",
                "recommendation",
                &f.recommendations,
                |v| {
                    put("Edit recommendations", f, Record::Finding, |x| {
                        x.recommendations = v
                    })
                },
            );
        }
        form.list(
            ui,
            "References (research, guidance and reviews it draws on)",
            "reference",
            &f.references,
            |v| put("Edit references", f, Record::Finding, |x| x.references = v),
        );

        let edits = form.edits();
        evidence_picker(
            ui,
            review,
            &f.id,
            edits,
            "Contributing factors and latent conditions behind it",
            "factor or condition",
            &[RecordKind::Factor, RecordKind::Condition],
        );
        evidence_picker(
            ui,
            review,
            &f.id,
            edits,
            "Causal loop variables it concerns",
            "variable",
            &[RecordKind::Variable],
        );
        delete_button(ui, review, &f.id, "finding", edits);
    });
}
