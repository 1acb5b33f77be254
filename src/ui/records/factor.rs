//! Contributing factors and latent conditions.

use eframe::egui::Ui;

use super::{
    apply_link_pick, delete_button, links_of, put, taxonomy_choices, titled, titled_kinds,
};
use crate::model::{ContributingFactor, LatentCondition, LinkKind, Record, RecordKind, Review};
use crate::taxonomy::Taxonomy;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, record_picker};
use crate::ui::labels;

/// The form of one contributing factor: statement, category from the taxonomy, and the records it links.
pub fn factor_form(
    ui: &mut Ui,
    review: &Review,
    taxonomy: Option<&Taxonomy>,
    factor: &ContributingFactor,
    edits: &mut Edits,
) {
    let f = factor;
    ui.push_id(f.id.as_str(), |ui| {
        ui.heading(format!("Contributing factor {}", f.id));
        ui.weak("State it as a condition of work, not as a fault of a person.");
        ui.add_space(6.0);
        let mut form =
            Form::new(edits, f.id.as_str()).linted(super::accepted_in(review, &f.id));
        form.lint_field(review, &f.id, "statement");
        form.text_multi(ui, "Statement", &f.statement, 3, |v| {
            put("Edit factor statement", f, Record::Factor, |x| x.statement = v)
        });
        let levels = taxonomy_choices(
            taxonomy.into_iter().flat_map(|t| &t.levels).map(|l| (l.id.as_str(), l.label.as_str(), l.description.clone())),
            &f.level,
        );
        form.choice(ui, "Level", &f.level, &levels, |v| put("Change factor level", f, Record::Factor, |x| x.level = v));
        let categories = taxonomy_choices(
            taxonomy.into_iter().flat_map(|t| &t.categories).map(|c| {
                let mut hover = c.description.clone();
                if !c.examples.is_empty() {
                    hover.push_str("\n\nFor example:\n• ");
                    hover.push_str(&c.examples.join("\n• "));
                }
                (c.id.as_str(), c.label.as_str(), hover)
            }),
            &f.category,
        );
        form.choice(ui, "Category", &f.category, &categories, |v| {
            put("Change factor category", f, Record::Factor, |x| x.category = v)
        });
        if taxonomy.is_none() {
            ui.weak("The review's taxonomy was not found, so its levels and categories cannot be listed.");
        }
        form.choice(ui, "Influence on practice", &f.influence, &Choice::list(labels::INFLUENCES), |v| {
            put("Change factor influence", f, Record::Factor, |x| x.influence = v)
        });
        form.lint_field(review, &f.id, "evidence");
        form.text_multi(ui, "Evidence and notes", &f.evidence, 3, |v| {
            put("Edit factor evidence", f, Record::Factor, |x| x.evidence = v)
        });

        let edits = form.edits();
        let contributed = links_of(review, &f.id, true, |k| k == LinkKind::ContributedTo);
        let chosen = titled(review, contributed.iter().map(|(_, to)| to.clone()));
        let candidates = || {
            titled_kinds(review, &[RecordKind::Episode, RecordKind::Factor])
                .into_iter()
                .filter(|(id, _)| *id != f.id)
                .collect()
        };
        if let Some(pick) = record_picker(ui, "Contributed to (episodes and factors)", "episode or factor", false, &chosen, candidates)
        {
            apply_link_pick(review, edits, pick, &f.id, true, &contributed, LinkKind::ContributedTo);
        }
        ui.add_space(8.0);

        let underlying = links_of(review, &f.id, false, |k| k == LinkKind::Underlies);
        let chosen = titled(review, underlying.iter().map(|(_, from)| from.clone()));
        let candidates = || titled_kinds(review, &[RecordKind::Condition]);
        if let Some(pick) = record_picker(ui, "Latent conditions that underlie it", "latent condition", false, &chosen, candidates)
        {
            apply_link_pick(review, edits, pick, &f.id, false, &underlying, LinkKind::Underlies);
        }
        delete_button(ui, review, &f.id, "factor", edits);
    });
}

/// The form of one latent condition: statement and the factors it shapes.
pub fn condition_form(
    ui: &mut Ui,
    review: &Review,
    condition: &LatentCondition,
    edits: &mut Edits,
) {
    let c = condition;
    ui.push_id(c.id.as_str(), |ui| {
        ui.heading(format!("Latent condition {}", c.id));
        ui.weak("A long-standing feature of the system, created away from the front line.");
        ui.add_space(6.0);
        let mut form = Form::new(edits, c.id.as_str()).linted(super::accepted_in(review, &c.id));
        form.lint_field(review, &c.id, "statement");
        form.text_multi(ui, "Statement", &c.statement, 3, |v| {
            put("Edit condition statement", c, Record::Condition, |x| {
                x.statement = v
            })
        });
        form.choice(
            ui,
            "Level of the system",
            &c.level,
            &Choice::list(&labels::system_levels()),
            |v| {
                put("Change condition level", c, Record::Condition, |x| {
                    x.level = v
                })
            },
        );
        form.lint_field(review, &c.id, "since");
        form.text(ui, "Since when", &c.since, |v| {
            put("Edit since when", c, Record::Condition, |x| x.since = v)
        });

        let edits = form.edits();
        let underlies = links_of(review, &c.id, true, |k| k == LinkKind::Underlies);
        let chosen = titled(review, underlies.iter().map(|(_, to)| to.clone()));
        let candidates = || {
            titled_kinds(review, &[RecordKind::Factor, RecordKind::Condition])
                .into_iter()
                .filter(|(id, _)| *id != c.id)
                .collect()
        };
        if let Some(pick) = record_picker(
            ui,
            "Factors and conditions it underlies",
            "factor or condition",
            false,
            &chosen,
            candidates,
        ) {
            apply_link_pick(
                review,
                edits,
                pick,
                &c.id,
                true,
                &underlies,
                LinkKind::Underlies,
            );
        }
        delete_button(ui, review, &c.id, "condition", edits);
    });
}
