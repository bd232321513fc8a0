#!/usr/bin/env bash
# AArch64 end-to-end check of every function in a test file: each is
# cross-compiled by quant-compile for aarch64-linux-gnu, linked with the C
# driver Inputs/npy-driver.c (aarch64-linux-gnu-gcc, static), run under
# qemu-aarch64 on qnn-ref's random inputs and compared with qnn-ref.
#
#   aarch64-check.sh <model.mlir> <tmp-dir> [quant-compile options...]
#
# AARCH64_CPU (default generic) is the --mcpu. Functions must have one f32
# output (what the driver writes).
set -euo pipefail
model=$1
tmp=$2
shift 2
driver=$(cd "$(dirname "$0")" && pwd)/Inputs/npy-driver.c
mkdir -p "$tmp"
entries=$(qnn-ref "$model" --list)
if [[ -z "$entries" ]]; then
  echo "aarch64-check: no functions in $model" >&2
  exit 1
fi
for entry in $entries; do
  read -r nin nout <<<"$(qnn-ref "$model" --entry="$entry" --signature)"
  if [[ "$nout" != 1 ]]; then
    echo "aarch64-check: @$entry has $nout outputs (one supported)" >&2
    exit 1
  fi
  base="$tmp/$entry"
  qnn-ref "$model" --entry="$entry" --make-inputs="$base.in" --seed=7
  quant-compile "$model" --entry="$entry" --target-triple=aarch64-linux-gnu \
    --mcpu="${AARCH64_CPU:-generic}" -o "$base.o" --header "$base.h" \
    --name=model "$@"
  aarch64-linux-gnu-gcc -std=c99 -O2 -static -DMODEL_HEADER="\"$base.h\"" \
    "$driver" "$base.o" -lm -o "$base.bin"
  ins=()
  refs=()
  for ((i = 0; i < nin; i++)); do
    ins+=("$base.in$i.npy")
    refs+=(-i "$base.in$i.npy")
  done
  qemu-aarch64 "$base.bin" "${ins[@]}" "$base.out.npy" >/dev/null
  qnn-ref "$model" --entry="$entry" "${refs[@]}" --check "$base.out.npy" \
    ${REF_OPTS:-}
done
