#!/usr/bin/env bash
# Fails when code compiled for a CPU moves bytes lane by lane: every entry
# of a model (every function of an .mlir file, the graph of an .onnx one)
# is compiled to assembly, and the byte inserts and extracts ((v)pinsrb,
# (v)pextrb: what LLVM emits for a masked i8 load or store on a CPU without
# AVX-512BW, one per lane) are counted.
#
#   count-byte-lanes.sh <max per entry> <model> [quant-compile options...]
set -euo pipefail
max=$1
model=$2
shift 2
if [[ $model == *.mlir ]]; then
  entries=$(qnn-ref "$model" --list)
else
  entries=main
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
status=0
for entry in $entries; do
  quant-compile "$model" --entry="$entry" --emit=asm -o "$tmp" "$@"
  n=$(grep -cE '\bv?p(insr|extr)b\b' "$tmp" || true)
  echo "$(basename "$model") @$entry $*: $n byte inserts/extracts"
  if ((n > max)); then
    echo "count-byte-lanes: more than $max in @$entry" >&2
    status=1
  fi
done
exit $status
