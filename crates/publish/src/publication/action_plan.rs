//! The action plan as published: each published finding's response and its
//! actions, drawn from the [`Publication`]'s review (anonymised, without any
//! finding left out of publication, dates to the month) and written as an
//! Excel workbook or a PDF. Every text written is leak-checked, in the plan
//! and again in the file as written; a plan that would leak is refused.
//!
//! Whether an action is overdue is worked out on the identified review
//! (its exact due dates) on a day the caller gives, like every other fact
//! a publication counts.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::Publication;
use super::export::document_leaks;
use crate::report::document::{Block, ParagraphStyle, ReportDocument, Span, Table};
use crate::report::pdf::{PdfError, PdfOptions, WrittenPdf, write_pdf};
use foresight_core::anonymise::Leak;
use foresight_core::model::{ActionStatus, Id, ResponseDecision, Review, ReviewDate};

/// The name of the workbook's sheet of actions.
pub const ACTIONS_SHEET: &str = "Action plan";
/// The name of the workbook's sheet of responses.
pub const RESPONSES_SHEET: &str = "Responses";
/// The headers of the sheet of actions, in order.
pub const ACTION_COLUMNS: [&str; 11] = [
    "Finding",
    "Action",
    "What will be done",
    "Owner",
    "Due",
    "Status",
    "Overdue",
    "Why dropped",
    "Evidence of impact expected",
    "Evidence received",
    "Next review",
];
/// The headers of the sheet of responses, in order.
pub const RESPONSE_COLUMNS: [&str; 3] = ["Finding", "Response", "Reason"];

/// The longest text one spreadsheet cell holds, in characters, less room
/// for the note that says it was cut.
const CELL_LIMIT: usize = 32_000;

/// The file formats of the action plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    /// An Excel workbook, to track and update.
    Xlsx,
    /// A PDF, for the partnership's papers.
    Pdf,
}

impl PlanFormat {
    /// The format a file name asks for by its extension (`.xlsx` or
    /// `.pdf`, in any case).
    pub fn of_path(path: &std::path::Path) -> Option<PlanFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(PlanFormat::Xlsx),
            "pdf" => Some(PlanFormat::Pdf),
            _ => None,
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            PlanFormat::Xlsx => "xlsx",
            PlanFormat::Pdf => "pdf",
        }
    }

    /// A name for people: "Excel workbook", "PDF".
    pub fn label(self) -> &'static str {
        match self {
            PlanFormat::Xlsx => "Excel workbook",
            PlanFormat::Pdf => "PDF",
        }
    }
}

/// One action as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAction {
    /// The action's id.
    pub id: Id,
    /// What will be done.
    pub what: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due (to the month).
    pub due: Option<ReviewDate>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Overdue on the plan's day (worked out on the exact due date).
    pub overdue: bool,
    /// Why it was dropped.
    pub dropped_reason: String,
    /// The evidence of impact expected.
    pub impact_expected: String,
    /// The evidence of impact received.
    pub evidence: String,
    /// When it is next reviewed (to the month).
    pub review_on: Option<ReviewDate>,
}

/// One published finding's response and actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFinding {
    /// The finding's id.
    pub id: Id,
    /// Its number in the report.
    pub number: usize,
    /// Its title.
    pub title: String,
    /// The partnership's decision.
    pub decision: ResponseDecision,
    /// The partnership's reason.
    pub reason: String,
    /// The actions.
    pub actions: Vec<PlanAction>,
}

impl PlanFinding {
    /// "Finding 2: Relatives' knowledge heard through the parent".
    pub fn heading(&self) -> String {
        let title = one_line(&self.title);
        if title.is_empty() {
            format!("Finding {}", self.number)
        } else {
            format!("Finding {}: {title}", self.number)
        }
    }
}

/// The action plan of a publication on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPlan {
    /// The review's published title.
    pub review_title: String,
    /// The partnership, as published.
    pub partnership: String,
    /// The day the plan is reckoned on.
    pub on: NaiveDate,
    /// The published findings with a response or actions, in report order.
    pub findings: Vec<PlanFinding>,
}

impl ActionPlan {
    /// The plan of `publication`'s review, with each action's overdue flag
    /// worked out on `identified` (the review it was published from) on
    /// `on`.
    pub fn of(publication: &Publication, identified: &Review, on: NaiveDate) -> ActionPlan {
        let overdue = |id: &Id| {
            identified
                .findings
                .iter()
                .flat_map(|f| &f.actions)
                .find(|a| &a.id == id)
                .is_some_and(|a| a.is_overdue(on))
        };
        let published = &publication.review;
        let findings = published
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.response.is_empty() || !f.actions.is_empty())
            .map(|(i, f)| PlanFinding {
                id: f.id.clone(),
                number: i + 1,
                title: f.title.clone(),
                decision: f.response.decision,
                reason: f.response.reason.clone(),
                actions: f
                    .actions
                    .iter()
                    .map(|a| PlanAction {
                        id: a.id.clone(),
                        what: a.what.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: a.status,
                        overdue: overdue(&a.id),
                        dropped_reason: a.dropped_reason.clone(),
                        impact_expected: a.impact_expected.clone(),
                        evidence: a.evidence.clone(),
                        review_on: a.review_on,
                    })
                    .collect(),
            })
            .collect();
        ActionPlan {
            review_title: published.meta.title.clone(),
            partnership: published.meta.partnership.clone(),
            on,
            findings,
        }
    }

    /// How many actions the plan holds.
    pub fn action_count(&self) -> usize {
        self.findings.iter().map(|f| f.actions.len()).sum()
    }

    /// Every text the plan writes that came from the review, for the leak
    /// check.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.review_title.as_str(), self.partnership.as_str()];
        for f in &self.findings {
            out.extend([f.title.as_str(), f.reason.as_str()]);
            for a in &f.actions {
                out.extend([
                    a.what.as_str(),
                    a.owner.as_str(),
                    a.dropped_reason.as_str(),
                    a.impact_expected.as_str(),
                    a.evidence.as_str(),
                ]);
            }
        }
        out.retain(|t| !t.trim().is_empty());
        out
    }
}

/// "Planned", "Under way", "Done", "Dropped".
pub fn status_word(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "Planned",
        ActionStatus::UnderWay => "Under way",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "Dropped",
    }
}

/// "Accepted", "Accepted in part", "Not accepted", "Awaiting a response".
pub fn decision_word(decision: ResponseDecision) -> &'static str {
    match decision {
        ResponseDecision::Awaited => "Awaiting a response",
        ResponseDecision::Accepted => "Accepted",
        ResponseDecision::AcceptedInPart => "Accepted in part",
        ResponseDecision::NotAccepted => "Not accepted",
    }
}

/// A written action plan.
#[derive(Debug)]
pub struct ExportedPlan {
    /// Its format.
    pub format: PlanFormat,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The plan written.
    pub plan: ActionPlan,
}

/// Why an action plan was not written.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// Something identifying would have been written.
    #[error("the action plan would leak: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Leaks(Vec<Leak>),
    /// The workbook could not be made.
    #[error("the workbook could not be made: {0}")]
    Xlsx(String),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

impl From<XlsxError> for PlanError {
    fn from(error: XlsxError) -> Self {
        PlanError::Xlsx(error.to_string())
    }
}

/// The action plan of `publication` on `on`, in `format`: refused when
/// anything in it, or in the file as written, is a leak. `identified` is
/// the review the publication was computed from.
pub fn export_action_plan(
    publication: &Publication,
    identified: &Review,
    on: NaiveDate,
    format: PlanFormat,
) -> Result<ExportedPlan, PlanError> {
    let plan = ActionPlan::of(publication, identified, on);
    let leaks: Vec<Leak> = plan
        .texts()
        .iter()
        .flat_map(|t| publication.leaks_in("the action plan", t))
        .collect();
    if !leaks.is_empty() {
        return Err(PlanError::Leaks(leaks));
    }
    let (bytes, written) = match format {
        PlanFormat::Xlsx => {
            let bytes = workbook(&plan)?;
            let texts = workbook_texts(&bytes)?;
            (bytes, texts)
        }
        PlanFormat::Pdf => {
            let document = plan_document(&plan);
            let leaks = document_leaks(publication, &document);
            if !leaks.is_empty() {
                return Err(PlanError::Leaks(leaks));
            }
            let WrittenPdf { bytes, texts, .. } = write_pdf(&document, &PdfOptions::default())?;
            (bytes, texts)
        }
    };
    let location = format!("the {} as written", format.label());
    let leaks: Vec<Leak> = written
        .iter()
        .flat_map(|t| publication.leaks_in(&location, t))
        .collect();
    if !leaks.is_empty() {
        return Err(PlanError::Leaks(leaks));
    }
    Ok(ExportedPlan {
        format,
        bytes,
        plan,
    })
}

/// A text on one line, its runs of white space made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text as a spreadsheet cell holds it: whole up to the cell's limit,
/// else cut with a note.
fn cell(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= CELL_LIMIT {
        return text.to_string();
    }
    let cut: String = text.chars().take(CELL_LIMIT).collect();
    format!("{cut}… (cut here: the whole text is in the review)")
}

/// A date as the plan prints it: "March 2025", or nothing.
fn date_text(date: Option<ReviewDate>) -> String {
    date.map(|d| d.human()).unwrap_or_default()
}

/// The plan as an Excel workbook: the actions, one a row, under
/// [`ACTION_COLUMNS`], and the responses under [`RESPONSE_COLUMNS`].
fn workbook(plan: &ActionPlan) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let title: String = format!("Action plan: {}", one_line(&plan.review_title))
        .chars()
        .take(250)
        .collect();
    workbook.set_properties(&DocProperties::new().set_title(title));
    let header = Format::new().set_bold().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let sheet = workbook.add_worksheet();
    sheet.set_name(ACTIONS_SHEET)?;
    let widths = [
        30.0, 8.0, 50.0, 24.0, 14.0, 12.0, 10.0, 30.0, 40.0, 40.0, 14.0,
    ];
    header_row(sheet, &ACTION_COLUMNS, &widths, &header)?;
    let mut row = 0u32;
    for f in &plan.findings {
        for a in &f.actions {
            row += 1;
            let values = [
                f.heading(),
                a.id.to_string(),
                cell(&a.what),
                cell(&a.owner),
                date_text(a.due),
                status_word(a.status).to_string(),
                if a.overdue { "Overdue" } else { "" }.to_string(),
                cell(&a.dropped_reason),
                cell(&a.impact_expected),
                cell(&a.evidence),
                date_text(a.review_on),
            ];
            for (col, value) in (0u16..).zip(values.iter()) {
                if !value.is_empty() {
                    sheet.write_string_with_format(row, col, value, &wrap)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, (ACTION_COLUMNS.len() - 1) as u16)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(RESPONSES_SHEET)?;
    header_row(sheet, &RESPONSE_COLUMNS, &[40.0, 20.0, 80.0], &header)?;
    for (row, f) in (1u32..).zip(&plan.findings) {
        let values = [
            f.heading(),
            decision_word(f.decision).to_string(),
            cell(&f.reason),
        ];
        for (col, value) in (0u16..).zip(values.iter()) {
            if !value.is_empty() {
                sheet.write_string_with_format(row, col, value, &wrap)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

/// Writes the header row and sets the columns' widths.
fn header_row(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &[f64],
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, (text, width)) in (0u16..).zip(headers.iter().zip(widths)) {
        sheet.write_string_with_format(0, col, *text, format)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// Every text of a workbook as written: each cell of each sheet, and the
/// sheets' names.
fn workbook_texts(bytes: &[u8]) -> Result<Vec<String>, PlanError> {
    use calamine::{Reader, Xlsx};
    let unreadable = |e: calamine::XlsxError| PlanError::Xlsx(e.to_string());
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let mut texts = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(unreadable)?;
        texts.extend(range.used_cells().map(|(_, _, value)| value.to_string()));
        texts.push(name);
    }
    Ok(texts)
}

/// The plan as a document for the report's PDF writer: a title page, then
/// for each finding its response and a table of its actions, and a table
/// of the evidence of their impact.
pub fn plan_document(plan: &ActionPlan) -> ReportDocument {
    let mut blocks = Vec::new();
    let body = |text: String| Block::Paragraph {
        spans: vec![Span::plain(text)],
        style: ParagraphStyle::Body,
    };
    if plan.findings.is_empty() {
        blocks.push(body(
            "No finding published has a response or actions yet.".to_string(),
        ));
    }
    let mut tables = 0;
    for f in &plan.findings {
        blocks.push(Block::Heading {
            level: 1,
            text: f.heading(),
        });
        blocks.push(Block::Paragraph {
            spans: vec![
                Span::bold("Response: "),
                Span::plain(decision_word(f.decision)),
            ],
            style: ParagraphStyle::Body,
        });
        for paragraph in f.reason.split("\n\n").map(one_line) {
            if !paragraph.is_empty() {
                blocks.push(body(paragraph));
            }
        }
        if f.actions.is_empty() {
            continue;
        }
        tables += 1;
        blocks.push(Block::Table(Table {
            caption: format!("Table {tables}: Actions in answer to Finding {}", f.number),
            columns: ["Action", "What will be done", "Owner", "Due", "Status"]
                .map(String::from)
                .to_vec(),
            widths: vec![1.2, 5.0, 2.2, 1.9, 2.0],
            rows: f
                .actions
                .iter()
                .map(|a| {
                    let mut status = status_word(a.status).to_string();
                    if a.overdue {
                        status.push_str(" (overdue)");
                    }
                    if a.status == ActionStatus::Dropped && !a.dropped_reason.trim().is_empty() {
                        status = format!("{status}: {}", one_line(&a.dropped_reason));
                    }
                    vec![
                        a.id.to_string(),
                        one_line(&a.what),
                        one_line(&a.owner),
                        date_text(a.due),
                        status,
                    ]
                })
                .collect(),
        }));
        let evidenced: Vec<Vec<String>> = f
            .actions
            .iter()
            .filter(|a| {
                !(a.impact_expected.trim().is_empty()
                    && a.evidence.trim().is_empty()
                    && a.review_on.is_none())
            })
            .map(|a| {
                vec![
                    a.id.to_string(),
                    one_line(&a.impact_expected),
                    one_line(&a.evidence),
                    date_text(a.review_on),
                ]
            })
            .collect();
        if !evidenced.is_empty() {
            tables += 1;
            blocks.push(Block::Table(Table {
                caption: format!(
                    "Table {tables}: Evidence of impact of the actions in answer to Finding {}",
                    f.number
                ),
                columns: [
                    "Action",
                    "Evidence expected",
                    "Evidence received",
                    "Next review",
                ]
                .map(String::from)
                .to_vec(),
                widths: vec![1.2, 4.0, 4.0, 1.9],
                rows: evidenced,
            }));
        }
    }
    // The month only: an exact day in a published text is read as a leak.
    let on = ReviewDate::month(plan.on.year(), plan.on.month())
        .map(|d| d.human())
        .unwrap_or_default();
    let mut title_lines = Vec::new();
    if !plan.partnership.trim().is_empty() {
        title_lines.push(one_line(&plan.partnership));
    }
    title_lines.push(format!(
        "{} action{}, overdue as reckoned in {on}. Dates are given to the month.",
        plan.action_count(),
        if plan.action_count() == 1 { "" } else { "s" }
    ));
    ReportDocument {
        title: "Action plan".to_string(),
        subtitle: one_line(&plan.review_title),
        title_lines,
        subject: "The partnership's response to the review's findings and its actions".to_string(),
        watermark: None,
        blocks,
        contents_title: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::analysis::language::Lexicon;
    use foresight_core::examples::worked_case;
    use foresight_core::model::Action;
    use foresight_core::taxonomy::Taxonomy;

    fn publication(review: &Review) -> Publication {
        Publication::compute(
            review,
            &Lexicon::built_in(),
            Taxonomy::built_in(&review.meta.taxonomy),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn formats_are_chosen_by_the_files_ending() {
        use std::path::Path;
        assert_eq!(
            PlanFormat::of_path(Path::new("a.XLSX")),
            Some(PlanFormat::Xlsx)
        );
        assert_eq!(
            PlanFormat::of_path(Path::new("a.pdf")),
            Some(PlanFormat::Pdf)
        );
        assert_eq!(PlanFormat::of_path(Path::new("a.csv")), None);
        assert_eq!(PlanFormat::of_path(Path::new("plan")), None);
    }

    #[test]
    fn overdue_is_reckoned_on_the_exact_date_and_dates_are_published_to_the_month() {
        let mut review = worked_case();
        review.findings[0].actions = vec![Action {
            id: Id::from("AC900"),
            what: "Extend the screen".into(),
            owner: "Northbrook Recovery Partnership".into(),
            due: ReviewDate::day(2024, 3, 15),
            ..Action::default()
        }];
        let p = publication(&review);
        // On the 16th it is overdue, though "March 2024" has not ended.
        let plan = ActionPlan::of(&p, &review, day(2024, 3, 16));
        let action = &plan.findings[0].actions[0];
        assert!(action.overdue);
        assert_eq!(action.due, ReviewDate::month(2024, 3));
        // The agency's real name is published as its generic name.
        assert_eq!(action.owner, "Adult drug and alcohol service");
        assert!(!ActionPlan::of(&p, &review, day(2024, 3, 15)).findings[0].actions[0].overdue);
    }

    #[test]
    fn a_left_out_finding_has_no_place_in_the_plan() {
        let mut review = worked_case();
        let blame = review
            .findings
            .iter()
            .position(|f| f.tag != foresight_core::model::FindingTag::Learning)
            .unwrap();
        review.findings[blame].actions = vec![Action {
            id: Id::from("AC901"),
            what: "Discipline the worker".into(),
            ..Action::default()
        }];
        let p = publication(&review);
        let plan = ActionPlan::of(&p, &review, day(2025, 1, 1));
        assert!(plan.texts().iter().all(|t| !t.contains("Discipline")));
        let exported = export_action_plan(&p, &review, day(2025, 1, 1), PlanFormat::Pdf).unwrap();
        assert!(!exported.bytes.is_empty());
    }
}
