//! Finds a review's feedback loops on a background thread, so the window
//! stays responsive on dense diagrams with millions of loops: progress is
//! shown, the search can be cancelled, and a new search replaces the old one
//! whenever the review changes.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::analysis::loops::{CausalGraph, LoopList, Progress};
use crate::model::Review;

/// The most loops listed in the panel (counts cover all of them).
pub const LIST_LIMIT: usize = 10_000;

/// The state of the search for the current review.
pub enum Search<'a> {
    /// Still running: loops found so far.
    Running(u64),
    /// Finished (or cancelled, as the list says).
    Done(&'a LoopList),
}

/// A background loop search, started again only when the causal graph
/// changes (typing into an episode leaves the loops as they are).
#[derive(Default)]
pub struct LoopFinder {
    revision: Option<(u64, u64)>,
    /// The graph the last search went through.
    graph: Option<CausalGraph>,
    progress: Arc<Progress>,
    outcome: Arc<Mutex<Option<LoopList>>>,
    list: Option<LoopList>,
}

impl LoopFinder {
    /// Starts a new search when the review's causal graph changed since
    /// the last one.
    pub fn refresh(&mut self, review: &Review, revision: (u64, u64), ctx: &egui::Context) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        let graph = CausalGraph::from_review(review);
        if self.graph.as_ref() == Some(&graph) {
            return;
        }
        self.graph = Some(graph.clone());
        self.progress.cancel.store(true, Ordering::Relaxed);
        self.list = None;
        let progress = Arc::new(Progress::default());
        let outcome = Arc::new(Mutex::new(None));
        self.progress = progress.clone();
        self.outcome = outcome.clone();
        let ctx = ctx.clone();
        let spawned = crate::ui::background::spawn_worker("loop-finder", move || {
            let list = graph.list(Some(LIST_LIMIT), Some(&progress));
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(list);
            }
            ctx.request_repaint();
        });
        if spawned.is_err()
            && let Some(graph) = &self.graph
        {
            // No thread to be had: the loops are listed in the frame.
            let list = graph.list(Some(LIST_LIMIT), Some(&self.progress));
            if let Ok(mut slot) = self.outcome.lock() {
                *slot = Some(list);
            }
        }
    }

    /// Where the search is; asks for another frame while it runs.
    pub fn poll(&mut self, ctx: &egui::Context) -> Search<'_> {
        if self.list.is_none()
            && let Ok(mut slot) = self.outcome.lock()
        {
            self.list = slot.take();
        }
        match &self.list {
            Some(list) => Search::Done(list),
            None => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                Search::Running(self.progress.found.load(Ordering::Relaxed))
            }
        }
    }

    /// Stops the running search; what was found so far is listed.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for LoopFinder {
    fn drop(&mut self) {
        self.cancel();
    }
}
