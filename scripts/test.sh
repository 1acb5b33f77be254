#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, then
# formatting, lints, every test (unit, integration, GUI through
# egui_kittest, benchmarks run once as tests), and the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/debian-setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
log=$(mktemp)
set +e
cargo test --all-targets --locked 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || exit "$status"
cargo build --locked
scripts/window-smoke.sh target/debug/foresight target/window-smoke.png 2
passed=$(grep -o 'test result: ok\. [0-9]* passed' "$log" | awk '{sum += $4} END {print sum + 0}')
rm -f "$log"
echo "all tests: $passed passed, 0 failed"
