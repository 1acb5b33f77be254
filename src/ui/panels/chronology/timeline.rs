//! The timeline view of the Chronology panel: a swimlane per agency along a
//! time axis that zooms from years to days, key practice episodes as bands
//! across the lanes, and the subject child's age under the dates when their
//! date of birth is known.
//!
//! Entries dated to a day are marks; entries dated to a month, season or
//! year are thin bars over their whole span. Marks that fall on the same
//! pixel are drawn once, so 20,000 entries cost no more to draw than the
//! width of the window allows.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use chrono::{Datelike, NaiveDate};
use eframe::egui::{
    self, Align2, Color32, FontId, Modifiers, Rect, Sense, Stroke, TextStyle, Ui, pos2,
};

use super::entry_views::{click_modifiers, outline};
use crate::analysis::journey::subject_children;
use crate::model::{DatePrecision, Id, MONTHS, Review, age_on};

/// Width of the lane names on the left.
const LABEL_WIDTH: f32 = 200.0;
/// Height of the date axis.
const AXIS_HEIGHT: f32 = 40.0;
/// Height of the age row.
const ROW_HEIGHT: f32 = 22.0;
/// Height of one row of episode bars beyond its title's line height.
const EPISODE_ROW_PADDING: f32 = 6.0;
/// The most rows of episode bars before bars share rows.
const MAX_EPISODE_ROWS: usize = 6;
/// The most pixels a day can take.
const MAX_SCALE: f64 = 80.0;
/// Colours of the lanes, in turn.
const LANE_COLOURS: [Color32; 8] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(23, 190, 207),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(188, 189, 34),
];

/// A click on marks of the timeline.
pub struct TimelineClick {
    /// The entries under the pointer.
    pub entries: Vec<Id>,
    /// The modifiers held.
    pub modifiers: Modifiers,
}

/// One entry on a lane: its first and last day (day numbers) and its
/// position in the chronology.
struct Mark {
    start: i64,
    end: i64,
    index: usize,
    precise: bool,
}

struct Lane {
    name: String,
    marks: Vec<Mark>,
}

struct Band {
    start: i64,
    end: i64,
    title: String,
}

struct Lanes {
    key: (u64, u64, u64),
    lanes: Vec<Lane>,
    first: i64,
    last: i64,
    /// The longest span of any mark, for finding marks that start before
    /// the left edge but reach into view.
    longest: i64,
    bands: Vec<Band>,
    birth: Option<(NaiveDate, String)>,
}

/// Scale and position of the time axis.
#[derive(Default)]
struct Camera {
    /// Pixels per day.
    scale: f64,
    /// The day at the left edge of the plot.
    left: f64,
    fitted: bool,
}

impl Camera {
    /// Multiplies the scale by `factor`, keeping the day under `anchor`
    /// (pixels from the plot's left edge) in place.
    fn zoom_by(&mut self, factor: f64, anchor: Option<f64>) {
        if self.scale <= 0.0 {
            return;
        }
        let anchor = anchor.unwrap_or(300.0);
        let day = self.left + anchor / self.scale;
        self.scale = (self.scale * factor).min(MAX_SCALE);
        self.left = day - anchor / self.scale;
    }
}

/// View state of the timeline: scale and position.
#[derive(Default)]
pub struct TimelineView {
    camera: Camera,
    lanes: Option<Lanes>,
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn date_of(day: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day as i32).unwrap_or(NaiveDate::MIN)
}

fn build_lanes(review: &Review, rows: &[usize], key: (u64, u64, u64)) -> Lanes {
    let mut lanes: Vec<(Option<Id>, Lane)> = review
        .agencies
        .iter()
        .map(|a| {
            (
                Some(a.id.clone()),
                Lane {
                    name: a.name.clone(),
                    marks: Vec::new(),
                },
            )
        })
        .collect();
    lanes.push((
        None,
        Lane {
            name: "No agency given".into(),
            marks: Vec::new(),
        },
    ));
    let lane_of: std::collections::HashMap<Option<Id>, usize> = lanes
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i))
        .collect();
    let (mut first, mut last, mut longest) = (i64::MAX, i64::MIN, 0);
    for &index in rows {
        let entry = &review.chronology[index];
        let lane = lane_of
            .get(&entry.agency)
            .copied()
            .unwrap_or(lanes.len() - 1);
        let start = day_number(entry.date.first_day());
        let end = day_number(entry.date.last_day());
        first = first.min(start);
        last = last.max(end);
        longest = longest.max(end - start);
        lanes[lane].1.marks.push(Mark {
            start,
            end,
            index,
            precise: entry.date.precision() == DatePrecision::Day && !entry.date.approximate,
        });
    }
    let mut lanes: Vec<Lane> = lanes
        .into_iter()
        .map(|(_, lane)| lane)
        .filter(|lane| !lane.marks.is_empty())
        .collect();
    for lane in &mut lanes {
        lane.marks.sort_by_key(|m| (m.start, m.end));
    }
    let bands = review
        .episodes
        .iter()
        .filter_map(|e| {
            let start = e.start?;
            let end = e.end.unwrap_or(start);
            Some(Band {
                start: day_number(start.first_day()),
                end: day_number(end.last_day().max(start.first_day())),
                title: if e.title.trim().is_empty() {
                    e.id.to_string()
                } else {
                    format!("{} {}", e.id, e.title.trim())
                },
            })
        })
        .collect();
    let birth = subject_children(review).into_iter().find_map(|p| {
        p.date_of_birth.map(|d| {
            let name = if p.pseudonym.trim().is_empty() {
                p.name.clone()
            } else {
                p.pseudonym.clone()
            };
            (d, name)
        })
    });
    if first > last {
        let today = day_number(chrono::Local::now().date_naive());
        (first, last) = (today - 365, today);
    }
    Lanes {
        key,
        lanes,
        first,
        last,
        longest,
        bands,
        birth,
    }
}

/// The tick step of the axis for a scale (pixels per day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

fn step_for(scale: f64) -> Step {
    if scale >= 30.0 {
        Step::Day
    } else if scale * 7.0 >= 60.0 {
        Step::Week
    } else if scale * 30.0 >= 48.0 {
        Step::Month
    } else if scale * 91.0 >= 64.0 {
        Step::Quarter
    } else {
        Step::Year
    }
}

/// The ticks from `from` to `to` (day numbers) with their labels.
fn ticks(from: i64, to: i64, step: Step) -> Vec<(i64, String, bool)> {
    let mut out = Vec::new();
    let start = date_of(from.max(1));
    let end = date_of(to.max(1));
    match step {
        Step::Day | Step::Week => {
            let mut day = start;
            if step == Step::Week {
                while day.weekday() != chrono::Weekday::Mon {
                    day = day.succ_opt().unwrap_or(day);
                }
            }
            let jump = if step == Step::Day { 1 } else { 7 };
            while day <= end {
                let major = day.day() == 1 || (step == Step::Week && day.day() <= 7);
                let mut label = format!("{} {}", day.day(), &MONTHS[day.month0() as usize][..3]);
                if out.is_empty() || (day.month() == 1 && major) {
                    label.push_str(&format!(" {}", day.year()));
                }
                out.push((day_number(day), label, major));
                day += chrono::Duration::days(jump);
            }
        }
        Step::Month | Step::Quarter | Step::Year => {
            // The first month that begins in the range, so that its label is
            // in view.
            let (mut y, mut m) = (start.year(), start.month());
            if start.day() != 1 {
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
            let every = match step {
                Step::Month => 1,
                Step::Quarter => 3,
                _ => 12,
            };
            while (m - 1) % every != 0 {
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
            while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
                if d > end {
                    break;
                }
                let label = match step {
                    Step::Year => y.to_string(),
                    _ if m == 1 || out.is_empty() => {
                        format!("{} {y}", &MONTHS[(m - 1) as usize][..3])
                    }
                    _ => MONTHS[(m - 1) as usize][..3].to_string(),
                };
                out.push((day_number(d), label, m == 1));
                for _ in 0..every {
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
        }
    }
    out
}

fn rows_key(rows: &[usize]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    rows.hash(&mut hasher);
    hasher.finish()
}

impl TimelineView {
    /// Draws the timeline of the rows the table shows (the same filters).
    /// Returns a click on marks.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        revision: (u64, u64),
        rows: &[usize],
        selection: &[Id],
    ) -> Option<TimelineClick> {
        let key = (revision.0, revision.1, rows_key(rows));
        if self.lanes.as_ref().is_none_or(|l| l.key != key) {
            self.lanes = Some(build_lanes(review, rows, key));
        }
        let lanes = self.lanes.as_ref()?;
        let mut fit = !self.camera.fitted;
        ui.horizontal(|ui| {
            if ui.button("Zoom in").clicked() {
                self.camera.zoom_by(2.0, None);
            }
            if ui.button("Zoom out").clicked() {
                self.camera.zoom_by(0.5, None);
            }
            if ui.button("Fit all").clicked() {
                fit = true;
            }
            ui.weak(match step_for(self.camera.scale) {
                Step::Day => "Scale: days",
                Step::Week => "Scale: weeks",
                Step::Month => "Scale: months",
                Step::Quarter => "Scale: quarters",
                Step::Year => "Scale: years",
            });
            ui.weak("· scroll to zoom, drag to move, click a mark to select it (Ctrl+click adds)");
        });
        let size = ui.available_size();
        let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Canvas,
                true,
                "Timeline of the chronology by agency",
            )
        });
        let rect = response.rect;
        let plot = Rect::from_min_max(pos2(rect.left() + LABEL_WIDTH, rect.top()), rect.max);
        let plot_width = f64::from(plot.width().max(50.0));
        let span_days = (lanes.last - lanes.first + 1).max(1) as f64;
        if fit {
            let margin = (span_days * 0.03).max(3.0);
            self.camera.scale = plot_width / (span_days + 2.0 * margin);
            self.camera.left = lanes.first as f64 - margin;
            self.camera.fitted = true;
        }
        let min_scale = plot_width / (span_days * 4.0 + 60.0);
        // Scrolling zooms about the pointer; dragging moves.
        if response.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let pointer = response.hover_pos().map(|p| f64::from(p.x - plot.left()));
            let factor = f64::from(zoom) * (f64::from(scroll.y) / 300.0).exp();
            if (factor - 1.0).abs() > 1e-6 {
                self.camera.zoom_by(factor, pointer);
            }
            if scroll.x != 0.0 {
                self.camera.left -= f64::from(scroll.x) / self.camera.scale;
            }
        }
        if response.dragged() {
            self.camera.left -= f64::from(response.drag_delta().x) / self.camera.scale;
        }
        self.camera.scale = self.camera.scale.clamp(min_scale, MAX_SCALE);
        let (scale, left) = (self.camera.scale, self.camera.left);
        let x_of = |day: f64| plot.left() + ((day - left) * scale) as f32;
        let right_day = left + plot_width / scale;

        let visuals = ui.visuals().clone();
        let text_colour = visuals.text_color();
        let weak = visuals.weak_text_color();
        let body = FontId::proportional(14.0);

        // Rows from the top: date axis, child's age, episode titles, lanes.
        let mut y = rect.top();
        let axis = Rect::from_min_max(pos2(plot.left(), y), pos2(plot.right(), y + AXIS_HEIGHT));
        y += AXIS_HEIGHT;
        let age_row = lanes.birth.as_ref().map(|_| {
            let r = Rect::from_min_max(pos2(plot.left(), y), pos2(plot.right(), y + ROW_HEIGHT));
            y += ROW_HEIGHT;
            r
        });
        // Episodes packed into rows so that their bars and titles do not
        // overlap: (band, row, x0, x1).
        let small = TextStyle::Small.resolve(ui.style());
        // Rows as tall as their titles (taller with the projector setting).
        let episode_row = ui.text_style_height(&TextStyle::Small) + EPISODE_ROW_PADDING;
        let mut row_ends: Vec<f32> = Vec::new();
        let mut placed: Vec<(&Band, usize, f32, f32)> = Vec::new();
        let mut order: Vec<&Band> = lanes.bands.iter().collect();
        order.sort_by_key(|b| (b.start, b.end));
        for band in order {
            let x0 = x_of(band.start as f64);
            let x1 = x_of((band.end + 1) as f64).max(x0 + 3.0);
            if x1 < plot.left() || x0 > plot.right() {
                continue;
            }
            let label = painter
                .layout_no_wrap(band.title.clone(), small.clone(), Color32::PLACEHOLDER)
                .size()
                .x
                .min(220.0);
            let end = x1.max(x0.max(plot.left()) + label + 6.0);
            let row = match row_ends.iter().position(|e| *e + 4.0 < x0.max(plot.left())) {
                Some(row) => row,
                None if row_ends.len() < MAX_EPISODE_ROWS => {
                    row_ends.push(f32::MIN);
                    row_ends.len() - 1
                }
                None => (0..row_ends.len())
                    .min_by(|a, b| row_ends[*a].total_cmp(&row_ends[*b]))
                    .unwrap_or(0),
            };
            row_ends[row] = row_ends[row].max(end);
            placed.push((band, row, x0, x1));
        }
        let band_rows = row_ends.len().max(1);
        let band_row = Rect::from_min_max(
            pos2(plot.left(), y),
            pos2(plot.right(), y + episode_row * band_rows as f32 + 4.0),
        );
        y = band_row.bottom();
        let lane_count = lanes.lanes.len().max(1);
        let lane_height = ((rect.bottom() - y) / lane_count as f32).clamp(22.0, 64.0);
        let lanes_rect = Rect::from_min_max(
            pos2(plot.left(), y),
            pos2(
                plot.right(),
                (y + lane_height * lane_count as f32).min(rect.bottom()),
            ),
        );
        let clip = painter.with_clip_rect(plot.intersect(ui.clip_rect()));

        // Axis and grid.
        let step = step_for(scale);
        for (day, label, major) in ticks(left.floor() as i64 - 1, right_day.ceil() as i64 + 1, step)
        {
            let x = x_of(day as f64);
            let grid = if major {
                visuals.widgets.noninteractive.bg_stroke.color
            } else {
                visuals.faint_bg_color.gamma_multiply(2.0)
            };
            clip.line_segment(
                [pos2(x, axis.bottom() - 8.0), pos2(x, lanes_rect.bottom())],
                Stroke::new(1.0, grid),
            );
            clip.text(
                pos2(x + 3.0, axis.top() + 6.0),
                Align2::LEFT_TOP,
                label,
                if major { body.clone() } else { small.clone() },
                if major { text_colour } else { weak },
            );
        }
        painter.line_segment(
            [
                pos2(plot.left(), axis.bottom()),
                pos2(plot.right(), axis.bottom()),
            ],
            outline(ui),
        );
        painter.text(
            pos2(rect.left() + 6.0, axis.center().y),
            Align2::LEFT_CENTER,
            "Date",
            body.clone(),
            weak,
        );

        // The child's age at each birthday (and half-birthday when there is room).
        if let (Some(row), Some((born, name))) = (age_row, &lanes.birth) {
            painter.text(
                pos2(rect.left() + 6.0, row.center().y),
                Align2::LEFT_CENTER,
                format!("{name}'s age"),
                body.clone(),
                weak,
            );
            let half = scale * 182.0 >= 70.0;
            let (from, to) = (
                date_of(left as i64).year() - 1,
                date_of(right_day as i64).year() + 1,
            );
            for year in (from - born.year()).max(0)..=(to - born.year()).max(0) {
                for (months, label) in [(0, format!("{year}")), (6, format!("{year}½"))] {
                    if months == 6 && !half {
                        continue;
                    }
                    let total = year as u32 * 12 + months;
                    let Some(day) = born.checked_add_months(chrono::Months::new(total)) else {
                        continue;
                    };
                    let x = x_of(day_number(day) as f64);
                    if x < plot.left() - 40.0 || x > plot.right() + 40.0 {
                        continue;
                    }
                    clip.line_segment(
                        [pos2(x, row.top() + 3.0), pos2(x, row.bottom() - 3.0)],
                        Stroke::new(1.0, weak),
                    );
                    let label = if year == 0 && months == 0 {
                        "birth".to_string()
                    } else {
                        format!("age {label}")
                    };
                    clip.text(
                        pos2(x + 3.0, row.center().y),
                        Align2::LEFT_CENTER,
                        label,
                        small.clone(),
                        text_colour,
                    );
                }
            }
        }

        // Episode bands across every lane, with their titles above.
        painter.text(
            pos2(rect.left() + 6.0, band_row.center().y),
            Align2::LEFT_CENTER,
            "Key practice episodes",
            body.clone(),
            weak,
        );
        let band_fill = if visuals.dark_mode {
            Color32::from_rgba_unmultiplied(255, 200, 80, 14)
        } else {
            Color32::from_rgba_unmultiplied(250, 170, 20, 20)
        };
        let bar_fill = Color32::from_rgb(250, 190, 70);
        let band_edge = Color32::from_rgba_unmultiplied(200, 130, 0, 110);
        let hovered_band = pointer_pos(&response).and_then(|p| {
            placed.iter().find(|(_, row, x0, x1)| {
                let top = band_row.top() + 2.0 + *row as f32 * episode_row;
                p.x >= *x0 && p.x <= *x1 && p.y >= top && p.y < top + episode_row
            })
        });
        for (band, row, x0, x1) in &placed {
            let (x0, x1) = (*x0, *x1);
            let hovered = hovered_band.is_some_and(|(b, ..)| std::ptr::eq(*b, *band));
            let across =
                Rect::from_min_max(pos2(x0, band_row.bottom()), pos2(x1, lanes_rect.bottom()));
            clip.rect_filled(
                across,
                0.0,
                if hovered {
                    band_fill.gamma_multiply(4.0)
                } else {
                    band_fill
                },
            );
            for x in [x0, x1] {
                clip.line_segment(
                    [pos2(x, band_row.bottom()), pos2(x, lanes_rect.bottom())],
                    Stroke::new(1.0, band_edge),
                );
            }
            let top = band_row.top() + 2.0 + *row as f32 * episode_row;
            let bar = Rect::from_min_max(pos2(x0, top + 1.0), pos2(x1, top + episode_row - 2.0));
            clip.rect_filled(bar, 3.0, bar_fill);
            let end = placed
                .iter()
                .filter(|(_, r, bx0, _)| r == row && *bx0 > x0)
                .map(|(_, _, bx0, _)| *bx0 - 4.0)
                .fold(plot.right(), f32::min);
            let title_clip = Rect::from_min_max(
                pos2(x0.max(plot.left()), top),
                pos2(end.max(x1), top + episode_row),
            )
            .intersect(plot);
            // The title up to the next bar in its row, ending in "…" when
            // it does not fit: never run into the next title.
            let mut job = egui::text::LayoutJob::simple_singleline(
                band.title.clone(),
                small.clone(),
                Color32::from_gray(20),
            );
            job.wrap.max_width = (title_clip.width() - 6.0).max(8.0);
            job.wrap.max_rows = 1;
            job.wrap.break_anywhere = true;
            job.wrap.overflow_character = Some('…');
            let galley = painter.layout_job(job);
            let at = pos2(
                x0.max(plot.left()) + 3.0,
                top + (episode_row - galley.size().y) / 2.0,
            );
            painter
                .with_clip_rect(title_clip)
                .galley(at, galley, Color32::from_gray(20));
        }
        if let Some((band, ..)) = hovered_band {
            response
                .clone()
                .on_hover_text_at_pointer(band.title.clone());
        }

        // Lanes and marks.
        let selected: HashSet<&Id> = selection.iter().collect();
        let selected_colour = visuals.selection.stroke.color;
        let selected_fill = visuals.selection.bg_fill;
        let pointer = response.hover_pos();
        let mut hits: Vec<usize> = Vec::new();
        for (i, lane) in lanes.lanes.iter().enumerate() {
            let top = lanes_rect.top() + i as f32 * lane_height;
            if top > rect.bottom() {
                break;
            }
            let lane_rect = Rect::from_min_max(
                pos2(rect.left(), top),
                pos2(rect.right(), top + lane_height),
            );
            if i % 2 == 1 {
                painter.rect_filled(lane_rect, 0.0, visuals.faint_bg_color);
            }
            let colour = LANE_COLOURS[i % LANE_COLOURS.len()];
            // The agency's name, ending in "…" when the column is too
            // narrow for it.
            let mut job = egui::text::LayoutJob::simple_singleline(
                lane.name.clone(),
                body.clone(),
                text_colour,
            );
            job.wrap.max_width = (plot.left() - 12.0 - rect.left()).max(8.0);
            job.wrap.max_rows = 1;
            job.wrap.break_anywhere = true;
            job.wrap.overflow_character = Some('…');
            let galley = painter.layout_job(job);
            let at = pos2(
                rect.left() + 6.0,
                lane_rect.center().y - galley.size().y / 2.0,
            );
            painter
                .with_clip_rect(Rect::from_min_max(
                    lane_rect.min,
                    pos2(plot.left() - 6.0, lane_rect.bottom()),
                ))
                .galley(at, galley, text_colour);
            let pad = (lane_height * 0.18).max(3.0);
            let mark_top = top + pad;
            let mark_bottom = top + lane_height - pad;
            let hovered_lane =
                pointer.is_some_and(|p| p.y >= top && p.y < top + lane_height && plot.contains(p));
            let from = lane
                .marks
                .partition_point(|m| (m.start as f64) < left - lanes.longest as f64 - 1.0);
            // One rectangle per pixel column: (x, width, selected).
            let mut pending: Option<(f32, f32, bool)> = None;
            let flush = |pending: Option<(f32, f32, bool)>| {
                if let Some((x, w, sel)) = pending {
                    let r = Rect::from_min_max(pos2(x, mark_top), pos2(x + w, mark_bottom));
                    if sel {
                        clip.rect_filled(r.expand(1.5), 1.0, selected_colour);
                        clip.rect_filled(r, 1.0, selected_fill);
                    } else {
                        clip.rect_filled(r, 1.0, colour);
                    }
                }
            };
            for mark in &lane.marks[from..] {
                if mark.start as f64 > right_day {
                    break;
                }
                let x0 = x_of(mark.start as f64);
                let x1 = x_of((mark.end + 1) as f64);
                if x1 < plot.left() {
                    continue;
                }
                let is_selected = selected.contains(&review.chronology[mark.index].id);
                if hovered_lane
                    && let Some(p) = pointer
                    && p.x >= x0 - 3.0
                    && p.x <= x1.max(x0 + 3.0) + 3.0
                {
                    hits.push(mark.index);
                }
                if mark.precise {
                    let w = (x1 - x0).max(3.0);
                    let column = x0.floor();
                    match &mut pending {
                        Some((x, pw, sel)) if (*x - column).abs() < 1.0 => {
                            *pw = pw.max(w);
                            *sel |= is_selected;
                        }
                        _ => {
                            flush(pending.take());
                            pending = Some((column, w, is_selected));
                        }
                    }
                } else {
                    // A month, season or year: a thin bar over its span.
                    let r = Rect::from_min_max(
                        pos2(x0, mark_bottom - 5.0),
                        pos2(x1.max(x0 + 3.0), mark_bottom),
                    );
                    let fill = if is_selected {
                        selected_colour
                    } else {
                        colour.gamma_multiply(0.55)
                    };
                    clip.rect_filled(r, 2.0, fill);
                    clip.line_segment(
                        [pos2(x0, mark_top + 4.0), pos2(x0, mark_bottom)],
                        Stroke::new(1.5, fill),
                    );
                }
            }
            flush(pending);
        }
        painter.line_segment(
            [
                pos2(plot.left(), rect.top()),
                pos2(plot.left(), lanes_rect.bottom()),
            ],
            outline(ui),
        );
        if lanes.lanes.is_empty() {
            painter.text(
                lanes_rect.center(),
                Align2::CENTER_CENTER,
                "No entries to show.",
                body,
                weak,
            );
        }

        if !hits.is_empty() && !response.dragged() {
            hover_list(&response, review, &hits, lanes.birth.as_ref().map(|b| b.0));
        }
        if response.clicked() && !hits.is_empty() {
            let entries = hits
                .iter()
                .map(|&i| review.chronology[i].id.clone())
                .collect();
            return Some(TimelineClick {
                entries,
                modifiers: click_modifiers(ui),
            });
        }
        None
    }
}

fn pointer_pos(response: &egui::Response) -> Option<egui::Pos2> {
    response.hover_pos()
}

/// The tooltip of the marks under the pointer.
fn hover_list(response: &egui::Response, review: &Review, hits: &[usize], born: Option<NaiveDate>) {
    let text: Vec<String> = hits
        .iter()
        .take(6)
        .map(|&i| {
            let e = &review.chronology[i];
            let age = born
                .and_then(|b| age_on(b, e.date.first_day()))
                .map(|(y, m)| format!(" (aged {y}y {m}m)"))
                .unwrap_or_default();
            format!(
                "{}{age}: {}",
                e.date.human(),
                crate::ui::forms::short(&e.text, 110)
            )
        })
        .collect();
    let more = hits.len().saturating_sub(6);
    let mut tip = text.join("\n");
    if more > 0 {
        tip.push_str(&format!("\n…and {more} more"));
    }
    response.clone().on_hover_text_at_pointer(tip);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_steps_from_years_to_days() {
        assert_eq!(step_for(0.05), Step::Year);
        assert_eq!(step_for(1.0), Step::Quarter);
        assert_eq!(step_for(2.0), Step::Month);
        assert_eq!(step_for(10.0), Step::Week);
        assert_eq!(step_for(40.0), Step::Day);
        let from = day_number(NaiveDate::from_ymd_opt(2020, 11, 15).unwrap());
        let to = day_number(NaiveDate::from_ymd_opt(2021, 4, 2).unwrap());
        let labels: Vec<String> = ticks(from, to, Step::Quarter)
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(labels, ["Jan 2021", "Apr"]);
        let labels: Vec<String> = ticks(from, to, Step::Month)
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(labels, ["Dec 2020", "Jan 2021", "Feb", "Mar", "Apr"]);
        let labels: Vec<String> = ticks(from, to, Step::Year)
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(labels, ["2021"]);
        assert_eq!(ticks(from, from + 2, Step::Day).len(), 3);
    }
}
