//! The Chronology panel: the multi-agency chronology as a table sorted by
//! date, filtered by text and agency, with a form for the selected entry.
//!
//! Only the visible rows are drawn and the sorted, filtered order is cached
//! until the review or the filters change, so tens of thousands of entries
//! stay smooth.

use std::collections::HashMap;

use eframe::egui::{
    self, Align2, Color32, FontId, Rect, ScrollArea, Sense, TextEdit, TextStyle, Ui, pos2, vec2,
};

use super::{PanelContext, add, delete_button, nothing_selected, put, titled};
use crate::model::{ChronologyEntry, DateValue, Id, Record, RecordKind, Review, ReviewDate};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, caption, choice_box, short};

/// Which agency the table shows.
type AgencyFilter = Option<Option<Id>>;

/// Widths of the date, agency and author columns when there is room; the
/// record's text takes the rest.
const COLUMNS: [f32; 3] = [160.0, 180.0, 140.0];

/// The rows shown, in order, for one state of the review and filters.
struct RowCache {
    key: ((u64, u64), String, AgencyFilter),
    rows: Vec<usize>,
    agency_names: HashMap<Id, String>,
}

/// View state of the Chronology panel.
#[derive(Default)]
pub struct ChronologyPanel {
    selected: Option<Id>,
    filter: String,
    agency: AgencyFilter,
    cache: Option<RowCache>,
}

impl ChronologyPanel {
    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        self.toolbar(ui, review, edits);
        self.refresh(cx);
        egui::Panel::right("chronology-form")
            .resizable(true)
            .default_size(380.0)
            .size_range(300.0..=720.0)
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("chronology-form-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        match self
                            .selected
                            .as_ref()
                            .and_then(|id| review.chronology.iter().find(|e| &e.id == id))
                        {
                            Some(entry) => entry_form(ui, review, entry, edits),
                            None => nothing_selected(ui, "an entry"),
                        }
                    });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| self.table(ui, review));
    }

    fn toolbar(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        ui.add_space(4.0);
        ui.heading("Multi-agency chronology");
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                let label = caption(ui, "Filter entries");
                ui.add(
                    TextEdit::singleline(&mut self.filter)
                        .hint_text("words in the entry")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
            ui.vertical(|ui| {
                ui.set_width(280.0);
                let mut options = vec![
                    Choice {
                        value: None,
                        label: "All agencies".into(),
                        hover: String::new(),
                    },
                    Choice {
                        value: Some(None),
                        label: "No agency given".into(),
                        hover: String::new(),
                    },
                ];
                options.extend(review.agencies.iter().map(|a| Choice {
                    value: Some(Some(a.id.clone())),
                    label: a.name.clone(),
                    hover: String::new(),
                }));
                if let Some(agency) = choice_box(ui, "Agency filter", &self.agency, &options) {
                    self.agency = agency;
                }
            });
            ui.vertical(|ui| {
                ui.add_space(ui.text_style_height(&TextStyle::Body) + 6.0);
                if ui.button("Add entry").clicked() {
                    let id = review.next_id(RecordKind::Entry);
                    let today = ReviewDate {
                        value: DateValue::Day(chrono::Local::now().date_naive()),
                        approximate: false,
                    };
                    let date = review.meta.period.map_or(today, |p| p.start);
                    let entry = ChronologyEntry {
                        id: id.clone(),
                        date,
                        agency: None,
                        author: String::new(),
                        text: String::new(),
                        people: Vec::new(),
                        source: None,
                    };
                    edits.apply(add("Add chronology entry", Record::Entry(entry)));
                    self.selected = Some(id);
                }
            });
        });
        ui.add_space(4.0);
    }

    /// Recomputes the sorted, filtered rows when the review or filters changed.
    fn refresh(&mut self, cx: &PanelContext) {
        let key = (cx.revision, self.filter.clone(), self.agency.clone());
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let review = cx.review;
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<usize> = review
            .chronology
            .iter()
            .enumerate()
            .filter(|(_, e)| match &self.agency {
                None => true,
                Some(agency) => e.agency == *agency,
            })
            .filter(|(_, e)| {
                needle.is_empty()
                    || e.text.to_lowercase().contains(&needle)
                    || e.author.to_lowercase().contains(&needle)
                    || e.date.human().to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        rows.sort_by(|a, b| {
            review.chronology[*a]
                .date
                .cmp(&review.chronology[*b].date)
                .then(a.cmp(b))
        });
        let agency_names = review
            .agencies
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        self.cache = Some(RowCache {
            key,
            rows,
            agency_names,
        });
    }

    fn table(&mut self, ui: &mut Ui, review: &Review) {
        let Some(cache) = &self.cache else { return };
        ui.label(format!(
            "{} of {} entries",
            cache.rows.len(),
            review.chronology.len()
        ));
        let row_height = ui.text_style_height(&TextStyle::Body) + 10.0;
        let font = TextStyle::Body.resolve(ui.style());
        let header = ui.available_rect_before_wrap();
        let (header_rect, _) =
            ui.allocate_exact_size(vec2(header.width(), row_height), Sense::hover());
        let strong = ui.visuals().strong_text_color();
        paint_columns(
            ui,
            header_rect,
            ["Date", "Agency", "Author", "Record"],
            &font,
            strong,
        );
        ui.separator();
        let mut clicked = None;
        ScrollArea::vertical()
            .id_salt("chronology-rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, cache.rows.len(), |ui, range| {
                ui.spacing_mut().item_spacing.y = 0.0;
                for &index in &cache.rows[range] {
                    let entry = &review.chronology[index];
                    let agency = entry.agency.as_ref().map_or("", |a| {
                        cache.agency_names.get(a).map_or(a.as_str(), String::as_str)
                    });
                    let date = entry.date.human();
                    let (rect, response) = ui.allocate_exact_size(
                        vec2(ui.available_width(), row_height),
                        Sense::click(),
                    );
                    let selected = self.selected.as_ref() == Some(&entry.id);
                    let visuals = ui.visuals();
                    if selected {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
                    } else if response.hovered() {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
                    } else if index % 2 == 1 {
                        ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
                    }
                    let colour = if selected {
                        visuals.selection.stroke.color
                    } else {
                        visuals.text_color()
                    };
                    paint_columns(
                        ui,
                        rect,
                        [&date, agency, &entry.author, &entry.text],
                        &font,
                        colour,
                    );
                    let name = format!("{date}, {agency}: {}", short(&entry.text, 160));
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name)
                    });
                    let response = if response.hovered() {
                        response.on_hover_text(format!(
                            "{date} · {agency} · {}\n\n{}",
                            entry.author, entry.text
                        ))
                    } else {
                        response
                    };
                    if response.clicked() {
                        clicked = Some(entry.id.clone());
                    }
                }
            });
        if let Some(id) = clicked {
            self.selected = Some(id);
        }
    }
}

/// Paints four cells of a row, each clipped to its column. The date keeps
/// its width; when space is short the agency and author columns shrink so
/// the record's text keeps at least 40 % of the row.
fn paint_columns(ui: &Ui, rect: Rect, cells: [&str; 4], font: &FontId, colour: Color32) {
    let [date, agency, author] = COLUMNS;
    let room = (rect.width() * 0.6 - date).max(120.0);
    let shrink = (room / (agency + author)).min(1.0);
    let widths = [date, agency * shrink, author * shrink];
    let text = (rect.width() - widths.iter().sum::<f32>()).max(60.0);
    let mut x = rect.left() + 6.0;
    for (cell, width) in cells.iter().zip([widths[0], widths[1], widths[2], text]) {
        let cell_rect = Rect::from_min_size(pos2(x, rect.top()), vec2(width - 10.0, rect.height()));
        let line = cell.lines().next().unwrap_or("");
        ui.painter()
            .with_clip_rect(cell_rect.intersect(ui.clip_rect()))
            .text(
                pos2(cell_rect.left(), cell_rect.center().y),
                Align2::LEFT_CENTER,
                line,
                font.clone(),
                colour,
            );
        x += width;
    }
}

fn entry_form(ui: &mut Ui, review: &Review, entry: &ChronologyEntry, edits: &mut Edits) {
    let e = entry;
    ui.push_id(e.id.as_str(), |ui| {
        ui.heading(format!("Chronology entry {}", e.id));
        ui.add_space(6.0);
        let mut form = Form::new(edits, e.id.as_str());
        form.date(ui, "Entry date", Some(e.date), true, |v| {
            v.map(|date| put("Edit entry date", e, Record::Entry, |x| x.date = date))
        });
        let mut agencies = vec![Choice {
            value: None,
            label: "No agency given".into(),
            hover: String::new(),
        }];
        agencies.extend(review.agencies.iter().map(|a| Choice {
            value: Some(a.id.clone()),
            label: a.name.clone(),
            hover: a.generic_name.clone(),
        }));
        form.choice(ui, "Recording agency", &e.agency, &agencies, |v| {
            put("Change entry agency", e, Record::Entry, |x| x.agency = v)
        });
        form.text(ui, "Author's role", &e.author, |v| {
            put("Edit entry author", e, Record::Entry, |x| x.author = v)
        });
        form.text_multi(ui, "What the record says", &e.text, 6, |v| {
            put("Edit entry text", e, Record::Entry, |x| x.text = v)
        });
        form.records(
            ui,
            "People mentioned",
            "person",
            &titled(review, e.people.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Person)),
            |v| put("Link people to entry", e, Record::Entry, |x| x.people = v),
        );
        if let Some(source) = &e.source {
            ui.weak(format!("Imported from {}, row {}", source.file, source.row));
        }
        delete_button(ui, review, &e.id, "entry", form.edits());
    });
}
