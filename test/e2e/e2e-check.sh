#!/usr/bin/env bash
# End-to-end check of every function in a test file: random inputs from
# qnn-ref, outputs from the compiled code (quant-run), compared with the
# naive reference interpreter (qnn-ref --check).
#
#   e2e-check.sh <model.mlir> <tmp-prefix> [quant-run options...]
#
# REF_OPTS adds options to the comparison (e.g. --rtol=1e-4), GEN_OPTS to
# the input generation (e.g. --int-min=-100 --int-max=100).
set -euo pipefail
model=$1
tmp=$2
shift 2
entries=$(qnn-ref "$model" --list)
if [[ -z "$entries" ]]; then
  echo "e2e-check: no functions in $model" >&2
  exit 1
fi
for entry in $entries; do
  sig=$(qnn-ref "$model" --entry="$entry" --signature)
  read -r nin nout <<<"$sig"
  qnn-ref "$model" --entry="$entry" --make-inputs="$tmp.$entry.in" --seed=7 \
    ${GEN_OPTS:-}
  ins=()
  outs=()
  checks=()
  for ((i = 0; i < nin; i++)); do ins+=(-i "$tmp.$entry.in$i.npy"); done
  for ((i = 0; i < nout; i++)); do
    outs+=(-o "$tmp.$entry.out$i.npy")
    checks+=(--check "$tmp.$entry.out$i.npy")
  done
  quant-run "$model" --entry="$entry" "${ins[@]}" "${outs[@]}" "$@"
  qnn-ref "$model" --entry="$entry" "${ins[@]}" "${checks[@]}" ${REF_OPTS:-}
done
