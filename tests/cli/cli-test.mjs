#!/usr/bin/env node
// CLI contract (spec §9): exit codes 0/1/2, JSON one object per file per line, text format,
// stdin, and clear errors for unreadable, empty, binary and oversized input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const args = process.argv.slice(2);
const opt = (name) => args[args.indexOf(name) + 1];
const cli = opt('--cli'), seeds = opt('--seeds'), fixtures = opt('--fixtures');
const seed = (p) => join(seeds, readdirSync(seeds).find((n) => n.startsWith(p)));
const run = (argv, input) => spawnSync(cli, argv, { input, encoding: 'utf8', timeout: 60000, maxBuffer: 1 << 26 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

const cases = {
  'seed 003 exits 1 with the legacy-sum error'() {
    const r = run(['check', '--format', 'json', seed('003')]);
    assert.equal(r.status, 1);
    const j = JSON.parse(r.stdout);
    assert.equal(j.schema, 'nianbao/1');
    const f = j.findings.filter((x) => x.rule === 'legacy-sum');
    assert.equal(f.length, 1);
    assert.equal(f[0].expected, 6);
    assert.equal(f[0].actual, 9);
  },
  '--cells FILE: a corrected cell is checked with its new value and says so in the output'() {
    // The file holds cells as the output writes them, with their table (raw and span are passed over).
    const out = JSON.parse(run(['check', seed('003')]).stdout);
    const cell = out.tables.find((t) => t.id === 'legacy').cells.find((c) => c.row === '五、行政诉讼数量');
    const file = join(tmp, 'cells.json');
    writeFileSync(file, JSON.stringify([{ table: 'legacy', ...cell, value: 6 }]));
    const r = run(['check', '--cells', file, seed('003')]);
    const j = JSON.parse(r.stdout);
    assert.equal(j.findings.filter((f) => f.rule === 'legacy-sum').length, 0, 'the sum holds with 6');
    const got = j.tables.find((t) => t.id === 'legacy').cells.find((c) => c.row === '五、行政诉讼数量');
    assert.equal(got.value, 6);
    assert.equal(got.corrected, true);
    assert.equal(got.raw, '9');  // as written
    // A cell no table of the report has: the core's error for that report, exit 2.
    writeFileSync(file, JSON.stringify([{ table: 'T3', row: '（一）予以公开', col: '自然人', value: 1 }]));
    const bad = run(['check', '--cells', file, seed('003')]);
    assert.equal(bad.status, 2);
    assert.equal(JSON.parse(bad.stdout).error.code, 'bad_cells');
    // Not a JSON array of cells: a usage error.
    writeFileSync(file, '{"cells": 1}');
    const usage = run(['check', '--cells', file, seed('003')]);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--cells/);
  },
  'seed 001 exits 0'() {
    assert.equal(run(['check', seed('001')]).status, 0);
  },
  'several files: one JSON object per line, worst exit code'() {
    const r = run(['check', seed('001'), seed('003')]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((l) => JSON.parse(l).file), [seed('001'), seed('003')]);
  },
  'text format: one line per finding with line number and rule'() {
    const r = run(['check', '--format', 'text', seed('003')]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /:97: 错误 \[legacy-sum\] 「五、行政诉讼数量」应为5\+0\+1=6，表中填报为9/);
  },
  'stdin with -'() {
    const r = run(['check', '-'], '五、行政诉讼数量 | 件 | 2 | |||\n（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 1 | |||\n（二）被依法纠错数 | 件 | 0 | |||\n（三）其他情形数 | 件 | 0 | |||\n');
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).file, '-');
  },
  'missing file: exit 2 and a message'() {
    const r = run(['check', join(tmp, 'nope.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法打开文件/);
  },
  'empty file: exit 2, error JSON'() {
    const p = join(tmp, 'empty.txt'); writeFileSync(p, '');
    const r = run(['check', p]);
    assert.equal(r.status, 2);
    assert.equal(JSON.parse(r.stdout).error.code, 'empty_input');
    assert.match(r.stderr, /输入为空/);
  },
  'binary garbage: exit 2'() {
    const p = join(tmp, 'bin.dat'); writeFileSync(p, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    const r = run(['check', p]);
    assert.equal(r.status, 2);
    assert.equal(JSON.parse(r.stdout).error.code, 'not_text');
  },
  '10 MB random file: exit 2 within the time limit'() {
    const buf = Buffer.alloc(10 << 20);
    let x = 12345;
    for (let i = 0; i < buf.length; i++) { x = (x * 1103515245 + 12345) >>> 0; buf[i] = x >>> 24; }
    const p = join(tmp, 'random.bin'); writeFileSync(p, buf);
    const r = run(['check', p]);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.length > 0);
  },
  'DOCX: truncated, zip bomb and not-a-zip give exit 2 and a message; no tables is fine'() {
    for (const name of ['truncated.docx', 'bomb.docx', 'bomb-lie.docx', 'no-document.docx']) {
      const r = run(['check', join(fixtures, 'docx-unit', name)]);
      assert.equal(r.status, 2, `${name}: ${r.stderr}`);
      assert.match(JSON.parse(r.stdout).error.code, /^(bad_docx|too_large)$/, name);
      assert.ok(r.stderr.length > 0);
    }
    const plain = run(['check', join(fixtures, 'docx-unit', 'paragraphs.docx')]);
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(JSON.parse(plain.stdout).input.format, 'docx');
  },
  'HTML: malformed markup still gives a result; --input forces the reader'() {
    const p = join(tmp, 'broken.html');
    writeFileSync(p, '<html><body><table><tr><td>五、行政诉讼数量<td>件<td>9</tr><tr><td>（一）维持具体行政行为或者驳回原告诉讼请求数<td>件<td>5' +
      '<tr><td>（二）被依法纠错数<td>件<td>0<tr><td>（三）其他情形数<td>件<td>1</table><p>未闭合<div><b>');
    const r = run(['check', p]);
    assert.equal(r.status, 1, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.input.format, 'html');
    assert.ok(j.findings.some((f) => f.rule === 'legacy-sum' && f.expected === 6 && f.actual === 9));
    const forced = run(['check', '--input', 'text', p]);
    assert.equal(JSON.parse(forced.stdout).input.format, 'text');
    assert.equal(run(['check', '--input', 'pdf', p]).status, 2);
  },
  'draft: the form, a start from last year, and a draft written out and checked'() {
    const form = JSON.parse(run(['draft', 'form']).stdout);
    assert.deepEqual(form.sections.map((x) => x.number), ['一', '二', '三', '四', '五', '六']);
    const values = (id) => form.tables.find((t) => t.id === id).rows.flat().filter((c) => c.col);
    assert.deepEqual(['T2', 'T3', 'T4'].map((id) => values(id).length), [10, 175, 15]);
    // Start from a 2022 report written from a draft: next year, its 结转 as 上年结转.
    const draft = {
      agency: '示例市交通运输局', year: 2022, date: '2023年1月20日', overview: '', problems: '', other: '',
      // Three requests from people, all carried to next year.
      cells: values('T3').map((c) => ({ table: 'T3', row: c.row, col: c.col,
        value: /^[一四]、/.test(c.row) && (c.col === '自然人' || c.col === '总计') ? 3 : 0 })),
    };
    const file = join(tmp, 'draft.json');
    writeFileSync(file, JSON.stringify(draft));
    const md = run(['draft', 'render', file]);
    assert.equal(md.status, 0, md.stderr);
    assert.ok(md.stdout.startsWith('示例市交通运输局2022年政府信息公开工作年度报告\n'));
    const mdFile = join(tmp, 'draft.md');
    writeFileSync(mdFile, md.stdout);
    const checked = JSON.parse(run(['check', mdFile]).stdout);
    assert.equal(checked.stats.errors, 0, JSON.stringify(checked.findings.filter((f) => f.severity === 'error')));
    const start = JSON.parse(run(['draft', 'start', mdFile]).stdout);
    assert.equal(start.draft.year, 2023);
    assert.equal(start.carried.length, 7);
    for (const c of start.carried) assert.deepEqual([c.row, c.value], ['二、上年结转政府信息公开申请数量', 3 * (c.col === '自然人' || c.col === '总计')]);
    // Not a draft: exit 2 with the reason.
    writeFileSync(file, JSON.stringify({ ...draft, year: 2019 }));
    const bad = run(['draft', 'render', file]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /2021/);
    assert.equal(run(['draft']).status, 2);
  },
  'usage errors exit 2'() {
    assert.equal(run([]).status, 2);
    assert.equal(run(['lint']).status, 2);
    assert.equal(run(['check', '--format', 'xml', seed('001')]).status, 2);
    assert.equal(run(['check', '--bogus', seed('001')]).status, 2);
    assert.equal(run(['check']).status, 2);
    assert.equal(run(['--version']).status, 0);
  },
};

let passed = 0, failed = 0;
for (const [name, fn] of Object.entries(cases)) {
  try { fn(); console.log(`ok   ${name}`); passed++; }
  catch (e) { console.error(`FAIL ${name}\n${e.stack}`); failed++; }
}
console.log(`cli: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
