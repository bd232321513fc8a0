#!/usr/bin/env bash
# The fresh-machine check that .ci/run makes before building: every tool and
# file the build and the tests call must exist AND belong to a Debian
# package that scripts/install-deps.sh installs (one of its packages or a
# dependency of one). A tool installed by hand, or by another project, on
# the machine at hand then fails here instead of hiding a missing install
# step (as clang-22 once did). scripts/fresh-root-test.sh is the full form:
# the README's commands in a new Debian 12 root made with debootstrap.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# What the build and the tests run (lit RUN lines, ctest commands, scripts).
FILES=(
  /usr/bin/cmake /usr/bin/ninja /usr/bin/g++ /usr/bin/python3
  /usr/lib/llvm-22/bin/clang /usr/lib/llvm-22/bin/FileCheck
  /usr/bin/clang-format-22
  /usr/lib/llvm-22/bin/not /usr/lib/llvm-22/bin/count
  /usr/lib/llvm-22/bin/lit /usr/lib/llvm-22/bin/mlir-tblgen
  /usr/lib/llvm-22/lib/cmake/mlir/MLIRConfig.cmake
  /usr/lib/llvm-22/lib/libMLIR.so
  /usr/lib/llvm-22/bin/llvm-symbolizer
  /usr/lib/llvm-22/lib/clang/22/lib/linux/libclang_rt.asan-x86_64.a
  /usr/lib/llvm-22/lib/clang/22/lib/linux/libclang_rt.fuzzer-x86_64.a
  /usr/include/gtest/gtest.h /usr/include/onnx/onnx_pb.h
  /usr/include/google/protobuf/message.h
  /usr/share/libonnx-testdata/data/node
  /usr/bin/qemu-aarch64 /usr/bin/aarch64-linux-gnu-gcc
  /usr/aarch64-linux-gnu/lib/libc.a
)
# Node may come from Debian or elsewhere (install-deps accepts either).
OPTIONAL_OWNER=(node npm)

mapfile -t wanted < <(bash "$ROOT/scripts/install-deps.sh" --list)
closure=$(apt-cache depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances "${wanted[@]}" \
  2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)

status=0
for f in "${FILES[@]}"; do
  if [[ ! -e "$f" ]]; then
    echo "check-deps: missing $f" >&2
    status=1
    continue
  fi
  real=$(readlink -f "$f")
  owner=$(dpkg -S "$f" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
  pkg=${owner%%:*}
  pkg=${pkg%%,*}
  if [[ -z "$pkg" ]]; then
    echo "check-deps: $f belongs to no Debian package" >&2
    status=1
  elif ! grep -qxF "$pkg" <<<"$closure"; then
    echo "check-deps: $f comes from package $pkg, which" \
      "scripts/install-deps.sh does not install" >&2
    status=1
  fi
done
for cmd in "${OPTIONAL_OWNER[@]}"; do
  command -v "$cmd" >/dev/null || {
    echo "check-deps: $cmd is not installed" >&2
    status=1
  }
done
/usr/bin/python3 -c 'import numpy, onnx' 2>/dev/null || {
  echo "check-deps: /usr/bin/python3 lacks numpy or onnx" >&2
  status=1
}
if [[ $status -eq 0 ]]; then
  echo "check-deps: ${#FILES[@]} tools and files, all from packages" \
    "scripts/install-deps.sh installs"
fi
exit $status
