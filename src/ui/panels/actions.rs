//! The Actions panel: each finding with the partnership's response
//! (accepted, in part or not, and why) and its action plan. Every action
//! has what will be done, an owner, a due date, a status (a dropped one
//! with its reason), the evidence of impact expected and received, and a
//! review date. Overdue actions are marked in words, and "Overdue only"
//! shows nothing else. The action plan is exported from here as an Excel
//! workbook or a PDF, from the published review.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{self, Button, RichText, Ui, vec2};

use super::{PanelContext, list_and_form, nothing_selected, or_untitled, put};
use crate::model::{Action, Finding, Id, Record, ResponseDecision, Review, next_action_id};
use crate::publication::action_plan::{PlanError, PlanFormat, export_action_plan};
use crate::ui::edits::Edits;
use crate::ui::files::{FileDialogs, Outcome};
use crate::ui::forms::{Choice, Form, error_note, focus_soon};
use crate::ui::records::{OVERDUE_MARK, action_form, capitalised};

/// View state of the Actions panel.
#[derive(Default)]
pub struct ActionsPanel {
    /// The finding shown.
    finding: Option<Id>,
    /// The action whose form is shown.
    action: Option<Id>,
    /// Show only overdue actions (and the findings that have them).
    overdue_only: bool,
    /// The export's format.
    format: Option<PlanFormat>,
    /// Where to write the plan (typed, or filled from the review's file).
    path: String,
    /// The Save dialog choosing where to export.
    files: FileDialogs,
    /// True once no Save dialog could be shown.
    no_dialog: bool,
    /// How the last export ended: written (the message) or not (why).
    outcome: Option<Result<String, String>>,
}

/// Today, for what is overdue.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl ActionsPanel {
    /// Shows this finding, and this action of it (when another panel
    /// asks).
    pub(super) fn select(&mut self, finding: Id, action: Option<Id>) {
        self.finding = Some(finding);
        self.action = action;
    }

    /// Asks for the export (File → Export action plan…): the export's
    /// options with a fresh outcome.
    pub fn request_export(&mut self) {
        self.outcome = None;
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let today = today();
        if self.path.trim().is_empty() {
            self.path = default_plan_path(cx.path, self.format())
                .display()
                .to_string();
        }
        list_and_form(
            ui,
            "actions",
            &mut (self, edits),
            |ui, (panel, _)| panel.list(ui, cx, today),
            |ui, (panel, edits)| {
                panel.export_section(ui, cx, today);
                ui.separator();
                panel.form(ui, cx.review, today, edits);
            },
        );
    }

    fn format(&self) -> PlanFormat {
        self.format.unwrap_or(PlanFormat::Xlsx)
    }

    /// The findings, each with its response and how many of its actions
    /// are overdue.
    fn list(&mut self, ui: &mut Ui, cx: &PanelContext, today: NaiveDate) {
        ui.add_space(4.0);
        ui.heading("Responses and actions");
        ui.checkbox(&mut self.overdue_only, "Overdue only");
        ui.add_space(4.0);
        let review = cx.review;
        let rows: Vec<&Finding> = review
            .findings
            .iter()
            .filter(|f| !self.overdue_only || f.actions.iter().any(|a| a.is_overdue(today)))
            .collect();
        if rows.is_empty() {
            ui.weak(if self.overdue_only {
                "No action is overdue."
            } else {
                "No findings yet: add them on the Findings panel."
            });
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("action-findings")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                for f in rows {
                    let overdue = f.actions.iter().filter(|a| a.is_overdue(today)).count();
                    let mut text = format!(
                        "{}  {}\n{}, {} action{}",
                        f.id,
                        or_untitled(&f.title, "title"),
                        capitalised(f.response.decision.label()),
                        f.actions.len(),
                        if f.actions.len() == 1 { "" } else { "s" }
                    );
                    if overdue > 0 {
                        text.push_str(&format!(", {overdue} {}", OVERDUE_MARK.to_lowercase()));
                    }
                    let selected = self.finding.as_ref() == Some(&f.id);
                    let button = Button::selectable(selected, text)
                        .wrap()
                        .min_size(vec2(ui.available_width(), 0.0));
                    if ui.add(button).clicked() && !selected {
                        self.finding = Some(f.id.clone());
                        self.action = None;
                    }
                }
            });
    }

    /// The selected finding's response, its actions and the form of the
    /// selected action.
    fn form(&mut self, ui: &mut Ui, review: &Review, today: NaiveDate, edits: &mut Edits) {
        let Some(f) = self
            .finding
            .as_ref()
            .and_then(|id| review.findings.iter().find(|f| &f.id == id))
        else {
            nothing_selected(ui, "a finding");
            return;
        };
        ui.push_id(f.id.as_str(), |ui| {
            ui.heading(format!(
                "Finding {}: {}",
                f.id,
                or_untitled(&f.title, "title")
            ));
            ui.add_space(6.0);
            let accepted = crate::ui::records::accepted_in(review, &f.id);
            let mut form = Form::new(edits, f.id.as_str()).linted(accepted);
            let decisions: Vec<Choice<ResponseDecision>> = ResponseDecision::ALL
                .iter()
                .map(|d| Choice {
                    value: *d,
                    label: capitalised(d.label()),
                    hover: String::new(),
                })
                .collect();
            form.choice(
                ui,
                "The partnership's response",
                &f.response.decision,
                &decisions,
                |v| {
                    put("Set the response to the finding", f, Record::Finding, |x| {
                        x.response.decision = v
                    })
                },
            );
            form.lint_field(review, &f.id, "response.reason");
            form.text_multi(ui, "Reason for the response", &f.response.reason, 2, |v| {
                put(
                    "Edit the reason for the response",
                    f,
                    Record::Finding,
                    |x| x.response.reason = v,
                )
            });
            if f.response.decision == ResponseDecision::NotAccepted
                && f.response.reason.trim().is_empty()
            {
                error_note(ui, "Say why the partnership does not accept the finding.");
            }
            ui.add_space(6.0);
            self.action_rows(ui, review, f, today, form.edits());
            if let Some(action) = self
                .action
                .as_ref()
                .and_then(|id| f.actions.iter().find(|a| &a.id == id))
            {
                ui.separator();
                action_form(ui, review, f, action, today, form.edits());
            }
        });
    }

    /// The finding's actions, one selectable row each, with Add action.
    fn action_rows(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        f: &Finding,
        today: NaiveDate,
        edits: &mut Edits,
    ) {
        ui.heading("Actions in answer to this finding");
        if ui.button("Add action").clicked() {
            let id = next_action_id(&review.findings);
            let action = Action {
                id: id.clone(),
                ..Action::default()
            };
            edits.apply(put("Add action", f, Record::Finding, |x| {
                x.actions.push(action)
            }));
            focus_soon(ui.ctx(), &format!("{}/{id}", f.id), "What will be done");
            self.action = Some(id);
        }
        let shown: Vec<&Action> = f
            .actions
            .iter()
            .filter(|a| !self.overdue_only || a.is_overdue(today))
            .collect();
        if shown.is_empty() {
            ui.weak(if self.overdue_only && !f.actions.is_empty() {
                "None of this finding's actions is overdue."
            } else {
                "No actions yet."
            });
        }
        for a in shown {
            let mut text = format!("{}  {}", a.id, capitalised(a.status.label()));
            if let Some(days) = a.days_overdue(today) {
                text = format!(
                    "{text}, {} by {days} day{}",
                    OVERDUE_MARK.to_lowercase(),
                    if days == 1 { "" } else { "s" }
                );
            }
            let due = a.due.map_or_else(
                || "no due date".to_string(),
                |d| format!("due {}", d.human()),
            );
            let owner = if a.owner.trim().is_empty() {
                "no owner"
            } else {
                a.owner.trim()
            };
            text = format!(
                "{text}  ·  {due}  ·  {owner}\n{}",
                or_untitled(&a.what, "description")
            );
            let selected = self.action.as_ref() == Some(&a.id);
            let mut rich = RichText::new(text);
            if a.is_overdue(today) {
                rich = rich.color(ui.visuals().warn_fg_color);
            }
            let button = Button::selectable(selected, rich)
                .wrap()
                .min_size(vec2(ui.available_width(), 0.0));
            if ui.add(button).clicked() {
                self.action = Some(a.id.clone());
            }
        }
        ui.add_space(6.0);
    }

    /// Format, the Save dialog and a typed path for the action plan.
    fn export_section(&mut self, ui: &mut Ui, cx: &PanelContext, today: NaiveDate) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = ui.label("Action plan format");
            let format = self.format();
            let mut chosen = format;
            egui::ComboBox::from_id_salt("action-plan-format")
                .selected_text(format.label())
                .show_ui(ui, |ui| {
                    for f in [PlanFormat::Xlsx, PlanFormat::Pdf] {
                        ui.selectable_value(&mut chosen, f, f.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if chosen != format {
                self.format = Some(chosen);
                let path = PathBuf::from(self.path.trim()).with_extension(chosen.extension());
                self.path = path.display().to_string();
            }
        });
        let format = self.format();
        match self.files.poll() {
            Some(Outcome::Chosen(_, path)) => {
                let path = if PlanFormat::of_path(&path).is_none() {
                    path.with_extension(format.extension())
                } else {
                    path
                };
                self.path = path.display().to_string();
                self.export(cx, today);
            }
            Some(Outcome::Unavailable(_)) => self.no_dialog = true,
            Some(Outcome::Cancelled(_)) | None => {}
        }
        if self.files.is_busy() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let busy = self.files.is_busy();
        if ui
            .add_enabled(!busy, Button::new("Export the action plan…"))
            .on_hover_text(
                "Choose where to save it (next to the review file), then export the action plan from the anonymised review",
            )
            .clicked()
        {
            let suggested = PathBuf::from(self.path.trim());
            self.files.start_export(
                "Save the action plan as",
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
            let label = ui.label("Save the action plan as");
            let width = (ui.available_width() - 160.0).clamp(160.0, 560.0);
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(width))
                .labelled_by(label.id);
            if ui
                .add_enabled(!busy, Button::new("Export the action plan"))
                .on_hover_text("Export to the file named here")
                .clicked()
            {
                self.export(cx, today);
            }
        });
        match &self.outcome {
            Some(Ok(message)) => {
                ui.label(message);
            }
            Some(Err(message)) => error_note(ui, message),
            None => {}
        }
    }

    /// Exports the action plan to the typed path.
    fn export(&mut self, cx: &PanelContext, today: NaiveDate) {
        let path = PathBuf::from(self.path.trim());
        self.outcome = Some(write_plan(cx, &path, today));
    }
}

/// Writes the action plan of the review's publication to `path`; the
/// message to show.
fn write_plan(cx: &PanelContext, path: &Path, today: NaiveDate) -> Result<String, String> {
    let Some(format) = PlanFormat::of_path(path) else {
        return Err(format!(
            "Not exported: {} must end in .xlsx (Excel workbook) or .pdf.",
            path.display()
        ));
    };
    let publication = cx.publication();
    match export_action_plan(&publication, cx.review, today, format) {
        Ok(exported) => {
            crate::store::write_atomic(path, |f| std::io::Write::write_all(f, &exported.bytes))
                .map_err(|e| format!("Not exported: {e}"))?;
            let count = exported.plan.action_count();
            Ok(format!(
                "Exported the action plan to {} ({}, {count} action{}, anonymised).",
                path.display(),
                format.label(),
                if count == 1 { "" } else { "s" }
            ))
        }
        Err(PlanError::Leaks(leaks)) => Err(format!(
            "Not exported: it would leak {} identifying string{}: {}",
            leaks.len(),
            if leaks.len() == 1 { "" } else { "s" },
            leaks
                .iter()
                .take(5)
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        )),
        Err(error) => Err(format!("Not exported: {error}")),
    }
}

/// The action plan's file beside the review: "NAME action plan.xlsx".
fn default_plan_path(review: Option<&Path>, format: PlanFormat) -> PathBuf {
    let (folder, stem) = match review {
        Some(path) => (
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
            path.file_name()
                .map(|n| n.to_string_lossy().replace(".review.ron", ""))
                .unwrap_or_else(|| "review".to_string()),
        ),
        None => (PathBuf::new(), "review".to_string()),
    };
    folder.join(format!("{stem} action plan.{}", format.extension()))
}
