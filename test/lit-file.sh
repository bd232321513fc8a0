#!/usr/bin/env bash
# Runs one lit file as one ctest test: `lit-file.sh <lit> <test file>`.
# A file whose tests were all UNSUPPORTED on this host (say, REQUIRES: a CPU
# feature it lacks) exits 77, which ctest reports as skipped (the test's
# SKIP_RETURN_CODE), never as passed.
set -uo pipefail
lit=$1
shift
out=$("$lit" -v "$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [[ $rc -eq 0 ]] && grep -q '^UNSUPPORTED: ' <<<"$out" &&
  ! grep -qE '^(PASS|XFAIL): ' <<<"$out"; then
  echo "lit-file: skipped: unsupported on this host (see REQUIRES above)"
  exit 77
fi
exit $rc
