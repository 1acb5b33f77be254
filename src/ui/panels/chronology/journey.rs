//! The child's journey view of the Chronology panel: read-only, the
//! chronology told from the child's side (see [`crate::analysis::journey`]).
//! Counts first, then a strip of the whole period showing when the child was
//! seen, heard, or recorded as not seen and the long gaps between, then the
//! gaps, the agencies, and every entry that mentions the child.

use chrono::NaiveDate;
use eframe::egui::{
    self, Align2, Color32, Grid, Rect, RichText, ScrollArea, Sense, Stroke, TextStyle, Ui, pos2,
    vec2,
};

use super::entry_views::outline;
use crate::analysis::journey::{Contact, Journey, child_journey, subject_children};
use crate::model::{Id, Review};
use crate::ui::forms::{Choice, choice_box, short};

/// Gaps at least this long are listed and shaded.
const LONG_GAP: i64 = 28;

const SEEN: Color32 = Color32::from_rgb(40, 150, 60);
const REMOTE: Color32 = Color32::from_rgb(40, 160, 170);
const NOT_SEEN: Color32 = Color32::from_rgb(210, 50, 40);
const HEARD: Color32 = Color32::from_rgb(60, 90, 220);

/// View state of the child's journey.
#[derive(Default)]
pub struct JourneyView {
    child: Option<Id>,
    cache: Option<((u64, u64), Id, Journey)>,
}

fn long_date(date: NaiveDate) -> String {
    crate::model::ReviewDate::day(
        chrono::Datelike::year(&date),
        chrono::Datelike::month(&date),
        chrono::Datelike::day(&date),
    )
    .map_or_else(|| date.to_string(), |d| d.human())
}

impl JourneyView {
    /// Draws the view. Returns an entry the user clicked.
    pub fn ui(&mut self, ui: &mut Ui, review: &Review, revision: (u64, u64)) -> Option<Id> {
        let children = subject_children(review);
        if children.is_empty() {
            ui.add_space(16.0);
            ui.label(
                "There is no subject child in the cast yet. In the Cast panel, set a person's \
                 part in the case to \"Subject child\" to see the chronology from their side.",
            );
            return None;
        }
        if self
            .child
            .as_ref()
            .is_none_or(|c| !children.iter().any(|p| &p.id == c))
        {
            self.child = Some(children[0].id.clone());
        }
        if children.len() > 1 {
            let options: Vec<Choice<Option<Id>>> = children
                .iter()
                .map(|p| Choice {
                    value: Some(p.id.clone()),
                    label: format!("{} ({})", p.pseudonym, p.name),
                    hover: String::new(),
                })
                .collect();
            ui.vertical(|ui| {
                ui.set_width(320.0);
                if let Some(child) = choice_box(ui, "Whose journey", &self.child, &options) {
                    self.child = child;
                }
            });
        }
        let child = self.child.clone()?;
        if self
            .cache
            .as_ref()
            .is_none_or(|(at, c, _)| *at != revision || *c != child)
        {
            let journey = child_journey(review, &child)?;
            self.cache = Some((revision, child, journey));
        }
        let (_, _, journey) = self.cache.as_ref()?;
        let top_height = (ui.available_height() * 0.58).max(200.0);
        ScrollArea::vertical()
            .id_salt("journey-summary")
            .max_height(top_height)
            .auto_shrink([false, true])
            .show(ui, |ui| summary(ui, review, journey));
        ui.separator();
        entry_list(ui, review, journey)
    }
}

fn summary(ui: &mut Ui, review: &Review, j: &Journey) {
    ui.heading(format!("{}'s journey", j.child_name));
    ui.label(format!(
        "From {} to {}: {} days{}",
        long_date(j.span.0),
        long_date(j.span.1),
        j.days_in_span,
        if j.date_of_birth.is_some_and(|b| b == j.span.0) {
            " (from birth)"
        } else {
            ""
        }
    ));
    ui.weak(
        "Read from the entries' text: check the entries listed below. Only sightings dated to \
         the day count as days seen.",
    );
    ui.add_space(6.0);
    Grid::new("journey-counts")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                ui.label(label);
                ui.label(RichText::new(value).strong());
                ui.end_row();
            };
            row(
                "Days without any professional seeing the child",
                format!("{} of {}", j.days_not_seen, j.days_in_span),
            );
            if let Some(gap) = j.longest_gap() {
                row(
                    "Longest time without being seen",
                    format!(
                        "{} days ({} – {})",
                        gap.days,
                        long_date(gap.from),
                        long_date(gap.to)
                    ),
                );
            }
            row("Entries that mention the child", j.mentions.to_string());
            row(
                "Seen in person",
                format!(
                    "{} entries, on {} days{}",
                    j.seen,
                    j.seen_days.len(),
                    if j.seen_undated > 0 {
                        format!(" ({} with a date coarser than a day)", j.seen_undated)
                    } else {
                        String::new()
                    }
                ),
            );
            row("Seen by video", j.seen_remotely.to_string());
            row("Recorded as not seen", j.not_seen.to_string());
            row("The child's words or views recorded", j.heard.to_string());
            row(
                "Mention the child but not their views",
                j.mentions_without_views.to_string(),
            );
        });
    ui.add_space(8.0);
    strip(ui, j);
    ui.add_space(8.0);
    let gaps = j.gaps_over(LONG_GAP);
    ui.label(
        RichText::new(format!(
            "Gaps of four weeks or more without being seen: {}",
            gaps.len()
        ))
        .strong(),
    );
    for gap in gaps.iter().take(12) {
        let note = match (gap.from_start, gap.to_end) {
            (true, true) => " (never seen in the period)",
            (true, false) => " (from the start of the period)",
            (false, true) => " (to the end of the period)",
            _ => "",
        };
        ui.label(format!(
            "{} days: {} – {}{note}",
            gap.days,
            long_date(gap.from),
            long_date(gap.to)
        ));
    }
    if gaps.len() > 12 {
        ui.weak(format!("…and {} more", gaps.len() - 12));
    }
    ui.add_space(8.0);
    ui.label(RichText::new("By agency").strong());
    Grid::new("journey-agencies")
        .striped(true)
        .num_columns(5)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for title in ["Agency", "Mentions", "Seen", "Heard", "Not seen"] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for (agency, counts) in &j.by_agency {
                let name = agency
                    .as_ref()
                    .map_or_else(|| "No agency given".to_string(), |a| review.title_of(a));
                ui.label(name);
                ui.label(counts.mentions.to_string());
                ui.label(counts.seen.to_string());
                ui.label(counts.heard.to_string());
                ui.label(counts.not_seen.to_string());
                ui.end_row();
            }
        });
}

/// The period as a strip: long gaps shaded, sightings as ticks, views as
/// dots, "not seen" records as red ticks below.
fn strip(ui: &mut Ui, j: &Journey) {
    let width = ui.available_width().min(1400.0);
    let (response, painter) = ui.allocate_painter(vec2(width, 84.0), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            "When the child was seen and heard",
        )
    });
    let rect = response.rect;
    let bar = Rect::from_min_max(
        pos2(rect.left(), rect.top() + 16.0),
        pos2(rect.right(), rect.top() + 56.0),
    );
    let (start, end) = j.span;
    let days = ((end - start).num_days() + 1).max(1) as f32;
    let x_of = |d: NaiveDate| bar.left() + (d - start).num_days() as f32 / days * bar.width();
    painter.rect_stroke(bar, 2.0, outline(ui), egui::StrokeKind::Inside);
    let gap_fill = Color32::from_rgba_unmultiplied(210, 50, 40, 40);
    for gap in j.gaps.iter().filter(|g| g.days >= LONG_GAP) {
        let r = Rect::from_min_max(
            pos2(x_of(gap.from), bar.top()),
            pos2(x_of(gap.to), bar.bottom()),
        );
        painter.rect_filled(r, 0.0, gap_fill);
    }
    let small = TextStyle::Small.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    let mut year = chrono::Datelike::year(&start);
    while let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) {
        if jan > end {
            break;
        }
        if jan >= start {
            let x = x_of(jan);
            painter.line_segment(
                [pos2(x, bar.top() - 4.0), pos2(x, bar.bottom())],
                Stroke::new(1.0, weak),
            );
            painter.text(
                pos2(x + 2.0, rect.top()),
                Align2::LEFT_TOP,
                year.to_string(),
                small.clone(),
                weak,
            );
        }
        year += 1;
    }
    for e in &j.entries {
        let day = e.date.first_day();
        if day < start || day > end {
            continue;
        }
        let x = x_of(day);
        match e.contact {
            Contact::Seen => {
                painter.line_segment(
                    [pos2(x, bar.top() + 2.0), pos2(x, bar.bottom() - 2.0)],
                    Stroke::new(2.0, SEEN),
                );
            }
            Contact::SeenRemotely => {
                painter.line_segment(
                    [pos2(x, bar.center().y), pos2(x, bar.bottom() - 2.0)],
                    Stroke::new(2.0, REMOTE),
                );
            }
            Contact::NotSeen => {
                painter.line_segment(
                    [pos2(x, bar.bottom() + 2.0), pos2(x, bar.bottom() + 12.0)],
                    Stroke::new(2.0, NOT_SEEN),
                );
            }
            Contact::Mentioned => {}
        }
        if e.heard {
            painter.circle_filled(pos2(x, bar.top() - 1.0), 3.5, HEARD);
        }
    }
    let mut x = rect.left();
    let y = rect.bottom() - 8.0;
    for (colour, label) in [
        (SEEN, "seen"),
        (REMOTE, "seen by video"),
        (NOT_SEEN, "recorded as not seen"),
        (HEARD, "words or views recorded"),
        (gap_fill, "four weeks or more unseen"),
    ] {
        painter.rect_filled(
            Rect::from_center_size(pos2(x + 6.0, y), vec2(10.0, 10.0)),
            2.0,
            colour,
        );
        let galley =
            painter.layout_no_wrap(label.to_string(), small.clone(), ui.visuals().text_color());
        let w = galley.size().x;
        painter.galley(
            pos2(x + 15.0, y - galley.size().y / 2.0),
            galley,
            Color32::PLACEHOLDER,
        );
        x += w + 34.0;
    }
}

/// Every entry that mentions the child, in date order. Returns the one
/// clicked.
fn entry_list(ui: &mut Ui, review: &Review, j: &Journey) -> Option<Id> {
    ui.label(RichText::new(format!("Entries that mention {}", j.child_name)).strong());
    // Two lines a row, ending in "…" when the entry goes on; the whole
    // entry shows on hover.
    let row_height = ui.text_style_height(&TextStyle::Body) * 2.0 + 10.0;
    let mut clicked = None;
    ScrollArea::vertical()
        .id_salt("journey-entries")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, j.entries.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for e in &j.entries[range] {
                let entry = &review.chronology[e.index];
                let agency = e
                    .agency
                    .as_ref()
                    .map_or_else(String::new, |a| review.title_of(a));
                let what = format!(
                    "{}{}",
                    e.contact.label(),
                    if e.heard { " · views recorded" } else { "" }
                );
                let text = format!(
                    "{} · {} · {} · {}",
                    e.date.human(),
                    short(&agency, 40),
                    what,
                    short(&entry.text.replace('\n', " "), 140)
                );
                let colour = match e.contact {
                    Contact::Seen => SEEN,
                    Contact::SeenRemotely => REMOTE,
                    Contact::NotSeen => NOT_SEEN,
                    Contact::Mentioned => ui.visuals().weak_text_color(),
                };
                let (rect, response) =
                    ui.allocate_exact_size(vec2(ui.available_width(), row_height), Sense::click());
                if response.hovered() {
                    ui.painter()
                        .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
                }
                ui.painter().rect_filled(
                    Rect::from_min_size(rect.min + vec2(2.0, 4.0), vec2(5.0, rect.height() - 8.0)),
                    1.0,
                    colour,
                );
                let mut job = egui::text::LayoutJob::simple(
                    text.clone(),
                    TextStyle::Body.resolve(ui.style()),
                    ui.visuals().text_color(),
                    (rect.width() - 20.0).max(40.0),
                );
                job.wrap.max_rows = 2;
                job.wrap.overflow_character = Some('…');
                let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
                let galley = painter.layout_job(job);
                painter.galley(
                    pos2(rect.left() + 14.0, rect.top() + 5.0),
                    galley,
                    ui.visuals().text_color(),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
                let response = if response.hovered() {
                    response.on_hover_text(format!(
                        "{} · {agency} · {what}\n\n{}",
                        e.date.human(),
                        entry.text
                    ))
                } else {
                    response
                };
                if response.clicked() {
                    clicked = Some(e.entry.clone());
                }
            }
        });
    clicked
}
