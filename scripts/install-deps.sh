#!/usr/bin/env bash
# Installs the Debian 12 packages quant-mlir needs to build and test, plus
# any extra packages named on the command line (the main job adds the
# Fashion-MNIST dataset; --bench adds the benchmarks' peers).
# Idempotent: does nothing when everything is present. Runs apt-get as root
# directly, otherwise through sudo.
set -euo pipefail

# Optional: only bench/run.sh asks for these (install-deps.sh --bench).
# --list prints the package names (one a line) and installs nothing
# (scripts/check-deps.sh uses it).
BENCH_PACKAGES=(libdnnl-dev libopenblas-dev libbenchmark-dev)
extra=()
list=false
for arg in "$@"; do
  if [[ "$arg" == --bench ]]; then
    extra+=("${BENCH_PACKAGES[@]}")
  elif [[ "$arg" == --list ]]; then
    list=true
  else
    extra+=("$arg")
  fi
done

PACKAGES=(
  cmake ninja-build g++ python3 ca-certificates
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
  libclang-rt-22-dev
  clang-format-22
  qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross
  libgtest-dev
  libonnx-dev libprotobuf-dev libonnx-testdata
  python3-numpy python3-onnx
  ${extra[@]+"${extra[@]}"}
)

if $list; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
# Node.js and npm (the ONNX Runtime parity test) count as present when the
# commands exist, however they were installed (a vendor nodejs bundles npm
# and conflicts with Debian's npm package).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
