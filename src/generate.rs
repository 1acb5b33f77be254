//! Synthetic reviews of any size, for benchmarks and stress tests.
