//! The chronology as a table: its header with the sort columns, and each
//! row with the matches of the search marked and same-day groups barred.

use super::*;

impl ChronologyPanel {
    pub(super) fn table(&mut self, ui: &mut Ui, review: &Review) {
        let line = ui.text_style_height(&TextStyle::Body);
        let header_height = line + 10.0;
        let row_height = line * ROW_LINES as f32 + 10.0;
        let font = TextStyle::Body.resolve(ui.style());
        let widths = self.table_header(ui, header_height);
        ui.separator();
        let Some(cache) = &self.cache else { return };
        if cache.rows.is_empty() {
            ui.weak(if review.chronology.is_empty() {
                "No entries yet: add one, or import an agency's chronology (Import CSV…)."
            } else {
                "No entry matches the filters."
            });
            return;
        }
        let needle = self.filters.text.trim().to_lowercase();
        let highlight = if ui.visuals().dark_mode {
            Color32::from_rgb(120, 95, 0)
        } else {
            Color32::from_rgb(255, 226, 110)
        };
        let selected: HashSet<&Id> = self.selection.iter().collect();
        let mut clicked: Option<(Id, Modifiers)> = None;
        ScrollArea::vertical()
            .id_salt(("chronology-rows", self.generation))
            .auto_shrink([false, false])
            .show_rows(ui, row_height, cache.rows.len(), |ui, range| {
                ui.spacing_mut().item_spacing.y = 0.0;
                for position in range {
                    let index = cache.rows[position];
                    let entry = &review.chronology[index];
                    let agency = entry.agency.as_ref().map_or("", |a| {
                        cache.agency_names.get(a).map_or(a.as_str(), String::as_str)
                    });
                    let date = entry.date.human();
                    let (rect, response) = ui.allocate_exact_size(
                        vec2(ui.available_width(), row_height),
                        Sense::click(),
                    );
                    let is_selected = selected.contains(&entry.id);
                    let visuals = ui.visuals();
                    let group = cache.groups[position];
                    if is_selected {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
                    } else if response.hovered() {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
                    } else if group != GroupMark::Alone {
                        let tint =
                            group_colour(ui).gamma_multiply(if cache.group_parity[position] {
                                0.16
                            } else {
                                0.10
                            });
                        ui.painter().rect_filled(rect, 0.0, tint);
                    } else if position % 2 == 1 {
                        ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
                    }
                    if group != GroupMark::Alone {
                        paint_group_bar(ui, rect, group);
                    }
                    let colour = if is_selected {
                        visuals.selection.stroke.color
                    } else {
                        visuals.text_color()
                    };
                    paint_row(
                        ui,
                        rect,
                        widths,
                        [&date, agency, &entry.author, &entry.text],
                        &font,
                        colour,
                        (!needle.is_empty()).then_some((needle.as_str(), highlight)),
                    );
                    let same_day = if group == GroupMark::Alone {
                        ""
                    } else {
                        " (same day as another agency's entry)"
                    };
                    let name = format!("{date}, {agency}: {}{same_day}", short(&entry.text, 160));
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &name)
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
                        clicked = Some((entry.id.clone(), click_modifiers(ui)));
                    }
                }
            });
        if let Some((id, modifiers)) = clicked {
            let order: Vec<Id> = if modifiers.shift {
                cache
                    .rows
                    .iter()
                    .map(|&i| review.chronology[i].id.clone())
                    .collect()
            } else {
                Vec::new()
            };
            self.select(vec![id], modifiers, Some(&order));
        }
    }

    /// The column titles; clicking one sorts by it, clicking it again
    /// reverses the order. The line at a column's right edge can be
    /// dragged to widen or narrow it. Returns the four columns' widths.
    pub(super) fn table_header(&mut self, ui: &mut Ui, row_height: f32) -> [f32; 4] {
        let (rect, _) =
            ui.allocate_exact_size(vec2(ui.available_width(), row_height), Sense::hover());
        let em = ui.text_style_height(&TextStyle::Body);
        let base = self
            .columns
            .unwrap_or(COLUMNS.map(|w| w / DEFAULT_EM))
            .map(|w| w * em);
        let widths = column_widths(rect.width(), base);
        let font = TextStyle::Body.resolve(ui.style());
        let mut x = rect.left() + 6.0 + GROUP_BAR;
        for (i, (column, title)) in [
            (SortColumn::Date, "Date"),
            (SortColumn::Agency, "Agency"),
            (SortColumn::Author, "Author"),
            (SortColumn::Text, "Record"),
        ]
        .into_iter()
        .enumerate()
        {
            let cell = Rect::from_min_size(
                pos2(x - 4.0, rect.top()),
                vec2(widths[i] - 6.0, rect.height()),
            );
            x += widths[i];
            if i < 3 {
                // The handle to resize this column.
                let handle = Rect::from_center_size(
                    pos2(x - 4.0, rect.center().y),
                    vec2(8.0, rect.height()),
                );
                let drag = ui
                    .interact(handle, ui.scope_id().with(("resize", i)), Sense::drag())
                    .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
                let stroke = if drag.hovered() || drag.dragged() {
                    ui.visuals().widgets.hovered.fg_stroke
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke
                };
                ui.painter()
                    .vline(x - 4.0, rect.y_range().shrink(4.0), stroke);
                if drag.dragged() {
                    let mut columns = base.map(|w| w / em);
                    columns[i] = ((widths[i] + drag.drag_delta().x) / em).clamp(3.0, 30.0);
                    self.columns = Some(columns);
                }
                drag.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Splitter,
                        true,
                        format!("Resize the {} column", title.to_lowercase()),
                    )
                });
            }
            let response = ui
                .interact(cell, ui.scope_id().with(("sort", i)), Sense::click())
                .on_hover_text(format!("Sort by {}", title.to_lowercase()));
            if response.hovered() {
                ui.painter()
                    .rect_filled(cell, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
            }
            let arrow = match (self.sort == column, self.descending) {
                (true, false) => " ▲",
                (true, true) => " ▼",
                _ => "",
            };
            let label = format!("{title}{arrow}");
            ui.painter().with_clip_rect(cell).text(
                pos2(cell.left() + 4.0, cell.center().y),
                Align2::LEFT_CENTER,
                &label,
                font.clone(),
                ui.visuals().strong_text_color(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Sort by {}", title.to_lowercase()),
                )
            });
            if response.clicked() {
                if self.sort == column {
                    self.descending = !self.descending;
                } else {
                    self.sort = column;
                    self.descending = false;
                }
            }
        }
        widths
    }
}

/// The colour of the same-day marks.
pub(super) fn group_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 170, 255)
    } else {
        Color32::from_rgb(30, 100, 200)
    }
}

pub(super) fn paint_group_bar(ui: &Ui, rect: Rect, group: GroupMark) {
    let (top, bottom) = match group {
        GroupMark::First => (rect.top() + 4.0, rect.bottom()),
        GroupMark::Last => (rect.top(), rect.bottom() - 4.0),
        GroupMark::Middle | GroupMark::Alone => (rect.top(), rect.bottom()),
    };
    let bar = Rect::from_min_max(
        pos2(rect.left(), top),
        pos2(rect.left() + GROUP_BAR, bottom),
    );
    ui.painter().rect_filled(bar, 2.0, group_colour(ui));
}

/// Widths of the four columns for a row of this width, from the date,
/// agency and author columns' wanted widths (`base`). The date keeps its
/// width; when space is short the agency and author columns shrink so the
/// record's text keeps at least 40 % of the row.
pub(super) fn column_widths(width: f32, base: [f32; 3]) -> [f32; 4] {
    let [date, agency, author] = base;
    let room = (width * 0.6 - date).max(120.0);
    let shrink = (room / (agency + author)).min(1.0);
    let widths = [date, agency * shrink, author * shrink];
    let text = (width - widths.iter().sum::<f32>()).max(60.0);
    [widths[0], widths[1], widths[2], text]
}

/// The byte ranges of `needle` (lower case) in `text`, ignoring case.
pub(super) fn match_ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let needle: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= lower.len() {
        if lower[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, a), b)| a == b)
        {
            let start = lower[i].0;
            let end = lower
                .get(i + needle.len())
                .map_or(text.len(), |(at, _)| *at);
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The text on one line, starting a few words before the first match of
/// `needle` when that is not near the start.
pub(super) fn around_first_match(text: &str, needle: &str) -> String {
    let flat = text.replace('\n', " · ");
    let Some(first) = match_ranges(&flat, needle).first().map(|r| r.start) else {
        return flat;
    };
    let before = flat[..first].chars().count();
    if before <= 30 {
        return flat;
    }
    let start = flat[..first]
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(at, _)| at);
    let start = flat[start..first]
        .find(' ')
        .map_or(start, |space| start + space + 1);
    format!("…{}", &flat[start..])
}

/// Paints the four cells of a row, each clipped to its column, with the
/// search words highlighted.
pub(super) fn paint_row(
    ui: &Ui,
    rect: Rect,
    widths: [f32; 4],
    cells: [&str; 4],
    font: &FontId,
    colour: Color32,
    highlight: Option<(&str, Color32)>,
) {
    let mut x = rect.left() + 6.0 + GROUP_BAR;
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let cell_rect = Rect::from_min_size(
            pos2(x, rect.top() + 5.0),
            vec2(width - 10.0, rect.height() - 10.0),
        );
        x += width;
        // The record's text from where the search words first occur, so the
        // highlight is in view; lines are joined so that the cell wraps.
        let text = match highlight {
            Some((needle, _)) if i == 3 => around_first_match(cell, needle),
            _ => cell.replace('\n', " · "),
        };
        let plain = TextFormat::simple(font.clone(), colour);
        let mut job = LayoutJob::default();
        match highlight.map(|(needle, bg)| (match_ranges(&text, needle), bg)) {
            Some((ranges, bg)) if !ranges.is_empty() => {
                let marked = TextFormat {
                    background: bg,
                    ..plain.clone()
                };
                let mut at = 0;
                for range in ranges {
                    job.append(&text[at..range.start], 0.0, plain.clone());
                    job.append(&text[range.clone()], 0.0, marked.clone());
                    at = range.end;
                }
                job.append(&text[at..], 0.0, plain);
            }
            _ => job.append(&text, 0.0, plain),
        }
        // Wrapped to the column, at most ROW_LINES lines, and "…" where
        // the text goes on: never cut off silently.
        job.wrap = egui::text::TextWrapping {
            max_width: cell_rect.width().max(10.0),
            max_rows: ROW_LINES,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        let painter = ui
            .painter()
            .with_clip_rect(cell_rect.expand(2.0).intersect(ui.clip_rect()));
        let galley = painter.layout_job(job);
        painter.galley(cell_rect.left_top(), galley, colour);
    }
}
