//! The Report panel: publication readiness. Which findings will be
//! published, which will be left out, which block publication, and what
//! validation still finds. (The report preview comes with the export.)

use eframe::egui::{self, RichText, ScrollArea, Ui};

use super::{PanelContext, or_untitled};
use crate::model::{Finding, FindingTag};
use crate::ui::edits::Edits;

/// View state of the Report panel.
#[derive(Default)]
pub struct ReportPanel {}

impl ReportPanel {
    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, _edits: &mut Edits) {
        let findings = &cx.review.findings;
        let of = |tag: FindingTag| findings.iter().filter(move |f| f.tag == tag);
        let learning = of(FindingTag::Learning).count();
        let blame: Vec<&Finding> = of(FindingTag::Blame).collect();
        let untagged: Vec<&Finding> = of(FindingTag::Untagged).collect();
        ScrollArea::vertical().id_salt("report").auto_shrink([false, false]).show(ui, |ui| {
            egui::Frame::NONE.inner_margin(egui::Margin::symmetric(16, 8)).show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                ui.heading("Publication readiness");
                ui.add_space(6.0);
                let ready = untagged.is_empty() && cx.problems.is_empty();
                let (text, colour) = if ready {
                    ("Ready to publish: every finding is tagged and no problems were found.", ok_colour(ui))
                } else {
                    ("Not ready to publish yet.", ui.visuals().warn_fg_color)
                };
                ui.label(RichText::new(text).strong().color(colour));
                ui.add_space(10.0);

                ui.label(RichText::new(format!("{} will be published.", findings_count(learning, "learning"))).strong());
                ui.add_space(8.0);
                ui.label(RichText::new(format!("{} will be left out:", findings_count(blame.len(), "blame"))).strong());
                list(ui, &blame);
                ui.add_space(8.0);
                ui.label(
                    RichText::new(format!(
                        "{} {} publication:",
                        findings_count(untagged.len(), "untagged"),
                        if untagged.len() == 1 { "blocks" } else { "block" }
                    ))
                        .strong()
                        .color(if untagged.is_empty() { ui.visuals().text_color() } else { ui.visuals().warn_fg_color }),
                );
                list(ui, &untagged);
                ui.add_space(12.0);
                ui.heading("Problems to fix before export");
                if cx.problems.is_empty() {
                    ui.label("None.");
                }
                for problem in cx.problems {
                    ui.label(format!("• {problem}"));
                }
                ui.add_space(12.0);
                ui.weak("The report preview and PDF export come with the report builder.");
            });
        });
    }
}

/// "1 learning finding", "3 blame findings".
fn findings_count(count: usize, tag: &str) -> String {
    let noun = if count == 1 { "finding" } else { "findings" };
    format!("{count} {tag} {noun}")
}

fn list(ui: &mut Ui, findings: &[&Finding]) {
    if findings.is_empty() {
        ui.label("    None.");
    }
    for finding in findings {
        ui.label(format!(
            "    • {} {}",
            finding.id,
            or_untitled(&finding.title, "title")
        ));
    }
}

fn ok_colour(ui: &Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(120, 210, 120)
    } else {
        egui::Color32::from_rgb(20, 120, 40)
    }
}
