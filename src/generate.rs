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
    };
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
    "missed",
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
    Id(format!("{prefix}{}", n + 1))
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
            pseudonym: format!("Adult {}", i + 1),
            agency: (size.agencies > 0 && i % 3 == 0).then(|| id("A", i % size.agencies)),
            kind: if i % 3 == 0 {
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
    review
}

#[cfg(test)]
mod tests {
    use super::*;

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
