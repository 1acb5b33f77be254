//! Counting every loop, however many, at the speed of the machine.
//!
//! Counting needs no loop's records, only how many loops there are of each
//! kind, so it runs Johnson's algorithm in its leanest form:
//!
//! - the nodes blocked and each node's waiting list are bit sets;
//! - parallel links are not expanded one by one: each step of the path
//!   carries how many ways there are to reach it with an even and with an
//!   odd number of O links, and a closing step adds both at once;
//! - the search from each start node is split at its first step, and these
//!   branches are shared out between the machine's cores. A branch starts
//!   with nothing blocked, which only forgoes some pruning another branch
//!   learnt: it finds the same loops. The counts are sums, so they are the
//!   same whatever the order in which the branches finish.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{CausalGraph, LoopCounts, Progress};

/// A set of node indices, one bit each.
#[derive(Debug, Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64).max(1)])
    }
    fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn unset(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    fn clear(&mut self) {
        self.0.iter_mut().for_each(|w| *w = 0);
    }
    /// Takes every member out, calling `f` with each.
    fn drain(&mut self, mut f: impl FnMut(usize)) {
        for (at, word) in self.0.iter_mut().enumerate() {
            while *word != 0 {
                let bit = word.trailing_zeros() as usize;
                *word &= *word - 1;
                f(at * 64 + bit);
            }
        }
    }
}

/// Ways to reach a node along the path: with an even and with an odd
/// number of O links.
#[derive(Debug, Clone, Copy)]
struct Ways {
    even: u64,
    odd: u64,
}

impl Ways {
    /// The ways after one more step whose parallel links are `same` S links
    /// and `opposite` O links.
    fn then(self, (same, opposite): (u64, u64)) -> Ways {
        Ways {
            even: self.even * same + self.odd * opposite,
            odd: self.even * opposite + self.odd * same,
        }
    }
}

/// One node of the path being searched.
#[derive(Debug, Clone, Copy)]
struct Frame {
    node: usize,
    /// How far through its successors the search is.
    next: usize,
    /// True once a loop was closed through it.
    found: bool,
    ways: Ways,
}

/// One thread's working memory.
struct Search {
    blocked: Bits,
    waiting: Vec<Bits>,
    stack: Vec<Frame>,
    pending: Vec<usize>,
    steps: u64,
}

impl CausalGraph {
    /// Counts every loop, however many, on all of the machine's cores.
    /// `None` when cancelled. The counts are those of [`CausalGraph::count`].
    pub fn count_every(&self, progress: Option<&Progress>) -> Option<LoopCounts> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.count_every_on(threads, progress)
    }

    /// [`CausalGraph::count_every`] on `threads` threads.
    pub fn count_every_on(
        &self,
        threads: usize,
        progress: Option<&Progress>,
    ) -> Option<LoopCounts> {
        let n = self.ids.len();
        // Each group of parallel links as (S links, O links).
        let weights: Vec<(u64, u64)> = self
            .groups
            .iter()
            .map(|links| {
                let opposite = links.iter().filter(|l| l.opposite).count() as u64;
                (links.len() as u64 - opposite, opposite)
            })
            .collect();
        let mut counts = LoopCounts::default();
        for group in self.self_loops.iter().flatten() {
            let (same, opposite) = weights[*group];
            add(&mut counts, same, opposite);
        }
        // The branches: each start node's component among the nodes from
        // it on, and each first step within it.
        let mut components = Vec::with_capacity(n);
        let mut branches = Vec::new();
        for start in 0..n {
            let mut component = Bits::new(n);
            let members = self.component_of(start, start);
            if members.len() >= 2 {
                for v in members {
                    component.set(v);
                }
                for (position, &(w, _)) in self.successors[start].iter().enumerate() {
                    if component.has(w) {
                        branches.push((start, position));
                    }
                }
            }
            components.push(component);
        }
        let taken = AtomicUsize::new(0);
        let work = || {
            let mut search = Search {
                blocked: Bits::new(n),
                waiting: vec![Bits::new(n); n],
                stack: Vec::with_capacity(n),
                pending: Vec::new(),
                steps: 0,
            };
            let mut counts = LoopCounts::default();
            loop {
                let at = taken.fetch_add(1, Ordering::Relaxed);
                let Some(&(start, position)) = branches.get(at) else {
                    return Some(counts);
                };
                let flow = self.count_branch(
                    start,
                    position,
                    &components[start],
                    &weights,
                    &mut search,
                    &mut counts,
                    progress,
                );
                if flow.is_break() {
                    return None;
                }
            }
        };
        let found: Vec<Option<LoopCounts>> = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads.clamp(1, branches.len().max(1)))
                .map(|_| scope.spawn(work))
                .collect();
            let mut found = vec![work()];
            found.extend(
                helpers
                    .into_iter()
                    .map(|h| h.join().expect("a counting thread")),
            );
            found
        });
        for part in found {
            let part = part?;
            counts.total += part.total;
            counts.reinforcing += part.reinforcing;
            counts.balancing += part.balancing;
        }
        if let Some(p) = progress {
            p.found.store(counts.total, Ordering::Relaxed);
        }
        Some(counts)
    }

    /// Counts the loops whose smallest node is `start` and whose first step
    /// is its successor at `position`: Johnson's circuit search from there,
    /// within `component`.
    #[allow(clippy::too_many_arguments)]
    fn count_branch(
        &self,
        start: usize,
        position: usize,
        component: &Bits,
        weights: &[(u64, u64)],
        search: &mut Search,
        counts: &mut LoopCounts,
        progress: Option<&Progress>,
    ) -> ControlFlow<()> {
        let Search {
            blocked,
            waiting,
            stack,
            pending,
            steps,
        } = search;
        blocked.clear();
        for list in waiting.iter_mut() {
            list.clear();
        }
        stack.clear();
        blocked.set(start);
        let (first, group) = self.successors[start][position];
        let start_ways = Ways { even: 1, odd: 0 };
        blocked.set(first);
        stack.push(Frame {
            node: first,
            next: 0,
            found: false,
            ways: start_ways.then(weights[group]),
        });
        while let Some(frame) = stack.last_mut() {
            *steps += 1;
            if *steps & 0xFFFF == 0
                && let Some(p) = progress
                && p.cancel.load(Ordering::Relaxed)
            {
                return ControlFlow::Break(());
            }
            let successors = &self.successors[frame.node];
            if frame.next < successors.len() {
                let (w, group) = successors[frame.next];
                frame.next += 1;
                if w == start {
                    let ways = frame.ways.then(weights[group]);
                    frame.found = true;
                    add(counts, ways.even, ways.odd);
                } else if component.has(w) && !blocked.has(w) {
                    let ways = frame.ways.then(weights[group]);
                    blocked.set(w);
                    stack.push(Frame {
                        node: w,
                        next: 0,
                        found: false,
                        ways,
                    });
                }
                continue;
            }
            // Every successor of the node has been tried.
            let done = *frame;
            stack.pop();
            if done.found {
                // Unblock the node and, in turn, what waits on it.
                pending.push(done.node);
                while let Some(u) = pending.pop() {
                    if blocked.has(u) {
                        blocked.unset(u);
                        waiting[u].drain(|w| pending.push(w));
                    }
                }
                if let Some(parent) = stack.last_mut() {
                    parent.found = true;
                }
            } else {
                for &(w, _) in successors {
                    if component.has(w) {
                        waiting[w].set(done.node);
                    }
                }
            }
        }
        ControlFlow::Continue(())
    }
}

/// Adds the loops a closed path makes: `even` reinforcing, `odd` balancing.
fn add(counts: &mut LoopCounts, even: u64, odd: u64) {
    counts.total += even + odd;
    counts.reinforcing += even;
    counts.balancing += odd;
}
