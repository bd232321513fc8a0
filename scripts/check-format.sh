#!/usr/bin/env bash
# The format check (ctest `format/clang-format`, so CI runs it): every C
# and C++ file of the repository must be as Debian's clang-format-22
# formats it with the repository's .clang-format (LLVM style). Lists the
# files that differ and exits 1; `scripts/check-format.sh --fix` rewrites
# them in place instead.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLANG_FORMAT=${CLANG_FORMAT:-clang-format-22}
command -v "$CLANG_FORMAT" >/dev/null || {
  echo "check-format: $CLANG_FORMAT not found (scripts/install-deps.sh installs it)" >&2
  exit 1
}
cd "$ROOT"
# Tracked files in a checkout; every source file otherwise (a tarball).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.c')
else
  mapfile -t files < <(find bench examples include lib test tools unittests \
    -name '*.cpp' -o -name '*.h' -o -name '*.c' | sort)
fi
if [[ "${1:-}" == "--fix" ]]; then
  "$CLANG_FORMAT" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$CLANG_FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted" \
    "(scripts/check-format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
