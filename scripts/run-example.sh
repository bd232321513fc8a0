#!/usr/bin/env bash
# The main job on the bundled example model: builds quant-opt, then runs the
# float Fashion-MNIST-shaped CNN in examples/ through the default pipeline
# (qnn-simplify: canonicalize, fold batch norms, CSE) and prints the result.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/build.sh" quant-opt

MODEL="$ROOT/examples/cnn-float.mlir"
OUT="$BUILD_DIR/examples/cnn-simplified.mlir"
mkdir -p "$(dirname "$OUT")"
"$BUILD_DIR/bin/quant-opt" "$MODEL" --qnn-simplify -o "$OUT"

count() { grep -c "$1" "$2" || true; }
echo "model:        $MODEL"
echo "pipeline:     qnn-simplify (canonicalize, qnn-fold-batch-norm, canonicalize, cse)"
echo "output:       $OUT"
for op in qnn.conv2d qnn.batch_norm qnn.clamp qnn.max_pool2d qnn.fully_connected; do
  printf '%-22s %s -> %s\n' "$op" "$(count "$op " "$MODEL")" "$(count "$op " "$OUT")"
done
echo
grep -E "^ *%.* = qnn\." "$OUT" | sed -E 's/ : .*//' | sed -E 's/dense<[^>]*>/dense<...>/g'
