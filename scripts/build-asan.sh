#!/usr/bin/env bash
# Configures and builds the sanitizer tree ${ASAN_BUILD_DIR:-build-asan}:
# clang-22, -O1 with line tables, QUANT_SANITIZE=address,undefined and
# QUANT_FUZZERS=ON (the libFuzzer targets of tools/fuzz; every library is
# also compiled with -fsanitize=fuzzer-no-link, which leaves the tools
# working and lets the fuzzers share the tree).
# Usage: scripts/build-asan.sh [ninja targets...]   (default: everything)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ASAN_BUILD_DIR=${ASAN_BUILD_DIR:-$ROOT/build-asan}
"$ROOT/scripts/install-deps.sh"
if [[ ! -f "$ASAN_BUILD_DIR/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$ASAN_BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    -DCMAKE_C_COMPILER=/usr/bin/clang-22 \
    -DCMAKE_CXX_COMPILER=/usr/bin/clang++-22 \
    -DQUANT_SANITIZE=address,undefined -DQUANT_FUZZERS=ON \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir
fi
cmake --build "$ASAN_BUILD_DIR" -- "$@"
