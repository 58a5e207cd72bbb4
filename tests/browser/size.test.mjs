// The page's size budget: first load (HTML + JS + CSS + wasm, gzip -9), pdf.js excluded, as
// scripts/site.mjs measured it into build/site/size.json — checked against the files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { site } from './helpers.mjs';

const BUDGET = 450000;  // bytes, gzip: issue 16's target (≤ 450 KB)

test(`first load ≤ ${BUDGET} bytes gzip, and it is everything the page loads before it is used`, () => {
  const report = JSON.parse(fs.readFileSync(path.join(site, 'size.json'), 'utf8'));
  let total = 0;
  for (const f of report.first_load) {
    const bytes = fs.readFileSync(path.join(site, f));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    assert.equal(gz, report.files[f].gzip, f);
    total += gz;
  }
  assert.equal(total, report.first_load_gzip);
  assert.ok(total <= BUDGET, `first load ${total} bytes gzip > budget ${BUDGET}`);
  // What index.html loads is in the list: its scripts, styles and preloads.
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="([^"]+\.(?:mjs|js|css))"/g)) assert.ok(report.first_load.includes(m[1]), `${m[1]} not counted`);
  for (const f of ['worker.js', 'nianbao.js', 'nianbao.wasm']) assert.ok(report.first_load.includes(f), `${f} not counted`);
  // Left out: pdf.js, loaded only when a PDF is opened, and the charts chunk, only when the
  // statistics view opens (not preloaded by index.html).
  assert.deepEqual(report.on_demand.pdf, ['pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs']);
  assert.equal(report.on_demand.charts.length, 1);
  assert.match(report.on_demand.charts[0], /^chunks\/charts-/);
  assert.ok(!html.includes(report.on_demand.charts[0]), 'the charts chunk is not preloaded');
  // And the docx chunk (the Word report), only when it is exported.
  assert.equal(report.on_demand.docx.length, 1);
  assert.match(report.on_demand.docx[0], /^chunks\/report-docx-/);
  assert.ok(!html.includes(report.on_demand.docx[0]), 'the docx chunk is not preloaded');
  // And the 编制 editor, only when that mode is first opened.
  assert.equal(report.on_demand.draft.length, 1);
  assert.match(report.on_demand.draft[0], /^chunks\/draft-editor-/);
  assert.ok(!html.includes(report.on_demand.draft[0]), 'the editor chunk is not preloaded');
  console.log(`first load: ${total} bytes gzip (budget ${BUDGET}); pdf.js on demand: ${report.on_demand.pdf.map((f) => report.files[f].gzip).reduce((a, b) => a + b, 0)} bytes gzip`);
});
