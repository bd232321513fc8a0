#!/usr/bin/env bash
# The ctest onnx/ort-parity: scripts/ort/parity.js --check on the first 32
# Fashion-MNIST test images. Checked: the float CNN's logits within 1e-5 of
# ONNX Runtime's; the int8 CNNs' 8-bit tensors bit-exact (and logits within
# 1e-5) against the exact int8 reference int8_ref.py, run with <python>;
# the BNN within 1e-4 of PyTorch. ONNX Runtime's own int8 codes are compared
# with the same reference and only reported (on x86 without VNNI its
# vpmaddubsw kernels saturate). Installs onnxruntime-node with npm when it
# is missing; without node, without npm (or network) for the install, or
# without numpy and onnx in <python>, the test is skipped (exit code 77) and
# says why.
# With QUANT_STRICT=1 (scripts/test.sh sets it: its dependencies are
# installed) a missing dependency fails the test instead of skipping it.
#   run-parity.sh <quant-run> <python with numpy and onnx>
set -euo pipefail
skip_code=77
[[ ${QUANT_STRICT:-0} == 1 ]] && skip_code=1
dir=$(cd "${BASH_SOURCE[0]%/*}" && pwd)
quant_run=$1
python=$2
if ! command -v node >/dev/null 2>&1; then
  echo "ort-parity: skipped: node is not installed"
  exit $skip_code
fi
if [[ ! -d "$dir/node_modules/onnxruntime-node" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "ort-parity: skipped: scripts/ort/node_modules is missing and npm" \
      "is not installed (cd scripts/ort && npm install --ignore-scripts)"
    exit $skip_code
  fi
  if ! (cd "$dir" && npm install --ignore-scripts --no-audit --no-fund); then
    echo "ort-parity: skipped: npm install of onnxruntime-node failed" \
      "(offline?)"
    exit $skip_code
  fi
fi
if ! "$python" -c 'import numpy, onnx' >/dev/null 2>&1; then
  echo "ort-parity: skipped: $python cannot import numpy and onnx (needed" \
    "by expose-int8.py and the int8 reference int8_ref.py)"
  exit $skip_code
fi
exec node "$dir/parity.js" --quant-run "$quant_run" --python "$python" \
  --n 32 --bench 200 --check
