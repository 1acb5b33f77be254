//! Tests of the loop engine: the Munro example, textbook archetypes, and
//! random graphs against a brute-force enumerator.

use proptest::prelude::*;

use super::loops::*;
use crate::model::*;

/// A review whose causal links are given as (from, to, "S"|"O", delay).
fn review_of(links: &[(&str, &str, &str, bool)]) -> Review {
    let mut review = Review::new("test");
    for (from, to, _, _) in links {
        for name in [from, to] {
            if !review.variables.iter().any(|v| v.name == *name) {
                let id = review.next_id(RecordKind::Variable);
                review.variables.push(Variable {
                    id,
                    name: name.to_string(),
                    ..Default::default()
                });
            }
        }
    }
    let id_of = |review: &Review, name: &str| {
        review
            .variables
            .iter()
            .find(|v| v.name == name)
            .unwrap()
            .id
            .clone()
    };
    for (i, (from, to, polarity, delay)) in links.iter().enumerate() {
        let polarity = if *polarity == "O" {
            Polarity::Opposite
        } else {
            Polarity::Same
        };
        let link = Link {
            id: Id::from(format!("K{}", i + 1)),
            from: id_of(&review, from),
            to: id_of(&review, to),
            kind: LinkKind::Causal {
                polarity,
                delay: *delay,
            },
            note: String::new(),
        };
        review.links.push(link);
    }
    review
}

/// Each loop as (kind letter, names in loop order).
fn described(review: &Review) -> Vec<(String, Vec<String>)> {
    let graph = CausalGraph::from_review(review);
    graph
        .list(None, None)
        .loops
        .iter()
        .map(|l| {
            (
                l.kind.letter().to_string(),
                l.nodes.iter().map(|id| review.title_of(id)).collect(),
            )
        })
        .collect()
}

#[test]
fn munro_appendix_2_has_exactly_its_three_loops() {
    let review = crate::examples::munro_appendix2();
    let graph = CausalGraph::from_review(&review);
    let list = graph.list(None, None);
    assert_eq!(
        list.counts,
        LoopCounts {
            total: 3,
            reinforcing: 1,
            balancing: 2
        }
    );
    assert!(!list.truncated && !list.cancelled);
    let summary: Vec<(&str, usize, Option<&str>)> = list
        .loops
        .iter()
        .map(|l| (l.kind.letter(), l.len(), name_for(&review, l)))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("B", 3, Some("Comply!")),
            ("B", 7, Some("But it's going wrong!")),
            ("R", 8, Some("Addiction to prescription")),
        ]
    );
    // Loops start at the record whose name sorts first.
    assert_eq!(
        review.title_of(&list.loops[0].nodes[0]),
        "Compliance Enforcement"
    );
    assert!(list.loops.iter().all(|l| !l.delayed));
}

#[test]
fn fixes_that_fail() {
    let review = review_of(&[
        ("Problem Symptom", "Fix", "S", false),
        ("Fix", "Problem Symptom", "O", false),
        ("Fix", "Unintended Consequence", "S", false),
        ("Unintended Consequence", "Problem Symptom", "S", true),
    ]);
    assert_eq!(
        described(&review),
        vec![
            ("B".into(), vec!["Fix".into(), "Problem Symptom".into()]),
            (
                "R".into(),
                vec![
                    "Fix".into(),
                    "Unintended Consequence".into(),
                    "Problem Symptom".into()
                ]
            ),
        ]
    );
    let list = CausalGraph::from_review(&review).list(None, None);
    assert_eq!(
        list.loops.iter().map(|l| l.delayed).collect::<Vec<_>>(),
        vec![false, true]
    );
}

#[test]
fn shifting_the_burden() {
    let review = review_of(&[
        ("Problem Symptom", "Symptomatic Solution", "S", false),
        ("Symptomatic Solution", "Problem Symptom", "O", false),
        ("Problem Symptom", "Fundamental Solution", "S", false),
        ("Fundamental Solution", "Problem Symptom", "O", true),
        ("Symptomatic Solution", "Side Effect", "S", false),
        ("Side Effect", "Fundamental Solution", "O", true),
    ]);
    let loops = described(&review);
    let kinds: Vec<&str> = loops.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, vec!["B", "B", "R"]);
    assert_eq!(
        loops[2].1,
        vec![
            "Fundamental Solution",
            "Problem Symptom",
            "Symptomatic Solution",
            "Side Effect"
        ]
    );
}

#[test]
fn limits_to_growth() {
    let review = review_of(&[
        ("Growing Action", "Performance", "S", false),
        ("Performance", "Growing Action", "S", false),
        ("Performance", "Slowing Action", "S", false),
        ("Slowing Action", "Performance", "O", false),
        ("Limiting Condition", "Slowing Action", "S", false),
    ]);
    assert_eq!(
        described(&review),
        vec![
            (
                "R".into(),
                vec!["Growing Action".into(), "Performance".into()]
            ),
            (
                "B".into(),
                vec!["Performance".into(), "Slowing Action".into()]
            ),
        ]
    );
}

#[test]
fn self_loops_and_parallel_links_are_loops_of_their_own() {
    let review = review_of(&[
        ("A", "A", "O", false),
        ("A", "B", "S", false),
        ("A", "B", "O", false),
        ("B", "A", "S", false),
    ]);
    let list = CausalGraph::from_review(&review).list(None, None);
    assert_eq!(
        list.counts,
        LoopCounts {
            total: 3,
            reinforcing: 1,
            balancing: 2
        }
    );
    assert_eq!(list.loops[0].len(), 1);
}

#[test]
fn a_bound_keeps_the_shortest_and_says_it_truncated() {
    let review = crate::examples::munro_appendix2();
    let graph = CausalGraph::from_review(&review);
    let list = graph.list(Some(2), None);
    assert_eq!(list.loops.len(), 2);
    assert!(list.truncated);
    assert_eq!(list.counts.total, 3);
    assert_eq!(
        list.loops.iter().map(|l| l.len()).collect::<Vec<_>>(),
        vec![3, 7]
    );
    assert!(!graph.list(Some(3), None).truncated);
}

#[test]
fn a_cancelled_enumeration_stops_and_says_so() {
    let review = crate::generate::synthetic_review(
        crate::generate::Size {
            variables: 40,
            links_per_variable: 5,
            ..crate::generate::Size::STRESS
        },
        3,
    );
    let graph = CausalGraph::from_review(&review);
    let progress = Progress::default();
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(graph.count(Some(&progress)), None);
    assert!(graph.list(Some(10), Some(&progress)).cancelled);
}

/// Every simple cycle by plain depth-first search: cycles are counted from
/// their smallest node only, each parallel link separately.
fn brute_force(n: usize, links: &[(usize, usize, bool)]) -> (u64, u64) {
    fn walk(
        start: usize,
        at: usize,
        opposite: usize,
        on_path: &mut Vec<bool>,
        links: &[(usize, usize, bool)],
        out: &mut (u64, u64),
    ) {
        for &(from, to, o) in links {
            if from != at {
                continue;
            }
            let opposite = opposite + o as usize;
            if to == start {
                if opposite.is_multiple_of(2) {
                    out.0 += 1
                } else {
                    out.1 += 1
                }
            } else if to > start && !on_path[to] {
                on_path[to] = true;
                walk(start, to, opposite, on_path, links, out);
                on_path[to] = false;
            }
        }
    }
    let mut out = (0, 0);
    for start in 0..n {
        let mut on_path = vec![false; n];
        on_path[start] = true;
        walk(start, start, 0, &mut on_path, links, &mut out);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn johnson_agrees_with_brute_force_on_small_random_graphs(
        n in 1usize..8,
        raw in proptest::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..24),
    ) {
        let links: Vec<(usize, usize, bool)> = raw.into_iter().map(|(a, b, o)| (a % n, b % n, o)).collect();
        let names: Vec<String> = (0..n).map(|i| format!("N{i}")).collect();
        let spec: Vec<(&str, &str, &str, bool)> = links
            .iter()
            .map(|&(a, b, o)| (names[a].as_str(), names[b].as_str(), if o { "O" } else { "S" }, false))
            .collect();
        let review = review_of(&spec);
        let graph = CausalGraph::from_review(&review);
        let (reinforcing, balancing) = brute_force(n, &links);
        let counts = graph.count(None).unwrap();
        prop_assert_eq!(counts, LoopCounts { total: reinforcing + balancing, reinforcing, balancing });
        // The fast count, on one thread and on three, agrees.
        prop_assert_eq!(graph.count_every_on(1, None), Some(counts));
        prop_assert_eq!(graph.count_every_on(3, None), Some(counts));
        let list = graph.list(None, None);
        prop_assert_eq!(list.loops.len() as u64, counts.total);
        // Every listed loop really is a loop of distinct records joined by its links.
        for found in &list.loops {
            let mut distinct = found.nodes.clone();
            distinct.sort();
            distinct.dedup();
            prop_assert_eq!(distinct.len(), found.len());
            for (i, link) in found.links.iter().enumerate() {
                let link = review.links.iter().find(|l| &l.id == link).unwrap();
                prop_assert_eq!(&link.from, &found.nodes[i]);
                prop_assert_eq!(&link.to, &found.nodes[(i + 1) % found.len()]);
            }
        }
        // Sorted shortest first.
        prop_assert!(list.loops.windows(2).all(|w| w[0].len() <= w[1].len()));
    }
}

/// Every link between `n` variables both ways: a complete graph.
fn complete(n: usize) -> Review {
    let names: Vec<String> = (0..n).map(|i| format!("V{i:02}")).collect();
    let spec: Vec<(&str, &str, &str, bool)> = (0..n)
        .flat_map(|a| (0..n).filter(move |&b| b != a).map(move |b| (a, b)))
        .map(|(a, b)| (names[a].as_str(), names[b].as_str(), "S", false))
        .collect();
    review_of(&spec)
}

#[test]
fn a_graph_with_more_loops_than_the_budget_lists_its_shortest_and_says_more_than() {
    // A complete graph of 8 variables has 16,064 loops: 28 of two, 112 of
    // three, 420 of four, 1,344 of five, 3,360 of six, 5,760 of seven and
    // 5,040 of eight.
    let graph = CausalGraph::from_review(&complete(8));
    let all = graph.count(None).unwrap();
    assert_eq!(all.total, 16_064);
    let (counted, complete) = graph.count_within(1_000, None).unwrap();
    assert!(!complete);
    assert_eq!(counted.total, 1_000);
    assert_eq!(graph.count_within(20_000, None).unwrap(), (all, true));

    let bounded = graph.list_within(Some(30), 1_000, None);
    assert!(!bounded.complete && bounded.truncated && !bounded.cancelled);
    assert_eq!(bounded.counts.total, 1_000);
    // The shortest 30, in the same order as a search to the end gives.
    let full = graph.list(Some(30), None);
    assert!(full.complete);
    assert_eq!(bounded.loops, full.loops);
    assert_eq!(bounded.loops.iter().filter(|l| l.len() == 2).count(), 28);
}

#[test]
fn a_complete_graph_of_forty_variables_is_listed_and_counted_within_bounds() {
    // Far more loops than could ever be gone through: the listing stops at
    // the budget, the shortest are found length by length.
    let graph = CausalGraph::from_review(&complete(40));
    let list = graph.list_within(Some(10), 50_000, None);
    assert!(!list.complete);
    assert_eq!(list.loops.len(), 10);
    assert!(list.loops.iter().all(|l| l.len() == 2));
    let (counts, complete) = graph.count_within(50_000, None).unwrap();
    assert!(!complete && counts.total == 50_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The search length by length keeps exactly what a search to the end
    /// keeps.
    #[test]
    fn the_shortest_found_length_by_length_are_the_shortest(
        n in 1usize..8,
        raw in proptest::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..24),
        max in 1usize..12,
    ) {
        let names: Vec<String> = (0..n).map(|i| format!("N{i}")).collect();
        let spec: Vec<(&str, &str, &str, bool)> = raw
            .iter()
            .map(|&(a, b, o)| (names[a % n].as_str(), names[b % n].as_str(), if o { "O" } else { "S" }, false))
            .collect();
        let graph = CausalGraph::from_review(&review_of(&spec));
        let full = graph.list(Some(max), None);
        let bounded = graph.list_within(Some(max), 1, None);
        if full.counts.total > 1 {
            prop_assert!(!bounded.complete);
        }
        prop_assert_eq!(bounded.loops, full.loops);
    }
}

/// The number of elementary cycles of the complete digraph on `n` nodes:
/// the sum over k of C(n, k)·(k−1)!.
fn complete_cycles(n: u64) -> u64 {
    let mut total = 0;
    for k in 2..=n {
        let choose = (0..k).fold(1u64, |c, i| c * (n - i) / (i + 1));
        let arrangements: u64 = (1..k).product();
        total += choose * arrangements;
    }
    total
}

#[test]
fn the_fast_count_of_a_complete_graph_is_the_formula() {
    for n in [2, 3, 5, 8, 9] {
        let graph = CausalGraph::from_review(&complete(n));
        let counts = graph.count_every(None).unwrap();
        assert_eq!(counts.total, complete_cycles(n as u64), "K{n}");
        // Every link is S: every loop is reinforcing.
        assert_eq!(counts.reinforcing, counts.total);
    }
    assert_eq!(complete_cycles(8), 16_064);
}

#[test]
fn the_fast_count_expands_parallel_links_and_self_loops_into_loops_of_each_kind() {
    // A ⇄ B with two links A→B (one S, one O), one B→A (O), and a self
    // loop on A (O): loops A→B→A twice (S·O balancing, O·O reinforcing)
    // and the self loop (balancing).
    let review = review_of(&[
        ("A", "B", "S", false),
        ("A", "B", "O", false),
        ("B", "A", "O", false),
        ("A", "A", "O", false),
    ]);
    let graph = CausalGraph::from_review(&review);
    let expected = LoopCounts {
        total: 3,
        reinforcing: 1,
        balancing: 2,
    };
    assert_eq!(graph.count(None), Some(expected));
    assert_eq!(graph.count_every(None), Some(expected));
}

#[test]
fn a_cancelled_fast_count_says_so() {
    let graph = CausalGraph::from_review(&complete(12));
    let progress = Progress::default();
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(graph.count_every(Some(&progress)), None);
}
