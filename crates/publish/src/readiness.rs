//! Is a review ready to publish? The publication check shared by
//! `foresight check`, the PDF export and the app's Report panel.
//!
//! The check is a list of [`Section`]s, each with the lines it reports and
//! the blockers it finds: why-coverage, findings, episodes, language,
//! structure and anonymisation. A publication export refuses while any
//! section has a blocker.

use crate::placeholders::Placeholder;
use foresight_core::analysis::coverage::{Coverage, Measure, coverage};
use foresight_core::analysis::language::{FieldHit, Lexicon, lint_review};
use foresight_core::anonymise::residual::SuspectKind;
use foresight_core::anonymise::{Found, Leak, Report, Suspect, spelling};
use foresight_core::model::text_fields;
use foresight_core::model::{
    Appraisal, FindingTag, RecordKind, Review, ReviewDecision, ReviewType,
};
use foresight_core::taxonomy::Taxonomy;
use foresight_core::validate::validate;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One section of the publication check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Heading, e.g. "Why-coverage".
    pub title: String,
    /// What the section reports (printed under the heading).
    pub lines: Vec<String>,
    /// What blocks publication (printed under the heading, and again at
    /// the end).
    pub blockers: Vec<String>,
}

impl Section {
    fn new(title: &str) -> Section {
        Section {
            title: title.to_string(),
            lines: Vec::new(),
            blockers: Vec::new(),
        }
    }

    /// True when the section blocks publication.
    pub fn blocks(&self) -> bool {
        !self.blockers.is_empty()
    }

    /// The section as printed.
    pub fn render(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for line in &self.lines {
            out.push_str(&format!("  {line}\n"));
        }
        for blocker in &self.blockers {
            out.push_str(&format!("  BLOCKS PUBLICATION: {blocker}\n"));
        }
        if self.lines.is_empty() && self.blockers.is_empty() {
            out.push_str("  Nothing to report.\n");
        }
        out
    }
}

/// What the sections read, computed once.
pub struct Inputs<'a> {
    /// The review.
    pub review: &'a Review,
    /// Every language-lint hit, with acceptances.
    pub language: Vec<FieldHit>,
    /// Every language-lint hit in the review's account of itself.
    pub account_language: Vec<foresight_core::analysis::language::AccountHit>,
    /// The why-coverage.
    pub coverage: Coverage,
    /// The review's taxonomy, when found.
    pub taxonomy: Option<Taxonomy>,
}

/// "FN9 \"Training example: …\"".
fn named(review: &Review, id: &foresight_core::model::Id) -> String {
    let title = review.title_of(id);
    let title = title.trim();
    if title.is_empty() {
        id.to_string()
    } else {
        let short: String = title.chars().take(70).collect();
        let cut = if short.len() < title.len() { "…" } else { "" };
        format!("{id} \"{short}{cut}\"")
    }
}

/// Why-coverage: never blocks, but names every gap.
fn coverage_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("Why-coverage");
    let c = &inputs.coverage;
    for measure in Measure::ALL {
        let figure = match measure {
            Measure::OpenLanguage => format!(
                "{} open, {} accepted with a reason",
                c.open_language, c.accepted_language
            ),
            _ => c.share(measure).describe(),
        };
        s.lines.push(format!("{}: {figure}", measure.label()));
        if measure == Measure::SystemsFindings {
            s.lines.push(format!(
                "  (tagged learning: {})",
                c.findings_learning.describe()
            ));
        }
        for gap in c.gaps_of(measure) {
            s.lines.push(format!(
                "  {}: {}",
                named(inputs.review, &gap.record),
                gap.message
            ));
        }
    }
    s.lines
        .push(format!("Balance of the report: {}", c.balance()));
    s
}

/// Findings: untagged ones block; blame ones are left out.
fn findings_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("Findings");
    let review = inputs.review;
    for f in &review.findings {
        let name = named(review, &f.id);
        match f.tag {
            FindingTag::Learning => s.lines.push(format!("{name}: learning, published")),
            FindingTag::Blame => s
                .lines
                .push(format!("{name}: tagged blame: left out of publication")),
            FindingTag::Untagged => s.blockers.push(format!(
                "{name} is untagged: tag it learning or blame, with a reason"
            )),
        }
        if f.tag != FindingTag::Untagged && f.tag_reason.trim().is_empty() {
            s.lines
                .push(format!("{name}: the tag has no reason recorded"));
        }
    }
    for f in review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Learning && f.systemic_evidence.trim().is_empty())
    {
        s.blockers.push(format!(
            "{} is tagged learning but gives no evidence that it is systemic (how it shows beyond this case): add it under \"Systemic evidence\", or tag it blame",
            named(review, &f.id)
        ));
    }
    if review.findings.is_empty() {
        s.blockers.push(
            "the review has no findings: a published review sets out at least one learning finding"
                .into(),
        );
    } else if !review
        .findings
        .iter()
        .any(|f| f.tag == FindingTag::Learning)
    {
        s.blockers.push(
            "no finding is tagged learning: a published review sets out at least one learning finding"
                .into(),
        );
    }
    s
}

/// The report's own sections (executive summary, the child, family
/// involvement, the review process, the partnership's response): never
/// blocks, but names each part still empty, which the report leaves out.
fn account_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("The report's own sections");
    let review = inputs.review;
    let account = &review.meta.account;
    let parts = [
        (
            "Executive summary",
            account.executive_summary.trim().is_empty(),
        ),
        ("The child", account.child.is_empty()),
        ("Family involvement", account.family.is_empty()),
        ("The review process", account.process.is_empty()),
        ("The partnership's response", account.response.is_empty()),
    ];
    for (part, empty) in parts {
        let left = if part == "Executive summary" {
            "so the report's executive summary has only the key findings"
        } else {
            "so the report leaves it out"
        };
        s.lines.push(if empty {
            format!("{part}: not written yet, {left} (write it in the Report panel)")
        } else {
            format!("{part}: written")
        });
    }
    rapid_review_lines(review, &mut s.lines);
    for f in &review.findings {
        if f.tag == FindingTag::Learning
            && f.asks.recommendations()
            && f.recommendations.iter().all(|r| r.trim().is_empty())
        {
            s.lines.push(format!(
                "{} asks for recommendations but has none written",
                named(review, &f.id)
            ));
        }
    }
    s
}

/// The rapid review's own parts, which the `rapid-review` report sets out:
/// each part still empty is named, since the report leaves it out, and so
/// is a decision without its rationale and a key date not recorded. Only
/// for a rapid review, or a review with any of its parts written.
fn rapid_review_lines(review: &Review, lines: &mut Vec<String>) {
    let rapid = &review.meta.rapid_review;
    let clock = &review.meta.clock;
    let blank = |text: &str| text.trim().is_empty();
    let decided = clock.decision != ReviewDecision::Undecided;
    let dates = [
        ("the day the local authority became aware", clock.aware),
        ("the notification", clock.notified),
        ("the decision", clock.decided),
    ];
    let any_date = dates.iter().any(|(_, d)| d.is_some());
    if review.meta.review_type != ReviewType::RapidReview && rapid.is_empty() {
        return;
    }
    let parts = [
        ("the facts of the incident", &rapid.facts),
        ("each agency's involvement", &rapid.agency_involvement),
        ("the child's and family's lives", &rapid.lived_context),
        ("immediate actions", &rapid.immediate_actions),
        ("the potential for learning", &rapid.learning_potential),
    ];
    for (part, text) in parts {
        lines.push(if blank(text) {
            format!(
                "Rapid review: {part}: not written yet, so the rapid-review report leaves it out (write it in the Overview panel)"
            )
        } else {
            format!("Rapid review: {part}: written")
        });
    }
    lines.push(
        match (decided, blank(&clock.decision_rationale), any_date) {
            (false, true, false) => {
                "Rapid review: the decision: not recorded yet, so the rapid-review report leaves it out (record it in the Overview panel)"
            }
            (false, _, _) => {
                "Rapid review: the decision: not recorded yet, so the rapid-review report says that the partners have not yet decided (record it in the Overview panel)"
            }
            (true, true, _) => {
                "Rapid review: the decision: recorded without its rationale, which the national panel expects (write it in the Overview panel)"
            }
            (true, false, _) => "Rapid review: the decision and its rationale: written",
        }
        .to_string(),
    );
    let missing: Vec<&str> = dates
        .iter()
        .filter(|(_, d)| d.is_none())
        .map(|(what, _)| *what)
        .collect();
    if !missing.is_empty() {
        let gives = if any_date { "only the others" } else { "none" };
        lines.push(format!(
            "Rapid review: key dates not recorded ({}), so the rapid-review report gives {gives} (record them in the Overview panel)",
            missing.join(", ")
        ));
    }
}

/// Episodes: problematic practice needs a local-rationality account.
fn episodes_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("Episodes");
    for e in &inputs.review.episodes {
        let explained = !e.local_rationality.trim().is_empty()
            || e.mindset.answers().iter().any(|a| !a.trim().is_empty());
        if e.appraisal == Appraisal::NotAppraised {
            s.blockers.push(format!(
                "{} has not been appraised: say whether the practice was good, problematic or mixed",
                named(inputs.review, &e.id)
            ));
        }
        if e.appraisal == Appraisal::Problematic && !explained {
            s.blockers.push(format!(
                "{} is appraised as problematic practice but has no local-rationality account (why it made sense at the time)",
                named(inputs.review, &e.id)
            ));
        }
    }
    let problematic = inputs
        .review
        .episodes
        .iter()
        .filter(|e| e.appraisal == Appraisal::Problematic)
        .count();
    s.lines.push(format!(
        "{} episode{}, {problematic} appraised as problematic",
        inputs.review.episodes.len(),
        if inputs.review.episodes.len() == 1 {
            ""
        } else {
            "s"
        }
    ));
    s
}

/// Language: every hit; open hits that count in learning findings'
/// statements block.
fn language_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("Language");
    let review = inputs.review;
    let open = inputs.language.iter().filter(|h| h.is_open()).count();
    s.lines.push(format!(
        "{open} open phrase{} of hindsight or blame, {} accepted with a reason",
        if open == 1 { "" } else { "s" },
        inputs.language.len() - open
    ));
    for hit in &inputs.language {
        let h = &hit.hit;
        let place = format!("{} {}", hit.record, hit.field);
        s.lines.push(hit_line(&place, h, hit.accepted.as_deref()));
        let learning_statement = hit.kind == RecordKind::Finding
            && text_fields::FINDING_STATEMENT.names(&hit.field)
            && review
                .findings
                .iter()
                .any(|f| f.id == hit.record && f.tag == FindingTag::Learning);
        // A phrase that does not count (a practitioner's own words quoted,
        // a deficit given its reason, a sentence about the bias itself) is
        // listed but does not make a learning statement blame.
        if learning_statement && hit.is_open() && h.counts() {
            s.blockers.push(format!(
                "{} is tagged learning but its statement has the open phrase \"{}\" ({}): rewrite it, or accept it with a reason",
                named(review, &hit.record),
                h.matched,
                h.categories()
            ));
        }
    }
    for hit in &inputs.account_language {
        let place = format!("review {}", hit.field);
        s.lines
            .push(hit_line(&place, &hit.hit, hit.accepted.as_deref()));
    }
    s
}

/// One phrase the lint found, as the check prints it: where, what, and
/// either the reviewer's reason for keeping it or the question that helps
/// rewrite it.
fn hit_line(
    place: &str,
    h: &foresight_core::analysis::language::Hit,
    accepted: Option<&str>,
) -> String {
    match accepted {
        Some(reason) => format!(
            "{place}: \"{}\" ({}) accepted: {reason}",
            h.matched,
            h.categories()
        ),
        None => format!(
            "{place}: \"{}\" ({}, {}{}). {}",
            h.matched,
            h.categories(),
            h.severity.label(),
            if h.quoted { ", quoted" } else { "" },
            h.question
        ),
    }
}

/// Structure: what `foresight validate` finds, unresolved merge conflicts
/// among it, also blocks publication.
fn structure_section(inputs: &Inputs) -> Section {
    let mut s = Section::new("Structure");
    for problem in validate(inputs.review, inputs.taxonomy.as_ref()) {
        s.blockers.push(problem.to_string());
    }
    for problem in foresight_core::validate::unresolved_conflicts(inputs.review) {
        s.blockers.push(problem.to_string());
    }
    if s.blockers.is_empty() {
        s.lines
            .push("No problems: every reference points at a record of the right kind.".into());
    }
    s
}

/// Anonymisation: what will be replaced and flagged, the residual
/// suspects; a leak in the published review blocks publication.
fn anonymisation_section(inputs: &Inputs, published: &Published) -> Section {
    let mut s = Section::new("Anonymisation (residual suspects)");
    let (lines, blockers) = anonymisation_lines(inputs.review, published);
    s.lines = lines;
    s.blockers = blockers;
    s
}

/// Text: a placeholder left unfilled in anything published blocks it.
fn text_section(published: &Published) -> Section {
    let mut s = Section::new("Text");
    for p in published.placeholders {
        s.blockers.push(p.to_string());
    }
    if s.blockers.is_empty() {
        s.lines
            .push("No unfilled placeholders in the text to be published.".into());
    }
    if !published.unexpanded_acronyms.is_empty() {
        s.lines.push(format!(
            "Acronyms the glossary cannot expand: {}. Add each to reports/acronyms.txt in your templates folder (one \"ACRONYM: what it stands for\" per line), or spell it out",
            published.unexpanded_acronyms.join(", ")
        ));
    }
    s
}

/// What the publication computed once and the check reports on: the
/// anonymisation, what still looks identifying, leaks and placeholders.
pub struct Published<'a> {
    /// How the review was anonymised.
    pub report: &'a Report,
    /// What still looks like a name, a place or an identifier once
    /// anonymised.
    pub suspects: &'a [Suspect],
    /// Real names or identifiers left in the published review.
    pub leaks: &'a [Leak],
    /// Placeholders left unfilled in text to be published.
    pub placeholders: &'a [Placeholder],
    /// Acronyms in the published text that no acronym list expands.
    pub unexpanded_acronyms: &'a [String],
}

/// The sections of the check, in print order.
pub fn sections(inputs: &Inputs, published: &Published) -> Vec<Section> {
    vec![
        coverage_section(inputs),
        findings_section(inputs),
        account_section(inputs),
        episodes_section(inputs),
        language_section(inputs),
        structure_section(inputs),
        text_section(published),
        anonymisation_section(inputs, published),
    ]
}

impl<'a> Inputs<'a> {
    /// Gathers what the check needs: the language lint with `lexicon`,
    /// why-coverage and the review's taxonomy (when it can be found).
    pub fn gather(review: &'a Review, lexicon: &Lexicon, taxonomy: Option<Taxonomy>) -> Inputs<'a> {
        let language = lint_review(lexicon, review);
        Inputs {
            account_language: foresight_core::analysis::language::lint_account(lexicon, review),
            coverage: coverage(review, &language),
            language,
            taxonomy,
            review,
        }
    }
}

/// Every blocker of every section, in order.
pub fn blockers(sections: &[Section]) -> Vec<String> {
    sections
        .iter()
        .flat_map(|s| s.blockers.iter().cloned())
        .collect()
}

/// The anonymisation part of `foresight check`: what it replaced and
/// flagged, the residual suspects (what still looks like a name or an
/// identifier once anonymised), and, as blockers, any leak.
///
/// A suspect's context is read from the original text of its field.
fn anonymisation_lines(review: &Review, published: &Published) -> (Vec<String>, Vec<String>) {
    let report = published.report;
    let mut lines = vec![format!(
        "{} replacement{}, {} waiting for a decision, {} sensitive attribute{} undecided (withheld meanwhile)",
        report.replaced_count(),
        plural(report.replaced_count()),
        report.flagged_count(),
        report.undecided.len(),
        plural(report.undecided.len())
    )];
    for o in report.flagged() {
        lines.push(format!(
            "{} {}: \"{}\" will be replaced by \"{}\" to be safe: {}",
            o.record,
            o.field,
            o.original.split_whitespace().collect::<Vec<_>>().join(" "),
            o.replacement,
            o.reason
        ));
    }
    let replaced: Vec<_> = report.suspects().collect();
    lines.push(format!(
        "{} residual suspect{}: not in the cast but looks like a name, a place or a number; \
         replaced by a placeholder unless you keep it (the Anonymisation panel, or \
         foresight anonymise --keep WORD)",
        replaced.len(),
        plural(replaced.len())
    ));
    let contexts = suspect_contexts(review, &replaced);
    for (o, context) in replaced.iter().zip(&contexts) {
        let words = o.original.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut state = if o.replaced {
            format!("replaced by \"{}\"", o.replacement)
        } else {
            "kept by you".to_string()
        };
        if o.replaced && o.found == Found::Suspect(SuspectKind::Name) {
            state.push_str("; ");
            state.push_str(&spelling::suggestion(review, &words));
        }
        lines.push(format!(
            "{} {}: {} \"{}\" in \"{}\": {}",
            o.record,
            o.field,
            o.found.describe(),
            words,
            context,
            state
        ));
    }
    let suspects = published.suspects;
    lines.push(format!(
        "{} residual suspect{} left in the anonymised review",
        suspects.len(),
        plural(suspects.len())
    ));
    for s in suspects {
        lines.push(format!(
            "{} {}: {} \"{}\" in \"{}\": add it to the cast, or allow it",
            s.record,
            s.field,
            s.kind.label(),
            s.text,
            s.context
        ));
    }
    let blockers = published
        .leaks
        .iter()
        .map(|leak| format!("the anonymised review would leak: {leak}"))
        .collect();
    (lines, blockers)
}

/// The text around each occurrence in its field of the original review,
/// read in one walk of the review's fields.
fn suspect_contexts(
    review: &Review,
    occurrences: &[foresight_core::anonymise::Occurrence],
) -> Vec<String> {
    let mut wanted: std::collections::HashMap<(&str, &str), Vec<usize>> = Default::default();
    for (i, o) in occurrences.iter().enumerate() {
        wanted
            .entry((o.record.as_str(), o.field.as_str()))
            .or_default()
            .push(i);
    }
    let mut contexts = vec![String::new(); occurrences.len()];
    if wanted.is_empty() {
        return contexts;
    }
    foresight_core::anonymise::fields::visit(review, |id, field, _, text| {
        for &i in wanted.get(&(id.as_str(), field)).into_iter().flatten() {
            let range = &occurrences[i].range;
            if text.is_char_boundary(range.start) && range.end <= text.len() {
                contexts[i] =
                    foresight_core::anonymise::text::context(text, range.start, range.end);
            }
        }
    });
    contexts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publication::Publication;
    use foresight_core::examples::worked_case;

    fn sections_of(review: &Review) -> Vec<Section> {
        Publication::compute(
            review,
            &Lexicon::built_in(),
            Taxonomy::built_in(&review.meta.taxonomy),
        )
        .sections
    }

    fn blockers_of(review: &Review) -> Vec<String> {
        blockers(&sections_of(review))
    }

    #[test]
    fn the_worked_example_is_ready_with_its_blame_finding_left_out() {
        let review = worked_case();
        let sections = sections_of(&review);
        let blockers: Vec<&String> = sections.iter().flat_map(|s| &s.blockers).collect();
        assert!(blockers.is_empty(), "{blockers:#?}");
        let findings = sections.iter().find(|s| s.title == "Findings").unwrap();
        assert!(
            findings
                .lines
                .iter()
                .any(|l| l.starts_with("FN9 ") && l.ends_with("left out of publication")),
            "{findings:#?}"
        );
    }

    #[test]
    fn each_blocker_names_its_record() {
        let mut review = worked_case();
        review.findings[8].tag = FindingTag::Untagged;
        review.findings[0].statement = "The social worker failed to visit.".into();
        review.episodes[0].appraisal = Appraisal::Problematic;
        review.episodes[0].local_rationality.clear();
        review.episodes[0].mindset = Default::default();
        let blockers = blockers_of(&review);
        assert_eq!(blockers.len(), 3, "{blockers:#?}");
        assert!(blockers[0].starts_with("FN9 ") && blockers[0].contains("untagged"));
        assert!(blockers[1].starts_with("E1 ") && blockers[1].contains("problematic"));
        assert!(blockers[2].starts_with("FN1 ") && blockers[2].contains("\"failed to\""));
    }

    #[test]
    fn a_review_without_findings_is_not_ready() {
        let mut review = worked_case();
        review.findings.clear();
        let blockers = blockers_of(&review);
        assert!(
            blockers.iter().any(|b| b.contains("has no findings")),
            "{blockers:#?}"
        );
        let mut review = worked_case();
        for f in &mut review.findings {
            f.tag = FindingTag::Blame;
        }
        let blockers = blockers_of(&review);
        assert!(
            blockers
                .iter()
                .any(|b| b.contains("no finding is tagged learning")),
            "{blockers:#?}"
        );
    }

    #[test]
    fn an_episode_never_appraised_blocks() {
        let mut review = worked_case();
        review.episodes[2].appraisal = Appraisal::NotAppraised;
        let blockers = blockers_of(&review);
        assert_eq!(blockers.len(), 1, "{blockers:#?}");
        assert!(
            blockers[0].starts_with("E3 ") && blockers[0].contains("not been appraised"),
            "{blockers:#?}"
        );
    }

    #[test]
    fn a_learning_finding_without_systemic_evidence_blocks() {
        let mut review = worked_case();
        review.findings[1].systemic_evidence = "  ".into();
        let blockers = blockers_of(&review);
        assert_eq!(blockers.len(), 1, "{blockers:#?}");
        assert!(
            blockers[0].starts_with("FN2 ") && blockers[0].contains("systemic"),
            "{blockers:#?}"
        );
    }

    #[test]
    fn a_rapid_review_names_each_part_its_report_leaves_out() {
        let own = |review: &Review| {
            sections_of(review)
                .into_iter()
                .find(|s| s.title == "The report's own sections")
                .unwrap()
        };
        // A review that is not a rapid review is not asked for its parts.
        let mut review = worked_case();
        assert!(
            !own(&review)
                .lines
                .iter()
                .any(|l| l.contains("Rapid review"))
        );
        review.meta.review_type = foresight_core::model::ReviewType::RapidReview;
        review.meta.rapid_review.facts = "Child B was admitted to hospital.".into();
        review.meta.clock = Default::default();
        review.meta.clock.decision = ReviewDecision::LocalReview;
        review.meta.clock.aware = chrono::NaiveDate::from_ymd_opt(2027, 3, 3);
        let section = own(&review);
        assert!(!section.blocks(), "{section:#?}");
        let lines = section.lines.join("\n");
        for line in [
            "Rapid review: the facts of the incident: written",
            "Rapid review: each agency's involvement: not written yet, so the rapid-review report leaves it out (write it in the Overview panel)",
            "Rapid review: immediate actions: not written yet, so the rapid-review report leaves it out (write it in the Overview panel)",
            "Rapid review: the decision: recorded without its rationale, which the national panel expects (write it in the Overview panel)",
            "Rapid review: key dates not recorded (the notification, the decision), so the rapid-review report gives only the others (record them in the Overview panel)",
        ] {
            assert!(lines.contains(line), "{line} in {lines}");
        }
        review.meta.clock.decision_rationale = "The criteria are met.".into();
        let lines = own(&review).lines.join("\n");
        assert!(lines.contains("Rapid review: the decision and its rationale: written"));
        // The rapid review's texts are published: their language is read.
        review.meta.rapid_review.immediate_actions =
            "The social worker failed to visit, so a safety plan was made.".into();
        review.meta.clock.decision_rationale = "Agencies should have known.".into();
        let language = sections_of(&review)
            .into_iter()
            .find(|s| s.title == "Language")
            .unwrap()
            .lines
            .join("\n");
        assert!(
            language.contains("rapid_review.immediate_actions") && language.contains("failed to"),
            "{language}"
        );
        assert!(language.contains("clock.decision_rationale"), "{language}");
    }

    #[test]
    fn an_unfilled_placeholder_blocks() {
        let mut review = worked_case();
        review
            .meta
            .summary
            .push_str(" The panel met on [date of panel].");
        let blockers = blockers_of(&review);
        assert_eq!(blockers.len(), 1, "{blockers:#?}");
        assert!(blockers[0].contains("[date of panel]"), "{blockers:#?}");
    }
}
