#!/usr/bin/env node
// The same report in every shape (web copies, pdftotext layout, markdown, GBK, HTML, DOCX)
// yields the same tables, the same table findings, the same narrative findings and meta. Run-together text must agree on every
// cell it could split, and may only leave cells out with a cell-ambiguous finding.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const args = process.argv.slice(2);
const opt = (name) => args[args.indexOf(name) + 1];
const cli = opt('--cli'), root = opt('--fixtures');
const SAME = ['pipe-cells.txt', 'pipe-rows.txt', 'layout.txt', 'markdown.md', 'markdown-mini.md', 'gbk.txt', 'page.html', 'report.docx'];
const TABLE_RULE = /^(t2-|t3-|t4-|legacy-|cell-blank|cell-invalid|template-)/;

function check(path) {
  const r = spawnSync(cli, ['check', '--format', 'json', path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, `${path}: exit ${r.status} ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const cells = (j) => j.tables.flatMap((t) => t.cells.map((c) => `${t.id}|${t.template}|${c.row}|${c.col}|${c.value}`)).sort();
const rules = (j) => j.findings.filter((f) => TABLE_RULE.test(f.rule))
  .map((f) => `${f.rule}|${f.severity}|${f.expected}|${f.actual}|${f.message}`).sort();
// The narrative reads the same text in every shape (a saved page adds only its chrome).
const narrative = (j) => j.findings.filter((f) => !TABLE_RULE.test(f.rule) && !/^(cell-|table-|site-chrome)/.test(f.rule))
  .map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();
const meta = (j) => [JSON.stringify(j.meta), JSON.stringify(j.stats.deadline ?? null), JSON.stringify(j.stats.period ?? null)];

/// Throws with the first few differences only.
function same(actual, expected, what) {
  const a = new Set(actual), e = new Set(expected);
  const missing = expected.filter((x) => !a.has(x)), extra = actual.filter((x) => !e.has(x));
  if (missing.length || extra.length)
    throw new Error(`${what} differ: ${missing.length} missing (${missing.slice(0, 3).join('; ')}), ` +
                    `${extra.length} extra (${extra.slice(0, 3).join('; ')})`);
}

let passed = 0, failed = 0;
for (const report of readdirSync(root).sort()) {
  const dir = join(root, report);
  const present = SAME.filter((f) => existsSync(join(dir, f)));
  const base = check(join(dir, present[0]));
  for (const shape of present.slice(1)) {
    try {
      const j = check(join(dir, shape));
      same(cells(j), cells(base), 'cells');
      same(rules(j), rules(base), 'table findings');
      same(narrative(j), narrative(base), 'narrative findings');
      same(meta(j), meta(base), 'meta, deadline and period');
      passed++;
    } catch (e) {
      console.error(`FAIL ${report}/${shape} vs ${present[0]}: ${e.message}`);
      failed++;
    }
  }
  // Run-together: every cell it placed agrees; every row it left out is reported.
  const rt = join(dir, 'runtogether.txt');
  if (existsSync(rt)) {
    try {
      const j = check(rt);
      const all = new Set(cells(base));
      for (const c of cells(j)) assert.ok(all.has(c), `run-together cell not in the other shapes: ${c}`);
      const missing = cells(base).length - cells(j).length;
      const ambiguous = j.findings.filter((f) => f.rule === 'cell-ambiguous').length;
      assert.ok(missing === 0 || ambiguous > 0, `${missing} cells missing without a cell-ambiguous finding`);
      passed++;
    } catch (e) {
      console.error(`FAIL ${report}/runtogether.txt: ${e.message}`);
      failed++;
    }
  }
}
console.log(`shapes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
