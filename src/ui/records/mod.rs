//! The forms of the review's records, one file per kind of record, and
//! the helpers they share (titles for pickers, link picks, the Delete
//! button). Every panel that shows a record (its own panel, the Map's
//! selection, the Chronology after an episode is made) shows the same
//! form from here, so panels never reach into one another for a form.

mod action;
mod cast;
mod causal;
mod entry;
mod episode;
mod factor;
mod finding;

pub use action::{OVERDUE_MARK, action_form, capitalised};
pub use cast::{agency_form, person_form, place_form};
pub use causal::{kind_colour, link_ends, link_form, loop_form, variable_form};
pub use entry::entry_form;
pub use episode::episode_form;
pub use factor::{condition_form, factor_form};
pub use finding::{SuggestionCache, finding_form_with};

use eframe::egui::Ui;

pub use crate::edit::builders::{add, link, links_of, put, set_meta};
use crate::edit::delete_record;
use crate::model::{Id, LinkKind, RecordKind, Review};
use crate::ui::edits::Edits;

/// Pushes the change for a pick from a linked-records picker that is
/// backed by links: adding creates a link, removing deletes it.
pub fn apply_link_pick(
    review: &Review,
    edits: &mut Edits,
    pick: crate::ui::forms::Pick,
    this: &Id,
    outgoing: bool,
    existing: &[(Id, Id)],
    kind: LinkKind,
) {
    match pick {
        crate::ui::forms::Pick::Add(other) => {
            let (from, to) = if outgoing {
                (this, &other)
            } else {
                (&other, this)
            };
            edits.apply(link(
                review,
                &format!("Link: {}", kind.label()),
                from,
                to,
                kind,
            ));
        }
        crate::ui::forms::Pick::Remove(other) => {
            if let Some((link_id, _)) = existing.iter().find(|(_, end)| *end == other)
                && let Some(mut change) = delete_record(review, link_id)
            {
                change.label = format!("Unlink: {}", kind.label());
                edits.apply(change);
            }
        }
        crate::ui::forms::Pick::Up(_) | crate::ui::forms::Pick::Down(_) => {}
    }
}

/// Ids with their titles, for pickers.
pub fn titled(review: &Review, ids: impl IntoIterator<Item = Id>) -> Vec<(Id, String)> {
    ids.into_iter()
        .map(|id| {
            let title = review.title_of(&id);
            (id, title)
        })
        .collect()
}

/// Every record of these kinds with its title.
pub fn titled_kinds(review: &Review, kinds: &[RecordKind]) -> Vec<(Id, String)> {
    kinds
        .iter()
        .flat_map(|kind| review.titles_of(*kind))
        .collect()
}

/// A title for list rows, never blank. Rows wrap, so the title is kept
/// whole (only a title of several paragraphs is cut, to its first 600
/// characters).
pub fn or_untitled(text: &str, what: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        format!("(no {what} yet)")
    } else {
        crate::ui::forms::short(&text.split_whitespace().collect::<Vec<_>>().join(" "), 600)
    }
}

/// A "Delete …" button that deletes the record with everything that refers
/// to it (one undoable step). Returns true when clicked.
pub fn delete_button(ui: &mut Ui, review: &Review, id: &Id, what: &str, edits: &mut Edits) -> bool {
    ui.add_space(8.0);
    let clicked = ui
        .button(format!("Delete {what}"))
        .on_hover_text(
            "Also removes its links and its places on diagrams. Undo brings everything back.",
        )
        .clicked();
    if clicked && let Some(change) = delete_record(review, id) {
        edits.apply(change);
    }
    clicked
}

/// Options for a taxonomy field: "Not set", then each (id, label,
/// description) of the taxonomy, then the current id when the taxonomy
/// does not have it.
pub fn taxonomy_choices<'a>(
    items: impl Iterator<Item = (&'a str, &'a str, String)>,
    current: &str,
) -> Vec<crate::ui::forms::Choice<String>> {
    let mut choices = vec![crate::ui::forms::Choice {
        value: String::new(),
        label: "Not set".to_string(),
        hover: String::new(),
    }];
    choices.extend(items.map(|(id, label, hover)| crate::ui::forms::Choice {
        value: id.to_string(),
        label: label.to_string(),
        hover,
    }));
    if !current.is_empty() && !choices.iter().any(|c| c.value == current) {
        choices.push(crate::ui::forms::Choice {
            value: current.to_string(),
            label: format!("{current} (not in the taxonomy)"),
            hover: String::new(),
        });
    }
    choices
}

/// The phrases the reviewer accepted in a record, as lint keys: for a
/// form's [`crate::ui::forms::Form::linted`].
pub fn accepted_in(review: &Review, record: &Id) -> Vec<String> {
    review
        .meta
        .accepted_language
        .iter()
        .filter(|a| &a.record == record)
        .map(|a| a.phrase.clone())
        .collect()
}
