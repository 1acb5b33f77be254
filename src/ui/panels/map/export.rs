//! Exporting the map shown as a figure (SVG or PNG): the row of choices,
//! the file's name beside the review, and the publishable figure written
//! on a worker.

use super::*;

/// A figure being drawn and written on a worker.
pub(super) struct FigureWrite {
    path: PathBuf,
    done: std::sync::mpsc::Receiver<Result<(), String>>,
}

impl MapPanel {
    /// Starts drawing and writing the figure on a worker: a PNG of a
    /// large case map takes long enough to be felt in the frame. The
    /// worker asks for a repaint when it is done.
    fn start_figure(
        &mut self,
        ctx: &egui::Context,
        cx: &PanelContext,
        diagram: &Diagram,
        format: Format,
        path: PathBuf,
    ) {
        let publication = cx.publication();
        let diagram = diagram.clone();
        let (sender, done) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let target = path.clone();
        let spawned = crate::ui::background::spawn_worker("figure", move || {
            let _ = sender.send(write_figure(&publication, &diagram, format, &target));
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.note = Some(format!("Saving the figure to {}…", path.display()));
                self.writing = Some(FigureWrite { path, done });
            }
            Err(e) => self.note = Some(save_note(Err(e.to_string()), &path)),
        }
    }

    /// Says how a figure written on the worker ended, once it has.
    fn collect_figure(&mut self) {
        let Some(writing) = &self.writing else { return };
        let result = match writing.done.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the figure could not be drawn".to_string())
            }
        };
        self.note = Some(save_note(result, &writing.path));
        self.writing = None;
    }

    pub(super) fn export_row(&mut self, ui: &mut Ui, cx: &PanelContext, diagram: &Diagram) {
        self.collect_figure();
        match self.files.poll() {
            Some(crate::ui::files::Outcome::Chosen(_, path)) => {
                let format = self
                    .dialog_format
                    .or(self.export.as_ref().map(|p| p.format))
                    .unwrap_or(Format::Svg);
                let path = if path.extension().is_none() {
                    path.with_extension(format.extension())
                } else {
                    path
                };
                self.start_figure(ui.ctx(), cx, diagram, format, path);
                self.export = None;
                self.dialog_format = None;
            }
            Some(crate::ui::files::Outcome::Unavailable(_)) => {
                self.no_dialog = true;
                self.dialog_format = None;
            }
            // The typed path stays offered: a dialog that failed slowly
            // reads as cancelled.
            Some(crate::ui::files::Outcome::Cancelled(_)) => self.dialog_format = None,
            None => {}
        }
        if self.files.is_busy() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(prompt) = &mut self.export {
            if self.files.is_busy() {
                ui.weak("Choose where to save the figure in the Save dialog, or type it here:");
            } else if self.no_dialog {
                ui.weak("No Save dialog is available on this system: type where to save it.");
            }
            let mut done = false;
            let mut save = None;
            ui.horizontal(|ui| {
                let what = match prompt.format {
                    Format::Svg => "Save the SVG figure as",
                    Format::Png => "Save the PNG picture as",
                };
                let label = ui.label(what);
                let width = (ui.available_width() - 220.0).clamp(160.0, 520.0);
                ui.add(egui::TextEdit::singleline(&mut prompt.path).desired_width(width))
                    .labelled_by(label.id);
                if ui.button("Save figure").clicked() {
                    save = Some((prompt.format, PathBuf::from(prompt.path.trim())));
                    done = true;
                }
                if ui.button("Cancel").clicked() {
                    done = true;
                }
            });
            if let Some((format, path)) = save {
                self.start_figure(ui.ctx(), cx, diagram, format, path);
            }
            if done {
                self.export = None;
            }
        }
        if let Some(note) = self.note.clone() {
            ui.horizontal(|ui| {
                ui.label(note);
                if ui.small_button("Dismiss").clicked() {
                    self.note = None;
                }
            });
        }
    }
}

/// The file offered for a figure: the diagram's name, in the review
/// file's folder (the home folder for a review never saved).
pub(super) fn default_path(diagram: &Diagram, format: Format, review: Option<&Path>) -> PathBuf {
    let stem: String = diagram
        .name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    let stem = if stem.is_empty() {
        "diagram".to_string()
    } else {
        stem
    };
    let folder = review
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
        .unwrap_or_else(std::env::temp_dir);
    folder.join(format!("{stem}.{}", format.extension()))
}

/// What the panel says once a figure was written, or why not.
pub(super) fn save_note(written: Result<(), String>, path: &Path) -> String {
    match written {
        Ok(()) => format!("Saved the figure to {}", path.display()),
        Err(e) => format!("Could not save the figure: {e}"),
    }
}

/// Writes the diagram as a figure, atomically: drawn from the published
/// review (anonymised, without left-out findings) and leak-checked, so a
/// figure pasted into a report never names anyone nor shows a finding
/// left out of the publication.
pub(super) fn write_figure(
    publication: &crate::publication::Publication,
    diagram: &Diagram,
    format: Format,
    path: &Path,
) -> Result<(), String> {
    if path.as_os_str().is_empty() {
        return Err("no file name given".into());
    }
    let svg = publishable_svg(publication, &diagram.id, false).map_err(|e| e.to_string())?;
    let bytes = match format {
        Format::Svg => svg.into_bytes(),
        Format::Png => {
            let (w, h) = svg_size(&svg);
            svg_to_png(&svg, fitting_scale(w, h, 2.0)).map_err(|e| e.to_string())?
        }
    };
    crate::store::write_atomic(path, |file| file.write_all(&bytes)).map_err(|e| e.to_string())
}
