//! The parts of `foresight anonymise` that were made quicker give what
//! the plain versions give.

use foresight::anonymise::{anonymise, residual_count, residual_scan};
use foresight::examples::worked_case;
use foresight::generate::{Size, synthetic_review};

#[test]
fn the_residual_count_is_the_number_of_suspects_the_scan_lists() {
    let mut long = synthetic_review(Size::for_episodes(8), 4);
    // Suspects of every kind, in entries of both halves.
    for (i, entry) in long.chronology.iter_mut().enumerate() {
        match i % 4 {
            0 => entry
                .text
                .push_str(" Seen by Quentin Blakeley and Q.T. on ref 483920."),
            1 => entry.text.push_str(" Mr Green called."),
            _ => {}
        }
    }
    // Anonymisation replaces the suspects it finds, so the scans are
    // compared on the reviews as written, where there are many, and on
    // their anonymised copies.
    for review in [worked_case(), long] {
        let listed = residual_scan(&review).len();
        assert!(listed > 0);
        assert_eq!(residual_count(&review), listed);
        let anonymised = anonymise(&review).review;
        assert_eq!(
            residual_count(&anonymised),
            residual_scan(&anonymised).len()
        );
    }
}
