#!/usr/bin/env bash
# Builds everything and runs every test through ctest: each lit file of the
# suite, the GoogleTest unit tests, the fuzz corpus, ONNX conformance and
# ORT parity are ctest tests (the suite runs once; `lit -sv build/test`
# runs the lit files alone). Exits non-zero on any failure. check-deps.sh
# has made sure every dependency is installed, so QUANT_STRICT=1 turns a
# test's "skipped: missing dependency" into a failure (hardware-dependent
# lit tests, e.g. AVX-VNNI on a CPU without it, still skip).
#
#   scripts/test.sh                   the normal suite in ${BUILD_DIR:-build}
#                                     (gcc, Release): what CI runs first
#   scripts/test.sh --sanitize        the whole suite again under ASan +
#                                     UBSan (+ LSan) in build-asan (clang-22,
#                                     scripts/build-asan.sh), plus 30-second
#                                     runs of the libFuzzer targets; not
#                                     the out-of-tree package test
#   scripts/test.sh --sanitize-quick  what CI runs second: the unit tests
#                                     and the lit files labelled `sanitize`
#                                     (test/CMakeLists.txt) under the
#                                     sanitizers, building only their tools
# Sanitizer options: scripts/sanitizer-env.sh.
set -euo pipefail
export QUANT_STRICT=1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
case $mode in
"") ;;
--sanitize | --sanitize-quick)
  "$ROOT/scripts/install-deps.sh"
  "$ROOT/scripts/check-deps.sh"
  export ASAN_BUILD_DIR=${ASAN_BUILD_DIR:-$ROOT/build-asan}
  source "$ROOT/scripts/sanitizer-env.sh"
  if [[ $mode == --sanitize ]]; then
    "$ROOT/scripts/build-asan.sh"
    echo "== all tests under ASan + UBSan (build-asan) =="
    ctest --test-dir "$ASAN_BUILD_DIR" --output-on-failure -j "$(nproc)" \
      -E '^(package/|format/)'
  else
    "$ROOT/scripts/build-asan.sh" quant-opt quant-translate quant-compile \
      quant-run qnn-ref QuantUnitTests
    echo "== unit tests and the lit sample under ASan + UBSan (build-asan) =="
    ctest --test-dir "$ASAN_BUILD_DIR" --output-on-failure -j "$(nproc)" \
      -L '^(unit|sanitize)$'
  fi
  exit 0
  ;;
*)
  sed -n '2,/^# Sanitizer options/p' "$0" >&2
  exit 2
  ;;
esac
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/build.sh"
# Every tool the tests call comes from a package install-deps.sh installs.
"$ROOT/scripts/check-deps.sh"

echo "== all tests (ctest: lit files, unit tests, ONNX conformance) =="
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
