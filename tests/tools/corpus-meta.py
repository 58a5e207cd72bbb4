#!/usr/bin/env python3
"""Who and when on the real-report corpus: the CLI's meta against each truth's body, year and
published (not part of scripts/test; a check to run by hand).

usage: tests/tools/corpus-meta.py CLI TRUTH_DIR REPORTS_DIR
Prints one line per report (ok/XX for body, year, published, and the deadline verdict) and a
total of each that matches. PDFs are skipped when the CLI refuses them.
"""
import glob
import json
import os
import subprocess
import sys


def main():
    cli, tdir, rdir = sys.argv[1:4]
    totals = {"body": 0, "year": 0, "published": 0, "n": 0}
    for tf in sorted(glob.glob(os.path.join(tdir, "*.truth.json"))):
        truth = json.load(open(tf, encoding="utf-8"))
        path = os.path.join(rdir, truth["file"])
        run = subprocess.run([cli, "check", "--format", "json", path], capture_output=True)
        try:
            out = json.loads(run.stdout.decode("utf-8").splitlines()[0])
        except (IndexError, ValueError):
            print(f"{truth['file'][:32]:32} not read")
            continue
        meta = out.get("meta", {})
        got = {"body": meta.get("agency"), "year": meta.get("year"), "published": meta.get("published")}
        marks = []
        totals["n"] += 1
        for key in ("body", "year", "published"):
            same = got[key] == truth.get(key)
            totals[key] += same
            marks.append(f"{key} {'ok' if same else 'XX'} {got[key]!s:>14}" + ("" if same else f" (truth {truth.get(key)})"))
        deadline = (out.get("stats") or {}).get("deadline") or {}
        print(f"{truth['file'][:32]:32} " + " | ".join(marks) + f" | deadline {deadline.get('met', '-')}")
    n = totals["n"]
    print(f"TOTAL {n} reports: body {totals['body']}/{n}, year {totals['year']}/{n}, published {totals['published']}/{n}")


if __name__ == "__main__":
    main()
