//! Values derived from the review once per revision, computed on a worker
//! thread while the reviewer types when the review is large, so that no
//! keystroke waits for them: panels show the last value ready until the
//! next arrives, and the worker asks for a repaint when it does. On a small
//! review each value is computed at once, in the frame, as it takes a few
//! milliseconds.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui;

use crate::model::Review;

/// Reviews larger than this (chronology entries, with each episode counted
/// as twenty) have their derived values computed in the background.
const LARGE: usize = 3_000;

/// True for a review whose derived values are computed in the background
/// while the reviewer types.
pub fn is_large(review: &Review) -> bool {
    review.chronology.len() + 20 * review.episodes.len() > LARGE
}

/// A revision of the review.
pub type Revision = (u64, u64);

/// How far below the window's priority the app's background workers run
/// (added to the nice value), so that the frame in which the reviewer types
/// is scheduled first.
#[cfg(target_os = "linux")]
const WORKER_NICE: libc::c_int = 10;

/// Starts a background worker: a named thread that runs at a lower
/// scheduling priority than the window (on Linux; elsewhere at the same).
pub fn spawn_worker(
    name: &str,
    work: impl FnOnce() + Send + 'static,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            lower_priority();
            work();
        })
}

/// Lowers the calling thread's scheduling priority (Linux keeps a nice
/// value per thread). A refusal changes nothing: the work runs as before.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take and return plain integers and
    // touch no memory of this process.
    unsafe {
        let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
        // Relative to the window's, which the new thread inherited: never
        // raised, whatever the app itself was started at.
        let inherited = libc::getpriority(libc::PRIO_PROCESS, thread);
        libc::setpriority(
            libc::PRIO_PROCESS,
            thread,
            (inherited + WORKER_NICE).min(19),
        );
    }
}

/// How long a large review must stay unchanged before a worker copies it:
/// while the reviewer types, no copy is made (a copy of a 20,000-entry
/// review takes longer than a frame), and the panels show the last values
/// ready; once typing pauses, the workers start.
pub const QUIET: std::time::Duration = std::time::Duration::from_millis(300);

thread_local! {
    /// The revision last seen and when it was first seen.
    static SEEN: std::cell::Cell<Option<(Revision, std::time::Instant)>> =
        const { std::cell::Cell::new(None) };
    /// The copy of the review the workers of one revision share.
    static SNAPSHOT: std::cell::RefCell<Option<(Revision, Arc<Review>)>> =
        const { std::cell::RefCell::new(None) };
}

/// True once `revision` has stood unchanged for [`QUIET`]; until then
/// `ctx` is asked to repaint when it will have, so that the workers start
/// after a pause in typing even when nothing else happens.
pub fn is_quiet(revision: Revision, ctx: Option<&egui::Context>) -> bool {
    let now = std::time::Instant::now();
    let since = SEEN.with(|seen| match seen.get() {
        Some((at, since)) if at == revision => since,
        _ => {
            seen.set(Some((revision, now)));
            now
        }
    });
    let waited = now.duration_since(since);
    if waited >= QUIET {
        return true;
    }
    if let Some(ctx) = ctx {
        ctx.request_repaint_after(QUIET - waited);
    }
    false
}

/// A copy of `review` at `revision` for a worker, shared by every worker
/// started for that revision: a 20,000-entry review is copied once per
/// revision, not once for each value derived from it.
pub fn snapshot(review: &Review, revision: Revision) -> Arc<Review> {
    SNAPSHOT.with(|s| {
        let mut s = s.borrow_mut();
        match &*s {
            Some((at, copy)) if *at == revision => Arc::clone(copy),
            _ => {
                let copy = Arc::new(review.clone());
                *s = Some((revision, Arc::clone(&copy)));
                copy
            }
        }
    })
}

/// A value derived from one revision of the review.
pub struct PerRevision<T> {
    latest: Option<(Revision, Arc<T>)>,
    working: Option<(Revision, Receiver<T>)>,
}

impl<T> Default for PerRevision<T> {
    fn default() -> Self {
        PerRevision {
            latest: None,
            working: None,
        }
    }
}

impl<T: Send + Sync + 'static> PerRevision<T> {
    /// The value of `review` at `revision`, with the revision it is of: the
    /// last one ready while a newer one is computed in the background (on a
    /// large review, started once the review has stood unchanged for
    /// [`QUIET`]), else computed now.
    pub fn get(
        &mut self,
        review: &Review,
        revision: Revision,
        ctx: &egui::Context,
        compute: impl FnOnce(&Review) -> T + Send + 'static,
    ) -> (Revision, Arc<T>) {
        self.collect();
        match &self.latest {
            Some((at, value)) if *at == revision => return (*at, Arc::clone(value)),
            Some((at, value)) if is_large(review) => {
                let stale = (*at, Arc::clone(value));
                if self.working.is_none() && is_quiet(revision, Some(ctx)) {
                    self.start(review, revision, ctx, compute);
                }
                return stale;
            }
            _ => {}
        }
        let value = Arc::new(compute(review));
        self.latest = Some((revision, Arc::clone(&value)));
        (revision, value)
    }

    /// True while a newer value is being computed.
    pub fn is_working(&self) -> bool {
        self.working.is_some()
    }

    fn collect(&mut self) {
        let Some((revision, receiver)) = &self.working else {
            return;
        };
        match receiver.try_recv() {
            Ok(value) => {
                self.latest = Some((*revision, Arc::new(value)));
                self.working = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.working = None,
        }
    }

    fn start(
        &mut self,
        review: &Review,
        revision: Revision,
        ctx: &egui::Context,
        compute: impl FnOnce(&Review) -> T + Send + 'static,
    ) {
        let (sender, receiver) = channel();
        let review = snapshot(review, revision);
        let ctx = ctx.clone();
        let spawned = spawn_worker("derived", move || {
            if sender.send(compute(&review)).is_ok() {
                ctx.request_repaint();
            }
        });
        if spawned.is_ok() {
            self.working = Some((revision, receiver));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_length(review: &Review) -> usize {
        review.meta.title.len()
    }

    #[test]
    fn a_large_review_gets_the_last_value_until_the_next_is_ready() {
        let mut review = crate::generate::synthetic_review(
            crate::generate::Size {
                entries: 3_500,
                ..crate::generate::Size::STRESS
            },
            3,
        );
        let ctx = egui::Context::default();
        let mut derived = PerRevision::default();
        let first = review.meta.title.len();
        assert_eq!(*derived.get(&review, (1, 0), &ctx, title_length).1, first);
        review.meta.title.push_str("!!");
        let (at, stale) = derived.get(&review, (2, 0), &ctx, title_length);
        assert_eq!((at, *stale), ((1, 0), first));
        // Nothing is copied while the reviewer types; once the revision
        // has stood for a moment, a worker computes it.
        assert!(!derived.is_working());
        std::thread::sleep(QUIET);
        let (at, stale) = derived.get(&review, (2, 0), &ctx, title_length);
        assert_eq!((at, *stale), ((1, 0), first));
        assert!(derived.is_working());
        let started = std::time::Instant::now();
        while derived.is_working() {
            assert!(
                started.elapsed().as_secs() < 60,
                "the worker never finished"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
            derived.collect();
        }
        let (at, value) = derived.get(&review, (2, 0), &ctx, title_length);
        assert_eq!((at, *value), ((2, 0), first + 2));
    }

    #[test]
    fn a_small_review_gets_its_value_at_once() {
        let mut review = crate::examples::worked_case();
        let ctx = egui::Context::default();
        let mut derived = PerRevision::default();
        derived.get(&review, (1, 0), &ctx, title_length);
        review.meta.title.push('!');
        let (at, value) = derived.get(&review, (2, 0), &ctx, title_length);
        assert_eq!((at, *value), ((2, 0), review.meta.title.len()));
        assert!(!derived.is_working());
    }

    #[test]
    fn the_workers_of_one_revision_share_one_copy_of_the_review() {
        let mut review = crate::examples::worked_case();
        let first = snapshot(&review, (1, 7));
        assert!(Arc::ptr_eq(&first, &snapshot(&review, (1, 7))));
        review.meta.title.push('!');
        let second = snapshot(&review, (1, 8));
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(second.meta.title, review.meta.title);
        assert_ne!(first.meta.title, review.meta.title);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn workers_run_below_the_window_s_priority() {
        // SAFETY: as in `lower_priority`: plain integers in and out.
        let nice_here = || unsafe {
            let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::getpriority(libc::PRIO_PROCESS, thread)
        };
        let window = nice_here();
        let (sender, receiver) = std::sync::mpsc::channel();
        spawn_worker("test-worker", move || {
            let _ = sender.send(nice_here());
        })
        .unwrap()
        .join()
        .unwrap();
        let worker = receiver.recv().unwrap();
        assert_eq!(worker, (window + WORKER_NICE).min(19));
        assert_eq!(
            nice_here(),
            window,
            "the window's own priority is unchanged"
        );
    }
}
