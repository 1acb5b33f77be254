//! Synthetic reviews of any size, for benchmarks and stress tests.
//!
//! The generated review is structurally valid (it passes
//! [`crate::validate::validate`]) and deterministic for a given seed, so a
//! benchmark measures the same work on every run.

use crate::model::*;

/// How big a synthetic review to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// People in the cast.
    pub people: usize,
    /// Agencies.
    pub agencies: usize,
    /// Chronology entries.
    pub entries: usize,
    /// Key practice episodes.
    pub episodes: usize,
    /// Contributing factors.
    pub factors: usize,
    /// Latent conditions.
    pub conditions: usize,
    /// Findings.
    pub findings: usize,
    /// Causal loop variables.
    pub variables: usize,
    /// Causal links leaving each variable.
    pub links_per_variable: usize,
    /// Tell a story a report can be made of: the first person is the
    /// subject child, and some three-variable feedback loops are named and
    /// drawn on a causal loop diagram.
    pub story: bool,
}

impl Size {
    /// A review the size of a large real one: 20,000 chronology entries,
    /// 200 variables with 3 causal links each.
    pub const STRESS: Size = Size {
        people: 120,
        agencies: 15,
        entries: 20_000,
        episodes: 60,
        factors: 300,
        conditions: 60,
        findings: 30,
        variables: 200,
        links_per_variable: 3,
        story: false,
    };

    /// A realistic review of `episodes` key practice episodes, in
    /// proportion to a real one: 60 chronology entries, 4 contributing
    /// factors per episode, a latent condition for every 4 episodes, a
    /// finding for every 7, a cast and agencies, a case map, and named
    /// feedback loops on a causal loop diagram.
    pub fn for_episodes(episodes: usize) -> Size {
        Size {
            people: 20 + episodes / 2,
            agencies: 10,
            entries: 60 * episodes,
            episodes,
            factors: 4 * episodes,
            conditions: (episodes / 4).max(3),
            findings: (episodes / 7).max(3),
            variables: (episodes / 4).clamp(6, 60),
            links_per_variable: 2,
            story: true,
        }
    }
}

const WORDS: &[&str] = &[
    "visit",
    "referral",
    "assessment",
    "strategy",
    "meeting",
    "nursery",
    "attendance",
    "concern",
    "injury",
    "bruise",
    "mother",
    "partner",
    "housing",
    "arrears",
    "school",
    "health",
    "review",
    "plan",
    "core",
    "group",
    "rearranged",
    "appointment",
    "police",
    "incident",
    "domestic",
    "abuse",
    "neglect",
    "weight",
    "development",
    "speech",
    "letter",
    "telephone",
    "discussion",
    "supervision",
    "allocation",
    "closure",
    "step",
    "down",
];

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    let text: Vec<&str> = (0..words)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect();
    let mut out = text.join(" ");
    if let Some(c) = out.get(0..1) {
        out.replace_range(0..1, &c.to_uppercase());
    }
    out.push('.');
    out
}

fn id(prefix: &str, n: usize) -> Id {
    Id::from(format!("{prefix}{}", n + 1))
}

/// Makes a synthetic review of the given size from a seed.
pub fn synthetic_review(size: Size, seed: u64) -> Review {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut review = Review::new(format!("Synthetic review ({} entries)", size.entries));
    review.meta.partnership = "Synthetic Safeguarding Partnership".into();
    review.meta.summary =
        "Generated for benchmarks and stress tests; every name is made up.".into();
    review.meta.worked_example = true;

    review.agencies = (0..size.agencies)
        .map(|i| Agency {
            id: id("A", i),
            name: format!("Agency {}", i + 1),
            generic_name: format!("Agency {}", i + 1),
            ..Default::default()
        })
        .collect();
    review.people = (0..size.people)
        .map(|i| Person {
            id: id("P", i),
            name: format!("Person{} Surname{}", i + 1, i + 1),
            pseudonym: if size.story && i == 0 {
                "Child A".to_string()
            } else {
                format!("Adult {}", i + 1)
            },
            agency: (size.agencies > 0 && i % 3 == 0 && !(size.story && i == 0))
                .then(|| id("A", i % size.agencies)),
            kind: if size.story && i == 0 {
                PersonKind::SubjectChild
            } else if i % 3 == 0 {
                PersonKind::Practitioner
            } else {
                PersonKind::Relative
            },
            ..Default::default()
        })
        .collect();

    let start = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid date");
    review.chronology = (0..size.entries)
        .map(|i| {
            let day = start + chrono::Duration::days((i * 1460 / size.entries.max(1)) as i64);
            let date = ReviewDate {
                value: DateValue::Day(day),
                approximate: false,
            };
            let words = 12 + rng.usize(..20);
            let people = if size.people > 0 {
                vec![id("P", rng.usize(..size.people))]
            } else {
                Vec::new()
            };
            ChronologyEntry {
                id: id("C", i),
                date,
                agency: (size.agencies > 0).then(|| id("A", rng.usize(..size.agencies))),
                author: "Practitioner".into(),
                text: sentence(&mut rng, words),
                people,
                source: None,
            }
        })
        .collect();
    review.episodes = (0..size.episodes)
        .map(|i| {
            let entries = if size.entries > 0 {
                (0..4).map(|_| id("C", rng.usize(..size.entries))).collect()
            } else {
                Vec::new()
            };
            PracticeEpisode {
                id: id("E", i),
                title: format!("Episode {}", i + 1),
                entries,
                what_happened: sentence(&mut rng, 30),
                local_rationality: sentence(&mut rng, 40),
                appraisal: [Appraisal::Good, Appraisal::Mixed, Appraisal::Problematic][i % 3],
                ..Default::default()
            }
        })
        .collect();
    review.factors = (0..size.factors)
        .map(|i| ContributingFactor {
            id: id("F", i),
            statement: sentence(&mut rng, 12),
            level: "frontline".into(),
            category: "conditions-of-work".into(),
            ..Default::default()
        })
        .collect();
    review.conditions = (0..size.conditions)
        .map(|i| LatentCondition {
            id: id("LC", i),
            statement: sentence(&mut rng, 10),
            ..Default::default()
        })
        .collect();
    review.findings = (0..size.findings)
        .map(|i| Finding {
            id: id("FN", i),
            title: format!("Finding {}", i + 1),
            statement: sentence(&mut rng, 25),
            tag: FindingTag::Learning,
            questions: vec![sentence(&mut rng, 12)],
            systemic_evidence: sentence(&mut rng, 20),
            ..Default::default()
        })
        .collect();
    review.variables = (0..size.variables)
        .map(|i| Variable {
            id: id("V", i),
            name: format!("Variable {}", i + 1),
            ..Default::default()
        })
        .collect();

    let mut links = Vec::new();
    let mut push = |from: Id, to: Id, kind: LinkKind| {
        let n = links.len();
        links.push(Link {
            id: id("K", n),
            from,
            to,
            kind,
            note: String::new(),
        });
    };
    for f in 0..size.factors {
        if size.episodes > 0 {
            push(
                id("F", f),
                id("E", f % size.episodes),
                LinkKind::ContributedTo,
            );
        }
        if size.conditions > 0 {
            push(
                id("LC", f % size.conditions),
                id("F", f),
                LinkKind::Underlies,
            );
        }
    }
    for n in 0..size.findings {
        if size.episodes > 0 {
            push(id("E", n % size.episodes), id("FN", n), LinkKind::Evidences);
        }
    }
    if size.variables > 1 {
        let mut seen = std::collections::HashSet::new();
        for v in 0..size.variables {
            for k in 0..size.links_per_variable {
                // One link to the next variable keeps the graph strongly
                // connected; the others go to random variables.
                let to = if k == 0 {
                    (v + 1) % size.variables
                } else {
                    rng.usize(..size.variables)
                };
                if to == v || !seen.insert((v, to)) {
                    continue;
                }
                let polarity = if rng.bool() {
                    Polarity::Same
                } else {
                    Polarity::Opposite
                };
                push(
                    id("V", v),
                    id("V", to),
                    LinkKind::Causal {
                        polarity,
                        delay: rng.u8(..10) == 0,
                    },
                );
            }
        }
    }
    if size.story && size.variables >= 3 {
        // Named three-variable loops, closing each with a link of its own.
        let mut taken: std::collections::HashSet<(Id, Id)> = links
            .iter()
            .map(|l: &Link| (l.from.clone(), l.to.clone()))
            .collect();
        let (mut reinforcing, mut balancing) = (0, 0);
        for j in 0..size.variables / 3 {
            let vars: Vec<Id> = (0..3).map(|k| id("V", 3 * j + k)).collect();
            let mut opposite = 0;
            for k in 0..3 {
                let (from, to) = (vars[k].clone(), vars[(k + 1) % 3].clone());
                if let Some(l) = links.iter().find(|l| l.from == from && l.to == to) {
                    if let LinkKind::Causal {
                        polarity: Polarity::Opposite,
                        ..
                    } = l.kind
                    {
                        opposite += 1;
                    }
                    continue;
                }
                let polarity = if rng.bool() {
                    Polarity::Same
                } else {
                    opposite += 1;
                    Polarity::Opposite
                };
                taken.insert((from.clone(), to.clone()));
                let n = links.len();
                links.push(Link {
                    id: id("K", n),
                    from,
                    to,
                    kind: LinkKind::Causal {
                        polarity,
                        delay: false,
                    },
                    note: String::new(),
                });
            }
            let label = if opposite % 2 == 0 {
                reinforcing += 1;
                format!("R{reinforcing}")
            } else {
                balancing += 1;
                format!("B{balancing}")
            };
            review.named_loops.push(NamedLoop {
                id: id("L", j),
                name: format!("Loop of variables {} to {}", 3 * j + 1, 3 * j + 3),
                label,
                variables: vars,
                narrative: sentence(&mut rng, 30),
                findings: Vec::new(),
            });
        }
    }
    review.links = links;

    let columns = (size.episodes.max(1) as f32).sqrt().ceil() as usize * 2;
    let mut nodes = Vec::new();
    let mut place = |item: Id, row: usize, index: usize| {
        nodes.push(DiagramNode {
            item,
            x: 120.0 + 220.0 * (index % columns) as f32,
            y: 80.0 + 220.0 * (row + 4 * (index / columns)) as f32,
        });
    };
    for i in 0..size.episodes {
        place(id("E", i), 0, i);
    }
    for i in 0..size.factors {
        place(id("F", i), 1, i);
    }
    for i in 0..size.conditions {
        place(id("LC", i), 2, i);
    }
    for i in 0..size.findings {
        place(id("FN", i), 3, i);
    }
    review.diagrams = vec![Diagram {
        id: Id::from("D1"),
        name: "Case map".into(),
        kind: DiagramKind::CaseMap,
        nodes,
        stages: Vec::new(),
    }];
    if size.story && size.variables > 0 {
        // Each named loop's three variables in a triangle, triangles in rows.
        let nodes = (0..size.variables)
            .map(|i| {
                let (group, k) = (i / 3, i % 3);
                let (gx, gy) = ((group % 4) as f32 * 700.0, (group / 4) as f32 * 520.0);
                let (dx, dy) = [(250.0, 0.0), (500.0, 330.0), (0.0, 330.0)][k];
                DiagramNode {
                    item: id("V", i),
                    x: 120.0 + gx + dx,
                    y: 80.0 + gy + dy,
                }
            })
            .collect();
        review.diagrams.push(Diagram {
            id: Id::from("D2"),
            name: "Feedback loops".into(),
            kind: DiagramKind::CausalLoop,
            nodes,
            stages: Vec::new(),
        });
    }
    review
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_of_n_episodes_tells_a_story_a_report_can_be_made_of() {
        let review = synthetic_review(Size::for_episodes(20), 3);
        assert_eq!(review.episodes.len(), 20);
        assert_eq!(review.chronology.len(), 1200);
        assert_eq!(review.people[0].kind, PersonKind::SubjectChild);
        assert_eq!(review.named_loops.len(), 2);
        for named in &review.named_loops {
            assert!(matches!(
                crate::analysis::loops::named_loop_state(&review, named),
                crate::analysis::loops::NamedLoopState::Intact { .. }
            ));
        }
        assert_eq!(review.diagrams.len(), 2);
        let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );
    }

    #[test]
    fn a_small_synthetic_review_is_valid_and_deterministic() {
        let size = Size {
            entries: 500,
            variables: 30,
            ..Size::STRESS
        };
        let review = synthetic_review(size, 7);
        assert_eq!(review.chronology.len(), 500);
        assert_eq!(review, synthetic_review(size, 7));
        let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );
    }
}
