#!/usr/bin/env bash
# Starts the real app under Xvfb with a fresh home folder (so it opens the
# bundled worked example), waits for its window, checks that it appeared
# within the limit, and saves a screenshot.
#
# Usage: scripts/window-smoke.sh [BINARY] [SCREENSHOT.png] [LIMIT_SECONDS]
set -euo pipefail

binary=${1:-target/debug/foresight}
shot=${2:-target/window-smoke.png}
limit=${3:-2}
home=$(mktemp -d)
runtime=$(mktemp -d)
chmod 700 "$runtime"

# Xvfb picks a free display itself and writes its number once it accepts
# connections, so a busy machine or a display left over elsewhere does not
# matter.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$home/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home" "$runtime"' EXIT
app=
for _ in $(seq 300); do
  [ -s "$home/display" ] && break
  sleep 0.1
done
if [ ! -s "$home/display" ]; then
  echo "window-smoke: Xvfb did not start within 30 s" >&2
  exit 1
fi
display=:$(head -1 "$home/display")

start=$(date +%s.%N)
DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
  XDG_RUNTIME_DIR=$runtime "$binary" >"$home/app.log" 2>&1 &
app=$!

window=
while [ -z "$window" ]; do
  window=$(DISPLAY=$display xdotool search --name "Foresight" 2>/dev/null | head -1 || true)
  if ! kill -0 "$app" 2>/dev/null; then
    echo "window-smoke: the app exited before showing a window:" >&2
    cat "$home/app.log" >&2
    exit 1
  fi
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  if [ "$(echo "$elapsed > 30" | bc)" -eq 1 ]; then
    echo "window-smoke: no window after 30 s" >&2
    cat "$home/app.log" >&2
    exit 1
  fi
  [ -z "$window" ] && sleep 0.05
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
title=$(DISPLAY=$display xdotool getwindowname "$window")
echo "window-smoke: window \"$title\" appeared after ${elapsed} s"
sleep 1.5
mkdir -p "$(dirname "$shot")"
DISPLAY=$display import -window root "$shot"
echo "window-smoke: screenshot in $shot"
if [ "$(echo "$elapsed > $limit" | bc)" -eq 1 ]; then
  echo "window-smoke: slower than the limit of $limit s" >&2
  exit 1
fi
