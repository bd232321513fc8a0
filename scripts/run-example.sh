#!/usr/bin/env bash
# The main job on the bundled example models: installs what it needs (the
# build dependencies and Debian's Fashion-MNIST dataset), builds the tools,
# compiles each example model (examples/fmnist-cnn*.onnx: float, int8 QDQ
# and int8 QOperator forms of one CNN) to a native object file and a C
# header, links it with a small C driver (examples/driver/fmnist-driver.c)
# and runs it on the 10000 test images: top-1 accuracy and batch-1 latency.
# A fourth row quantizes the float model itself: quant-compile --calibrate
# runs it natively on 2000 training images (percentile ranges) and
# quantizes it (qnn-ptq: s8 per-channel weights, 8-bit activations); the
# fifth does the same with 7-bit weights, which x86 CPUs without VNNI run
# on exact pmaddubsw kernels (ONNX Runtime's reduce_range). The last row is the QONNX binary MLP (binary weights and activations, batch
# norm folded into integer thresholds).
#
# Environment: BUILD_DIR (default build), MCPU (default: the host CPU),
# IMAGES (default 10000), REPEAT (passes over the images for timing, 1).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
export BUILD_DIR
"$ROOT/scripts/install-deps.sh" dataset-fashion-mnist
"$ROOT/scripts/build.sh" quant-compile

BIN="$BUILD_DIR/bin"
OUT="$BUILD_DIR/examples"
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
gunzip -c "$DATA/t10k-images-idx3-ubyte.gz" >"$OUT/t10k-images-idx3-ubyte"
gunzip -c "$DATA/t10k-labels-idx1-ubyte.gz" >"$OUT/t10k-labels-idx1-ubyte"
CC=${CC:-cc}
MCPU_OPT=()
[[ -n "${MCPU:-}" ]] && MCPU_OPT=(--mcpu="$MCPU")

count() { grep -c "$1" "$2" || true; }

# compile <name> [quant-compile options]: the ONNX model (imported, QDQ
# fused, lowered to integers inside quant-compile) -> .o + .h, linked with
# the driver into $OUT/<name>/driver; integer.mlir is the integer form.
compile() {
  local name=$1 dir="$OUT/$1" model="$ROOT/examples/${1%+*}.onnx"
  shift
  mkdir -p "$dir"
  "$BIN/quant-compile" "$model" "$@" --emit-after=integer \
    -o "$dir/integer.mlir"
  "$BIN/quant-compile" "$model" "${MCPU_OPT[@]}" "$@" --name=model \
    -o "$dir/model.o" --header "$dir/model.h"
  "$CC" -O2 -I"$dir" "$ROOT/examples/driver/fmnist-driver.c" "$dir/model.o" \
    -o "$dir/driver"
}

printf 'target CPU: %s\n\n' "${MCPU:-host ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))}"
python3 "$ROOT/scripts/idx-to-npy.py" "$DATA/train-images-idx3-ubyte.gz" \
  "$OUT/calibration.npy" 2000
printf '%-24s %-8s %-9s %s\n' model rescales accuracy "latency per image (batch 1)"
for name in fmnist-cnn fmnist-cnn-qdq fmnist-cnn-qop fmnist-cnn+calibrated \
  fmnist-cnn+calibrated-w7 fmnist-bnn-qonnx; do
  if [[ $name == *+calibrated ]]; then
    compile "$name" --calibrate="$OUT/calibration.npy" --calibration=percentile
  elif [[ $name == *+calibrated-w7 ]]; then
    compile "$name" --calibrate="$OUT/calibration.npy" --calibration=percentile \
      --quantize=weight-bits=7
  else
    compile "$name"
  fi
  result=$("$OUT/$name/driver" "$OUT/t10k-images-idx3-ubyte" \
    "$OUT/t10k-labels-idx1-ubyte" "${IMAGES:-10000}" --repeat "${REPEAT:-1}")
  acc=$(sed -E 's/.*accuracy=([0-9.]+).*/\1/' <<<"$result")
  lat=$(sed -E 's/.*median=([0-9.]+) mean=([0-9.]+).*/median \1 us, mean \2 us/' <<<"$result")
  printf '%-24s %-8s %-9s %s\n' "$name" \
    "$(count 'qnn.rescale ' "$OUT/$name/integer.mlir")" "$acc" "$lat"
done
echo
echo "objects, headers and drivers: $OUT/<model>/{model.o,model.h,driver}"
