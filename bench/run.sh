#!/usr/bin/env bash
# Builds quant-bench and runs it single-threaded, then prints per shape the
# throughput ratio ours / peer (> 1: we are faster).
#   bench/run.sh [--benchmark_filter=REGEX] [other Google Benchmark flags]
# BUILD_DIR (default build) selects the build tree; QUANT_BENCH_GENERIC=1
# also times the generic linalg.contract lowering (ours_generic).
#   bench/run.sh --avx2 [...]   both sides limited to AVX2: our code for
#                               x86-64-v3 (pmaddwd, 8-lane FMA) against
#                               oneDNN with DNNL_MAX_CPU_ISA=AVX2
set -euo pipefail
if [[ "${1:-}" == "--avx2" ]]; then
  shift
  export QUANT_BENCH_MCPU=x86-64-v3 DNNL_MAX_CPU_ISA=AVX2
fi
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
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p')${QUANT_BENCH_MCPU:+ (ours: --mcpu=$QUANT_BENCH_MCPU, oneDNN: ${DNNL_MAX_CPU_ISA:-all ISAs})}"
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
# Five interleaved repetitions, the best one counts (see bench/ratios.py).
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$BUILD_DIR/bin/quant-bench" \
  --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
  --benchmark_out="$out" --benchmark_out_format=json "$@"
/usr/bin/python3 "$ROOT/bench/ratios.py" "$out"
