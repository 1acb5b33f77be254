//! The core library tested from outside: the crate's architecture rule,
//! the golden review files, the store, anonymisation properties and the
//! language verdicts on held-out sentences, and the geometry of every
//! diagram drawn.

mod anonymise_props;
mod architecture;
mod diagram_geometry;
mod golden_v1;
mod golden_v2;
mod golden_v3;
mod golden_v4;
mod golden_v5;
mod language_corpus;
mod language_verdict;
mod merge_props;
mod store;
