#!/usr/bin/env bash
# Builds everything and runs every test: the lit suite (each .mlir file is a
# ctest test, and lit's own summary is printed) and the GoogleTest unit tests.
# Exits non-zero on any failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/build.sh"

echo "== lit suite =="
/usr/lib/llvm-22/bin/lit -sv "$BUILD_DIR/test"

echo "== all tests (ctest: lit files and unit tests) =="
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
