//! A review and a template become a [`ReportDocument`]: the structure of a
//! systems review, telling why practice happened as it did.
//!
//! The builder prints what it is given: for publication it is given the
//! anonymised review (see [`super::export`]), so nothing here needs to know
//! about real names. Only learning-tagged findings are set in a
//! publication; the others are listed in [`BuiltReport::left_out`].

mod account;
mod finding_map;
mod rapid;
mod words;

pub use rapid::{KeyDate, KeyDates};

use std::collections::{BTreeMap, HashMap, HashSet};

use super::document::{Block, ParagraphStyle, ReportDocument, Span, Table};
use super::template::{Content, ReportTemplate, SectionTemplate};
use crate::export::scene::{Measure, SceneOptions, diagram_scene};
use crate::export::split_parts;
use foresight_core::analysis::journey::{Journey, child_journey, subject_children};
use foresight_core::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use foresight_core::model::{
    Answer, Appraisal, CausationModel, DiagramKind, Finding, FindingTag, Id, Influence, LinkKind,
    Method, PracticeEpisode, Review, ReviewDate,
};
use foresight_core::taxonomy::Taxonomy;

/// The watermark of an identified draft.
pub const DRAFT_WATERMARK: &str = "NOT FOR PUBLICATION — IDENTIFIED DRAFT";

/// The most node columns and rows a figure part holds before the diagram
/// is split, so that labels stay readable on an A4 page.
const PART_ACROSS: usize = 5;
const PART_DOWN: usize = 14;

/// The most width of a figure's drawing, in diagram units, for its 15-unit
/// labels to print at 8 pt or more across the 453 pt (160 mm) of an A4
/// page's text, with the figure's margins of 40 units each side.
const PRINT_WIDTH: f32 = 770.0;

/// The fields a template's text may hold, filled from the review.
pub const TEMPLATE_FIELDS: &[&str] = &[
    "{partnership}",
    "{child}",
    "{period}",
    "{episodes}",
    "{findings}",
    "{agencies}",
    "{method}",
];

/// How to build the report.
#[derive(Clone, Copy)]
pub struct BuildOptions<'a> {
    /// An identified draft for the panel's own use: every finding is set
    /// (each with its tag) and every page is watermarked.
    pub identified_draft: bool,
    /// Add the summary chronology appendix.
    pub include_chronology: bool,
    /// The review's factor taxonomy, for level and category names.
    pub taxonomy: Option<&'a Taxonomy>,
    /// Text widths in the face figures are drawn with.
    pub measure: Measure<'a>,
    /// The subject children's journeys as published (counted on the
    /// identified review: see [`crate::publication`]); `None` counts them
    /// on the review given, as an identified draft does.
    pub journeys: Option<&'a [Journey]>,
    /// The clock's key dates as published (worked out on the identified
    /// review, which alone holds their days: see [`KeyDates::of`]);
    /// `None` reads them from the review given.
    pub key_dates: Option<&'a KeyDates>,
}

/// A finding left out of a publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The finding.
    pub id: Id,
    /// Its title (or statement when untitled).
    pub title: String,
    /// Its tag.
    pub tag: FindingTag,
}

impl LeftOut {
    /// The left-out record of finding `f`.
    pub fn of(f: &Finding) -> LeftOut {
        LeftOut {
            id: f.id.clone(),
            title: finding_title(f),
            tag: f.tag,
        }
    }
}

/// The built report and what it left out.
#[derive(Debug, Clone)]
pub struct BuiltReport {
    /// The report.
    pub document: ReportDocument,
    /// Findings not set (blame-tagged, in a publication).
    pub left_out: Vec<LeftOut>,
}

/// Builds the report of `review` with `template`.
pub fn build_report(
    review: &Review,
    template: &ReportTemplate,
    options: &BuildOptions,
) -> BuiltReport {
    let published: Vec<&Finding> = review
        .findings
        .iter()
        .filter(|f| options.identified_draft || f.tag == FindingTag::Learning)
        .collect();
    let left_out = review
        .findings
        .iter()
        .filter(|f| !options.identified_draft && f.tag != FindingTag::Learning)
        .map(LeftOut::of)
        .collect();
    let cx = Context {
        review,
        template,
        options,
        findings: published,
        numbers: finding_numbers(review, options),
        process_section: template
            .sections
            .iter()
            .any(|s| s.content == Content::ReviewProcess),
        case_map_figures: Default::default(),
    };

    let mut blocks = Vec::new();
    let mut glossary_end = None;
    let (mut number, mut appendix) = (0, 0);
    let mut figure = 0;
    let mut table = 0;
    for section in &template.sections {
        if section.content == Content::Chronology && !options.include_chronology {
            continue;
        }
        if cx.has_nothing_for(section.content) {
            continue;
        }
        if section.content == Content::Contents {
            // The writer titles the contents itself.
            blocks.push(Block::Contents);
            blocks.push(Block::PageBreak);
            continue;
        }
        let heading = if section.appendix {
            appendix += 1;
            let letter = char::from(b'A' + ((appendix - 1) % 26) as u8);
            if appendix == 1 {
                blocks.push(Block::PageBreak);
            }
            cx.say(
                None,
                "appendix",
                &[
                    ("letter", &letter.to_string()),
                    ("heading", &cx.fill(&section.heading)),
                ],
            )
        } else if template.numbered {
            number += 1;
            cx.say(
                None,
                "numbered",
                &[
                    ("number", &number.to_string()),
                    ("heading", &cx.fill(&section.heading)),
                ],
            )
        } else {
            cx.fill(&section.heading)
        };
        blocks.push(Block::Heading {
            level: 1,
            text: heading,
        });
        for paragraph in &section.text {
            blocks.push(body(&cx.fill(paragraph)));
        }
        let mut counters = Counters {
            figure: &mut figure,
            table: &mut table,
        };
        cx.content(section, &mut blocks, &mut counters);
        if section.content == Content::Glossary {
            glossary_end = Some(blocks.len());
        }
    }
    cx.resolve_references(&mut blocks);
    if let Some(at) = glossary_end {
        let abbreviations = abbreviations_used(&blocks, &cx.say(None, "abbreviations", &[]));
        blocks.splice(at..at, abbreviations);
    }
    // Last: it takes blocks out, which moves the places counted above.
    cx.refer_to_case_maps(&mut blocks);

    let title = review.meta.title.trim();
    let document = ReportDocument {
        title: if title.is_empty() {
            cx.say(None, "untitled_review", &[])
        } else {
            title.to_string()
        },
        subtitle: template.subtitle.clone(),
        title_lines: cx.title_lines(),
        subject: template.subtitle.clone(),
        watermark: options
            .identified_draft
            .then(|| DRAFT_WATERMARK.to_string()),
        blocks,
        contents_title: template
            .sections
            .iter()
            .find(|s| s.content == Content::Contents)
            .map(|s| cx.fill(&s.heading))
            .unwrap_or_default(),
    };
    BuiltReport { document, left_out }
}

/// The "Abbreviations" part of the glossary: every acronym the report's
/// text uses that the acronym list expands, in alphabetical order.
fn abbreviations_used(blocks: &[Block], title: &str) -> Vec<Block> {
    let mut used = std::collections::BTreeSet::new();
    let mut look = |text: &str| {
        for a in super::acronyms::acronyms_in(text) {
            if super::acronyms::expansion(a).is_some() {
                used.insert(a.to_string());
            }
        }
    };
    for block in blocks {
        match block {
            Block::Heading { text, .. } => look(text),
            Block::Paragraph { spans, .. } => spans.iter().for_each(|s| look(&s.text)),
            Block::List { items, .. } => items.iter().flatten().for_each(|s| look(&s.text)),
            Block::Table(t) => {
                look(&t.caption);
                t.columns
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .for_each(|c| look(c));
            }
            Block::Figure { caption, .. } => look(caption),
            Block::Contents | Block::PageBreak => {}
        }
    }
    if used.is_empty() {
        return Vec::new();
    }
    let mut out = vec![heading(2, title)];
    for acronym in used {
        let meaning = super::acronyms::expansion(&acronym).unwrap_or_default();
        out.push(Block::Paragraph {
            spans: vec![Span::bold(format!("{acronym}. ")), Span::plain(meaning)],
            style: ParagraphStyle::Body,
        });
    }
    out
}

/// A parenthesised list of record ids as reviewers write them in their
/// text: "(C10, C37)", "(E4)", "(FN2; F7)".
static REFERENCES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s?\(\s*((?:C|E|F|LC|FN)[0-9]+(?:\s*[,;]\s*(?:C|E|F|LC|FN)[0-9]+)*)\s*\)")
        .expect("the reference pattern is valid")
});

struct Counters<'c> {
    figure: &'c mut usize,
    table: &'c mut usize,
}

impl Counters<'_> {
    fn next_figure(&mut self) -> usize {
        *self.figure += 1;
        *self.figure
    }

    fn next_table(&mut self) -> usize {
        *self.table += 1;
        *self.table
    }
}

impl Context<'_> {
    /// Every reference to a record id in the report's text made one the
    /// reader can follow: a chronology entry becomes its agency and month
    /// ("(C10, C37)" → "(Probation service, March 2022; Housing provider,
    /// May 2022)"), an episode, finding, factor or latent condition its
    /// number in the report ("Episode 4", "Finding 2", "Factor 7",
    /// "latent condition 3"). An id the review does not have is left as
    /// written; a reference to nothing the report sets (a finding left out)
    /// is taken out.
    fn resolve_references(&self, blocks: &mut [Block]) {
        let resolve = |text: &mut String| {
            if !text.contains('(') || !REFERENCES.is_match(text) {
                return;
            }
            let replaced = REFERENCES.replace_all(text, |caps: &regex::Captures| {
                let whole = caps.get(0).map_or("", |m| m.as_str());
                let mut parts: Vec<String> = Vec::new();
                for id in caps[1].split([',', ';']).map(str::trim) {
                    match self.reference(id) {
                        Some(Some(part)) => {
                            if !parts.contains(&part) {
                                parts.push(part);
                            }
                        }
                        Some(None) => {}
                        // Not an id of this review: as written.
                        None => return whole.to_string(),
                    }
                }
                let space = if whole.starts_with(char::is_whitespace) {
                    " "
                } else {
                    ""
                };
                if parts.is_empty() {
                    String::new()
                } else {
                    format!("{space}({})", parts.join("; "))
                }
            });
            *text = replaced.into_owned();
        };
        for block in blocks {
            match block {
                Block::Paragraph { spans, .. } => {
                    spans.iter_mut().for_each(|s| resolve(&mut s.text))
                }
                Block::List { items, .. } => items
                    .iter_mut()
                    .flatten()
                    .for_each(|s| resolve(&mut s.text)),
                Block::Table(table) => table.rows.iter_mut().flatten().for_each(resolve),
                Block::Heading { .. }
                | Block::Figure { .. }
                | Block::Contents
                | Block::PageBreak => {}
            }
        }
    }

    /// What a reader sees for one id: `None` when the review has no such
    /// record, `Some(None)` when the report does not set it.
    fn reference(&self, id: &str) -> Option<Option<String>> {
        let review = self.review;
        if let Some(entry) = review.chronology.iter().find(|e| e.id.as_str() == id) {
            let agency = entry
                .agency
                .as_ref()
                .and_then(|a| review.agencies.iter().find(|x| &x.id == a))
                .map(|a| a.name.trim().to_string())
                .filter(|n| !n.is_empty());
            let when = entry.date.human();
            return Some(Some(match agency {
                Some(agency) => self.words_with(
                    None,
                    "chronology_ref",
                    &[("agency", &agency), ("when", &when)],
                ),
                None => self.words_with(None, "chronology_ref_no_agency", &[("when", &when)]),
            }));
        }
        if review.episodes.iter().any(|e| e.id.as_str() == id) {
            let id = Id::from(id);
            return Some(
                self.episode_number(&id)
                    .map(|n| self.words_with(None, "episode_ref", &[("n", &n.to_string())])),
            );
        }
        if let Some(f) = review.findings.iter().find(|f| f.id.as_str() == id) {
            return Some(
                self.numbers
                    .get(&f.id)
                    .map(|n| self.words_with(None, "finding_ref", &[("n", &n.to_string())])),
            );
        }
        if let Some(f) = review.factors.iter().find(|f| f.id.as_str() == id) {
            return Some(
                self.factor_numbers()
                    .get(&f.id)
                    .map(|n| self.words_with(None, "factor_ref", &[("n", &n.to_string())])),
            );
        }
        if let Some(c) = review.conditions.iter().find(|c| c.id.as_str() == id) {
            return Some(
                self.condition_numbers()
                    .get(&c.id)
                    .map(|n| self.words_with(None, "condition_ref", &[("n", &n.to_string())])),
            );
        }
        None
    }
}

struct Context<'a> {
    review: &'a Review,
    /// The template, for its words.
    template: &'a ReportTemplate,
    options: &'a BuildOptions<'a>,
    /// The findings set in the report, in review order.
    findings: Vec<&'a Finding>,
    /// Each set finding's number in the report.
    numbers: HashMap<&'a Id, usize>,
    /// The template has a section on the review process, which names the
    /// reviewers (the introduction does otherwise).
    process_section: bool,
    /// The number of the figure of each finding's case map (its first
    /// part), by finding id, as the figures are made.
    case_map_figures: std::cell::RefCell<HashMap<String, usize>>,
}

/// Marks the place of a finding's note on its case map until the figures
/// are numbered (a character no text holds: the writers drop controls).
const FIGURE_MARK: &str = "\u{1}case-map:";

fn finding_numbers<'a>(review: &'a Review, options: &BuildOptions) -> HashMap<&'a Id, usize> {
    review
        .findings
        .iter()
        .filter(|f| options.identified_draft || f.tag == FindingTag::Learning)
        .enumerate()
        .map(|(i, f)| (&f.id, i + 1))
        .collect()
}

/// The first `words` words of a statement, with "…" when there are more:
/// how an episode cites a factor described in full in the appendix.
fn short_title(statement: &str, words: usize) -> String {
    let all: Vec<&str> = statement.split_whitespace().collect();
    if all.len() <= words {
        return all.join(" ");
    }
    let cut = all[..words].join(" ");
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

fn finding_title(f: &Finding) -> String {
    let title = f.title.trim();
    if title.is_empty() {
        f.statement.trim().to_string()
    } else {
        title.to_string()
    }
}

fn body(text: &str) -> Block {
    Block::Paragraph {
        spans: vec![Span::plain(text)],
        style: ParagraphStyle::Body,
    }
}

fn note(text: &str) -> Block {
    Block::Paragraph {
        spans: vec![Span::plain(text)],
        style: ParagraphStyle::Note,
    }
}

/// "Label: text" with the label in bold.
fn labelled(label: &str, text: &str) -> Block {
    Block::Paragraph {
        spans: vec![Span::bold(format!("{label} ")), Span::plain(text.trim())],
        style: ParagraphStyle::Body,
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// Paragraphs of a field, split on blank lines.
fn paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| body(&p.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

impl Context<'_> {
    /// "Table {n}: {caption}", the next table's number taken.
    fn table_caption(&self, n: &mut Counters, caption: &str) -> String {
        let number = n.next_table().to_string();
        self.words_with(None, "table", &[("n", &number), ("caption", caption)])
    }

    /// "Figure {n}: {caption}", the next figure's number taken.
    fn figure_caption(&self, n: &mut Counters, caption: &str) -> String {
        let number = n.next_figure().to_string();
        self.words_with(None, "figure", &[("n", &number), ("caption", caption)])
    }

    /// The title page's lines under the title.
    fn title_lines(&self) -> Vec<String> {
        let review = self.review;
        let mut lines = Vec::new();
        let partnership = review.meta.partnership.trim();
        if !partnership.is_empty() {
            lines.push(partnership.to_string());
        }
        let date = review.meta.account.cover_date.trim();
        if !date.is_empty() {
            lines.push(self.say(None, "date_line", &[("date", date)]));
        }
        if !self.options.identified_draft {
            let status = if review.meta.stage == foresight_core::model::ReviewStage::Published {
                "status_published"
            } else {
                "status_draft"
            };
            lines.push(self.say(None, status, &[]));
        }
        if let Some(period) = &review.meta.period {
            lines.push(self.say(
                None,
                "period_line",
                &[
                    ("start", &period.start.human()),
                    ("end", &period.end.human()),
                ],
            ));
        }
        let reviewers: Vec<&str> = review
            .meta
            .reviewers
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .collect();
        if !reviewers.is_empty() {
            lines.push(self.say(
                None,
                "reviewers_line",
                &[("reviewers", &reviewers.join("; "))],
            ));
        }
        if review.meta.worked_example {
            lines.push(self.say(None, "worked_example_line", &[]));
        }
        if self.options.identified_draft {
            lines.push(DRAFT_WATERMARK.to_string());
        }
        lines
    }
}

/// The key of the words naming a review method.
fn method_key(method: Method) -> &'static str {
    match method {
        Method::LearningTogether => "method_learning_together",
        Method::Silp => "method_silp",
        Method::Hybrid => "method_hybrid",
        Method::Other => "method_other",
    }
}

/// The key of the words naming a causation model.
fn causation_key(model: CausationModel) -> &'static str {
    match model {
        CausationModel::LearningTogether => "causation_learning_together",
        CausationModel::SwissCheese => "causation_swiss_cheese",
        CausationModel::AcciMap => "causation_accimap",
        CausationModel::Hfacs => "causation_hfacs",
        CausationModel::Cast => "causation_cast",
    }
}

/// The key of the words of an appraisal.
fn appraisal_key(a: Appraisal) -> &'static str {
    match a {
        Appraisal::NotAppraised => "appraisal_none",
        Appraisal::Good => "appraisal_good",
        Appraisal::Problematic => "appraisal_problematic",
        Appraisal::Mixed => "appraisal_mixed",
    }
}

/// The key of the words of an answer.
fn answer_key(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "answer_yes",
        Answer::No => "answer_no",
        Answer::NotKnown => "answer_unknown",
    }
}

fn span_of(start: Option<&ReviewDate>, end: Option<&ReviewDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s != e => Some(format!("{} to {}", s.human(), e.human())),
        (Some(s), _) => Some(s.human()),
        (None, Some(e)) => Some(e.human()),
        (None, None) => None,
    }
}

impl Context<'_> {
    fn children(&self) -> String {
        let names: Vec<String> = subject_children(self.review)
            .iter()
            .map(|p| {
                let name = p.pseudonym.trim();
                if name.is_empty() { p.role.trim() } else { name }.to_string()
            })
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            self.words_with(None, "the_child", &[])
        } else {
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            join_and(&refs)
        }
    }

    fn period(&self) -> String {
        match &self.review.meta.period {
            Some(p) => self.words_with(
                None,
                "period",
                &[("start", &p.start.human()), ("end", &p.end.human())],
            ),
            None => self.words_with(None, "no_period", &[]),
        }
    }

    fn agency_names(&self) -> Vec<String> {
        self.review
            .agencies
            .iter()
            .map(|a| {
                let generic = a.generic_name.trim();
                if generic.is_empty() {
                    a.name.trim()
                } else {
                    generic
                }
                .to_string()
            })
            .collect()
    }

    /// Fixed text with its placeholders filled.
    /// `text` with the [`TEMPLATE_FIELDS`] filled in.
    fn fill(&self, text: &str) -> String {
        if !text.contains('{') {
            return text.to_string();
        }
        let partnership = self.review.meta.partnership.trim();
        let partnership = if partnership.is_empty() {
            self.words_with(None, "the_partnership", &[])
        } else {
            partnership.to_string()
        };
        text.replace("{partnership}", &partnership)
            .replace("{child}", &self.children())
            .replace("{period}", &self.period())
            .replace(
                "{episodes}",
                &self.count_of(None, "episodes", self.review.episodes.len(), &[]),
            )
            .replace(
                "{findings}",
                &self.count_of(None, "findings", self.findings.len(), &[]),
            )
            .replace(
                "{agencies}",
                &self.count_of(None, "agencies", self.review.agencies.len(), &[]),
            )
            .replace(
                "{method}",
                &self.words_with(None, method_key(self.review.meta.method), &[]),
            )
    }

    fn content(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        match section.content {
            Content::Contents | Content::Text => {}
            Content::Introduction => self.introduction(section, out),
            Content::Method => self.method(section, out),
            Content::Journey => self.journey(section, out, n),
            Content::Episodes => self.episodes(section, out),
            Content::Findings => self.findings_in_full(section, out),
            Content::FindingsInBrief => self.findings_in_brief(section, out),
            Content::Summary => out.extend(paragraphs(&self.review.meta.summary)),
            Content::FindingsTable => self.findings_table(section, out, n),
            Content::Loops => self.loops(section, out, n),
            Content::Conclusion => self.conclusion(section, out),
            Content::KeyMessages => self.key_messages(section, out),
            Content::Roles => self.roles(section, out, n),
            Content::FactorTable => self.factor_table(section, out, n),
            Content::Diagrams => self.diagrams(section, out, n),
            Content::Chronology => self.chronology(section, out, n),
            Content::Glossary => glossary(section, out),
            Content::ExecutiveSummary => self.executive_summary(section, out, n),
            Content::Child => self.child(section, out),
            Content::FamilyInvolvement => self.family_involvement(section, out),
            Content::ReviewProcess => self.review_process(section, out, n),
            Content::PartnershipResponse => self.partnership_response(section, out, n),
            Content::References => self.reference_list(out),
            Content::RapidReviewFacts => self.rapid_review_facts(section, out),
            Content::ImmediateActions | Content::LivedContext | Content::LearningPotential => {
                self.rapid_review_text(section.content, out)
            }
            Content::ReviewDecision => self.review_decision(section, out),
        }
    }

    fn introduction(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        let meta = &self.review.meta;
        out.extend(paragraphs(&meta.why_reviewed));
        if !meta.terms_of_reference.is_empty() {
            out.push(heading(2, self.say(s, "terms_of_reference", &[])));
            out.push(body(&self.say(s, "terms_intro", &[])));
            out.push(Block::List {
                ordered: true,
                items: meta
                    .terms_of_reference
                    .iter()
                    .map(|t| vec![Span::plain(t.trim())])
                    .collect(),
            });
        }
        let agencies = self.agency_names();
        if !agencies.is_empty() {
            out.push(heading(2, self.say(s, "agencies", &[])));
            out.push(body(&capitalise(&self.count_of(
                s,
                "agencies_intro",
                agencies.len(),
                &[],
            ))));
            out.push(Block::List {
                ordered: false,
                items: agencies.into_iter().map(|a| vec![Span::plain(a)]).collect(),
            });
        }
        let reviewers: Vec<&str> = meta
            .reviewers
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .collect();
        if !reviewers.is_empty() && !self.process_section {
            out.push(heading(2, self.say(s, "team", &[])));
            out.push(body(&self.say(
                s,
                "led_by",
                &[("reviewers", &join_and(&reviewers))],
            )));
        }
    }

    fn method(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        let meta = &self.review.meta;
        let causation = self.words_with(None, causation_key(meta.causation_model), &[]);
        out.push(body(&self.say(
            s,
            "organised",
            &[("causation", &causation)],
        )));
        let review = self.review;
        let episodes = self.count_of(None, "episodes", review.episodes.len(), &[]);
        let factors = self.count_of(None, "factors", review.factors.len(), &[]);
        let conditions = self.count_of(None, "conditions", review.conditions.len(), &[]);
        let findings = self.count_of(None, "findings", self.findings.len(), &[]);
        out.push(body(&self.say(
            s,
            "in_all",
            &[
                ("episodes", &episodes),
                ("factors", &factors),
                ("conditions", &conditions),
                ("findings", &findings),
            ],
        )));
    }

    fn journey(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        out.extend(paragraphs(&self.review.meta.summary));
        let journeys: Vec<Journey> = match self.options.journeys {
            Some(journeys) => journeys.to_vec(),
            None => subject_children(self.review)
                .iter()
                .filter_map(|child| child_journey(self.review, &child.id))
                .collect(),
        };
        for journey in &journeys {
            if journey.mentions == 0 {
                continue;
            }
            let child = journey.child_name.as_str();
            let entries = |n: usize| self.count_of(s, "entries", n, &[]);
            let mut sentence = self.say(
                s,
                "mentions",
                &[("child", child), ("entries", &entries(journey.mentions))],
            );
            sentence.push(' ');
            sentence.push_str(&capitalise(&self.say(
                s,
                "seen",
                &[
                    ("child", child),
                    ("seen", &entries(journey.seen)),
                    ("video", &self.number(journey.seen_remotely)),
                    ("not_seen", &self.number(journey.not_seen)),
                ],
            )));
            sentence.push(' ');
            sentence.push_str(&capitalise(&self.count_of(
                s,
                "heard",
                journey.heard,
                &[
                    ("child", child),
                    ("child_s", &possessive(child)),
                    ("entries", &entries(journey.heard)),
                ],
            )));
            out.push(body(&sentence));
            let mut rows = Vec::new();
            for (agency, counts) in &journey.by_agency {
                let name = agency
                    .as_ref()
                    .and_then(|a| self.review.agencies.iter().find(|x| &x.id == a))
                    .map(|a| {
                        let g = a.generic_name.trim();
                        cut_at_word(if g.is_empty() { &a.name } else { g }, TABLE_NAME_CHARS)
                    })
                    .unwrap_or_else(|| self.say(s, "no_agency", &[]));
                rows.push(vec![
                    name,
                    counts.mentions.to_string(),
                    counts.seen.to_string(),
                    counts.heard.to_string(),
                ]);
            }
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &self.say(s, "table_caption", &[("child", child)])),
                columns: vec![
                    self.say(s, "column_agency", &[]),
                    self.say(s, "column_entries", &[]),
                    self.say(s, "column_seen", &[]),
                    self.say(s, "column_heard", &[]),
                ],
                widths: vec![4.0, 1.2, 1.2, 1.6],
                rows,
            }));
        }
    }

    fn factors_of(&self, episode: &Id) -> Vec<&foresight_core::model::ContributingFactor> {
        let ids: HashSet<&Id> = self
            .review
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::ContributedTo && &l.to == episode)
            .map(|l| &l.from)
            .collect();
        self.review
            .factors
            .iter()
            .filter(|f| ids.contains(&f.id))
            .collect()
    }

    fn conditions_under(&self, factor: &Id) -> Vec<&foresight_core::model::LatentCondition> {
        let ids: HashSet<&Id> = self
            .review
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Underlies && &l.to == factor)
            .map(|l| &l.from)
            .collect();
        self.review
            .conditions
            .iter()
            .filter(|c| ids.contains(&c.id))
            .collect()
    }

    fn episodes(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        let mut episodes: Vec<&PracticeEpisode> = self.review.episodes.iter().collect();
        episodes.sort_by(|a, b| {
            let key = |e: &PracticeEpisode| e.start.or(e.end).map(|d| d.first_day());
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        for (i, e) in episodes.iter().enumerate() {
            let title = e.title.trim();
            let title = if title.is_empty() {
                self.say(None, "untitled", &[])
            } else {
                title.to_string()
            };
            out.push(heading(
                2,
                self.say(
                    s,
                    "episode_heading",
                    &[("n", &(i + 1).to_string()), ("title", &title)],
                ),
            ));
            if let Some(when) = span_of(e.start.as_ref(), e.end.as_ref()) {
                out.push(note(&when));
            }
            if !e.what_happened.trim().is_empty() {
                out.push(heading(3, self.say(s, "what_happened", &[])));
                out.extend(paragraphs(&e.what_happened));
            }
            // The questions as the template words them.
            const QUESTION_KEYS: [&str; 7] = [
                "mindset_going_on",
                "mindset_reasons",
                "mindset_front_of_mind",
                "mindset_occupying",
                "mindset_concerns",
                "mindset_hoping",
                "mindset_options",
            ];
            let answers: Vec<(String, &str)> = QUESTION_KEYS
                .iter()
                .zip(e.mindset.answers())
                .filter(|(_, a)| !a.trim().is_empty())
                .map(|(key, a)| (self.say(s, key, &[]), a))
                .collect();
            if !e.local_rationality.trim().is_empty() || !answers.is_empty() {
                out.push(heading(3, self.say(s, "local_rationality", &[])));
                out.extend(paragraphs(&e.local_rationality));
                for (question, answer) in answers {
                    out.push(Block::Paragraph {
                        spans: vec![
                            Span::italic(format!("{question} ")),
                            Span::plain(answer.trim()),
                        ],
                        style: ParagraphStyle::Quote,
                    });
                }
            }
            out.push(heading(3, self.say(s, "appraisal", &[])));
            let mut appraisal = self.say(s, appraisal_key(e.appraisal), &[]);
            if !e.appraisal_note.trim().is_empty() {
                appraisal = format!("{appraisal} {}", e.appraisal_note.trim());
            }
            out.push(body(&appraisal));
            let focus = &e.child_focus;
            let mut seen = self.say(
                s,
                "child_seen",
                &[
                    ("seen", &self.say(s, answer_key(focus.seen), &[])),
                    ("sought", &self.say(s, answer_key(focus.views_sought), &[])),
                ],
            );
            if !focus.views.trim().is_empty() {
                seen.push(' ');
                seen.push_str(&self.say(s, "child_views", &[("views", focus.views.trim())]));
            }
            out.push(labelled(&self.say(s, "child_experience", &[]), &seen));
            let factors = self.factors_of(&e.id);
            if !factors.is_empty() {
                out.push(heading(3, self.say(s, "factors", &[])));
                // Each factor and condition is described once, in Appendix
                // B; an episode cites them by number and a short title.
                let factor_numbers = self.factor_numbers();
                let condition_numbers = self.condition_numbers();
                let items = factors
                    .iter()
                    .map(|f| {
                        let mut spans = Vec::new();
                        if let Some(n) = factor_numbers.get(&f.id) {
                            spans.push(Span::bold(format!(
                                "{}: ",
                                self.say(None, "factor_ref", &[("n", &n.to_string())])
                            )));
                        }
                        spans.push(Span::plain(short_title(&f.statement, 12)));
                        let influence = self.say(
                            s,
                            match f.influence {
                                Influence::MadeProblemsMoreLikely => "influence_problems",
                                Influence::SupportedGoodPractice => "influence_good",
                            },
                            &[],
                        );
                        let mut tail =
                            format!(" ({}; {influence}", self.category_label(&f.category));
                        let conditions: Vec<String> = self
                            .conditions_under(&f.id)
                            .iter()
                            .filter_map(|c| condition_numbers.get(&c.id))
                            .map(|n| n.to_string())
                            .collect();
                        if !conditions.is_empty() {
                            tail.push_str("; ");
                            tail.push_str(&self.count_of(
                                s,
                                "conditions_cited",
                                conditions.len(),
                                &[("list", &conditions.join(", "))],
                            ));
                        }
                        tail.push(')');
                        spans.push(Span::italic(tail));
                        spans
                    })
                    .collect();
                out.push(Block::List {
                    ordered: false,
                    items,
                });
            }
        }
        if episodes.is_empty() {
            out.push(body(&self.say(s, "none", &[])));
        }
    }

    fn category_label(&self, id: &str) -> String {
        self.options
            .taxonomy
            .and_then(|t| t.categories.iter().find(|c| c.id == id))
            .map_or_else(|| id.replace('-', " "), |c| c.label.clone())
    }

    fn level_label(&self, id: &str) -> String {
        self.options
            .taxonomy
            .and_then(|t| t.levels.iter().find(|l| l.id == id))
            .map_or_else(
                || {
                    if id.trim().is_empty() {
                        self.say(None, "no_level", &[])
                    } else {
                        capitalise(&id.replace('-', " "))
                    }
                },
                |l| l.label.clone(),
            )
    }

    fn pattern_label(&self, id: &str) -> String {
        self.options
            .taxonomy
            .and_then(|t| t.patterns.iter().find(|p| p.id == id))
            .map_or_else(|| id.replace('-', " "), |p| p.label.clone())
    }

    fn finding_heading(&self, f: &Finding) -> String {
        let n = self.numbers.get(&f.id).copied().unwrap_or(0);
        self.words_with(
            None,
            "finding_heading",
            &[("n", &n.to_string()), ("title", &finding_title(f))],
        )
    }

    fn findings_in_full(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        for f in &self.findings {
            out.push(heading(2, self.finding_heading(f)));
            if self.options.identified_draft && f.tag != FindingTag::Learning {
                let key = match f.tag {
                    FindingTag::Blame => "draft_blame",
                    _ => "draft_untagged",
                };
                out.push(note(&self.say(Some(section), key, &[])));
            }
            if !f.statement.trim().is_empty() {
                out.push(Block::Paragraph {
                    spans: vec![Span::bold(f.statement.trim())],
                    style: ParagraphStyle::Body,
                });
            }
            if !f.category.trim().is_empty() {
                out.push(note(&format!(
                    "{} {}",
                    self.say(Some(section), "underlying_pattern", &[]),
                    self.pattern_label(&f.category)
                )));
            }
            out.extend(paragraphs(&f.introduction));
            for (key, text) in [
                ("in_this_case", &f.in_this_case),
                ("systemic_evidence", &f.systemic_evidence),
                ("wider_knowledge", &f.wider_knowledge),
                ("why_it_matters", &f.why_it_matters),
            ] {
                if !text.trim().is_empty() {
                    out.push(heading(3, self.say(Some(section), key, &[])));
                    out.extend(paragraphs(text));
                }
            }
            questions(self, section, f, out);
            // Where its case map is, once the figures are numbered.
            out.push(note(&format!("{FIGURE_MARK}{}", f.id)));
        }
        if self.findings.is_empty() {
            out.push(body(&self.say(Some(section), "no_findings", &[])));
        }
    }

    /// Each finding's note of where its case map is, made once every figure
    /// has its number: "Figure 3 shows…", or no note when the report draws
    /// no case map of the finding.
    fn refer_to_case_maps(&self, blocks: &mut Vec<Block>) {
        let figures = self.case_map_figures.borrow();
        blocks.retain_mut(|block| {
            let Block::Paragraph { spans, .. } = block else {
                return true;
            };
            let Some(id) = spans
                .first()
                .and_then(|s| s.text.strip_prefix(FIGURE_MARK))
                .map(str::to_string)
            else {
                return true;
            };
            match figures.get(id.as_str()) {
                Some(n) => {
                    let text = self.say(None, "see_case_map", &[("n", &n.to_string())]);
                    *spans = vec![Span::plain(text)];
                    true
                }
                None => false,
            }
        });
    }

    fn findings_in_brief(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        for f in &self.findings {
            out.push(heading(2, self.finding_heading(f)));
            if !f.statement.trim().is_empty() {
                out.push(Block::Paragraph {
                    spans: vec![Span::bold(f.statement.trim())],
                    style: ParagraphStyle::Body,
                });
            }
            out.extend(paragraphs(&f.why_it_matters));
            questions(self, section, f, out);
        }
        if self.findings.is_empty() {
            out.push(body(&self.say(Some(section), "no_findings", &[])));
        }
    }

    fn findings_table(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        let rows = self
            .findings
            .iter()
            .map(|f| {
                vec![
                    self.numbers.get(&f.id).copied().unwrap_or(0).to_string(),
                    finding_title(f),
                    self.pattern_label(&f.category),
                    f.questions
                        .iter()
                        .filter(|q| !q.trim().is_empty())
                        .map(|q| q.trim().to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            caption: self.table_caption(n, &self.say(s, "findings_table_caption", &[])),
            columns: vec![
                self.say(s, "column_number", &[]),
                self.say(s, "column_finding", &[]),
                self.say(s, "column_pattern", &[]),
                self.say(s, "column_questions", &[]),
            ],
            widths: vec![0.5, 3.0, 2.0, 4.5],
            rows,
        }));
    }

    fn loops(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        let mut rows = Vec::new();
        for named in &self.review.named_loops {
            let kind = match named_loop_state(self.review, named) {
                NamedLoopState::Intact { kind, .. } => match kind {
                    LoopKind::Reinforcing => self.say(s, "reinforcing", &[]),
                    LoopKind::Balancing => self.say(s, "balancing", &[]),
                },
                _ => continue,
            };
            let variables: Vec<String> = named
                .variables
                .iter()
                .map(|v| self.review.title_of(v).trim().to_string())
                .collect();
            let label = named.label.trim();
            let name = if label.is_empty() {
                named.name.trim().to_string()
            } else {
                format!("{label}: {}", named.name.trim())
            };
            rows.push(vec![
                name,
                kind.to_string(),
                self.say(s, "loop_path", &[("variables", &variables.join(" → "))]),
                named
                    .narrative
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ]);
        }
        if rows.is_empty() {
            out.push(body(&self.say(s, "no_loops", &[])));
            return;
        }
        out.push(body(&self.say(s, "loops_intro", &[])));
        out.push(Block::Table(Table {
            caption: self.table_caption(n, &self.say(s, "loops_caption", &[])),
            columns: vec![
                self.say(s, "column_loop", &[]),
                self.say(s, "column_kind", &[]),
                self.say(s, "column_variables", &[]),
                self.say(s, "column_how", &[]),
            ],
            widths: vec![2.0, 1.7, 2.8, 4.0],
            rows,
        }));
    }

    fn conclusion(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let s = Some(section);
        if !self.findings.is_empty() {
            out.push(body(&self.say(s, "findings_are", &[])));
            out.push(Block::List {
                ordered: false,
                items: self
                    .findings
                    .iter()
                    .map(|f| vec![Span::plain(self.finding_heading(f))])
                    .collect(),
            });
        }
        let named: Vec<String> = self
            .review
            .named_loops
            .iter()
            .filter(|l| {
                matches!(
                    named_loop_state(self.review, l),
                    NamedLoopState::Intact { .. }
                )
            })
            .map(|l| l.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if !named.is_empty() {
            let loops = join_and(&named.iter().map(String::as_str).collect::<Vec<_>>());
            out.push(body(&self.say(s, "loops_are", &[("loops", &loops)])));
        }
    }

    fn key_messages(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let items: Vec<Vec<Span>> = self
            .findings
            .iter()
            .map(|f| {
                let statement = f.statement.trim();
                vec![
                    Span::bold(format!("{}. ", finding_title(f))),
                    Span::plain(statement),
                ]
            })
            .collect();
        if items.is_empty() {
            out.push(body(&self.say(Some(section), "no_findings", &[])));
        } else {
            out.push(Block::List {
                ordered: false,
                items,
            });
        }
    }

    fn roles(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        out.push(body(&self.say(s, "intro", &[])));
        let agency_name = |id: &Option<Id>| {
            id.as_ref()
                .and_then(|a| self.review.agencies.iter().find(|x| &x.id == a))
                .map(|a| cut_at_word(&a.generic_name, TABLE_NAME_CHARS))
                .unwrap_or_default()
        };
        let rows = self
            .review
            .people
            .iter()
            .map(|p| {
                let name = p.pseudonym.trim();
                vec![
                    if name.is_empty() { p.role.trim() } else { name }.to_string(),
                    p.role.trim().to_string(),
                    agency_name(&p.agency),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            caption: self.table_caption(n, &self.say(s, "caption", &[])),
            columns: vec![
                self.say(s, "column_as", &[]),
                self.say(s, "column_role", &[]),
                self.say(s, "column_agency", &[]),
            ],
            widths: vec![2.0, 3.0, 3.0],
            rows,
        }));
    }

    /// The factors in the order Appendix B lists them: by level of the
    /// system (the taxonomy's order), then as the review has them.
    fn factors_in_appendix_order(&self) -> Vec<&foresight_core::model::ContributingFactor> {
        let order = |level: &str| {
            self.options
                .taxonomy
                .and_then(|t| t.levels.iter().position(|l| l.id == level))
                .unwrap_or(usize::MAX / 2)
        };
        let mut factors: Vec<&foresight_core::model::ContributingFactor> =
            self.review.factors.iter().collect();
        factors.sort_by_key(|f| order(&f.level));
        factors
    }

    /// Each factor's number in Appendix B ("Factor 3").
    fn factor_numbers(&self) -> HashMap<&Id, usize> {
        self.factors_in_appendix_order()
            .into_iter()
            .enumerate()
            .map(|(i, f)| (&f.id, i + 1))
            .collect()
    }

    /// Each latent condition's number in Appendix B.
    fn condition_numbers(&self) -> HashMap<&Id, usize> {
        self.review
            .conditions
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i + 1))
            .collect()
    }

    fn factor_table(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        let mut by_level: BTreeMap<usize, (String, Vec<Vec<String>>)> = BTreeMap::new();
        let order = |level: &str| {
            self.options
                .taxonomy
                .and_then(|t| t.levels.iter().position(|l| l.id == level))
                .unwrap_or(usize::MAX / 2)
        };
        let numbers = self.factor_numbers();
        for f in self.factors_in_appendix_order() {
            let episodes: Vec<String> = self
                .review
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::ContributedTo && l.from == f.id)
                .filter_map(|l| self.episode_number(&l.to))
                .map(|i| i.to_string())
                .collect();
            by_level
                .entry(order(&f.level))
                .or_insert_with(|| (self.level_label(&f.level), Vec::new()))
                .1
                .push(vec![
                    numbers
                        .get(&f.id)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    self.category_label(&f.category),
                    f.statement.trim().to_string(),
                    match f.influence {
                        Influence::MadeProblemsMoreLikely => {
                            capitalise(&self.say(s, "influence_problems", &[]))
                        }
                        Influence::SupportedGoodPractice => {
                            capitalise(&self.say(s, "influence_good", &[]))
                        }
                    }
                    .to_string(),
                    episodes.join(", "),
                ]);
        }
        if by_level.is_empty() {
            out.push(body(&self.say(s, "no_factors", &[])));
        }
        for (_, (label, rows)) in by_level {
            out.push(heading(
                2,
                self.say(s, "level_heading", &[("level", &label)]),
            ));
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &self.say(s, "level_caption", &[("level", &label)])),
                columns: vec![
                    self.say(s, "column_number", &[]),
                    self.say(s, "column_category", &[]),
                    self.say(s, "column_factor", &[]),
                    self.say(s, "column_influence", &[]),
                    self.say(s, "column_episodes", &[]),
                ],
                widths: vec![0.7, 2.0, 4.6, 1.7, 1.4],
                rows,
            }));
        }
        if !self.review.conditions.is_empty() {
            out.push(heading(2, self.say(s, "conditions_heading", &[])));
            let rows = self
                .review
                .conditions
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    vec![
                        (i + 1).to_string(),
                        c.level.label().to_string(),
                        c.statement.trim().to_string(),
                        c.since.trim().to_string(),
                    ]
                })
                .collect();
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &self.say(s, "conditions_caption", &[])),
                columns: vec![
                    self.say(s, "column_number", &[]),
                    self.say(s, "column_level", &[]),
                    self.say(s, "column_condition", &[]),
                    self.say(s, "column_since", &[]),
                ],
                widths: vec![0.7, 1.5, 5.6, 1.8],
                rows,
            }));
        }
    }

    /// The episode's number in the appraisal section (date order).
    fn episode_number(&self, id: &Id) -> Option<usize> {
        let mut episodes: Vec<&PracticeEpisode> = self.review.episodes.iter().collect();
        episodes.sort_by_key(|e| e.start.or(e.end).map(|d| d.first_day()));
        episodes.iter().position(|e| &e.id == id).map(|i| i + 1)
    }

    fn diagrams(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        // The case map, one finding at a time: each fits a page with its
        // labels whole (the reviewers' whole map does not).
        let before = out.len();
        self.finding_maps(section, out, n);
        let mut drawn = out[before..]
            .iter()
            .any(|b| matches!(b, Block::Figure { .. }));
        if !drawn {
            out.truncate(before);
        }
        for kind in [DiagramKind::CausalLoop] {
            for diagram in self.review.diagrams.iter().filter(|d| d.kind == kind) {
                if diagram.nodes.is_empty() {
                    continue;
                }
                let parts = split_parts(self.review, diagram, PART_ACROSS, PART_DOWN);
                let total = parts.len();
                for (i, part) in parts.iter().enumerate() {
                    let options = SceneOptions {
                        visible: (total > 1).then_some(part),
                        high_contrast: false,
                        legend: true,
                        legend_width: Some(PRINT_WIDTH),
                        measure: self.options.measure,
                        elbow_links: false,
                    };
                    // Drawn closer together where the reviewers spread it
                    // wider than a page holds at 8 pt.
                    let heights = |id: &Id| {
                        let shape =
                            foresight_core::diagram::geometry::shape_of(self.review.kind_of(id));
                        crate::export::scene::whole_label_height(self.review, id, shape, &options)
                    };
                    let diagram = crate::export::fit::fit_width(diagram, PRINT_WIDTH, heights);
                    let scene = diagram_scene(self.review, &diagram, &options);
                    let name = diagram.name.trim();
                    let name = if name.is_empty() {
                        self.say(s, "untitled_diagram", &[])
                    } else {
                        name.to_string()
                    };
                    let caption = if total > 1 {
                        self.say(
                            s,
                            "diagram_part",
                            &[
                                ("name", &name),
                                ("part", &(i + 1).to_string()),
                                ("parts", &total.to_string()),
                            ],
                        )
                    } else {
                        name
                    };
                    let caption = self.figure_caption(n, &caption);
                    out.push(Block::Figure { scene, caption });
                    drawn = true;
                }
            }
        }
        if !drawn {
            out.push(body(&self.say(s, "no_diagrams", &[])));
        }
        let before = out.len();
        self.loops(section, out, n);
        if out.len() > before {
            out.insert(before, heading(2, self.say(s, "loops_heading", &[])));
        }
    }

    fn chronology(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let s = Some(section);
        let made = if self.options.identified_draft {
            self.say(s, "made_draft", &[])
        } else {
            self.say(s, "made_published", &[])
        };
        out.push(body(&self.say(s, "intro", &[("made", &made)])));
        // Each agency's name once, cut to a table cell's length: it is
        // repeated on every row of that agency.
        let names: HashMap<&Id, String> = self
            .review
            .agencies
            .iter()
            .map(|a| (&a.id, cut_at_word(&a.generic_name, TABLE_NAME_CHARS)))
            .collect();
        let rows = self
            .review
            .chronology
            .iter()
            .map(|c| {
                let agency = c
                    .agency
                    .as_ref()
                    .and_then(|a| names.get(a))
                    .cloned()
                    .unwrap_or_default();
                vec![
                    foresight_core::anonymise::dates::coarsen(c.date).human(),
                    agency,
                    entry_summary(&c.text, SUMMARY_CHARS),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            caption: self.table_caption(n, &self.say(s, "caption", &[])),
            columns: vec![
                self.say(s, "column_month", &[]),
                self.say(s, "column_agency", &[]),
                self.say(s, "column_summary", &[]),
            ],
            widths: vec![1.4, 2.0, 6.6],
            rows,
        }));
    }
}

/// The longest summary of a chronology entry, in characters.
const SUMMARY_CHARS: usize = 160;

/// The longest agency name in a cell of a table that repeats it on every
/// row (the summary chronology, the roles), in characters: however long a
/// name, each row costs the same.
const TABLE_NAME_CHARS: usize = 80;

/// `text` with its whitespace collapsed, cut at a word boundary with an
/// ellipsis when longer than `max` characters. Reads only as far as the
/// cut, so a very long text costs no more than a short one.
fn cut_at_word(text: &str, max: usize) -> String {
    let text = text.trim();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return collapse(text);
    };
    let head = &text[..cut];
    let head = if text[cut..].starts_with(char::is_whitespace) {
        head
    } else {
        match head.rfind(char::is_whitespace) {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    format!("{}…", collapse(head).trim_end_matches([',', ';', ':', ' ']))
}

/// A chronology entry in short: its first sentence, cut at a word
/// boundary with an ellipsis when longer than `max` characters (or when
/// the entry goes on after it).
pub fn entry_summary(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The first sentence: up to a full stop, question or exclamation mark
    // followed by a space and a capital letter (not "Dr. Smith", "e.g. the").
    let mut end = text.len();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!')
            && bytes.get(i + 1) == Some(&b' ')
            && text[i + 2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        {
            let word = text[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = c == '.'
                && matches!(
                    word.to_ascii_lowercase().as_str(),
                    "dr" | "mr" | "mrs" | "ms" | "st" | "no" | "e.g" | "i.e" | "etc" | "approx"
                );
            if !abbreviation {
                end = i + 1;
                break;
            }
        }
    }
    let sentence = &text[..end];
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut = sentence
        .char_indices()
        .nth(max)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// What a finding asks of the partnership, each under a minor heading:
/// its questions, its recommendations, or both, as the finding chooses.
fn questions(cx: &Context, section: &SectionTemplate, f: &Finding, out: &mut Vec<Block>) {
    let list = |items: &[String]| -> Vec<Vec<Span>> {
        items
            .iter()
            .filter(|q| !q.trim().is_empty())
            .map(|q| vec![Span::plain(q.trim())])
            .collect()
    };
    let mut parts = Vec::new();
    if f.asks.questions() {
        parts.push((cx.say(Some(section), "questions", &[]), list(&f.questions)));
    }
    if f.asks.recommendations() {
        parts.push((
            cx.say(Some(section), "recommendations", &[]),
            list(&f.recommendations),
        ));
    }
    for (label, items) in parts {
        if !items.is_empty() {
            out.push(heading(3, label));
            out.push(Block::List {
                ordered: true,
                items,
            });
        }
    }
}

fn glossary(section: &SectionTemplate, out: &mut Vec<Block>) {
    for (term, meaning) in &section.terms {
        out.push(Block::Paragraph {
            spans: vec![Span::bold(format!("{term}. ")), Span::plain(meaning.trim())],
            style: ParagraphStyle::Body,
        });
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}’")
    } else {
        format!("{name}’s")
    }
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod summary_tests {
    use super::{cut_at_word, entry_summary};

    #[test]
    fn a_long_name_is_cut_at_a_word_and_a_short_one_kept() {
        assert_eq!(
            cut_at_word("  Health   visiting service ", 80),
            "Health visiting service"
        );
        assert_eq!(
            cut_at_word("Health visiting service", 15),
            "Health visiting…"
        );
        assert_eq!(
            cut_at_word("Health visiting service", 16),
            "Health visiting…"
        );
        // One word longer than the cut is cut inside it.
        let long = format!("Police {}", "Q".repeat(100_000));
        let cut = cut_at_word(&long, 80);
        assert_eq!(cut, "Police…");
        let word = "Q".repeat(100_000);
        assert_eq!(cut_at_word(&word, 80).chars().count(), 81);
    }

    #[test]
    fn an_entry_is_summarised_by_its_first_sentence() {
        assert_eq!(
            entry_summary(
                "Home visit by Health visiting service. Mother reported low mood.",
                160
            ),
            "Home visit by Health visiting service."
        );
        assert_eq!(
            entry_summary("Seen by Dr. Patel's locum. Nothing else.", 160),
            "Seen by Dr. Patel's locum."
        );
        assert_eq!(
            entry_summary("  No   full stop here ", 160),
            "No full stop here"
        );
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word_with_an_ellipsis() {
        let long = "Strategy discussion held with police, health and education, who agreed that \
                    the threshold for a section 47 enquiry was not met and that a child and \
                    family assessment would follow within ten working days. Then more.";
        let summary = entry_summary(long, 80);
        assert!(summary.ends_with('…'), "{summary}");
        assert!(summary.chars().count() <= 81, "{summary}");
        let kept = summary.trim_end_matches('…');
        assert!(long.starts_with(kept), "{summary}");
        assert!(
            long[kept.len()..].starts_with(' '),
            "cut inside a word: {summary}"
        );
    }
}
