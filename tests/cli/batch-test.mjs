#!/usr/bin/env node
// Batch mode (issue 6): `nianbao check DIR` on 1,000 generated reports (tests/tools/make-batch.mjs:
// 500 bodies × their 2021 and 2022 reports; every 10th body's 2021 report carries one more over —
// xyear-carry on 自然人 and 总计 —, every 25th body's 2022 report is narrative/defects.txt).
// Checks: one JSON line per report in sorted path order, the same output with --jobs 1 and 2,
// the cross-year pairs and exactly the planted findings, the --summary table, exit codes.
//   batch-test.mjs --cli BIN
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { carried, makeBatch } from '../tools/make-batch.mjs';

const args = process.argv.slice(2);
const opt = (name) => args[args.indexOf(name) + 1];
const cli = opt('--cli');
const dir = makeBatch(mkdtempSync(join(tmpdir(), 'nianbao-batch-')), 500);
const BODIES = 500;
writeFileSync(join(dir, 'body-000', 'scan.png'), 'not a report');  // not a report file: skipped

const run = (argv) => spawnSync(cli, argv, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600000 });
let passed = 0, failed = 0;
function test(name, fn) {
  try { fn(); passed++; } catch (e) { failed++; console.error(`FAIL ${name}: ${e.message}`); }
}

const t0 = Date.now();
const two = run(['check', '--jobs', '2', '--summary', dir]);
const ms = Date.now() - t0;
const one = run(['check', '--jobs', '1', '--summary', dir]);
const lines = two.stdout.trim().split('\n').map((l) => JSON.parse(l));
const reports = lines.filter((j) => j.findings !== undefined);
const cross = lines.find((j) => j.cross_year);
const summary = lines.find((j) => j.summary);

test('1,000 reports, one JSON line each, in sorted path order; exit 1 (some have errors)', () => {
  assert.equal(two.status, 1, two.stderr);
  assert.equal(reports.length, 1000);
  const files = reports.map((r) => r.file);
  assert.deepEqual(files, [...files].sort());
  assert.equal(new Set(files).size, 1000);
  assert.ok(!files.some((f) => f.endsWith('.png')));
  assert.equal(lines.length, 1002, 'then one cross_year and one summary line');
});

test('the same bytes with --jobs 1 and --jobs 2', () => {
  assert.equal(one.status, two.status);
  assert.equal(one.stdout, two.stdout);
});

test('every body paired across its two years; exactly the planted carry-overs found', () => {
  assert.ok(cross, 'a cross_year line');
  assert.equal(cross.cross_year.length, BODIES);
  for (const p of cross.cross_year) {
    const i = Number(/示例(\d+)市/.exec(p.agency)[1]);
    assert.equal(p.year, 2022);
    assert.equal(p.file, join(dir, `body-${String(i).padStart(3, '0')}`, '2022.txt'));
    assert.equal(reports[p.index].file, p.file);
    assert.equal(reports[p.previous_index].file, p.previous_file);
    const rules = p.findings.map((f) => f.rule + ':' + (/自然人|总计/.exec(f.message) || [''])[0]);
    assert.deepEqual(rules, carried(i) ? ['xyear-carry:自然人', 'xyear-carry:总计'] : [], p.agency);
  }
});

test('--summary: a row per report by body and year, the counts of its report, the totals', () => {
  assert.ok(summary, 'a summary line');
  const s = summary.summary;
  assert.equal(s.reports, 1000);
  assert.equal(s.unreadable, 0);
  assert.equal(s.with_errors, BODIES / 25);
  const byFile = new Map(reports.map((r) => [r.file, r]));
  const order = s.rows.map((r) => `${r.agency}|${r.year}`);
  for (let k = 0; k < s.rows.length; k += 2) {
    assert.equal(s.rows[k].agency, s.rows[k + 1].agency);
    assert.deepEqual([s.rows[k].year, s.rows[k + 1].year], [2021, 2022]);
  }
  assert.equal(new Set(order).size, 1000);
  for (const row of s.rows) {
    const r = byFile.get(row.file);
    assert.equal(row.agency, r.meta.agency);
    assert.equal(row.errors, r.stats.errors);
    assert.equal(row.warnings, r.stats.warnings);
  }
});

test('--summary in text: a table per body, then the totals', () => {
  const r = run(['check', '--format', 'text', '--summary', join(dir, 'body-007'), join(dir, 'body-013')]);
  assert.equal(r.status, 1);
  const tail = r.stdout.trim().split('\n').slice(-6);
  assert.deepEqual(tail[0].split('\t'), ['机关', '年度', '文件', '错误', '警告', '提示']);
  assert.equal(tail[1].split('\t')[0], '示例13市交通运输局');
  assert.equal(tail[2].split('\t')[0], '');  // same body: its name once
  assert.equal(tail[3].split('\t').slice(0, 2).join('|'), '示例7市交通运输局|2021');
  assert.equal(tail[4].split('\t')[0], '');
  assert.match(tail[5], /^合计：4 份报告，1 份有错误，0 份无法检查$/);
});

test('unreadable inputs and bad options: exit 2, the rest still checked', () => {
  const r = run(['check', '--summary', join(dir, 'body-001', '2021.txt'), join(dir, 'missing.txt')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing\.txt: 无法打开文件/);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out[0].file, join(dir, 'body-001', '2021.txt'));
  assert.equal(out.at(-1).summary.unreadable, 1);
  for (const bad of [['--jobs', '0'], ['--jobs', 'x'], ['--jobs']]) assert.equal(run(['check', ...bad, dir]).status, 2, bad.join(' '));
});

rmSync(dir, { recursive: true, force: true });
console.log(`batch: ${passed} passed, ${failed} failed (1,000 reports with --jobs 2 in ${ms} ms)`);
process.exit(failed ? 1 : 0);
