//! Feedback loops: every elementary cycle of a review's causal links,
//! classified as reinforcing (an even number of O links) or balancing (odd).
//!
//! Cycles are enumerated with Johnson's algorithm (1975), written without
//! recursion so that long loops cannot overflow the stack, and streamed: a
//! caller can count millions of loops without storing any, keep only the
//! first N in a deterministic order (shortest first, then by variable names),
//! report progress and cancel.

use std::cmp::Ordering as CmpOrdering;
use std::collections::{BinaryHeap, HashMap};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;

use crate::model::{Id, LinkKind, Polarity, Review};

mod count;

/// Reinforcing or balancing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoopKind {
    /// An even number of O links: changes snowball.
    Reinforcing,
    /// An odd number of O links: changes are checked.
    Balancing,
}

impl LoopKind {
    /// "R" or "B".
    pub fn letter(self) -> &'static str {
        match self {
            LoopKind::Reinforcing => "R",
            LoopKind::Balancing => "B",
        }
    }
}

/// One causal link as the loop engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopLink {
    /// The link's id.
    pub link: Id,
    /// True for an O (opposite) link.
    pub opposite: bool,
    /// True when the link carries a delay.
    pub delay: bool,
}

/// The causal links of a review as a directed graph, with nodes numbered in
/// order of their names so that index order is name order.
#[derive(Debug, Clone, PartialEq)]
pub struct CausalGraph {
    ids: Vec<Id>,
    names: Vec<String>,
    /// For each node: the nodes it has causal links to, each with the
    /// index of its group of (parallel) links in `groups`.
    successors: Vec<Vec<(usize, usize)>>,
    /// The links joining one ordered pair of nodes.
    groups: Vec<Vec<LoopLink>>,
    /// For each node, the group of its links to itself, if any.
    self_loops: Vec<Option<usize>>,
}

/// A feedback loop found in a review.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackLoop {
    /// The records of the loop in loop order, starting at the one whose name
    /// sorts first.
    pub nodes: Vec<Id>,
    /// The causal links of the loop: `links[i]` goes from `nodes[i]` to the next.
    pub links: Vec<Id>,
    /// Reinforcing or balancing.
    pub kind: LoopKind,
    /// True when any link of the loop carries a delay.
    pub delayed: bool,
}

impl FeedbackLoop {
    /// The number of links (and of records) in the loop.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true: a loop has at least one link.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// How many loops of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoopCounts {
    /// All loops.
    pub total: u64,
    /// Reinforcing loops.
    pub reinforcing: u64,
    /// Balancing loops.
    pub balancing: u64,
}

impl LoopCounts {
    /// Counts one more loop of `kind`.
    pub fn add(&mut self, kind: LoopKind) {
        self.total += 1;
        match kind {
            LoopKind::Reinforcing => self.reinforcing += 1,
            LoopKind::Balancing => self.balancing += 1,
        }
    }
}

/// Loops listed up to a bound.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopList {
    /// The loops kept, shortest first, then by the names of their records.
    pub loops: Vec<FeedbackLoop>,
    /// Counts over every loop found, kept or not.
    pub counts: LoopCounts,
    /// True when more loops exist than were kept.
    pub truncated: bool,
    /// True when the enumeration was cancelled before it finished.
    pub cancelled: bool,
    /// False when there were more loops than [`LOOP_BUDGET`]: the counts
    /// are then of the loops found before the search stopped ("more
    /// than"), and the loops kept are the shortest found by a search in
    /// order of length.
    pub complete: bool,
}

/// The most loops one search goes through before it stops counting: a
/// dense diagram (a complete graph of 40 variables has more loops than
/// could ever be listed) is never searched to the end. A causal loop
/// diagram a review draws has far fewer.
pub const LOOP_BUDGET: u64 = 2_000_000;

/// The most steps the search for the shortest loops, length by length,
/// takes when the loops are too many to go through.
const SHORTEST_STEP_BUDGET: u64 = 50_000_000;

/// Cancellation and progress shared with another thread (the GUI).
#[derive(Debug, Default)]
pub struct Progress {
    /// Set to stop the enumeration at the next check.
    pub cancel: AtomicBool,
    /// Loops found so far.
    pub found: AtomicU64,
}

impl CausalGraph {
    /// The graph of a review's causal links.
    pub fn from_review(review: &Review) -> CausalGraph {
        let mut members: Vec<(String, Id)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for link in &review.links {
            if let LinkKind::Causal { .. } = link.kind {
                for id in [&link.from, &link.to] {
                    if seen.insert(id.clone()) {
                        members.push((review.title_of(id), id.clone()));
                    }
                }
            }
        }
        members.sort();
        let index: HashMap<&Id, usize> = members
            .iter()
            .enumerate()
            .map(|(i, (_, id))| (id, i))
            .collect();
        let mut edges: HashMap<(usize, usize), Vec<LoopLink>> = HashMap::new();
        for link in &review.links {
            if let LinkKind::Causal { polarity, delay } = link.kind {
                let key = (index[&link.from], index[&link.to]);
                edges.entry(key).or_default().push(LoopLink {
                    link: link.id.clone(),
                    opposite: polarity == Polarity::Opposite,
                    delay,
                });
            }
        }
        let mut pairs: Vec<((usize, usize), Vec<LoopLink>)> = edges.into_iter().collect();
        pairs.sort_by_key(|(pair, _)| *pair);
        let mut successors = vec![Vec::new(); members.len()];
        let mut self_loops = vec![None; members.len()];
        let mut groups = Vec::with_capacity(pairs.len());
        for ((from, to), links) in pairs {
            if from == to {
                self_loops[from] = Some(groups.len());
            } else {
                successors[from].push((to, groups.len()));
            }
            groups.push(links);
        }
        let (names, ids) = members.into_iter().unzip();
        CausalGraph {
            ids,
            names,
            successors,
            groups,
            self_loops,
        }
    }

    /// The records joined by causal links, in the graph's order (by name).
    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.ids.iter()
    }

    /// The number of records joined by causal links.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// Calls `visit` with every elementary cycle of distinct nodes (as node
    /// indices in loop order) and the link groups of its steps (`groups[i]`
    /// leads from `nodes[i]` to the next node). Parallel links between the
    /// same two nodes are not expanded here. Returns `Break` when `visit` or
    /// `progress` stopped it.
    fn for_each_node_cycle(
        &self,
        progress: Option<&Progress>,
        mut visit: impl FnMut(&[usize], &[usize]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let n = self.ids.len();
        // Self-loops first; they take no part in the search below.
        for v in 0..n {
            if let Some(group) = self.self_loops[v] {
                visit(&[v], &[group])?;
            }
        }
        let mut blocked = vec![false; n];
        let mut block_map: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut closed = vec![false; n];
        let mut in_component = vec![false; n];
        let mut steps: u64 = 0;
        // Johnson: for each start node s in turn, the strongly connected
        // component containing s within the nodes s..n gives the cycles
        // whose smallest node is s.
        for start in 0..n {
            let component = self.component_of(start, start);
            if component.len() < 2 {
                continue;
            }
            for &v in &component {
                in_component[v] = true;
                blocked[v] = false;
                closed[v] = false;
                block_map[v].clear();
            }
            let mut path = vec![start];
            let mut path_groups: Vec<usize> = Vec::new();
            blocked[start] = true;
            // Each frame: a node and how far through its successors we are.
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            let mut outcome = ControlFlow::Continue(());
            while let Some(&mut (node, ref mut position)) = stack.last_mut() {
                steps += 1;
                if steps & 0xFFF == 0
                    && let Some(p) = progress
                    && p.cancel.load(Ordering::Relaxed)
                {
                    outcome = ControlFlow::Break(());
                    break;
                }
                let successors = &self.successors[node];
                let next = successors[*position..]
                    .iter()
                    .position(|&(w, _)| in_component[w])
                    .map(|offset| *position + offset);
                if let Some(at) = next {
                    *position = at + 1;
                    let (w, group) = successors[at];
                    if w == start {
                        path_groups.push(group);
                        let stop = visit(&path, &path_groups).is_break();
                        path_groups.pop();
                        if stop {
                            outcome = ControlFlow::Break(());
                            break;
                        }
                        for &p in &path {
                            closed[p] = true;
                        }
                    } else if !blocked[w] {
                        path.push(w);
                        path_groups.push(group);
                        closed[w] = false;
                        blocked[w] = true;
                        stack.push((w, 0));
                    }
                    continue;
                }
                // Every successor of `node` has been tried.
                if closed[node] {
                    // Unblock node and, transitively, what waits on it.
                    let mut pending = vec![node];
                    while let Some(u) = pending.pop() {
                        if blocked[u] {
                            blocked[u] = false;
                            pending.append(&mut block_map[u]);
                        }
                    }
                } else {
                    for &(w, _) in &self.successors[node] {
                        if in_component[w] && !block_map[w].contains(&node) {
                            block_map[w].push(node);
                        }
                    }
                }
                stack.pop();
                path.pop();
                path_groups.pop();
            }
            for &v in &component {
                in_component[v] = false;
            }
            outcome?;
        }
        ControlFlow::Continue(())
    }

    /// The strongly connected component containing `node` among nodes
    /// numbered `from` or more.
    fn component_of(&self, node: usize, from: usize) -> Vec<usize> {
        let n = self.ids.len();
        let mut graph: DiGraph<usize, ()> = DiGraph::with_capacity(n - from, 0);
        let nodes: Vec<_> = (from..n).map(|v| graph.add_node(v)).collect();
        for v in from..n {
            for &(w, _) in &self.successors[v] {
                if w >= from {
                    graph.add_edge(nodes[v - from], nodes[w - from], ());
                }
            }
        }
        tarjan_scc(&graph)
            .into_iter()
            .find(|c| c.iter().any(|&i| graph[i] == node))
            .map(|c| c.into_iter().map(|i| graph[i]).collect())
            .unwrap_or_default()
    }

    /// Calls `visit` with every loop: each node cycle expanded over parallel
    /// links, with its kind and delay. Stops when `visit` breaks or the
    /// progress is cancelled; returns `Break` then.
    pub fn for_each_loop(
        &self,
        progress: Option<&Progress>,
        mut visit: impl FnMut(&[usize], &[&LoopLink], LoopKind, bool) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut scratch = Expansion::default();
        let mut found: u64 = 0;
        self.for_each_node_cycle(progress, |cycle, cycle_groups| {
            self.expand(
                cycle,
                cycle_groups,
                &mut scratch,
                |nodes, links, kind, delayed| {
                    visit(nodes, links, kind, delayed)?;
                    found += 1;
                    if found & 0x3FF == 0
                        && let Some(p) = progress
                    {
                        p.found.store(found, Ordering::Relaxed);
                        if p.cancel.load(Ordering::Relaxed) {
                            return ControlFlow::Break(());
                        }
                    }
                    ControlFlow::Continue(())
                },
            )
        })
        .map_break(|b| {
            if let Some(p) = progress {
                p.found.store(found, Ordering::Relaxed);
            }
            b
        })
    }

    /// Calls `visit` with each loop a node cycle makes: one for each choice
    /// of the parallel links of its steps, with its kind and delay.
    fn expand<'g>(
        &'g self,
        cycle: &[usize],
        cycle_groups: &[usize],
        scratch: &mut Expansion<'g>,
        mut visit: impl FnMut(&[usize], &[&LoopLink], LoopKind, bool) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let Expansion {
            chosen,
            choice,
            groups,
        } = scratch;
        groups.clear();
        groups.extend(cycle_groups.iter().map(|&g| &self.groups[g]));
        // Odometer over the parallel links of each step.
        choice.clear();
        choice.resize(cycle.len(), 0);
        loop {
            chosen.clear();
            chosen.extend(groups.iter().zip(choice.iter()).map(|(g, &c)| &g[c]));
            let opposite = chosen.iter().filter(|e| e.opposite).count();
            let kind = if opposite.is_multiple_of(2) {
                LoopKind::Reinforcing
            } else {
                LoopKind::Balancing
            };
            let delayed = chosen.iter().any(|e| e.delay);
            visit(cycle, chosen, kind, delayed)?;
            let mut i = 0;
            while i < choice.len() {
                choice[i] += 1;
                if choice[i] < groups[i].len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
            if i == choice.len() {
                return ControlFlow::Continue(());
            }
        }
    }

    /// Calls `visit` with every node cycle of exactly `length` nodes,
    /// smallest node first. Counts its steps in `steps` and stops (`Break`)
    /// past `budget`, or when `visit` breaks.
    fn for_each_node_cycle_of_length(
        &self,
        length: usize,
        steps: &mut u64,
        budget: u64,
        mut visit: impl FnMut(&[usize], &[usize]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if length == 1 {
            for v in 0..self.ids.len() {
                if let Some(group) = self.self_loops[v] {
                    visit(&[v], &[group])?;
                }
            }
            return ControlFlow::Continue(());
        }
        let n = self.ids.len();
        let mut on_path = vec![false; n];
        for start in 0..n {
            let mut path = vec![start];
            let mut path_groups: Vec<usize> = Vec::new();
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            on_path[start] = true;
            while let Some(&mut (node, ref mut position)) = stack.last_mut() {
                *steps += 1;
                if *steps > budget {
                    return ControlFlow::Break(());
                }
                let successors = &self.successors[node];
                if *position < successors.len() {
                    let (w, group) = successors[*position];
                    *position += 1;
                    if path.len() == length {
                        // Only the step back to the start can close it.
                        if w == start {
                            path_groups.push(group);
                            let flow = visit(&path, &path_groups);
                            path_groups.pop();
                            flow?;
                        }
                    } else if w > start && !on_path[w] {
                        on_path[w] = true;
                        path.push(w);
                        path_groups.push(group);
                        stack.push((w, 0));
                    }
                    continue;
                }
                stack.pop();
                if let Some(last) = path.pop() {
                    on_path[last] = false;
                }
                path_groups.pop();
            }
        }
        ControlFlow::Continue(())
    }

    /// The shortest `max` loops, searched length by length (for a graph
    /// with too many loops to go through): every loop shorter than the
    /// longest kept is among them, unless the step budget ran out first.
    fn shortest(&self, max: usize, progress: Option<&Progress>) -> (Vec<Ranked>, bool) {
        let mut kept: BinaryHeap<Ranked> = BinaryHeap::new();
        let mut steps = 0;
        let mut scratch = Expansion::default();
        for length in 1..=self.ids.len() {
            let flow = self.for_each_node_cycle_of_length(
                length,
                &mut steps,
                SHORTEST_STEP_BUDGET,
                |cycle, cycle_groups| {
                    if progress.is_some_and(|p| p.cancel.load(Ordering::Relaxed)) {
                        return ControlFlow::Break(());
                    }
                    self.expand(
                        cycle,
                        cycle_groups,
                        &mut scratch,
                        |cycle, edges, kind, delayed| {
                            keep(&mut kept, Some(max), cycle, edges, kind, delayed);
                            ControlFlow::Continue(())
                        },
                    )
                },
            );
            if flow.is_break() {
                return (kept.into_sorted_vec(), false);
            }
            if kept.len() >= max {
                break;
            }
        }
        (kept.into_sorted_vec(), true)
    }

    /// Counts loops without storing any. `None` when cancelled.
    pub fn count(&self, progress: Option<&Progress>) -> Option<LoopCounts> {
        let mut counts = LoopCounts::default();
        let flow = self.for_each_loop(progress, |_, _, kind, _| {
            counts.add(kind);
            ControlFlow::Continue(())
        });
        flow.is_continue().then_some(counts)
    }

    /// Counts loops up to `budget`: the counts, and true when they are of
    /// every loop (false: there are more than `budget`). `None` when
    /// cancelled.
    pub fn count_within(
        &self,
        budget: u64,
        progress: Option<&Progress>,
    ) -> Option<(LoopCounts, bool)> {
        let mut counts = LoopCounts::default();
        let mut over = false;
        let flow = self.for_each_loop(progress, |_, _, kind, _| {
            if counts.total >= budget {
                over = true;
                return ControlFlow::Break(());
            }
            counts.add(kind);
            ControlFlow::Continue(())
        });
        (flow.is_continue() || over).then_some((counts, !over))
    }

    /// Lists loops, keeping at most `max` (all when `None`), shortest first
    /// and then by the names of their records. A graph with more than
    /// [`LOOP_BUDGET`] loops is not gone through to the end: its counts
    /// say "more than", and the shortest loops are found length by length
    /// (see [`LoopList::complete`]).
    pub fn list(&self, max: Option<usize>, progress: Option<&Progress>) -> LoopList {
        self.list_within(max, LOOP_BUDGET, progress)
    }

    /// [`CausalGraph::list`] with a budget of loops other than
    /// [`LOOP_BUDGET`].
    pub fn list_within(
        &self,
        max: Option<usize>,
        budget: u64,
        progress: Option<&Progress>,
    ) -> LoopList {
        let mut counts = LoopCounts::default();
        let mut kept: BinaryHeap<Ranked> = BinaryHeap::new();
        let mut over = false;
        let flow = self.for_each_loop(progress, |cycle, edges, kind, delayed| {
            if max.is_some() && counts.total >= budget {
                over = true;
                return ControlFlow::Break(());
            }
            counts.add(kind);
            keep(&mut kept, max, cycle, edges, kind, delayed);
            ControlFlow::Continue(())
        });
        let mut cancelled = flow.is_break() && !over;
        let ranked = match (over, max) {
            (true, Some(limit)) => {
                let (shortest, finished) = self.shortest(limit, progress);
                cancelled |=
                    !finished && progress.is_some_and(|p| p.cancel.load(Ordering::Relaxed));
                shortest
            }
            _ => kept.into_sorted_vec(),
        };
        let loops: Vec<FeedbackLoop> = ranked
            .into_iter()
            .map(|r| FeedbackLoop {
                nodes: r.order.iter().map(|&i| self.ids[i].clone()).collect(),
                links: r.links,
                kind: r.kind,
                delayed: r.delayed,
            })
            .collect();
        LoopList {
            truncated: over || counts.total > loops.len() as u64,
            loops,
            counts,
            cancelled,
            complete: !over,
        }
    }

    /// The display name of a record in the graph.
    pub fn name_of(&self, id: &Id) -> Option<&str> {
        self.ids
            .iter()
            .position(|x| x == id)
            .map(|i| self.names[i].as_str())
    }
}

/// Buffers for expanding a node cycle over its parallel links, kept from
/// one cycle to the next.
#[derive(Default)]
struct Expansion<'g> {
    chosen: Vec<&'g LoopLink>,
    choice: Vec<usize>,
    groups: Vec<&'g Vec<LoopLink>>,
}

/// Keeps a loop among the best `max` (every loop when `None`), shortest
/// first then by the names of their records, without allocating for one
/// that cannot make the list.
fn keep(
    kept: &mut BinaryHeap<Ranked>,
    max: Option<usize>,
    cycle: &[usize],
    edges: &[&LoopLink],
    kind: LoopKind,
    delayed: bool,
) {
    // Node indices are in name order, so comparing rotated index
    // sequences compares the loops by name. Cycles start at their
    // smallest index already.
    if let Some(limit) = max
        && (limit == 0
            || kept.len() >= limit
                && kept.peek().is_some_and(|worst| {
                    (cycle.len(), cycle) > (worst.length, worst.order.as_slice())
                }))
    {
        return;
    }
    let candidate = Ranked {
        length: cycle.len(),
        order: cycle.to_vec(),
        links: edges.iter().map(|e| e.link.clone()).collect(),
        kind,
        delayed,
    };
    match max {
        Some(0) => {}
        Some(limit) if kept.len() >= limit => {
            if let Some(worst) = kept.peek()
                && candidate < *worst
            {
                kept.pop();
                kept.push(candidate);
            }
        }
        _ => kept.push(candidate),
    }
}

/// A loop kept for a list: ordered shortest first, then by the names of
/// its records.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ranked {
    length: usize,
    order: Vec<usize>,
    links: Vec<Id>,
    kind: LoopKind,
    delayed: bool,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> CmpOrdering {
        self.length
            .cmp(&other.length)
            .then_with(|| self.order.cmp(&other.order))
            .then_with(|| self.links.cmp(&other.links))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

/// The same loop whatever record it is written from: the rotation that
/// starts at the smallest id.
pub fn canonical_rotation(nodes: &[Id]) -> Vec<Id> {
    let Some(start) = (0..nodes.len()).min_by(|&a, &b| nodes[a].cmp(&nodes[b])) else {
        return Vec::new();
    };
    nodes[start..]
        .iter()
        .chain(&nodes[..start])
        .cloned()
        .collect()
}

/// The name a reviewer gave a detected loop, if a named loop lists the same
/// records in the same cyclic order.
pub fn name_for<'a>(review: &'a Review, found: &FeedbackLoop) -> Option<&'a str> {
    let key = canonical_rotation(&found.nodes);
    review
        .named_loops
        .iter()
        .find(|named| canonical_rotation(&named.variables) == key)
        .map(|named| named.name.as_str())
}

/// Whether a named loop is still a loop of the review's causal links.
#[derive(Debug, Clone, PartialEq)]
pub enum NamedLoopState {
    /// Every step of the loop has a causal link: its kind and delay.
    Intact {
        /// Reinforcing or balancing, from the links found.
        kind: LoopKind,
        /// True when a link of the loop carries a delay.
        delayed: bool,
    },
    /// A step has no causal link any more.
    Broken {
        /// The step's start.
        from: Id,
        /// The step's end.
        to: Id,
    },
    /// The named loop lists no records.
    Empty,
}

/// Checks a named loop against the review's causal links (when two links
/// join the same step, the first in the file counts).
pub fn named_loop_state(review: &Review, named: &crate::model::NamedLoop) -> NamedLoopState {
    let nodes = &named.variables;
    if nodes.is_empty() {
        return NamedLoopState::Empty;
    }
    let (mut opposite, mut delayed) = (0, false);
    for i in 0..nodes.len() {
        let (from, to) = (&nodes[i], &nodes[(i + 1) % nodes.len()]);
        let step = review.links.iter().find_map(|l| match l.kind {
            LinkKind::Causal { polarity, delay } if &l.from == from && &l.to == to => {
                Some((polarity, delay))
            }
            _ => None,
        });
        match step {
            Some((polarity, delay)) => {
                opposite += (polarity == Polarity::Opposite) as usize;
                delayed |= delay;
            }
            None => {
                return NamedLoopState::Broken {
                    from: from.clone(),
                    to: to.clone(),
                };
            }
        }
    }
    let kind = if opposite.is_multiple_of(2) {
        LoopKind::Reinforcing
    } else {
        LoopKind::Balancing
    };
    NamedLoopState::Intact { kind, delayed }
}
