//! The publication of the open review, computed once per revision and
//! shared by every panel that shows or exports what will be published
//! (Report, Anonymisation, Map, Actions).
//!
//! Exports ask for the publication of the revision they write
//! ([`PublicationCache::current`]). What panels show may lag a keystroke
//! behind on a large review ([`PublicationCache::shown`]): there the
//! publication (anonymising the whole review, the leak check, the
//! readiness verdict) is computed on a worker thread once typing pauses
//! ([`super::background::QUIET`]), and the panels show the last one until
//! the next is ready. A small
//! review is computed at once, as it takes a few milliseconds.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui;

use super::background::is_large;
use crate::analysis::language::Lexicon;
use crate::model::Review;
use crate::publication::Publication;
use crate::taxonomy::Taxonomy;

/// A publication and the revision it is of.
type AtRevision = ((u64, u64), Arc<Publication>);
/// The revision a worker is publishing, and where its result comes.
type Working = ((u64, u64), Receiver<Arc<Publication>>);

/// The publication of one revision of the review.
#[derive(Default)]
pub struct PublicationCache {
    latest: RefCell<Option<AtRevision>>,
    /// The revision a worker is publishing, and where its result comes.
    working: RefCell<Option<Working>>,
    /// Told to repaint when a worker's publication is ready.
    repaint: RefCell<Option<egui::Context>>,
}

impl PublicationCache {
    /// The context to repaint when a publication computed in the
    /// background is ready.
    pub fn set_context(&self, ctx: &egui::Context) {
        if self.repaint.borrow().is_none() {
            *self.repaint.borrow_mut() = Some(ctx.clone());
        }
    }

    /// The publication of `review` at exactly `revision`, computed now if
    /// it is not at hand: what an export writes.
    pub fn current(
        &self,
        review: &Review,
        taxonomy: Option<&Taxonomy>,
        revision: (u64, u64),
    ) -> Arc<Publication> {
        self.collect();
        if let Some(publication) = self.at(revision) {
            return publication;
        }
        let publication = Arc::new(Publication::compute(
            review,
            Lexicon::shared(),
            taxonomy.cloned(),
        ));
        *self.latest.borrow_mut() = Some((revision, Arc::clone(&publication)));
        publication
    }

    /// The publication to show for `review` at `revision`: that revision's
    /// when it is ready; on a large review while a newer one is computed in
    /// the background, the last one ready, with the revision it is of.
    pub fn shown(
        &self,
        review: &Review,
        taxonomy: Option<&Taxonomy>,
        revision: (u64, u64),
    ) -> ((u64, u64), Arc<Publication>) {
        self.collect();
        if let Some(publication) = self.at(revision) {
            return (revision, publication);
        }
        let stale = self.latest.borrow().clone();
        match stale {
            Some(stale) if is_large(review) => {
                let quiet =
                    || super::background::is_quiet(revision, self.repaint.borrow().as_ref());
                if self.working.borrow().is_none() && quiet() {
                    self.start(review, taxonomy, revision);
                }
                stale
            }
            _ => (revision, self.current(review, taxonomy, revision)),
        }
    }

    /// True while a newer publication than the one shown is being computed.
    pub fn is_working(&self) -> bool {
        self.working.borrow().is_some()
    }

    fn at(&self, revision: (u64, u64)) -> Option<Arc<Publication>> {
        self.latest
            .borrow()
            .as_ref()
            .filter(|(at, _)| *at == revision)
            .map(|(_, publication)| Arc::clone(publication))
    }

    /// Takes a worker's publication when it is ready.
    fn collect(&self) {
        let mut working = self.working.borrow_mut();
        let Some((revision, receiver)) = working.as_ref() else {
            return;
        };
        match receiver.try_recv() {
            Ok(publication) => {
                *self.latest.borrow_mut() = Some((*revision, publication));
                *working = None;
            }
            Err(TryRecvError::Empty) => {}
            // The worker stopped without a result: compute in the frame.
            Err(TryRecvError::Disconnected) => *working = None,
        }
    }

    fn start(&self, review: &Review, taxonomy: Option<&Taxonomy>, revision: (u64, u64)) {
        let (sender, receiver) = channel();
        let (review, taxonomy) = (
            crate::ui::background::snapshot(review, revision),
            taxonomy.cloned(),
        );
        let repaint = self.repaint.borrow().clone();
        let spawned = crate::ui::background::spawn_worker("publication", move || {
            let publication = Publication::compute(&review, Lexicon::shared(), taxonomy);
            if sender.send(Arc::new(publication)).is_ok()
                && let Some(ctx) = repaint
            {
                ctx.request_repaint();
            }
        });
        if spawned.is_ok() {
            *self.working.borrow_mut() = Some((revision, receiver));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_review_shows_the_last_publication_until_the_next_is_ready() {
        let mut review = crate::generate::synthetic_review(
            crate::generate::Size {
                entries: 3_500,
                ..crate::generate::Size::STRESS
            },
            3,
        );
        assert!(is_large(&review));
        let cache = PublicationCache::default();
        // The first is computed at once: there is nothing older to show.
        let (at, first) = cache.shown(&review, None, (1, 0));
        assert_eq!(at, (1, 0));
        review.meta.title.push_str(" (2)");
        let (at, shown) = cache.shown(&review, None, (2, 0));
        assert_eq!(at, (1, 0));
        assert!(Arc::ptr_eq(&first, &shown));
        // Nothing is copied while the reviewer types; once the revision
        // has stood for a moment, a worker publishes it.
        assert!(!cache.is_working());
        std::thread::sleep(crate::ui::background::QUIET);
        let (at, _) = cache.shown(&review, None, (2, 0));
        assert_eq!(at, (1, 0));
        assert!(cache.is_working());
        // An export never gets the older one.
        let exact = cache.current(&review, None, (2, 0));
        assert!(!Arc::ptr_eq(&exact, &first));
        // The worker's result lands in time; it is of the revision asked.
        let started = std::time::Instant::now();
        while cache.is_working() {
            assert!(
                started.elapsed().as_secs() < 120,
                "the worker never finished"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
            cache.collect();
        }
        let (at, _) = cache.shown(&review, None, (2, 0));
        assert_eq!(at, (2, 0));
    }

    #[test]
    fn a_small_review_is_published_at_once() {
        let mut review = crate::examples::worked_case();
        let cache = PublicationCache::default();
        cache.shown(&review, None, (1, 0));
        review.meta.title.push('!');
        let (at, _) = cache.shown(&review, None, (2, 0));
        assert_eq!(at, (2, 0));
        assert!(!cache.is_working());
    }
}
