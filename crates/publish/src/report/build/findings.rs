//! The sections on findings: in full, in brief and as a table, the loops
//! that keep them going, the conclusion and the key messages, and each
//! finding's questions for the partnership.

use super::*;

impl Context<'_> {
    pub(super) fn category_label(&self, id: &str) -> String {
        self.options
            .taxonomy
            .and_then(|t| t.categories.iter().find(|c| c.id == id))
            .map_or_else(|| id.replace('-', " "), |c| c.label.clone())
    }

    pub(super) fn level_label(&self, id: &str) -> String {
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

    pub(super) fn pattern_label(&self, id: &str) -> String {
        self.options
            .taxonomy
            .and_then(|t| t.patterns.iter().find(|p| p.id == id))
            .map_or_else(|| id.replace('-', " "), |p| p.label.clone())
    }

    pub(super) fn finding_heading(&self, f: &Finding) -> String {
        let n = self.numbers.get(&f.id).copied().unwrap_or(0);
        self.words_with(
            None,
            "finding_heading",
            &[("n", &n.to_string()), ("title", &finding_title(f))],
        )
    }

    pub(super) fn findings_in_full(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
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
    pub(super) fn refer_to_case_maps(&self, blocks: &mut Vec<Block>) {
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

    pub(super) fn findings_in_brief(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
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

    pub(super) fn findings_table(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
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

    pub(super) fn loops(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
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

    pub(super) fn conclusion(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
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

    pub(super) fn key_messages(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
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
}

/// What a finding asks of the partnership, each under a minor heading:
/// its questions, its recommendations, or both, as the finding chooses.
pub(super) fn questions(
    cx: &Context,
    section: &SectionTemplate,
    f: &Finding,
    out: &mut Vec<Block>,
) {
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
