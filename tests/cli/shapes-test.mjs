#!/usr/bin/env node
// The same report in every shape (web copies, pdftotext layout, markdown, GBK, HTML, DOCX)
// yields the same tables, table findings, narrative findings and meta. Run-together text must agree on every
// cell it could split, and may only leave cells out with a cell-ambiguous finding.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { cells, check as run, meta, narrative, rules, same } from './compare.mjs';

const args = process.argv.slice(2);
const opt = (name) => args[args.indexOf(name) + 1];
const cli = opt('--cli'), root = opt('--fixtures');
const check = (path) => run(cli, path).json;
const SAME = ['pipe-cells.txt', 'pipe-rows.txt', 'layout.txt', 'markdown.md', 'markdown-mini.md', 'gbk.txt', 'page.html', 'report.docx'];

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
// Crawled HTML tables as plain text, one cell per line (tests/fixtures/shapes/crawl, written by
// its make-lines.mjs from pipe-rows.txt): `<report>-lines.txt` reads as the report's other shapes
// do; `<report>-dropped.txt` (lines equal to the one before dropped, numbers broken over lines)
// agrees on every cell it placed and says cell-ambiguous for the rows it left out.
const crawl = join(root, '..', 'shapes', 'crawl');
if (existsSync(crawl)) {
  for (const name of readdirSync(crawl).filter((n) => n.endsWith('.txt')).sort()) {
    const m = /^(.*)-(lines|dropped)\.txt$/.exec(name);
    if (!m || !existsSync(join(root, m[1], 'pipe-rows.txt'))) continue;
    try {
      const base = check(join(root, m[1], 'pipe-rows.txt'));
      const j = check(join(crawl, name));
      if (m[2] === 'lines') {
        same(cells(j), cells(base), 'cells');
        same(rules(j), rules(base), 'table findings');
        same(narrative(j), narrative(base), 'narrative findings');
      } else {
        const all = new Set(cells(base));
        for (const c of cells(j)) assert.ok(all.has(c), `cell not in the other shapes: ${c}`);
        const missing = cells(base).length - cells(j).length;
        assert.ok(missing === 0 || j.findings.some((f) => f.rule === 'cell-ambiguous'), `${missing} cells missing without a cell-ambiguous finding`);
        assert.deepEqual(rules(j).filter((r) => /\|error\|/.test(r)), [], 'no table errors');
      }
      passed++;
    } catch (e) {
      console.error(`FAIL shapes/crawl/${name} vs ${m[1]}/pipe-rows.txt: ${e.message}`);
      failed++;
    }
  }
}
console.log(`shapes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
