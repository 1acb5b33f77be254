//! A review and a template become a [`ReportDocument`]: the structure of a
//! systems review, telling why practice happened as it did.
//!
//! The builder prints what it is given: for publication it is given the
//! anonymised review (see [`super::export`]), so nothing here needs to know
//! about real names. Only learning-tagged findings are set in a
//! publication; the others are listed in [`BuiltReport::left_out`].

mod account;
mod appendices;
mod finding_map;
mod findings;
mod practice;
mod rapid;
mod words;

pub use appendices::entry_summary;
use appendices::{TABLE_NAME_CHARS, cut_at_word, glossary};

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

    /// The agencies' published names, in the review's order.
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
            // "School", "School 2" … "School 5" are listed once, with how
            // many there are.
            let items = kinds_of_agency(&agencies)
                .into_iter()
                .map(|(name, n)| {
                    let item = if name == UNKNOWN_KIND {
                        capitalise(&self.count_of(s, "agencies_unknown", n, &[]))
                    } else if n == 1 {
                        name.to_string()
                    } else {
                        self.count_of(s, "agencies_several", n, &[("name", name)])
                    };
                    vec![Span::plain(item)]
                })
                .collect();
            out.push(Block::List {
                ordered: false,
                items,
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

/// Published agency names grouped by kind: a numbered name ("School 3")
/// counts under its base ("School") when the base or another number of it
/// is listed too; in the order each kind first comes.
/// The generic name of an agency of no known kind, before its number
/// ("Agency 3").
const UNKNOWN_KIND: &str = "Agency";

fn kinds_of_agency(names: &[String]) -> Vec<(&str, usize)> {
    let base = |name: &str| -> Option<usize> {
        let (stem, number) = name.rsplit_once(' ')?;
        (number.parse::<u32>().is_ok() && !stem.is_empty()).then_some(stem.len())
    };
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for name in names {
        let kind = match base(name) {
            Some(len) if &name[..len] == UNKNOWN_KIND => UNKNOWN_KIND,
            Some(len)
                if names.iter().any(|other| {
                    other != name && other.starts_with(&name[..len]) && {
                        let rest = &other[len..];
                        rest.is_empty() || base(other) == Some(len)
                    }
                }) =>
            {
                &name[..len]
            }
            _ => name.as_str(),
        };
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((kind, 1)),
        }
    }
    // Agencies of no known kind ("Agency 1") come last, as "other agencies".
    kinds.sort_by_key(|(kind, _)| *kind == UNKNOWN_KIND);
    kinds
}

#[cfg(test)]
mod agency_list_tests {
    use super::kinds_of_agency;

    fn kinds(names: &[&str]) -> Vec<(String, usize)> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        kinds_of_agency(&names)
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect()
    }

    #[test]
    fn numbered_names_of_one_kind_are_listed_once_with_their_number() {
        assert_eq!(
            kinds(&[
                "School",
                "Police",
                "School 2",
                "Agency 1",
                "Hospital trust 2",
                "Hospital trust",
                "Agency 2",
                "School 3",
                "0-19 service",
                "Ward 7",
            ]),
            [
                ("School".to_string(), 3),
                ("Police".to_string(), 1),
                ("Hospital trust".to_string(), 2),
                ("0-19 service".to_string(), 1),
                // A number that is part of a name, with nothing else of it.
                ("Ward 7".to_string(), 1),
                // Agencies of no known kind last.
                ("Agency".to_string(), 2),
            ]
        );
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
