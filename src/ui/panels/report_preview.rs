//! The report previewed in the app: the same [`ReportDocument`] the PDF
//! export writes, drawn with egui (headings, paragraphs, lists, tables and
//! figures as vectors), so the panel can read it before exporting.

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, RichText, Sense, Shape, Stroke as EguiStroke, Ui, vec2,
};

use crate::diagram::geometry::{Point, Rgb};
use crate::export::scene::{Anchor, Fill, Item, Scene, Stroke};
use crate::report::document::{Block, ParagraphStyle, ReportDocument, Span};

/// Draws the report.
pub fn preview(ui: &mut Ui, document: &ReportDocument) {
    if let Some(mark) = &document.watermark {
        ui.label(
            RichText::new(mark)
                .strong()
                .color(Color32::from_rgb(200, 40, 40)),
        );
    }
    ui.label(RichText::new(&document.title).heading().strong());
    ui.label(RichText::new(&document.subtitle).italics());
    for line in &document.title_lines {
        ui.label(line);
    }
    ui.separator();
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                ui.add_space(if *level == 1 { 14.0 } else { 8.0 });
                let size = match level {
                    1 => 22.0,
                    2 => 18.0,
                    _ => 15.5,
                };
                ui.label(RichText::new(text).size(size).strong());
            }
            Block::Paragraph { spans, style } => {
                let indent = if *style == ParagraphStyle::Quote {
                    24.0
                } else {
                    0.0
                };
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(indent);
                    ui.label(job(ui, spans, *style));
                });
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        ui.add_space(12.0);
                        let mark = if *ordered {
                            format!("{}. ", i + 1)
                        } else {
                            "• ".to_string()
                        };
                        let mut spans = vec![Span::plain(mark)];
                        spans.extend(item.iter().cloned());
                        ui.label(job(ui, &spans, ParagraphStyle::Body));
                    });
                }
            }
            Block::Table(table) => {
                ui.label(RichText::new(&table.caption).italics());
                egui::Grid::new(("report-table", &table.caption))
                    .striped(true)
                    .num_columns(table.columns.len())
                    .show(ui, |ui| {
                        for column in &table.columns {
                            ui.label(RichText::new(column).strong());
                        }
                        ui.end_row();
                        for row in &table.rows {
                            for cell in row {
                                ui.add(egui::Label::new(cell).wrap());
                            }
                            ui.end_row();
                        }
                    });
            }
            Block::Figure { scene, caption } => {
                figure(ui, scene);
                ui.label(RichText::new(caption).italics().small());
            }
            Block::Contents => {
                ui.label(RichText::new(document.contents_title()).size(22.0).strong());
                for (level, text) in document.outline() {
                    ui.horizontal(|ui| {
                        ui.add_space(if level == 1 { 8.0 } else { 28.0 });
                        ui.label(text);
                    });
                }
            }
            Block::PageBreak => {
                ui.add_space(6.0);
                ui.separator();
            }
        }
    }
}

fn job(ui: &Ui, spans: &[Span], style: ParagraphStyle) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let size = if style == ParagraphStyle::Note {
        13.0
    } else {
        15.0
    };
    let base = ui.visuals().text_color();
    for span in spans {
        let colour = if style == ParagraphStyle::Note {
            ui.visuals().weak_text_color()
        } else if span.bold {
            ui.visuals().strong_text_color()
        } else {
            base
        };
        job.append(
            &span.text,
            0.0,
            egui::TextFormat {
                font_id: FontId::proportional(size),
                color: colour,
                italics: span.italic,
                ..Default::default()
            },
        );
    }
    job.wrap.max_width = ui.available_width();
    job
}

fn colour(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// Draws a figure scaled to the panel's width.
fn figure(ui: &mut Ui, scene: &Scene) {
    let width = ui.available_width().min(900.0);
    let k = if scene.width > 0.0 {
        width / scene.width
    } else {
        1.0
    };
    let height = (scene.height * k).max(1.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let to = |p: Point| Pos2::new(rect.left() + p.x * k, rect.top() + p.y * k);
    draw(&painter, &scene.items, &to, k);
}

fn line_of(stroke: Option<Stroke>, k: f32) -> EguiStroke {
    stroke.map_or(EguiStroke::NONE, |s| {
        EguiStroke::new((s.width * k).max(0.5), colour(s.colour))
    })
}

fn fill_of(fill: Option<Fill>) -> Color32 {
    fill.map_or(Color32::TRANSPARENT, |f| {
        colour(f.colour).gamma_multiply(f.opacity)
    })
}

fn draw(painter: &egui::Painter, items: &[Item], to: &dyn Fn(Point) -> Pos2, k: f32) {
    for item in items {
        match item {
            Item::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                let points: Vec<Pos2> = points.iter().map(|p| to(*p)).collect();
                let line = line_of(*stroke, k);
                if *closed {
                    painter.add(Shape::convex_polygon(points, fill_of(*fill), line));
                } else if let Some([dash, gap]) = stroke.and_then(|s| s.dash) {
                    painter.extend(Shape::dashed_line(
                        &points,
                        line,
                        (dash * k).max(1.0),
                        (gap * k).max(1.0),
                    ));
                } else {
                    painter.add(Shape::line(points, line));
                }
            }
            Item::Ellipse {
                centre,
                radius,
                fill,
                stroke,
            } => {
                let points: Vec<Pos2> = (0..36)
                    .map(|i| {
                        let a = i as f32 * std::f32::consts::TAU / 36.0;
                        to(Point {
                            x: centre.x + radius.x * a.cos(),
                            y: centre.y + radius.y * a.sin(),
                        })
                    })
                    .collect();
                painter.add(Shape::convex_polygon(
                    points,
                    fill_of(*fill),
                    line_of(*stroke, k),
                ));
            }
            Item::Text {
                at,
                text,
                size,
                colour: c,
                anchor,
                ..
            } => {
                let align = match anchor {
                    Anchor::Start => Align2::LEFT_CENTER,
                    Anchor::Middle => Align2::CENTER_CENTER,
                    Anchor::End => Align2::RIGHT_CENTER,
                };
                painter.text(
                    to(*at),
                    align,
                    text,
                    FontId::proportional((size * k).max(4.0)),
                    colour(*c),
                );
            }
            Item::Group { items, .. } => draw(painter, items, to, k),
        }
    }
}
