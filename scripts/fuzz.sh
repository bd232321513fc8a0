#!/usr/bin/env bash
# Runs a libFuzzer target of tools/fuzz for a given time:
#
#   scripts/fuzz.sh [--bin PATH] [--work DIR] TARGET SECONDS [libFuzzer args]
#
# TARGET is fuzz-onnx-import or fuzz-qnn-pipeline. Without --bin the target
# is built in the sanitizer tree (scripts/build-asan.sh, build-asan/). The
# seeds (scripts/fuzz-corpus.py: the repository's test inputs) go to
# WORK/seed, new inputs to WORK/corpus (kept between runs), crashes, leaks,
# timeouts and OOMs to WORK/artifacts/ (WORK defaults to
# build-asan/fuzz/TARGET). Exits non-zero when libFuzzer found anything;
# prints libFuzzer's final statistics and the last coverage line.
# The ctest tests fuzz/<target> (label fuzz) are 30-second runs of this.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bin=
work=
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
  --bin) bin=$2; shift 2 ;;
  --work) work=$2; shift 2 ;;
  *) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ $# -lt 2 ]]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
case $target in
fuzz-onnx-import) max_len=65536 timeout=30 ;;
fuzz-qnn-pipeline) max_len=16384 timeout=30 ;;
*) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
esac
build=${ASAN_BUILD_DIR:-$ROOT/build-asan}
if [[ -z $bin ]]; then
  ASAN_BUILD_DIR=$build "$ROOT/scripts/build-asan.sh" "$target"
  bin=$build/bin/$target
fi
work=${work:-$build/fuzz/$target}
mkdir -p "$work/seed" "$work/corpus" "$work/artifacts"
python3 "$ROOT/scripts/fuzz-corpus.py" "$target" "$work/seed" \
  --max-size "$max_len"
source "$ROOT/scripts/sanitizer-env.sh"
log=$work/fuzz.log
status=0
"$bin" -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" \
  -rss_limit_mb=3072 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$work/seed" \
  >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+.*(cov|DONE)' "$log" | tail -1 || true
grep -E "^stat::" "$log" | awk "!seen[\$0]++" || true
if [[ $status -ne 0 ]]; then
  tail -60 "$log" >&2
  echo "fuzz.sh: $target failed (exit $status); log $log, inputs in" \
    "$work/artifacts/" >&2
fi
exit $status
