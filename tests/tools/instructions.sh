#!/usr/bin/env bash
# Instructions per check, deterministic where wall-clock time on a shared machine is not:
# callgrind's Ir of `nianbao_bench --runs 3 FILE` minus that of `--runs 1`, halved (start-up,
# ICU and the first check's warm-up cancel out). Issue 15's restructuring keeps these within ±3%.
#   tests/tools/instructions.sh BENCH_BINARY FILE...    (needs valgrind)
set -euo pipefail
bench="$1"; shift
ir() {  # runs, file
  local out; out="$(mktemp)"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$bench" --runs "$1" "$2" >/dev/null 2>&1
  awk '/^summary:/ { print $2 }' "$out"; rm -f "$out"
}
for f in "$@"; do
  one="$(ir 1 "$f")" three="$(ir 3 "$f")"
  echo "$(( (three - one) / 2 )) $f"
done
