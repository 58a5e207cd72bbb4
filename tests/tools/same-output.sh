#!/usr/bin/env bash
# Proves that two builds of the CLI give the same output, byte for byte, on every input the
# repository knows: the seeds, every fixture, the corpus reports (each alone, and the corpus as
# one batch with its cross-year pairs), the fuzz regression inputs and the generated large
# reports. For changes that must not change behaviour (issue 15's restructuring).
#   tests/tools/same-output.sh OLD_CLI NEW_CLI
# Exit 0 when every output and exit code agree; otherwise lists the inputs that differ.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old="${1:?usage: same-output.sh OLD_CLI NEW_CLI}" new="${2:?usage: same-output.sh OLD_CLI NEW_CLI}"
for b in "$old" "$new"; do [ -x "$b" ] || { echo "same-output: $b is not an executable" >&2; exit 2; }; done
shared="${NIANBAO_SHARED:-$root/../shared}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

inputs=()
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(
  find "$shared/seeds" "$root/tests/fixtures" "$shared/corpus/reports" "$root/tests/fuzz/regressions" \
    -type f ! -name '*.json' ! -name '*.md5' -print0 2>/dev/null | sort -z)
node "$root/tests/bench/make-large.mjs" "$tmp/large" >/dev/null 2>&1 &&
  while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$tmp/large" -type f -size -2M -print0 | sort -z)

differ=0 n=0
run() {  # label, then the CLI arguments after the binary
  local label="$1"; shift
  "$old" "$@" >"$tmp/a" 2>"$tmp/a.err"; local ra=$?
  "$new" "$@" >"$tmp/b" 2>"$tmp/b.err"; local rb=$?
  n=$((n + 1))
  if [ "$ra" != "$rb" ] || ! cmp -s "$tmp/a" "$tmp/b" || ! cmp -s "$tmp/a.err" "$tmp/b.err"; then
    differ=$((differ + 1))
    echo "DIFFERS ($ra/$rb): $label"
    diff <(head -c 2000 "$tmp/a") <(head -c 2000 "$tmp/b") | head -6
  fi
}
for f in "${inputs[@]}"; do
  run "json $f" check --format json "$f"
  run "text $f" check --format text "$f"
done
run "corpus batch" check --format json "$shared/corpus/reports"
run "corpus batch text" check --format text --summary "$shared/corpus/reports"
echo "same-output: $((n - differ)) of $n runs identical ($((${#inputs[@]})) inputs)"
[ "$differ" = 0 ]
