#!/usr/bin/env bash
# End-to-end check of every function in a test file: inputs from qnn-ref,
# outputs from the compiled code (quant-run), compared with the naive
# reference interpreter (qnn-ref --check).
#
#   e2e-check.sh <model.mlir> <tmp-prefix> [quant-run options...]
#
# REF_OPTS adds options to the comparison (e.g. --rtol=1e-4), GEN_OPTS to
# the input generation (e.g. --int-min=-100 --int-max=100). PATTERNS lists
# the input patterns to run (qnn-ref --pattern: random, edges, min, max;
# default random). REF_MODEL evaluates the reference on another model with
# the same signature: the model *before* the passes a test exercises, so a
# wrong rewrite cannot hide in both the compiled code and its reference.
set -euo pipefail
model=$1
tmp=$2
shift 2
ref_model=${REF_MODEL:-$model}
entries=$(qnn-ref "$model" --list)
if [[ -z "$entries" ]]; then
  echo "e2e-check: no functions in $model" >&2
  exit 1
fi
for entry in $entries; do
  sig=$(qnn-ref "$model" --entry="$entry" --signature)
  ref_sig=$(qnn-ref "$ref_model" --entry="$entry" --signature)
  if [[ "$sig" != "$ref_sig" ]]; then
    echo "e2e-check: @$entry has signature $sig, $ref_model has $ref_sig" >&2
    exit 1
  fi
  read -r nin nout <<<"$sig"
  for pattern in ${PATTERNS:-random}; do
    prefix="$tmp.$entry.$pattern"
    ins=()
    outs=()
    checks=()
    for ((i = 0; i < nin; i++)); do ins+=(-i "$prefix.in$i.npy"); done
    for ((i = 0; i < nout; i++)); do
      outs+=(-o "$prefix.out$i.npy")
      checks+=(--check "$prefix.out$i.npy")
    done
    # Stale files from an earlier RUN line must not stand in for outputs
    # this run fails to write.
    rm -f "$prefix".in*.npy "$prefix".out*.npy
    qnn-ref "$ref_model" --entry="$entry" --make-inputs="$prefix.in" \
      --seed=7 --pattern="$pattern" ${GEN_OPTS:-}
    quant-run "$model" --entry="$entry" "${ins[@]}" "${outs[@]}" "$@"
    for ((i = 0; i < nout; i++)); do
      if [[ ! -s "$prefix.out$i.npy" ]]; then
        echo "e2e-check: quant-run wrote no output $i for @$entry" >&2
        exit 1
      fi
    done
    echo "@$entry [$pattern]"
    qnn-ref "$ref_model" --entry="$entry" "${ins[@]}" "${checks[@]}" \
      ${REF_OPTS:-}
  done
done
