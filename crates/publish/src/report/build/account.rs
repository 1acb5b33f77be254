//! The sections that set out what the review says about itself: the
//! executive summary, the child, family involvement, the review process,
//! the partnership's response and the references. Their text is the
//! reviewers' (from [`foresight_core::model::ReviewAccount`] and the findings);
//! every other word is the template's (see [`SectionTemplate::label`]).

use super::{Block, Context, Counters, Span, Table, body, heading, paragraphs};
use crate::report::document::ParagraphStyle;
use crate::report::template::{Content, SectionTemplate};
use foresight_core::model::{ActionStatus, Answer, Finding, ResponseDecision};

impl Context<'_> {
    /// True when a section of this content has nothing to say: it is then
    /// left out, heading and all.
    pub(super) fn has_nothing_for(&self, content: Content) -> bool {
        let account = &self.review.meta.account;
        match content {
            Content::ExecutiveSummary => {
                account.executive_summary.trim().is_empty()
                    && self.findings.is_empty()
                    && written(&account.key_messages).is_empty()
            }
            Content::Child => account.child.is_empty(),
            Content::FamilyInvolvement => account.family.is_empty(),
            Content::ReviewProcess => account.process.is_empty() && self.reviewers().is_empty(),
            Content::PartnershipResponse => {
                account.response.is_empty()
                    && self.recommending().next().is_none()
                    && self.responded().next().is_none()
            }
            Content::References => self.references().is_empty(),
            _ => self.has_no_rapid_review_part(content),
        }
    }

    /// The label `key` of `section` with the template's placeholders
    /// filled.
    fn words(&self, section: &SectionTemplate, key: &str) -> String {
        self.say(Some(section), key, &[])
    }

    /// The executive summary, the key findings as a table, and the key
    /// messages.
    pub(super) fn executive_summary(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
        let account = &self.review.meta.account;
        out.extend(paragraphs(&account.executive_summary));
        out.push(heading(2, self.words(section, "key_findings")));
        if self.findings.is_empty() {
            out.push(body(&self.words(section, "no_findings")));
        } else {
            out.push(body(&self.words(section, "key_findings_intro")));
            let rows = self
                .findings
                .iter()
                .map(|f| {
                    vec![
                        self.numbers.get(&f.id).copied().unwrap_or(0).to_string(),
                        super::finding_title(f),
                        f.statement.split_whitespace().collect::<Vec<_>>().join(" "),
                    ]
                })
                .collect();
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &self.words(section, "key_findings_caption")),
                columns: vec![
                    self.words(section, "column_number"),
                    self.words(section, "column_finding"),
                    self.words(section, "column_statement"),
                ],
                widths: vec![0.8, 3.0, 6.2],
                rows,
            }));
        }
        let messages = written(&account.key_messages);
        if !messages.is_empty() {
            out.push(heading(2, self.words(section, "key_messages")));
            out.push(Block::List {
                ordered: false,
                items: messages.into_iter().map(|m| vec![Span::plain(m)]).collect(),
            });
        }
    }

    /// The child as a person, one subsection per part written.
    pub(super) fn child(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let child = &self.review.meta.account.child;
        for (key, text) in [
            ("who", &child.who),
            ("enjoyed", &child.enjoyed),
            ("identity", &child.identity),
            ("lived_experience", &child.lived_experience),
        ] {
            self.part(section, key, text, out);
        }
    }

    /// How the family took part, whether they saw the draft, and their
    /// views (set off as a quotation).
    pub(super) fn family_involvement(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
        let family = &self.review.meta.account.family;
        for (key, text) in [
            ("invited", &family.invited),
            ("took_part", &family.took_part),
            ("declined", &family.declined),
        ] {
            self.part(section, key, text, out);
        }
        match family.saw_draft {
            Answer::Yes => out.push(body(&self.words(section, "saw_draft_yes"))),
            Answer::No => out.push(body(&self.words(section, "saw_draft_no"))),
            Answer::NotKnown => {}
        }
        if !family.views.trim().is_empty() {
            out.push(heading(2, self.words(section, "views")));
            out.extend(paragraphs(&family.views).into_iter().map(quoted));
        }
    }

    /// Who led the review, the team by role and agency, and how the review
    /// was carried out.
    pub(super) fn review_process(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
        let process = &self.review.meta.account.process;
        let reviewers = self.reviewers();
        if !reviewers.is_empty() {
            let reviewers = super::join_and(&reviewers);
            out.push(body(&self.say(
                Some(section),
                "led_by",
                &[("reviewers", &reviewers)],
            )));
        }
        let team: Vec<Vec<String>> = process
            .team
            .iter()
            .filter(|m| !(m.role.trim().is_empty() && m.agency.trim().is_empty()))
            .map(|m| vec![m.role.trim().to_string(), m.agency.trim().to_string()])
            .collect();
        if !team.is_empty() {
            out.push(heading(2, self.words(section, "team")));
            out.push(body(&self.words(section, "team_intro")));
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &self.words(section, "team_caption")),
                columns: vec![
                    self.words(section, "column_role"),
                    self.words(section, "column_agency"),
                ],
                widths: vec![5.0, 5.0],
                rows: team,
            }));
        }
        for (key, text) in [
            ("independence", &process.independence),
            ("practitioners", &process.practitioners),
            ("parallel_processes", &process.parallel_processes),
            ("limitations", &process.limitations),
            ("timescale", &process.timescale),
        ] {
            self.part(section, key, text, out);
        }
    }

    /// The partnership's response, action already taken, the
    /// recommendations of the findings that make them, and each finding's
    /// response with its actions.
    pub(super) fn partnership_response(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
        let response = &self.review.meta.account.response;
        self.part(section, "response", &response.response, out);
        self.part(section, "action_taken", &response.action_taken, out);
        let recommending: Vec<&Finding> = self.recommending().collect();
        if !recommending.is_empty() {
            out.push(heading(2, self.words(section, "recommendations")));
            out.push(body(&self.words(section, "recommendations_intro")));
            for f in recommending {
                out.push(Block::Paragraph {
                    spans: vec![Span::bold(self.finding_heading(f))],
                    style: ParagraphStyle::Body,
                });
                out.push(Block::List {
                    ordered: true,
                    items: written(&f.recommendations)
                        .into_iter()
                        .map(|r| vec![Span::plain(r)])
                        .collect(),
                });
            }
        }
        self.finding_responses(section, out, n);
    }

    /// Each published finding's response (accepted, in part or not, and
    /// why) and its actions as a table: what, owner, due, status.
    fn finding_responses(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
        let responded: Vec<&Finding> = self.responded().collect();
        if responded.is_empty() {
            return;
        }
        out.push(heading(2, self.words(section, "finding_responses")));
        for f in responded {
            out.push(Block::Paragraph {
                spans: vec![Span::bold(self.finding_heading(f))],
                style: ParagraphStyle::Body,
            });
            let decision = match f.response.decision {
                ResponseDecision::Awaited => None,
                ResponseDecision::Accepted => Some("decision_accepted"),
                ResponseDecision::AcceptedInPart => Some("decision_accepted_in_part"),
                ResponseDecision::NotAccepted => Some("decision_not_accepted"),
            };
            if let Some(key) = decision {
                out.push(body(&self.words(section, key)));
            }
            out.extend(paragraphs(&f.response.reason));
            if f.actions.is_empty() {
                continue;
            }
            let number = self.numbers.get(&f.id).copied().unwrap_or(0).to_string();
            let caption = self.say(Some(section), "actions_caption", &[("n", &number)]);
            let rows = f
                .actions
                .iter()
                .map(|a| {
                    let mut status = self.words(section, status_key(a.status));
                    if a.status == ActionStatus::Dropped && !a.dropped_reason.trim().is_empty() {
                        status = format!("{status}: {}", one_line(&a.dropped_reason));
                    }
                    vec![
                        one_line(&a.what),
                        one_line(&a.owner),
                        a.due
                            .map_or_else(|| self.words(section, "due_not_set"), |d| d.human()),
                        status,
                    ]
                })
                .collect();
            out.push(Block::Table(Table {
                caption: self.table_caption(n, &caption),
                columns: vec![
                    self.words(section, "column_action"),
                    self.words(section, "column_owner"),
                    self.words(section, "column_due"),
                    self.words(section, "column_status"),
                ],
                widths: vec![5.0, 2.2, 1.4, 1.8],
                rows,
            }));
        }
    }

    /// Every reference of the published findings, once each, in
    /// alphabetical order.
    pub(super) fn reference_list(&self, out: &mut Vec<Block>) {
        out.push(Block::List {
            ordered: false,
            items: self
                .references()
                .into_iter()
                .map(|r| vec![Span::plain(r)])
                .collect(),
        });
    }

    /// One part of the account: a subheading and its paragraphs, or
    /// nothing when the part is empty.
    fn part(&self, section: &SectionTemplate, key: &str, text: &str, out: &mut Vec<Block>) {
        if text.trim().is_empty() {
            return;
        }
        out.push(heading(2, self.words(section, key)));
        out.extend(paragraphs(text));
    }

    /// The lead reviewers, as the review names them.
    fn reviewers(&self) -> Vec<&str> {
        written(&self.review.meta.reviewers)
    }

    /// The published findings that make recommendations.
    fn recommending(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .copied()
            .filter(|f| f.asks.recommendations() && !written(&f.recommendations).is_empty())
    }

    /// The published findings with a response or actions.
    fn responded(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .copied()
            .filter(|f| !f.response.is_empty() || !f.actions.is_empty())
    }

    /// The published findings' references, once each, sorted without
    /// regard to case.
    fn references(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .findings
            .iter()
            .flat_map(|f| written(&f.references))
            .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        all.sort_by_key(|r| r.to_lowercase());
        all.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        all
    }
}

/// The items of a list that have text, trimmed.
fn written(items: &[String]) -> Vec<&str> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The label key of an action's status in the report.
fn status_key(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "status_planned",
        ActionStatus::UnderWay => "status_under_way",
        ActionStatus::Done => "status_done",
        ActionStatus::Dropped => "status_dropped",
    }
}

/// A text on one line, its runs of white space made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph set off as a quotation.
fn quoted(block: Block) -> Block {
    match block {
        Block::Paragraph { spans, .. } => Block::Paragraph {
            spans,
            style: ParagraphStyle::Quote,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BuildOptions, build_report};
    use crate::report::document::{Block, ReportDocument};
    use crate::report::template::ReportTemplate;
    use foresight_core::examples::worked_case;
    use foresight_core::model::{FindingAsks, Review, ReviewAccount};

    fn report(review: &Review, template: &str) -> ReportDocument {
        report_of(review, template, false)
    }

    fn report_of(review: &Review, template: &str, identified_draft: bool) -> ReportDocument {
        let measure = |text: &str, size: f32, _bold: bool| text.len() as f32 * size * 0.5;
        let template = ReportTemplate::built_in(template).unwrap();
        build_report(
            review,
            &template,
            &BuildOptions {
                identified_draft,
                include_chronology: false,
                taxonomy: None,
                measure: &measure,
                journeys: None,
                key_dates: None,
            },
        )
        .document
    }

    fn headings(document: &ReportDocument) -> Vec<String> {
        document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_published_order_puts_the_summary_first_and_the_response_after_the_findings() {
        let document = report(&worked_case(), "learning-together");
        let top: Vec<String> = headings(&document)
            .into_iter()
            .filter(|h| h.contains(". ") && h.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect();
        assert_eq!(
            top,
            [
                "1. Executive summary",
                "2. Introduction and terms of reference",
                "3. The review process",
                "4. Method",
                "5. About Child B",
                "6. Family involvement",
                "7. The child's journey in brief: a synopsis",
                "8. Appraisal of practice",
                "9. Findings",
                "10. The partnership's response",
                "11. Conclusion",
            ]
        );
    }

    #[test]
    fn a_part_with_nothing_written_is_left_out_heading_and_all() {
        let mut review = worked_case();
        review.meta.account = ReviewAccount::default();
        for f in &mut review.findings {
            f.asks = FindingAsks::Questions;
            f.references.clear();
            f.response = Default::default();
            f.actions.clear();
        }
        let all = headings(&report(&review, "learning-together")).join("\n");
        for gone in [
            "About Child B",
            "Family involvement",
            "The partnership's response",
            "References",
            "Key messages",
        ] {
            assert!(!all.contains(gone), "{gone} in {all}");
        }
        // The reviewers are still named, and the key findings still lead.
        assert!(all.contains("1. Executive summary"), "{all}");
        assert!(all.contains("The review process"), "{all}");
        assert!(!all.contains("Independence"), "{all}");
    }

    #[test]
    fn every_word_the_sections_write_comes_from_a_template() {
        // A label key the templates do not hold would be printed as itself
        // ("key_findings"): none is, in either built-in template.
        let review = worked_case();
        let key = regex::Regex::new(r"\b[a-z]+(_[a-z]+)+\b").unwrap();
        for template in ReportTemplate::built_in_names() {
            for draft in [false, true] {
                let document = report_of(&review, template, draft);
                for text in document.texts() {
                    assert!(!key.is_match(text), "{template}: {text}");
                }
            }
        }
    }

    #[test]
    fn a_users_template_words_replace_the_built_in_ones_and_the_rest_fall_back() {
        let text = include_str!("../../../../../templates/reports/learning-together.ron").replace(
            "\"views\": \"The family's views\",",
            "\"views\": \"In the family's words\",",
        );
        let template = ReportTemplate::parse(&text, std::path::Path::new("ours.ron")).unwrap();
        let mut family = template
            .sections
            .iter()
            .find(|s| s.content == crate::report::template::Content::FamilyInvolvement)
            .unwrap()
            .clone();
        assert_eq!(family.label("views"), "In the family's words");
        family.labels.clear();
        assert_eq!(family.label("views"), "The family's views");
    }

    #[test]
    fn each_finding_refers_to_its_case_map_by_figure_number() {
        let review = worked_case();
        let document = report(&review, "learning-together");
        let texts = document.texts();
        let captions: Vec<&String> = document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Figure { caption, .. } => Some(caption),
                _ => None,
            })
            .collect();
        let notes: Vec<&&str> = texts
            .iter()
            .filter(|t| t.contains("shows the episodes, contributing factors"))
            .collect();
        assert_eq!(notes.len(), 8, "{notes:?}");
        for (k, note) in notes.iter().enumerate() {
            let n = k + 1;
            assert!(note.starts_with(&format!("Figure {n} ")), "{note}");
            assert!(
                captions[k].starts_with(&format!("Figure {n}: Case map of Finding {n}:")),
                "{}",
                captions[k]
            );
        }
        // A template without figures says nothing of them, and leaves no
        // mark behind.
        let briefing = report(&review, "briefing").texts().join("\n");
        assert!(!briefing.contains("Figure"));
        assert!(!briefing.contains('\u{1}'));
    }

    #[test]
    fn every_figure_prints_its_labels_at_eight_points_or_more() {
        // The scale an A4 page gives a figure: 453 pt of text width, 80% of
        // the page's height less its caption.
        for review in [worked_case(), foresight_core::examples::munro_appendix2()] {
            let document = report(&review, "learning-together");
            let mut figures = 0;
            for block in &document.blocks {
                if let Block::Figure { scene, caption } = block {
                    figures += 1;
                    let scale = (453.5 / scene.width)
                        .min((0.8 * 842.0 - 30.0) / scene.height)
                        .min(0.75);
                    let label = foresight_core::diagram::geometry::LABEL_SIZE * scale;
                    assert!(label >= 7.99, "{caption}: {label:.1} pt");
                }
            }
            assert!(figures >= 1);
        }
    }

    #[test]
    fn a_finding_publishes_questions_recommendations_or_both() {
        let mut review = worked_case();
        review.findings[1].asks = FindingAsks::Recommendations;
        review.findings[1].recommendations = vec!["Recommend the second thing.".into()];
        let texts = report(&review, "learning-together").texts().join("\n");
        // The first asks both; the second recommendations only.
        assert!(texts.contains("extend its hidden harm screen"));
        assert!(texts.contains("Recommend the second thing."));
        let second_question = review.findings[1].questions[0].trim();
        assert!(!texts.contains(second_question), "{second_question}");
        assert!(texts.contains(review.findings[0].questions[0].trim()));
    }
}

#[cfg(test)]
mod word_tests {
    use super::super::{BuildOptions, build_report};
    use crate::report::template::ReportTemplate;
    use foresight_core::examples::worked_case;

    fn texts(review: &foresight_core::model::Review, template: &ReportTemplate) -> String {
        let measure = |text: &str, size: f32, _bold: bool| text.len() as f32 * size * 0.5;
        build_report(
            review,
            template,
            &BuildOptions {
                identified_draft: false,
                include_chronology: false,
                taxonomy: None,
                measure: &measure,
                journeys: None,
                key_dates: None,
            },
        )
        .document
        .texts()
        .join("\n")
    }

    #[test]
    fn a_count_of_none_reads_as_none_not_as_no_entries() {
        let mut review = worked_case();
        // No entry records the child's words: each mentions her being seen.
        for entry in &mut review.chronology {
            entry.text = "Home visit: Maisie seen at home with her mother.".into();
        }
        let text = texts(
            &review,
            &ReportTemplate::built_in("learning-together").unwrap(),
        );
        assert!(
            text.contains("No words or views of Child B were recorded."),
            "the none form"
        );
        assert!(!text.contains("in no entries"), "a count of none");
        assert!(!text.contains("Episode 1: Episode 1"));
    }

    #[test]
    fn a_template_rewords_what_the_report_writes_around_its_sections() {
        let text = include_str!("../../../../../templates/reports/learning-together.ron")
            .replace(
                "\"figure\": \"Figure {n}: {caption}\"",
                "\"figure\": \"Fig. {n} – {caption}\"",
            )
            .replace(
                "\"what_happened\": \"What happened\"",
                "\"what_happened\": \"The events\"",
            );
        let template = ReportTemplate::parse(&text, std::path::Path::new("ours.ron")).unwrap();
        let out = texts(&worked_case(), &template);
        assert!(
            out.contains("Fig. 1 – Case map of Finding 1"),
            "figure captions"
        );
        assert!(out.contains("The events"), "episode subheadings");
        // The contents' title is the template's too, in every writer.
        let renamed = text.replace(
            "(content: Contents, heading: \"Contents\")",
            "(content: Contents, heading: \"In this report\")",
        );
        let template = ReportTemplate::parse(&renamed, std::path::Path::new("ours.ron")).unwrap();
        let measure = |text: &str, size: f32, _bold: bool| text.len() as f32 * size * 0.5;
        let document = build_report(
            &worked_case(),
            &template,
            &BuildOptions {
                identified_draft: false,
                include_chronology: false,
                taxonomy: None,
                measure: &measure,
                journeys: None,
                key_dates: None,
            },
        )
        .document;
        assert_eq!(document.contents_title(), "In this report");
        let html = crate::report::html::write_html(&document);
        assert!(html.contains("<h2>In this report</h2>"));
        assert!(!html.contains(">Contents<"));
        assert!(!out.contains("\nWhat happened\n"));
    }
}
