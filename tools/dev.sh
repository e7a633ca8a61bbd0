#!/usr/bin/env bash
# tools/dev.sh: the two things a developer does on a fresh Debian 12 machine.
#
#   tools/dev.sh run     install what is missing, build, start the kiosk on the demo store
#   tools/dev.sh test    install what is missing, build, run the whole test suite
#
# and, for CI and benchmarks:
#   tools/dev.sh test-sanitizers   the suite once more under AddressSanitizer + UBSan
#   tools/dev.sh bench             the benchmark table (see README)
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

# What Aisle needs from Debian 12, and why:
packages=(
  # build
  meson ninja-build pkg-config gcc gettext libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libcurl4-openssl-dev libjson-c-dev zlib1g-dev libsqlite3-dev
  libcairo2-dev libqrencode-dev libsodium-dev libcups2-dev
  # run: SVG product images, the fonts the kiosk is designed with
  librsvg2-common fonts-noto-core tzdata
  # test: a display, a session bus, validators, the feed server; GTK's
  # accessibility bus (without it the UI tests abort on a fresh machine)
  xvfb xauth dbus-daemon desktop-file-utils appstream python3 at-spi2-core
  # test (e2e): a window manager, real input through XTEST, the AT-SPI tree
  # read from Python, screenshots
  matchbox-window-manager xdotool python3-gi gir1.2-atspi-2.0 imagemagick
  # test: independent decoders for QR codes and PDF slips
  zbar-tools poppler-utils
  # test: the cups suite's private cupsd with a cups-pdf queue (the filters
  # turn the kiosk's PDF into what the queue prints)
  cups-daemon cups-client cups-filters printer-driver-cups-pdf
  # test: the medusa suite's private PostgreSQL (Medusa itself comes from npm
  # and needs Node.js 20 or later; without it that suite is skipped)
  postgresql curl
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  local dir="$1"; shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@"
  meson compile -C "$dir"
}

# UI tests need an X display and a session bus; both are private to this run.
# The screen is square so that a window can be 1920×1080 and 1080×1920 on it.
in_display() {
  xvfb-run -a -s '-screen 0 1920x1920x24' dbus-run-session -- "$@"
}

case "${1:-}" in
  run)
    install_missing
    build _build
    shift
    exec _build/src/aisle --windowed "$@"
    ;;
  test)
    install_missing
    build _build
    in_display meson test -C _build --print-errorlogs --num-processes 2
    ;;
  test-sanitizers)
    install_missing
    build _build-sanitizers -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
      -Dc_args=-fno-omit-frame-pointer
    # Slow unwinding: system libraries have no frame pointers, and their leak
    # suppressions (tests/lsan.supp) only match on full stacks.
    # The e2e journeys drive the kiosk at a person's and a scanner's speed;
    # they run in the plain build (tools/dev.sh test), not at ASan's pace.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
      in_display meson test -C _build-sanitizers --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
      --no-suite e2e
    ;;
  bench)
    install_missing
    build _build-release -Dbuildtype=release
    shift
    in_display _build-release/tools/aisle-bench "$@"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
