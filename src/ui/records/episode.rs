//! Episodes: what happened, why it made sense at the time, seen and heard, contributing factors.

use eframe::egui::Ui;

use super::{apply_link_pick, delete_button, links_of, put, titled, titled_kinds};
use crate::edit::{Change, Edit};
use crate::model::{
    ContributingFactor, Id, Link, LinkKind, Mindset, PracticeEpisode, Record, RecordKind, Review,
};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, record_picker};
use crate::ui::labels;

/// The form of one episode: what happened, the practitioners' view at the
/// time, the child focus, the appraisal and the linked records. Also shown
/// by the Chronology panel right after an episode is made from entries.
pub fn episode_form(ui: &mut Ui, review: &Review, episode: &PracticeEpisode, edits: &mut Edits) {
    let e = episode;
    ui.push_id(e.id.as_str(), |ui| {
        ui.heading(format!("Practice episode {}", e.id));
        ui.add_space(6.0);
        let mut form = Form::new(edits, e.id.as_str()).linted(super::accepted_in(review, &e.id));
        form.lint_field(review, &e.id, "title");
        form.text(ui, "Episode title", &e.title, |v| {
            put("Edit episode title", e, Record::Episode, |x| x.title = v)
        });
        form.date(ui, "Start", e.start, false, |v| {
            Some(put("Edit episode start", e, Record::Episode, |x| {
                x.start = v
            }))
        });
        form.date(ui, "End (for a period)", e.end, false, |v| {
            Some(put("Edit episode end", e, Record::Episode, |x| x.end = v))
        });
        form.lint_field(review, &e.id, "what_happened");
        form.text_multi(ui, "What happened", &e.what_happened, 3, |v| {
            put("Edit what happened", e, Record::Episode, |x| {
                x.what_happened = v
            })
        });

        ui.add_space(4.0);
        ui.heading("The practitioners' view at the time");
        ui.weak(
            "Local rationality: why what they did made sense to them then, with what they \
             knew, not with what the review knows now. Answer the case-group questions \
             (SCIE Learning Together, Appendix 3) and sum up below.",
        );
        ui.add_space(4.0);
        form.lint_field(review, &e.id, "mindset.going_on");
        for (i, question) in Mindset::QUESTIONS.into_iter().enumerate() {
            let answer = e.mindset.answers()[i];
            form.text_multi(ui, question, answer, 2, |v| {
                put("Edit practitioners' view", e, Record::Episode, |x| {
                    *x.mindset.answer_mut(i) = v
                })
            });
        }
        form.lint_field(review, &e.id, "local_rationality");
        form.text_multi(
            ui,
            "Why it made sense at the time (local rationality)",
            &e.local_rationality,
            4,
            |v| {
                put("Edit local rationality", e, Record::Episode, |x| {
                    x.local_rationality = v
                })
            },
        );
        form.choice(
            ui,
            "Appraisal of practice",
            &e.appraisal,
            &Choice::list(labels::APPRAISALS),
            |v| put("Change appraisal", e, Record::Episode, |x| x.appraisal = v),
        );
        form.lint_field(review, &e.id, "appraisal_note");
        form.text_multi(
            ui,
            "Standard the appraisal was made against",
            &e.appraisal_note,
            2,
            |v| {
                put("Edit appraisal note", e, Record::Episode, |x| {
                    x.appraisal_note = v
                })
            },
        );

        ui.add_space(4.0);
        ui.heading("Child focus");
        let answers = Choice::list(labels::ANSWERS);
        form.choice(
            ui,
            "Was the child seen?",
            &e.child_focus.seen,
            &answers,
            |v| {
                put("Change child seen", e, Record::Episode, |x| {
                    x.child_focus.seen = v
                })
            },
        );
        form.choice(
            ui,
            "Were the child's views sought?",
            &e.child_focus.views_sought,
            &answers,
            |v| {
                put("Change views sought", e, Record::Episode, |x| {
                    x.child_focus.views_sought = v
                })
            },
        );
        form.lint_field(review, &e.id, "child_focus.views");
        form.text_multi(
            ui,
            "What the child said or showed",
            &e.child_focus.views,
            2,
            |v| {
                put("Edit child's views", e, Record::Episode, |x| {
                    x.child_focus.views = v
                })
            },
        );

        ui.add_space(4.0);
        ui.heading("Linked records");
        form.records(
            ui,
            "Chronology entries",
            "chronology entry",
            &titled(review, e.entries.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Entry)),
            |v| {
                put("Link chronology entries", e, Record::Episode, |x| {
                    x.entries = v
                })
            },
        );
        form.records(
            ui,
            "People involved",
            "person",
            &titled(review, e.people.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Person)),
            |v| put("Link people", e, Record::Episode, |x| x.people = v),
        );

        let edits = form.edits();
        let factors = links_of(review, &e.id, false, |k| k == LinkKind::ContributedTo);
        let chosen = titled(review, factors.iter().map(|(_, from)| from.clone()));
        let candidates = || titled_kinds(review, &[RecordKind::Factor, RecordKind::Condition]);
        if let Some(pick) = record_picker(
            ui,
            "Contributing factors",
            "contributing factor",
            false,
            &chosen,
            candidates,
        ) {
            apply_link_pick(
                review,
                edits,
                pick,
                &e.id,
                false,
                &factors,
                LinkKind::ContributedTo,
            );
        }
        if ui
            .button("New contributing factor for this episode")
            .on_hover_text(
                "Adds a factor linked to this episode; state it in the Factors & conditions panel.",
            )
            .clicked()
        {
            edits.apply(new_factor_for(review, &e.id));
        }
        delete_button(ui, review, &e.id, "episode", edits);
    });
}

/// The change that adds an empty contributing factor linked to an episode
/// (one undoable step).
pub fn new_factor_for(review: &Review, episode: &Id) -> Change {
    let factor = ContributingFactor {
        id: review.next_id(RecordKind::Factor),
        ..Default::default()
    };
    let link = Link {
        id: review.next_id(RecordKind::Link),
        from: factor.id.clone(),
        to: episode.clone(),
        kind: LinkKind::ContributedTo,
        note: String::new(),
    };
    Change::many(
        "Add contributing factor to episode",
        vec![
            Edit::Put(Record::Factor(factor)),
            Edit::Put(Record::Link(link)),
        ],
    )
}
