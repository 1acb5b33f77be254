//! The Report panel: publication readiness (which findings will be
//! published, left out or block publication, and what validation still
//! finds), the PDF export with its options, and a preview of the report
//! exactly as it will be written: the same document, built from the
//! anonymised review.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui::{self, RichText, ScrollArea, Ui};

use super::report_preview::preview;
use super::{PanelContext, or_untitled};
use crate::analysis::language::Lexicon;
use crate::model::{Finding, FindingTag, Review};
use crate::publication::Publication;
use crate::publication::export::{
    ExportError, ExportOptions, ReportFormat, export_publication, export_report,
    publication_document, report_document,
};
use crate::report::build::LeftOut;
use crate::report::document::ReportDocument;
use crate::report::template::ReportTemplate;
use crate::ui::edits::Edits;

/// The export options chosen in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Choice {
    template: String,
    include_chronology: bool,
    identified_draft: bool,
}

impl Default for Choice {
    fn default() -> Choice {
        Choice {
            template: "learning-together".into(),
            include_chronology: false,
            identified_draft: false,
        }
    }
}

/// How an export ended.
#[derive(Debug, Clone)]
enum Outcome {
    /// Written.
    Written {
        path: PathBuf,
        format: ReportFormat,
        pages: Option<usize>,
        left_out: Vec<LeftOut>,
        draft: bool,
    },
    /// Refused or failed, with the reasons.
    Refused(Vec<String>),
}

/// What an export writes.
enum Source {
    /// The publication every panel shows.
    Publication(Arc<Publication>),
    /// The identified review, for an identified draft.
    Draft(Box<Review>),
}

/// What a preview is built from.
enum PreviewOf<'a> {
    /// The publication shown.
    Publication(&'a Publication),
    /// The identified review, for an identified draft.
    Draft(&'a Review),
}

/// The report document a preview shows, as the PDF export would write it.
fn preview_document(
    template: &ReportTemplate,
    taxonomy: Option<&crate::taxonomy::Taxonomy>,
    choice: &Choice,
    of: PreviewOf<'_>,
) -> (ReportDocument, Vec<LeftOut>) {
    let options = ExportOptions {
        format: ReportFormat::Pdf,
        template,
        taxonomy,
        lexicon: Lexicon::shared(),
        identified_draft: choice.identified_draft,
        include_chronology: choice.include_chronology,
        created: None,
    };
    match of {
        PreviewOf::Draft(review) => report_document(review, &options),
        PreviewOf::Publication(publication) => publication_document(publication, &options),
    }
}

/// A preview being built on a worker: its revision and choice, and where
/// it comes.
type Preparing = ((u64, u64), Choice, Receiver<(ReportDocument, Vec<LeftOut>)>);

/// The preview of a revision with a choice of options.
type Cached = ((u64, u64), Choice, Arc<ReportDocument>, Vec<LeftOut>);

/// View state of the Report panel.
#[derive(Default)]
pub struct ReportPanel {
    choice: Choice,
    /// Where to write the PDF (typed, or filled from the review's file).
    path: String,
    job: Option<Receiver<Outcome>>,
    outcome: Option<Outcome>,
    cached: Option<Cached>,
    /// The preview of a large review being built on a worker.
    preparing: Option<Preparing>,
    show_preview: bool,
    /// The templates to choose from, (name, title), read when the list
    /// last opened.
    templates: Vec<(String, String)>,
    /// The Save dialog choosing where to export.
    files: crate::ui::files::FileDialogs,
    /// Why the Save dialog could not be shown, once it could not.
    no_dialog: bool,
}

impl ReportPanel {
    /// Asks for the export (File → Export PDF…): shows the export options
    /// with the path field filled.
    pub fn request_export(&mut self) {
        self.outcome = None;
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        self.poll();
        if self.path.trim().is_empty() {
            self.path = default_pdf_path(cx.path).display().to_string();
        }
        ScrollArea::vertical()
            .id_salt("report")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Frame::NONE
                    .inner_margin(egui::Margin::symmetric(16, 8))
                    .show(ui, |ui| {
                        ui.set_max_width(ui.available_width().min(960.0));
                        readiness(ui, cx, &cx.shown_publication().1);
                        ui.add_space(12.0);
                        self.export_section(ui, cx);
                        ui.add_space(12.0);
                        super::report_account::account_section(ui, cx, edits);
                        ui.add_space(12.0);
                        self.preview_section(ui, cx);
                    });
            });
    }

    fn poll(&mut self) {
        if let Some(receiver) = &self.job {
            match receiver.try_recv() {
                Ok(outcome) => {
                    self.outcome = Some(outcome);
                    self.job = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.outcome = Some(Outcome::Refused(vec![
                        "the export stopped unexpectedly".into(),
                    ]));
                    self.job = None;
                }
            }
        }
    }

    /// The format the path's extension asks for (PDF when it names none).
    fn format(&self) -> ReportFormat {
        ReportFormat::of_path(Path::new(self.path.trim())).unwrap_or_default()
    }

    fn export_section(&mut self, ui: &mut Ui, cx: &PanelContext) {
        ui.heading("Report");
        let format = self.format();
        ui.horizontal(|ui| {
            let label = ui.label("Format");
            let mut chosen = format;
            egui::ComboBox::from_id_salt("report-format")
                .selected_text(format_title(format))
                .show_ui(ui, |ui| {
                    for f in ReportFormat::ALL {
                        ui.selectable_value(&mut chosen, f, format_title(f));
                    }
                })
                .response
                .labelled_by(label.id);
            if chosen != format {
                let path = PathBuf::from(self.path.trim()).with_extension(chosen.extension());
                self.path = path.display().to_string();
            }
        });
        let format = self.format();
        ui.horizontal(|ui| {
            let label = ui.label("Template");
            // The folders are read when the panel first needs the list and
            // each time the list is opened (a new file shows without a
            // restart), not on every frame the list is open.
            if self.templates.is_empty() {
                self.templates = ReportTemplate::available(cx.template_folders);
            }
            let selected = self
                .templates
                .iter()
                .find(|(name, _)| *name == self.choice.template)
                .map_or_else(|| template_title(&self.choice.template), |(_, t)| t.clone());
            let list = egui::ComboBox::from_id_salt("report-template")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for (name, title) in &self.templates {
                        ui.selectable_value(&mut self.choice.template, name.clone(), title);
                    }
                })
                .response
                .labelled_by(label.id);
            if list.clicked() {
                self.templates = ReportTemplate::available(cx.template_folders);
            }
        });
        ui.checkbox(
            &mut self.choice.include_chronology,
            "Include the summary chronology",
        );
        ui.checkbox(
            &mut self.choice.identified_draft,
            "Identified draft (not anonymised, watermarked, not for publication)",
        );
        let busy = self.job.is_some() || self.files.is_busy();
        // The Save dialog, opening next to the review, then the export.
        match self.files.poll() {
            Some(crate::ui::files::Outcome::Chosen(_, path)) => {
                let path = if ReportFormat::of_path(&path).is_none() {
                    path.with_extension(format.extension())
                } else {
                    path
                };
                self.path = path.display().to_string();
                self.start(cx, ui.ctx());
            }
            Some(crate::ui::files::Outcome::Unavailable(_)) => self.no_dialog = true,
            Some(crate::ui::files::Outcome::Cancelled(_)) | None => {}
        }
        if self.files.is_busy() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if ui
            .add_enabled(
                !busy,
                egui::Button::new(RichText::new(format!("Export {}…", format.label())).strong()),
            )
            .on_hover_text("Choose where to save it (next to the review file), then export")
            .clicked()
        {
            let suggested = PathBuf::from(self.path.trim());
            self.files.start_export(
                &format!("Save the {} as", format.label()),
                &suggested,
                format.label(),
                &[format.extension()],
                ui.ctx(),
            );
        }
        if self.no_dialog {
            ui.weak("No Save dialog is available on this system: type where to save it below.");
        }
        ui.horizontal(|ui| {
            let label = ui.label(format!("Save the {} as", format.label()));
            let width = (ui.available_width() - 160.0).clamp(160.0, 560.0);
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(width))
                .labelled_by(label.id);
            if ui
                .add_enabled(
                    !busy,
                    egui::Button::new(format!("Export {}", format.label())),
                )
                .on_hover_text("Export to the file named here")
                .clicked()
            {
                self.start(cx, ui.ctx());
            }
        });
        if self.job.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "Exporting: checking, anonymising, writing the {} and checking it for leaks…",
                    format.label()
                ));
            });
        }
        match &self.outcome {
            Some(Outcome::Written {
                path,
                format,
                pages,
                left_out,
                draft,
            }) => {
                let what = if *draft {
                    "identified draft"
                } else {
                    "anonymised report"
                };
                let size = match pages {
                    Some(pages) => format!(", {pages} page{}", if *pages == 1 { "" } else { "s" }),
                    None => String::new(),
                };
                ui.label(
                    RichText::new(format!(
                        "Exported the {what} to {} ({}{size}).",
                        path.display(),
                        format.label(),
                    ))
                    .strong(),
                );
                for left in left_out {
                    ui.label(format!(
                        "Left out of publication: {} \"{}\"",
                        left.id, left.title
                    ));
                }
                if ui.button(format!("Open the {}", format.label())).clicked() {
                    open_in_viewer(path);
                }
            }
            Some(Outcome::Refused(reasons)) => {
                ui.label(
                    RichText::new("Not exported:")
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
                for reason in reasons {
                    ui.label(format!("• {reason}"));
                }
            }
            None => {}
        }
    }

    /// Runs the export on a worker thread.
    fn start(&mut self, cx: &PanelContext, ctx: &egui::Context) {
        let path = PathBuf::from(self.path.trim());
        if path.as_os_str().is_empty() {
            self.outcome = Some(Outcome::Refused(vec!["no file name given".into()]));
            return;
        }
        let template = match ReportTemplate::find(&self.choice.template, cx.template_folders) {
            Ok(t) => t,
            Err(e) => {
                self.outcome = Some(Outcome::Refused(vec![e.to_string()]));
                return;
            }
        };
        // A publication exports the value every panel shows; an identified
        // draft is built from the review itself.
        let source = if self.choice.identified_draft {
            Source::Draft(Box::new(cx.review.clone()))
        } else {
            Source::Publication(cx.publication())
        };
        let (taxonomy, choice) = (cx.taxonomy.cloned(), self.choice.clone());
        let format = self.format();
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = crate::ui::background::spawn_worker("report-export", move || {
            let options = ExportOptions {
                format,
                template: &template,
                taxonomy: taxonomy.as_ref(),
                lexicon: Lexicon::shared(),
                identified_draft: choice.identified_draft,
                include_chronology: choice.include_chronology,
                created: None,
            };
            let exported = match &source {
                Source::Publication(publication) => export_publication(publication, &options),
                Source::Draft(review) => export_report(review, &options),
            };
            let outcome = match exported {
                Ok(exported) => match crate::store::write_atomic(&path, |f| {
                    std::io::Write::write_all(f, &exported.bytes)
                }) {
                    Ok(()) => Outcome::Written {
                        path,
                        format,
                        pages: exported.pages,
                        left_out: exported.left_out,
                        draft: choice.identified_draft,
                    },
                    Err(e) => Outcome::Refused(vec![e.to_string()]),
                },
                Err(ExportError::Blocked(list)) => Outcome::Refused(list),
                Err(ExportError::Leaks(leaks)) => {
                    Outcome::Refused(leaks.iter().map(|l| format!("would leak: {l}")).collect())
                }
                Err(e) => Outcome::Refused(vec![e.to_string()]),
            };
            let _ = sender.send(outcome);
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.job = Some(receiver);
                self.outcome = None;
            }
            Err(e) => {
                self.outcome = Some(Outcome::Refused(vec![format!(
                    "could not start the export: {e}"
                )]))
            }
        }
    }

    /// Takes a preview built on the worker, once it is ready.
    fn collect_preview(&mut self) {
        let Some((revision, choice, receiver)) = &self.preparing else {
            return;
        };
        match receiver.try_recv() {
            Ok((document, left_out)) => {
                self.cached = Some((*revision, choice.clone(), Arc::new(document), left_out));
                self.preparing = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.preparing = None,
        }
    }

    fn preview_section(&mut self, ui: &mut Ui, cx: &PanelContext) {
        ui.horizontal(|ui| {
            ui.heading("Preview");
            ui.checkbox(
                &mut self.show_preview,
                "Show the report as it will be exported",
            );
        });
        if !self.show_preview {
            return;
        }
        // A publication's preview follows the publication shown (on a large
        // review, computed in the background while the reviewer types).
        let shown = (!self.choice.identified_draft).then(|| cx.shown_publication());
        let at = shown
            .as_ref()
            .map_or(cx.revision, |(revision, _)| *revision);
        self.collect_preview();
        let fresh = self
            .cached
            .as_ref()
            .is_some_and(|(revision, choice, ..)| *revision == at && *choice == self.choice);
        let large = crate::ui::background::is_large(cx.review);
        // One preview is built at a time; an identified draft of a large
        // review is built once typing pauses (the publication shown is
        // already of such a pause).
        let may_start = self.preparing.is_none()
            && (!large
                || shown.is_some()
                || crate::ui::background::is_quiet(cx.revision, Some(ui.ctx())));
        if !fresh && may_start {
            let template = ReportTemplate::find(&self.choice.template, cx.template_folders)
                .ok()
                .or_else(|| ReportTemplate::built_in("learning-together"));
            let Some(template) = template else {
                return;
            };
            if large {
                // A long report is built on a worker, from the publication
                // shown or one copy of the review; the last preview stays
                // on screen meanwhile.
                let choice = self.choice.clone();
                let taxonomy = cx.taxonomy.cloned();
                let publication = shown.as_ref().map(|(_, p)| Arc::clone(p));
                let review = publication
                    .is_none()
                    .then(|| crate::ui::background::snapshot(cx.review, cx.revision));
                let (sender, receiver) = channel();
                let ctx = ui.ctx().clone();
                let spawned = crate::ui::background::spawn_worker("report-preview", move || {
                    let of = match (&publication, &review) {
                        (Some(publication), _) => PreviewOf::Publication(publication),
                        (None, Some(review)) => PreviewOf::Draft(review),
                        (None, None) => return,
                    };
                    let built = preview_document(&template, taxonomy.as_ref(), &choice, of);
                    if sender.send(built).is_ok() {
                        ctx.request_repaint();
                    }
                });
                if spawned.is_ok() {
                    self.preparing = Some((at, self.choice.clone(), receiver));
                }
            } else {
                let of = match &shown {
                    Some((_, publication)) => PreviewOf::Publication(publication),
                    None => PreviewOf::Draft(cx.review),
                };
                let (document, left_out) =
                    preview_document(&template, cx.taxonomy, &self.choice, of);
                self.cached = Some((at, self.choice.clone(), Arc::new(document), left_out));
            }
        }
        if self.preparing.is_some() {
            ui.weak("Preparing the preview…");
        }
        if let Some((_, _, document, _)) = &self.cached {
            let document = Arc::clone(document);
            egui::Frame::group(ui.style())
                .inner_margin(egui::Margin::same(16))
                .show(ui, |ui| {
                    preview(ui, &document);
                });
        }
    }
}

/// A format's name in the format list.
fn format_title(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Pdf => "PDF (print and record)",
        ReportFormat::Docx => "Word document (editable, to redraft)",
        ReportFormat::Html => "Web page (accessible, to publish online)",
    }
}

fn template_title(name: &str) -> String {
    ReportTemplate::built_in_title(name).map_or_else(|| name.to_string(), str::to_string)
}

/// The review's file with `.pdf` for `.review.ron`, or `report.pdf`.
fn default_pdf_path(review: Option<&Path>) -> PathBuf {
    match review {
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name
                .strip_suffix(".review.ron")
                .or_else(|| name.strip_suffix(".ron"))
                .unwrap_or(&name);
            path.with_file_name(format!("{stem}.pdf"))
        }
        None => std::env::var_os("HOME").map_or_else(
            || PathBuf::from("report.pdf"),
            |home| PathBuf::from(home).join("report.pdf"),
        ),
    }
}

/// Opens a file in the desktop's viewer.
fn open_in_viewer(path: &Path) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(path).spawn();
}

/// Which findings will be published, left out or block publication.
fn readiness(ui: &mut Ui, cx: &PanelContext, publication: &Publication) {
    let findings = &cx.review.findings;
    let of = |tag: FindingTag| findings.iter().filter(move |f| f.tag == tag);
    let learning = of(FindingTag::Learning).count();
    let blame: Vec<&Finding> = of(FindingTag::Blame).collect();
    let untagged: Vec<&Finding> = of(FindingTag::Untagged).collect();
    ui.heading("Publication readiness");
    ui.add_space(6.0);
    let ready = publication.is_ready();
    let (text, colour) = if ready {
        (
            "Ready to publish: the publication check finds nothing that blocks it.",
            ok_colour(ui),
        )
    } else {
        ("Not ready to publish yet.", ui.visuals().warn_fg_color)
    };
    ui.label(RichText::new(text).strong().color(colour));
    ui.add_space(10.0);

    ui.label(
        RichText::new(format!(
            "{} will be published.",
            findings_count(learning, "learning")
        ))
        .strong(),
    );
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{} will be left out:",
            findings_count(blame.len(), "blame")
        ))
        .strong(),
    );
    list(ui, &blame);
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "{} {} publication:",
            findings_count(untagged.len(), "untagged"),
            if untagged.len() == 1 {
                "blocks"
            } else {
                "block"
            }
        ))
        .strong()
        .color(if untagged.is_empty() {
            ui.visuals().text_color()
        } else {
            ui.visuals().warn_fg_color
        }),
    );
    list(ui, &untagged);
    ui.add_space(12.0);
    ui.heading("What blocks publication");
    ui.weak("The publication check: a publication export refuses while any of these remain.");
    if ready {
        ui.label("Nothing.");
    }
    for blocker in publication.sections.iter().flat_map(|s| &s.blockers) {
        ui.label(format!("• {blocker}"));
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
