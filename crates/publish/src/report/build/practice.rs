//! The sections on practice: the child's journey through the services and
//! the key practice episodes, each with its contributing factors and the
//! latent conditions under them.

use super::*;

impl Context<'_> {
    pub(super) fn journey(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
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

    pub(super) fn factors_of(
        &self,
        episode: &Id,
    ) -> Vec<&foresight_core::model::ContributingFactor> {
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

    pub(super) fn conditions_under(
        &self,
        factor: &Id,
    ) -> Vec<&foresight_core::model::LatentCondition> {
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

    pub(super) fn episodes(&self, section: &SectionTemplate, out: &mut Vec<Block>) {
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
}
