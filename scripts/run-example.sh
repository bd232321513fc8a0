#!/usr/bin/env bash
# The main job on the bundled example model: builds the tools, imports the
# int8 QDQ Fashion-MNIST CNN (examples/fmnist-cnn-qdq.onnx, as ONNX Runtime's
# quantizer lays it out) and compiles it down to the integer form that code
# generation consumes: scale propagation, QDQ fusion / requantization
# folding, integer lowering. It also runs post-training quantization
# (qnn-ptq) of the float example CNN with calibrated ranges. Prints what each
# stage produced.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/build.sh" quant-opt quant-translate

OUT="$BUILD_DIR/examples"
mkdir -p "$OUT"
count() { grep -c "$1" "$2" || true; }
summary() {
  grep -E "^ *%.* = (qnn|quant)\." "$1" | grep -v "qnn.constant" |
    sed -E 's/ : .*//; s/dense<[^>]*>/dense<...>/g; s/scale = array<f32: [^>]*>/scale = [...]/g'
}

MODEL="$ROOT/examples/fmnist-cnn-qdq.onnx"
"$BUILD_DIR/bin/quant-translate" --import-onnx "$MODEL" -o "$OUT/fmnist-qdq.mlir"
"$BUILD_DIR/bin/quant-opt" "$OUT/fmnist-qdq.mlir" --qnn-propagate-scales \
  --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse \
  -o "$OUT/fmnist-int.mlir"
echo "model:     $MODEL"
echo "imported:  $OUT/fmnist-qdq.mlir ($(count 'qnn.quantize ' "$OUT/fmnist-qdq.mlir") quantize, $(count 'qnn.dequantize ' "$OUT/fmnist-qdq.mlir") dequantize)"
echo "integer:   $OUT/fmnist-int.mlir ($(count 'qnn.rescale ' "$OUT/fmnist-int.mlir") rescale, $(count 'qnn.quantize ' "$OUT/fmnist-int.mlir") quantize, $(count 'qnn.dequantize ' "$OUT/fmnist-int.mlir") dequantize)"
summary "$OUT/fmnist-int.mlir"
echo

FLOAT="$ROOT/examples/cnn-float.mlir"
"$BUILD_DIR/bin/quant-opt" "$FLOAT" --qnn-simplify -o "$OUT/cnn-simplified.mlir"
echo "model:     $FLOAT (float; qnn-simplify)"
for op in qnn.conv2d qnn.batch_norm qnn.clamp qnn.max_pool2d qnn.fully_connected; do
  printf '  %-22s %s -> %s\n' "$op" "$(count "$op " "$FLOAT")" "$(count "$op " "$OUT/cnn-simplified.mlir")"
done
