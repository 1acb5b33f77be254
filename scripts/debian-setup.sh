#!/usr/bin/env bash
# Installs what Foresight needs on Debian or Ubuntu: the libraries the app
# opens at run time (X11/Wayland, Mesa for software rendering, D-Bus for the
# file dialogs), the tools the tests use (Xvfb, xdotool, ImageMagick,
# poppler-utils) and, when cargo is missing or older than 1.95, a Rust
# toolchain through rustup. Safe to run again: it installs only what is
# missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
  ca-certificates curl build-essential
  libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon0 libxkbcommon-x11-0
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  mesa-vulkan-drivers libvulkan1 libegl1 libegl-mesa0 libgl1-mesa-dri libdbus-1-3
  xvfb xdotool imagemagick poppler-utils bc
)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

needs_rust=1
if command -v cargo >/dev/null 2>&1; then
  version=$(cargo --version | awk '{print $2}')
  minor=$(echo "$version" | cut -d. -f2)
  [ "$(echo "$version" | cut -d. -f1)" -ge 1 ] && [ "$minor" -ge 95 ] && needs_rust=0
fi
if [ "$needs_rust" -eq 1 ]; then
  echo "Installing the Rust toolchain (1.95 or newer) with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  echo "Run: source \"\$HOME/.cargo/env\" (or open a new terminal) to put cargo on your PATH"
fi
