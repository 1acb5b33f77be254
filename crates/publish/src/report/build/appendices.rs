//! The appendices: the roles of those involved, the table of contributing
//! factors and latent conditions, the diagrams, the summary chronology and
//! the glossary.

use super::*;

impl Context<'_> {
    pub(super) fn roles(&self, section: &SectionTemplate, out: &mut Vec<Block>, n: &mut Counters) {
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
    pub(super) fn factors_in_appendix_order(
        &self,
    ) -> Vec<&foresight_core::model::ContributingFactor> {
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
    pub(super) fn factor_numbers(&self) -> HashMap<&Id, usize> {
        self.factors_in_appendix_order()
            .into_iter()
            .enumerate()
            .map(|(i, f)| (&f.id, i + 1))
            .collect()
    }

    /// Each latent condition's number in Appendix B.
    pub(super) fn condition_numbers(&self) -> HashMap<&Id, usize> {
        self.review
            .conditions
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i + 1))
            .collect()
    }

    pub(super) fn factor_table(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
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
    pub(super) fn episode_number(&self, id: &Id) -> Option<usize> {
        let mut episodes: Vec<&PracticeEpisode> = self.review.episodes.iter().collect();
        episodes.sort_by_key(|e| e.start.or(e.end).map(|d| d.first_day()));
        episodes.iter().position(|e| &e.id == id).map(|i| i + 1)
    }

    pub(super) fn diagrams(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
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

    pub(super) fn chronology(
        &self,
        section: &SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
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
        // In date order, whatever order the agencies' files were imported
        // in; entries of one date keep the order they were recorded in.
        let mut entries: Vec<_> = self.review.chronology.iter().collect();
        entries.sort_by_key(|c| c.date);
        let rows = entries
            .into_iter()
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
pub(super) const SUMMARY_CHARS: usize = 160;

/// The longest agency name in a cell of a table that repeats it on every
/// row (the summary chronology, the roles), in characters: however long a
/// name, each row costs the same.
pub(super) const TABLE_NAME_CHARS: usize = 80;

/// `text` with its whitespace collapsed, cut at a word boundary with an
/// ellipsis when longer than `max` characters. Reads only as far as the
/// cut, so a very long text costs no more than a short one.
pub(super) fn cut_at_word(text: &str, max: usize) -> String {
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

pub(super) fn glossary(section: &SectionTemplate, out: &mut Vec<Block>) {
    for (term, meaning) in &section.terms {
        out.push(Block::Paragraph {
            spans: vec![Span::bold(format!("{term}. ")), Span::plain(meaning.trim())],
            style: ParagraphStyle::Body,
        });
    }
}
