//! Choosers a form is made of: a drop-down of choices with their
//! explanations, and a picker of records by title with search.

use super::*;

/// A drop-down choice outside a form; returns the option picked this frame.
pub fn choice_box<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: &str,
    current: &T,
    options: &[Choice<T>],
) -> Option<T> {
    let caption = caption(ui, label);
    let selected = options.iter().find(|c| c.value == *current);
    let selected_text = selected.map_or("—", |c| c.label.as_str());
    let mut picked = None;
    let width = ui.available_width().min(520.0);
    let mut response = ComboBox::from_id_salt(label)
        .selected_text(selected_text)
        .width(width)
        .show_ui(ui, |ui| {
            for option in options {
                let mut item = ui.selectable_label(option.value == *current, &option.label);
                if !option.hover.is_empty() {
                    item = item.on_hover_text(&option.hover);
                }
                if item.clicked() {
                    picked = Some(option.value.clone());
                }
            }
        })
        .response
        .labelled_by(caption.id);
    if let Some(hover) = selected.map(|c| c.hover.as_str()).filter(|h| !h.is_empty()) {
        response = response.on_hover_text(hover);
    }
    let _ = response;
    picked
}

/// Chosen records beyond this many are listed in a scrolling box that draws
/// only the rows in view.
const LONG_LIST: usize = 40;
/// The height of that box.
const LONG_LIST_HEIGHT: f32 = 320.0;

/// A list of linked records with a Remove button each (and Up/Down when
/// `ordered`), and an "Add …" menu with a filter. `candidates` is only
/// called while that menu is open, so long lists cost nothing otherwise;
/// a long list of chosen records scrolls and draws only the rows in view.
pub fn record_picker(
    ui: &mut Ui,
    label: &str,
    item: &str,
    ordered: bool,
    chosen: &[(Id, String)],
    candidates: impl FnOnce() -> Vec<(Id, String)>,
) -> Option<Pick> {
    caption(ui, label);
    let mut pick = None;
    ui.push_id(label, |ui| {
        if chosen.is_empty() {
            ui.weak("None yet.");
        }
        let row = |ui: &mut Ui, i: usize, pick: &mut Option<Pick>, wrap: bool| {
            let (id, title) = &chosen[i];
            ui.horizontal(|ui| {
                if ui
                    .button("Remove")
                    .accessible_name(format!("Remove {title} from {}", label.to_lowercase()))
                    .clicked()
                {
                    *pick = Some(Pick::Remove(id.clone()));
                }
                if ordered {
                    if ui
                        .add_enabled(i > 0, Button::new("↑"))
                        .accessible_name(format!("Move {title} up"))
                        .clicked()
                    {
                        *pick = Some(Pick::Up(i));
                    }
                    if ui
                        .add_enabled(i + 1 < chosen.len(), Button::new("↓"))
                        .accessible_name(format!("Move {title} down"))
                        .clicked()
                    {
                        *pick = Some(Pick::Down(i));
                    }
                }
                let text = egui::Label::new(format!("{id}  {title}"));
                ui.add(if wrap { text.wrap() } else { text.truncate() });
            });
        };
        if chosen.len() > LONG_LIST {
            // A long list (the records of a large diagram) scrolls, and
            // only the rows in view are drawn.
            let height = (ui.text_style_height(&egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.y)
                .max(ui.spacing().interact_size.y);
            ScrollArea::vertical()
                .id_salt("chosen")
                .max_height(LONG_LIST_HEIGHT)
                .auto_shrink([false, true])
                .show_rows(ui, height, chosen.len(), |ui, rows| {
                    for i in rows {
                        row(ui, i, &mut pick, false);
                    }
                });
        } else {
            for i in 0..chosen.len() {
                row(ui, i, &mut pick, true);
            }
        }
        // Clicking the filter field must not close the menu.
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        MenuButton::new(format!("Add {item}…"))
            .config(config)
            .ui(ui, |ui| {
                ui.set_min_width(380.0);
                let filter_id = ui.make_persistent_id("filter");
                let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
                let field = ui
                    .add(
                        TextEdit::singleline(&mut filter)
                            .hint_text("Type to filter")
                            .desired_width(f32::INFINITY),
                    )
                    .accessible_name(format!("Filter {item}s"));
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
                let needle = filter.to_lowercase();
                let taken: std::collections::HashSet<&Id> =
                    chosen.iter().map(|(id, _)| id).collect();
                let mut matches = candidates()
                    .into_iter()
                    .filter(|(id, _)| !taken.contains(id))
                    .filter(|(id, title)| {
                        needle.is_empty()
                            || title.to_lowercase().contains(&needle)
                            || id.as_str().to_lowercase().contains(&needle)
                    })
                    .peekable();
                if matches.peek().is_none() {
                    ui.weak("Nothing to add.");
                }
                let mut shown = 0;
                let mut more = 0;
                ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for (id, title) in matches {
                        if shown == PICKER_LIMIT {
                            more += 1;
                            continue;
                        }
                        shown += 1;
                        let text = format!("{id}  {}", short(&title, 90));
                        if ui.add(Button::new(text).truncate()).clicked() {
                            pick = Some(Pick::Add(id.clone()));
                            ui.data_mut(|d| d.remove::<String>(filter_id));
                            ui.close();
                        }
                    }
                    if more > 0 {
                        ui.weak(format!("…and {more} more: type to narrow the list."));
                    }
                });
            });
    });
    pick
}

/// The text cut to at most `max` characters, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
