//! The core library tested from outside: the crate's architecture rule,
//! the golden review file, the store, anonymisation properties and the
//! language verdicts on held-out sentences.

mod anonymise_props;
mod architecture;
mod golden_v1;
mod language_verdict;
mod store;
