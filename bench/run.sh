#!/usr/bin/env bash
# Builds quant-bench and runs it single-threaded, then prints per shape the
# throughput ratio ours / peer (> 1: we are faster).
#   bench/run.sh [--benchmark_filter=REGEX] [other Google Benchmark flags]
# BUILD_DIR (default build) selects the build tree; QUANT_BENCH_GENERIC=1
# also times the generic linalg.contract lowering (ours_generic).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/install-deps.sh" --bench
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir -DQUANT_BUILD_BENCH=ON
else
  cmake "$BUILD_DIR" -DQUANT_BUILD_BENCH=ON >/dev/null
fi
ninja -C "$BUILD_DIR" quant-bench
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p')"
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$BUILD_DIR/bin/quant-bench" \
  --benchmark_out="$out" --benchmark_out_format=json "$@"
/usr/bin/python3 "$ROOT/bench/ratios.py" "$out"
