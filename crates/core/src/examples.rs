//! The worked examples bundled with Foresight (`assets/examples/`), built
//! into the binary so that the app always has something to open.

use std::path::Path;

use crate::model::Review;
use crate::store::parse_review;

/// A bundled example: its file name and text.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// File name, e.g. `munro-appendix2.review.ron`.
    pub file_name: &'static str,
    /// One line saying what it is.
    pub description: &'static str,
    /// The review file text.
    pub text: &'static str,
}

/// Every bundled example; the first is the one the app opens by default.
pub const EXAMPLES: &[Example] = &[
    Example {
        file_name: "child-b-learning-review.review.ron",
        description: "A fictional local child safeguarding practice review of a child known to several agencies",
        text: include_str!("../../../assets/examples/child-b-learning-review.review.ron"),
    },
    Example {
        file_name: "munro-appendix2.review.ron",
        description: "The causal loop diagram of the Munro Review, Appendix 2, in five presentation stages",
        text: include_str!("../../../assets/examples/munro-appendix2.review.ron"),
    },
];

impl Example {
    /// The example as a review.
    pub fn review(&self) -> Review {
        parse_review(self.text, Path::new(self.file_name))
            .expect("bundled examples are tested to load")
    }
}

/// The Munro Review Appendix 2 causal loop diagram.
pub fn munro_appendix2() -> Review {
    EXAMPLES[1].review()
}

/// The fictional worked case review.
pub fn worked_case() -> Review {
    EXAMPLES[0].review()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_text;

    #[test]
    fn every_example_loads_and_round_trips() {
        for example in EXAMPLES {
            let review = example.review();
            let text = to_text(&review);
            let again = parse_review(&text, Path::new(example.file_name)).unwrap();
            assert_eq!(again, review, "{}", example.file_name);
        }
    }
}
