#!/usr/bin/env node
// PDF input: web/pdf-runs.js maps pdf.js text items onto the displayed page (hand-made PDFs with
// rotated and cropped pages); the text runs pdfjs-dist extracts from each fixture PDF equal the
// committed .runs payload; and the CLI reads that payload into the same tables, the same table
// findings, the same narrative findings and the same meta as every other shape of the report
// (tests/fixtures/reports/<r>/, compared as in shapes-test.mjs). Native only (node + the CLI).
//   pdf-test.mjs --cli BIN --pdf tests/fixtures/pdf --fixtures tests/fixtures/reports
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import assert from 'node:assert/strict';
import { extractRuns } from '../fixtures/pdf/extract.mjs';
import { cells, check as run, meta, narrative, rules, same } from './compare.mjs';

const args = process.argv.slice(2);
const opt = (name) => args[args.indexOf(name) + 1];
const cli = opt('--cli'), pdfDir = opt('--pdf'), reports = opt('--fixtures');
const SHAPES = ['page.html', 'pipe-cells.txt', 'layout.txt', 'report.docx'];
const check = (path, extra = []) => run(cli, path, extra);

/// A PDF of Helvetica text (PDF 1.4, no compression): pages of {media, crop?, rotate?, texts: [{size, m, str}]}.
function minimalPdf(pages) {
  const objs = [];
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const kids = [];
  pages.forEach((p, i) => {
    const pageObj = 4 + 2 * i, contentObj = pageObj + 1;
    kids.push(`${pageObj} 0 R`);
    const content = p.texts.map((t) => `BT /F1 ${t.size} Tf ${t.m.join(' ')} Tm (${t.str}) Tj ET`).join('\n');
    objs[pageObj] = `<< /Type /Page /Parent 2 0 R /MediaBox [${p.media.join(' ')}]` +
      (p.crop ? ` /CropBox [${p.crop.join(' ')}]` : '') + (p.rotate ? ` /Rotate ${p.rotate}` : '') +
      ` /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentObj} 0 R >>`;
    objs[contentObj] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  objs[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  for (let n = 1; n < objs.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objs[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n` +
    offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

let passed = 0, failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
  } catch (e) {
    console.error(`FAIL ${name}: ${e.message}`);
    failed++;
  }
}

// 0. web/pdf-runs.js: coordinates on the page as displayed (crop box, /Rotate), y from the
// bottom; sizes from the font metrics (Helvetica: "Hello" is 2.278 em); white space and text
// that does not run left to right on the displayed page are left out.
await step('pdf-runs.js on rotated and cropped pages', async () => {
  const pdf = minimalPdf([
    { media: [0, 0, 600, 800], texts: [{ size: 12, m: [1, 0, 0, 1, 100, 700], str: 'Hello' },
                                       { size: 12, m: [0, 1, -1, 0, 300, 300], str: 'Vertical' },
                                       { size: 12, m: [1, 0, 0, 1, 100, 650], str: '   ' }] },
    // Turned a quarter clockwise for display: text written upwards reads left to right.
    { media: [0, 0, 600, 800], rotate: 90, texts: [{ size: 10, m: [0, 1, -1, 0, 100, 300], str: 'Rotated' }] },
    { media: [0, 0, 600, 800], crop: [50, 100, 550, 700], texts: [{ size: 12, m: [1, 0, 0, 1, 100, 650], str: 'Cropped' }] },
    { media: [0, 0, 600, 800], rotate: 270, texts: [{ size: 10, m: [0, -1, 1, 0, 100, 300], str: 'R270' }] },
  ]);
  const runs = await extractRuns(pdf);
  assert.equal(runs, ['nianbao-runs/1',
    'page 1 600 800', '100 700 27.34 12\tHello',
    'page 2 800 600', '300 500 35.02 10\tRotated',   // user (100,300) -> x = 300, y = 600 - 100
    'page 3 500 600', '50 550 46.02 12\tCropped',    // user (100,650) - crop origin (50,100)
    'page 4 800 600', '500 100 23.9 10\tR270', ''].join('\n'));  // x = 800 - 300, y = 100
  const r = spawnSync(cli, ['check', '--format', 'json', '-'], { input: runs, encoding: 'utf8' });
  const j = JSON.parse(r.stdout);
  assert.equal(j.input.format, 'pdf');
  assert.equal(j.input.text, 'Hello\n\fRotated\n\fCropped\n\fR270\n');
});

const runsFiles = readdirSync(pdfDir).filter((f) => f.endsWith('.runs')).sort();
assert.ok(runsFiles.length > 0, `no .runs fixtures in ${pdfDir}`);
for (const file of runsFiles) {
  const report = basename(file, '.runs');
  const runsPath = join(pdfDir, file), pdfPath = join(pdfDir, `${report}.pdf`);
  const runs = readFileSync(runsPath, 'utf8');

  // 1. pdf.js + web/pdf-runs.js give exactly the committed payload.
  if (existsSync(pdfPath))
    await step(`${report}.pdf -> runs`, async () => {
      const got = await extractRuns(readFileSync(pdfPath));
      if (got !== runs) {
        const a = got.split('\n'), b = runs.split('\n');
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        throw new Error(`differs from ${file} at line ${i + 1}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`);
      }
      assert.match(got, /^nianbao-runs\/1\npage 1 /);
    });

  // 2. The payload is sniffed as PDF runs (and --input pdf reads it the same way).
  const { json: j } = check(runsPath);
  await step(`${report}.runs is read as pdf`, () => {
    assert.equal(j.input?.format, 'pdf');
    assert.equal(typeof j.input.text, 'string');
    assert.ok(j.tables.length >= 3, `only ${j.tables.length} tables`);
    const forced = check(runsPath, ['--input', 'pdf']).json;
    assert.deepEqual(forced, j);
    // Every cell span points at its raw text in the rendition.
    const bytes = Buffer.from(j.input.text, 'utf8');
    for (const t of j.tables)
      for (const c of t.cells) {
        const s = bytes.subarray(c.span.start, c.span.end).toString('utf8');
        assert.ok(s.replace(/\s+/g, '').includes(c.raw.replace(/\s+/g, '')) || c.raw === '', `${t.id} ${c.row}/${c.col}: span "${s}" vs raw "${c.raw}"`);
      }
  });

  // 3. The same report in the other shapes.
  const dir = join(reports, report);
  for (const shape of SHAPES.filter((s) => existsSync(join(dir, s)))) {
    await step(`${report}.runs vs ${report}/${shape}`, () => {
      const base = check(join(dir, shape)).json;
      assert.ok(cells(base).length > 0, `${shape} has no cells`);
      same(cells(j), cells(base), 'cells');
      same(rules(j), rules(base), 'table findings');
      same(narrative(j), narrative(base), 'narrative findings');
      same(meta(j), meta(base), 'meta, deadline and period');
    });
  }
}
console.log(`pdf: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
