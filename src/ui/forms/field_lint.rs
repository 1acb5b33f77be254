//! A text field linted as the reviewer types: phrases of hindsight and
//! blame underlined, the reframe question on hover and under the field,
//! phrases the reviewer accepted underlined faintly.

use super::*;

/// The most prompts shown under one field; the Language panel lists all.
const PROMPTS_PER_FIELD: usize = 3;

/// The language lint of one text field.
pub(super) struct FieldLint {
    /// Where the field's hits are cached.
    pub(super) id: egui::Id,
    pub(super) context: LintContext,
    /// Keys of the phrases accepted in the record.
    pub(super) accepted: Arc<Vec<String>>,
    pub(super) multiline: bool,
}

/// A field's text and its hits, kept between frames so that the lint runs
/// only when the text changes.
#[derive(Clone)]
struct LintCache {
    text: Arc<str>,
    context: LintContext,
    hits: Arc<Vec<Hit>>,
}

impl FieldLint {
    /// The hits in `text`, linted again only when it differs from last time.
    fn hits(&self, ui: &Ui, text: &str) -> Arc<Vec<Hit>> {
        if let Some(cache) = ui.data(|d| d.get_temp::<LintCache>(self.id))
            && &*cache.text == text
            && cache.context == self.context
        {
            return cache.hits;
        }
        let hits = Arc::new(Lexicon::shared().lint_in(text, self.context));
        let cache = LintCache {
            text: Arc::from(text),
            context: self.context,
            hits: hits.clone(),
        };
        ui.data_mut(|d| d.insert_temp(self.id, cache));
        hits
    }

    fn is_accepted(&self, hit: &Hit) -> bool {
        self.accepted.contains(&hit.key)
    }

    /// The colour of a hit's underline and prompt.
    fn colour(&self, ui: &Ui, hit: &Hit) -> Color32 {
        if self.is_accepted(hit) {
            return ui.visuals().weak_text_color();
        }
        match hit.severity {
            Severity::High => ui.visuals().error_fg_color,
            Severity::Medium => ui.visuals().warn_fg_color,
            Severity::Low => ui.visuals().weak_text_color(),
        }
    }

    /// The text laid out with its hits underlined.
    fn layout(&self, ui: &Ui, text: &str, wrap_width: f32) -> LayoutJob {
        let hits = self.hits(ui, text);
        let font_id = TextStyle::Body.resolve(ui.style());
        let line_height =
            ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
        let plain = TextFormat {
            font_id,
            color: ui.visuals().widgets.inactive.text_color(),
            line_height: Some(line_height),
            ..Default::default()
        };
        let mut job = LayoutJob::default();
        let mut at = 0;
        for hit in hits.iter() {
            if hit.start < at || hit.end > text.len() {
                continue;
            }
            job.append(&text[at..hit.start], 0.0, plain.clone());
            let width = if self.is_accepted(hit) { 1.0 } else { 2.0 };
            let underlined = TextFormat {
                underline: Stroke::new(width, self.colour(ui, hit)),
                ..plain.clone()
            };
            job.append(&text[hit.start..hit.end], 0.0, underlined);
            at = hit.end;
        }
        job.append(&text[at..], 0.0, plain);
        job.wrap.max_width = if self.multiline {
            wrap_width
        } else {
            f32::INFINITY
        };
        job.keep_trailing_whitespace = true;
        job
    }

    /// Shows the text field with its hits underlined, the hit under the
    /// pointer's category and reframe question on hover, and the open
    /// hits' questions under the field.
    pub(super) fn show(
        &self,
        ui: &mut Ui,
        text: &mut String,
        rows: Option<usize>,
        configure: impl for<'t> FnOnce(TextEdit<'t>) -> TextEdit<'t>,
    ) -> Response {
        let mut layouter = |ui: &Ui, buf: &dyn TextBuffer, wrap_width: f32| {
            let job = self.layout(ui, buf.as_str(), wrap_width);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let edit = match rows {
            None => TextEdit::singleline(text),
            Some(rows) => TextEdit::multiline(text).desired_rows(rows),
        };
        let output = configure(edit).layouter(&mut layouter).show(ui);
        let text = output.galley.text().to_string();
        let hits = self.hits(ui, &text);
        let mut response = output.response.response;
        if response.hovered()
            && let Some(pointer) = ui.ctx().pointer_hover_pos()
        {
            let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
            let byte = text
                .char_indices()
                .nth(cursor.index.0)
                .map_or(text.len(), |(b, _)| b);
            if let Some(hit) = hits.iter().find(|h| h.start <= byte && byte < h.end) {
                let accepted = self.is_accepted(hit);
                response = response.on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(
                        RichText::new(format!("“{}”: {}", hit.matched, hit.categories())).strong(),
                    );
                    ui.label(&hit.question);
                    if accepted {
                        ui.weak("Accepted with a reason (see the Language panel).");
                    }
                });
            }
        }
        let open: Vec<&Hit> = hits.iter().filter(|h| !self.is_accepted(h)).collect();
        for hit in open.iter().take(PROMPTS_PER_FIELD) {
            // The severity in words as well as in colour.
            let prompt = format!(
                "“{}” ({}), {}: {}",
                hit.matched,
                hit.categories(),
                hit.severity.label(),
                hit.question
            );
            ui.add(
                egui::Label::new(RichText::new(prompt).small().color(self.colour(ui, hit))).wrap(),
            );
        }
        if open.len() > PROMPTS_PER_FIELD {
            ui.label(
                RichText::new(format!(
                    "…and {} more: see the Language panel.",
                    open.len() - PROMPTS_PER_FIELD
                ))
                .small()
                .weak(),
            );
        }
        response
    }
}
