#!/usr/bin/env bash
# tools/fuzz.sh: run the fuzz targets of tests/fuzz with libFuzzer (docs/fuzzing.md)
#
#   tools/fuzz.sh [SECONDS] [TARGET…]
#
# Builds _build-fuzz with clang, AddressSanitizer, UBSan and libFuzzer's
# coverage on the whole core library, then runs each target (all eight when
# none is named) for SECONDS (default 60) on one core, starting from the
# checked-in corpus and regression inputs. New inputs go to
# _build-fuzz/corpus/<target> (not the source tree); a crash, a sanitizer
# report or a leak is written to _build-fuzz/findings/<target>/ and the
# script exits non-zero. Without clang it says so and exits 77 (skipped).
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(catalog stock medusa order-answer slip kiosk-conf list-link online-order)
build="${AISLE_FUZZ_BUILD:-_build-fuzz}"

if ! command -v clang >/dev/null; then
  echo "fuzz.sh: clang is not installed: only the replay tests (meson test --suite fuzz) run" >&2
  exit 77
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
fi
ninja -C "$build" data/gschemas.compiled $(printf "tests/fuzz/fuzz-%s " "${targets[@]}")

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
export GSETTINGS_SCHEMA_DIR="$top/$build/data"

status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  echo "== fuzz-$t for ${seconds} s"
  # -rss_limit_mb and -malloc_limit_mb: a document must never need more.
  if ! "$build/tests/fuzz/fuzz-$t" "$corpus" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" \
      -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
      -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 2>"$build/fuzz-$t.log"; then
    status=1
    echo "fuzz-$t: a finding; see $build/fuzz-$t.log and $findings/" >&2
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$build/fuzz-$t.log" || true
done
exit $status
