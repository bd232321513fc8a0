#!/usr/bin/env bash
# Builds everything and runs every test through ctest: each lit file of the
# suite, the GoogleTest unit tests, the fuzz corpus, ONNX conformance and
# ORT parity are ctest tests (the suite runs once; `lit -sv build/test`
# runs the lit files alone). Exits non-zero on any failure. check-deps.sh
# has made sure every dependency is installed, so QUANT_STRICT=1 turns a
# test's "skipped: missing dependency" into a failure (hardware-dependent
# lit tests, e.g. AVX-VNNI on a CPU without it, still skip).
set -euo pipefail
export QUANT_STRICT=1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/build.sh"
# Every tool the tests call comes from a package install-deps.sh installs.
"$ROOT/scripts/check-deps.sh"

echo "== all tests (ctest: lit files, unit tests, ONNX conformance) =="
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
