//! Ripple effects: everything downstream and upstream of one record along
//! the review's links, and, along causal links, the signed effect on each
//! variable downstream of it ("rises", "falls", or "ambiguous" where paths
//! disagree) when the selected record rises.
//!
//! The sign of a path is the product of its links' polarities (S keeps the
//! direction, O reverses it). A variable's effect comes from every path
//! from the selected record that visits no record twice: if all agree it
//! rises or falls, otherwise it is ambiguous. A path that comes back to the
//! selected record gives its feedback (a loop: falls for balancing, rises
//! for reinforcing). Counting every simple path can take exponential time,
//! so after [`PATH_BUDGET`] steps the remaining effects are taken from all
//! walks instead, which can only add disagreement (more "ambiguous"); the
//! result then says it is not exact.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use crate::model::{Id, LinkKind, Polarity, Review};

/// Steps of the simple-path search before it falls back to walks.
pub const PATH_BUDGET: usize = 200_000;

/// What happens to a variable when the selected record rises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Every causal path makes it rise.
    Rises,
    /// Every causal path makes it fall.
    Falls,
    /// Some paths make it rise and others fall.
    Ambiguous,
}

impl Effect {
    /// "rises", "falls" or "ambiguous".
    pub fn word(self) -> &'static str {
        match self {
            Effect::Rises => "rises",
            Effect::Falls => "falls",
            Effect::Ambiguous => "ambiguous",
        }
    }

    /// A symbol for drawings: ▲, ▼ or ±.
    pub fn symbol(self) -> &'static str {
        match self {
            Effect::Rises => "▲",
            Effect::Falls => "▼",
            Effect::Ambiguous => "±",
        }
    }

    fn from_bits(bits: u8) -> Option<Effect> {
        match bits {
            RISE => Some(Effect::Rises),
            FALL => Some(Effect::Falls),
            0 => None,
            _ => Some(Effect::Ambiguous),
        }
    }
}

const RISE: u8 = 1;
const FALL: u8 = 2;

/// The ripple of one record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ripple {
    /// The selected record.
    pub origin: Id,
    /// Records reached by following links forwards (not the origin).
    pub downstream: HashSet<Id>,
    /// Records reached by following links backwards (not the origin).
    pub upstream: HashSet<Id>,
    /// Links on the way downstream.
    pub downstream_links: HashSet<Id>,
    /// Links on the way upstream.
    pub upstream_links: HashSet<Id>,
    /// The signed effect on each record reached along causal links.
    pub effects: BTreeMap<Id, Effect>,
    /// The effect on the origin itself through feedback loops, if any.
    pub feedback: Option<Effect>,
    /// False when the path budget ran out and walks were used instead.
    pub exact: bool,
}

impl Ripple {
    /// Every record and link the ripple touches, the origin included.
    pub fn all(&self) -> HashSet<Id> {
        let mut all: HashSet<Id> = self
            .downstream
            .iter()
            .chain(&self.upstream)
            .chain(&self.downstream_links)
            .chain(&self.upstream_links)
            .cloned()
            .collect();
        all.insert(self.origin.clone());
        all
    }

    /// The records with an effect, grouped: (rises, falls, ambiguous).
    pub fn grouped(&self) -> (Vec<&Id>, Vec<&Id>, Vec<&Id>) {
        let pick = |e: Effect| {
            self.effects
                .iter()
                .filter(|(_, x)| **x == e)
                .map(|(id, _)| id)
                .collect()
        };
        (
            pick(Effect::Rises),
            pick(Effect::Falls),
            pick(Effect::Ambiguous),
        )
    }
}

/// The ripple of `origin` through the review's links.
pub fn ripple(review: &Review, origin: &Id) -> Ripple {
    ripple_with_budget(review, origin, PATH_BUDGET)
}

fn ripple_with_budget(review: &Review, origin: &Id, budget: usize) -> Ripple {
    let mut out = Ripple {
        origin: origin.clone(),
        exact: true,
        ..Default::default()
    };
    // Reachability along every kind of link, both ways.
    let mut forward: HashMap<&Id, Vec<(&Id, &Id)>> = HashMap::new();
    let mut backward: HashMap<&Id, Vec<(&Id, &Id)>> = HashMap::new();
    for l in &review.links {
        forward.entry(&l.from).or_default().push((&l.to, &l.id));
        backward.entry(&l.to).or_default().push((&l.from, &l.id));
    }
    let reach = |edges: &HashMap<&Id, Vec<(&Id, &Id)>>| {
        let mut nodes: HashSet<Id> = HashSet::new();
        let mut links: HashSet<Id> = HashSet::new();
        let mut queue = VecDeque::from([origin]);
        let mut seen: HashSet<&Id> = HashSet::from([origin]);
        while let Some(at) = queue.pop_front() {
            for &(next, link) in edges.get(at).into_iter().flatten() {
                links.insert(link.clone());
                if seen.insert(next) {
                    nodes.insert(next.clone());
                    queue.push_back(next);
                }
            }
        }
        nodes.remove(origin);
        (nodes, links)
    };
    (out.downstream, out.downstream_links) = reach(&forward);
    (out.upstream, out.upstream_links) = reach(&backward);

    // Signed effects along causal links.
    let mut index: HashMap<&Id, usize> = HashMap::new();
    let mut ids: Vec<&Id> = Vec::new();
    let mut succ: Vec<Vec<(usize, bool)>> = Vec::new();
    for l in &review.links {
        let LinkKind::Causal { polarity, .. } = l.kind else {
            continue;
        };
        for id in [&l.from, &l.to] {
            if !index.contains_key(id) {
                index.insert(id, ids.len());
                ids.push(id);
                succ.push(Vec::new());
            }
        }
        succ[index[&l.from]].push((index[&l.to], polarity == Polarity::Opposite));
    }
    let Some(&start) = index.get(origin) else {
        return out;
    };
    let n = ids.len();
    let mut signs = vec![0u8; n];
    let mut feedback = 0u8;
    let exact = simple_paths(&succ, start, budget, &mut signs, &mut feedback);
    if !exact {
        out.exact = false;
        signs.iter_mut().for_each(|s| *s = 0);
        feedback = walks(&succ, start, &mut signs);
    }
    for (i, bits) in signs.iter().enumerate() {
        if i != start
            && let Some(effect) = Effect::from_bits(*bits)
        {
            out.effects.insert(ids[i].clone(), effect);
        }
    }
    out.feedback = Effect::from_bits(feedback);
    out
}

/// Marks the sign of every simple path from `start` on the nodes it
/// reaches; returns false when the budget ran out first.
fn simple_paths(
    succ: &[Vec<(usize, bool)>],
    start: usize,
    budget: usize,
    signs: &mut [u8],
    feedback: &mut u8,
) -> bool {
    let mut on_path = vec![false; succ.len()];
    on_path[start] = true;
    // (node, sign of the path to it: true when it falls, next edge to try)
    let mut stack: Vec<(usize, bool, usize)> = vec![(start, false, 0)];
    let mut steps = 0usize;
    while let Some(top) = stack.last_mut() {
        let (node, falls, edge) = *top;
        if edge >= succ[node].len() {
            on_path[node] = false;
            stack.pop();
            continue;
        }
        top.2 += 1;
        steps += 1;
        if steps > budget {
            return false;
        }
        let (next, opposite) = succ[node][edge];
        let sign = falls ^ opposite;
        let bit = if sign { FALL } else { RISE };
        if next == start {
            *feedback |= bit;
            continue;
        }
        if on_path[next] {
            continue;
        }
        signs[next] |= bit;
        on_path[next] = true;
        stack.push((next, sign, 0));
    }
    true
}

/// Marks the signs of every walk from `start` (a superset of the simple
/// paths' signs); returns the signs that come back to `start`.
fn walks(succ: &[Vec<(usize, bool)>], start: usize, signs: &mut [u8]) -> u8 {
    let mut queue = VecDeque::from([(start, false)]);
    let mut seen = vec![0u8; succ.len()];
    seen[start] = RISE;
    let mut feedback = 0u8;
    while let Some((node, falls)) = queue.pop_front() {
        for &(next, opposite) in &succ[node] {
            let sign = falls ^ opposite;
            let bit = if sign { FALL } else { RISE };
            if next == start {
                feedback |= bit;
            } else {
                signs[next] |= bit;
            }
            if seen[next] & bit == 0 {
                seen[next] |= bit;
                queue.push_back((next, sign));
            }
        }
    }
    feedback
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Variable};

    fn causal(review: &mut Review, from: &str, to: &str, polarity: Polarity) {
        let id = review.next_id(crate::model::RecordKind::Link);
        review.links.push(Link {
            id,
            from: Id::from(from),
            to: Id::from(to),
            kind: LinkKind::Causal {
                polarity,
                delay: false,
            },
            note: String::new(),
        });
    }

    /// A rises; B follows it (S), D opposes it (O); C follows B (S) and
    /// follows D (S), so the two paths to C disagree; E drives A.
    fn small_graph() -> Review {
        let mut review = Review::new("ripple");
        for v in ["A", "B", "C", "D", "E", "F"] {
            review.variables.push(Variable {
                id: Id::from(v),
                name: format!("Variable {v}"),
                ..Default::default()
            });
        }
        causal(&mut review, "A", "B", Polarity::Same);
        causal(&mut review, "B", "C", Polarity::Same);
        causal(&mut review, "A", "D", Polarity::Opposite);
        causal(&mut review, "D", "C", Polarity::Same);
        causal(&mut review, "E", "A", Polarity::Same);
        causal(&mut review, "C", "F", Polarity::Opposite);
        review
    }

    fn ids(list: &[&str]) -> HashSet<Id> {
        list.iter().map(|s| Id::from(*s)).collect()
    }

    #[test]
    fn effects_follow_the_product_of_polarities_and_disagreement_is_ambiguous() {
        let review = small_graph();
        let r = ripple(&review, &Id::from("A"));
        assert!(r.exact);
        assert_eq!(r.downstream, ids(&["B", "C", "D", "F"]));
        assert_eq!(r.upstream, ids(&["E"]));
        assert_eq!(r.upstream_links, ids(&["K5"]));
        assert_eq!(r.downstream_links, ids(&["K1", "K2", "K3", "K4", "K6"]));
        let e = |id: &str| r.effects.get(&Id::from(id)).copied();
        assert_eq!(e("B"), Some(Effect::Rises));
        assert_eq!(e("D"), Some(Effect::Falls));
        assert_eq!(e("C"), Some(Effect::Ambiguous));
        // Downstream of an ambiguous variable everything is ambiguous.
        assert_eq!(e("F"), Some(Effect::Ambiguous));
        assert_eq!(e("E"), None, "upstream records have no effect");
        assert_eq!(r.feedback, None);
        // From B only one path reaches C and F.
        let r = ripple(&review, &Id::from("B"));
        assert_eq!(r.effects.get(&Id::from("C")), Some(&Effect::Rises));
        assert_eq!(r.effects.get(&Id::from("F")), Some(&Effect::Falls));
        assert_eq!(r.upstream, ids(&["A", "E"]));
    }

    #[test]
    fn a_loop_feeds_back_on_the_origin_without_making_its_members_ambiguous() {
        // The Munro compliance loop B1: enforcement (V3) reduces scope for
        // judgment (V4, O), less scope raises compliance (V5, O), and more
        // compliance reduces enforcement (O): balancing.
        let review = crate::examples::munro_appendix2();
        let r = ripple(&review, &Id::from("V3"));
        assert!(r.exact);
        let e = |id: &str| r.effects.get(&Id::from(id)).copied();
        assert_eq!(e("V4"), Some(Effect::Falls));
        // V5 is reached by V4 (O) and so rises… but also through the double
        // loop back round to V3: only simple paths count, so it rises.
        assert_eq!(e("V5"), Some(Effect::Rises));
        assert_eq!(e("V6"), Some(Effect::Falls), "satisfaction falls");
        assert_eq!(e("V7"), Some(Effect::Rises), "turnover rises");
        assert_eq!(e("V8"), Some(Effect::Falls), "experience falls");
        assert_eq!(e("V9"), Some(Effect::Falls), "status falls");
        assert_eq!(
            r.feedback,
            Some(Effect::Ambiguous),
            "B1 and B2 balance, R1 reinforces"
        );
    }

    #[test]
    fn non_causal_links_ripple_without_signs() {
        let review = crate::examples::worked_case();
        let factor = review
            .links
            .iter()
            .find(|l| l.kind == LinkKind::ContributedTo)
            .map(|l| l.from.clone())
            .unwrap();
        let r = ripple(&review, &factor);
        assert!(!r.downstream.is_empty());
        for id in &r.downstream {
            if review.kind_of(id) == Some(crate::model::RecordKind::Episode) {
                assert!(!r.effects.contains_key(id));
            }
        }
        let missing = ripple(&review, &Id::from("nothing"));
        assert!(missing.downstream.is_empty() && missing.effects.is_empty());
    }

    #[test]
    fn when_the_budget_runs_out_walks_give_a_superset_of_signs() {
        let review = small_graph();
        let r = ripple_with_budget(&review, &Id::from("A"), 2);
        assert!(!r.exact);
        let exact = ripple(&review, &Id::from("A"));
        for (id, effect) in &exact.effects {
            let approx = r.effects[id];
            assert!(approx == *effect || approx == Effect::Ambiguous, "{id}");
        }
    }
}
