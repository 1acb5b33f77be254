//! The core library tested from outside: the crate's architecture rule,
//! the golden review files, the store, anonymisation properties and the
//! language verdicts on held-out sentences.

mod anonymise_props;
mod architecture;
mod golden_v1;
mod golden_v2;
mod golden_v3;
mod language_verdict;
mod store;
