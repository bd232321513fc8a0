#!/usr/bin/env bash
# The ctest test package/out-of-tree: installs the build into a scratch
# prefix, configures and builds examples/out-of-tree against it with
# find_package(QuantMLIR), runs both of its programs and checks their
# output with FileCheck (out-of-tree.checks).
#
# Usage: out-of-tree.sh <cmake> <FileCheck> <build dir> <scratch dir> \
#          [cmake arguments for the consumer...]
# Writes only below <scratch dir> (emptied first).
set -euo pipefail
cmake=$1 filecheck=$2 build=$3 work=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../examples/out-of-tree" && pwd)

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

echo "== cmake --install $build --prefix $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
# The tools must run from the prefix: libMLIR.so through their RPATH.
"$prefix/bin/quant-opt" --version >/dev/null

echo "== configure and build $src"
"$cmake" -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" "$@"
"$cmake" --build "$work/build" -j 2

echo "== run"
"$work/build/qnn-fold" "$src/model.mlir" | tee "$work/qnn-fold.out"
"$work/build/model-driver" | tee "$work/model-driver.out"
cat "$work/qnn-fold.out" "$work/model-driver.out" |
  "$filecheck" "$here/out-of-tree.checks"
echo "package/out-of-tree: ok"
