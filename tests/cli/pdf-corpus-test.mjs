#!/usr/bin/env node
// Page = CLI on real PDFs: for every PDF of the corpus (../shared/corpus/reports/*.pdf), the
// runs payload the page's own code path extracts (pdfjs-dist + web/pdf-runs.js with the page's
// options, tests/fixtures/pdf/extract.mjs) is checked by the CLI, and the CLI is run on the .pdf
// itself (its helper, core/cli/pdf-runs.mjs, under node); both JSON results must be the same in
// everything but the file name: input text, tables and cells, findings, meta, statistics.
// Also: the PDF shapes of tests/fixtures/shapes/pdf, a PDF without text, a damaged PDF,
// missing node/pdfjs-dist/helper, and a directory with PDFs under --jobs.
//   pdf-corpus-test.mjs --cli BIN [--corpus DIR]      (default: ../shared/corpus beside the repository)
// Exit 77 (ctest: skipped) when the corpus folder is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { extractRuns } from '../fixtures/pdf/extract.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cli = opt('--cli');
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = opt('--corpus') || resolve(repo, '..', 'shared', 'corpus');
const reports = join(corpus, 'reports');

const run = (argv, input) => spawnSync(cli, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
/// The CLI's JSON for one input, without the file name (the only field that names the input).
function json(r, what) {
  assert.ok(r.stdout, `${what}: no output (exit ${r.status}): ${r.stderr}`);
  const j = JSON.parse(r.stdout.split('\n')[0]);
  delete j.file;
  return j;
}

let passed = 0, failed = 0;
async function step(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
    passed++;
  } catch (e) {
    console.error(`FAIL ${name}: ${e.message}`);
    failed++;
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
try {
  if (!existsSync(reports)) {
    console.log(`SKIP page = CLI on the corpus PDFs: ${reports} is absent (the corpus lives beside the repository)`);
  } else {
    const pdfs = readdirSync(reports).filter((f) => f.endsWith('.pdf')).sort();
    assert.ok(pdfs.length > 0, `no PDF in ${reports}`);
    for (const f of pdfs) {
      await step(`${f}: CLI on the PDF = CLI on the page's runs`, async () => {
        const pdfPath = join(reports, f);
        const runs = await extractRuns(readFileSync(pdfPath));
        const page = json(run(['check', '--format', 'json', '-'], runs), `${f} runs`);
        const direct = run(['check', '--format', 'json', pdfPath]);
        const cliJson = json(direct, f);
        assert.equal(cliJson.input.format, 'pdf');
        assert.ok(cliJson.tables.length > 0, 'no table read');
        // The parts one by one (a readable failure), then everything.
        assert.deepEqual(cliJson.input, page.input, 'input (the rendition)');
        assert.deepEqual(cliJson.tables, page.tables, 'tables and cells');
        assert.deepEqual(cliJson.findings, page.findings, 'findings');
        assert.deepEqual(cliJson, page);
        assert.equal(direct.status, run(['check', '--format', 'json', '-'], runs).status, 'exit code');
      });
    }
  }

  // The PDF shapes (tests/fixtures/shapes/pdf, made by tests/fixtures/pdf/make-pdf.mjs): the
  // committed runs are what the page's path extracts, and the CLI reads the PDF the same way.
  const shapes = join(repo, 'tests', 'fixtures', 'shapes', 'pdf');
  for (const f of existsSync(shapes) ? readdirSync(shapes).filter((n) => n.endsWith('.pdf')).sort() : []) {
    await step(`shapes/pdf/${f}: runs as committed, CLI on the PDF = CLI on the runs`, async () => {
      const runsPath = join(shapes, f.replace(/\.pdf$/, '.runs'));
      assert.equal(await extractRuns(readFileSync(join(shapes, f))), readFileSync(runsPath, 'utf8'));
      assert.deepEqual(json(run(['check', '--format', 'json', join(shapes, f)]), f), json(run(['check', '--format', 'json', runsPath]), runsPath));
    });
  }

  // A PDF without any text (a scan): a clear message and exit 2, never an empty clean report.
  const blank = join(tmp, 'scan.pdf');
  writeFileSync(blank, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  await step('a PDF without text: a clear message, exit 2', () => {
    const r = run(['check', '--format', 'json', blank]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /没有可提取的文字/);
    assert.equal(JSON.parse(r.stdout).error.code, 'empty_input');
  });
  await step('a damaged PDF: a clear message, exit 2', () => {
    const bad = join(tmp, 'bad.pdf');
    writeFileSync(bad, '%PDF-1.7\nthis is not a PDF body\n');
    const r = run(['check', bad]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.pdf: .*PDF/);
  });
  await step('node or pdfjs-dist missing: exit 2 with what to do', () => {
    const env = { ...process.env };
    const noNode = spawnSync(cli, ['check', blank], { encoding: 'utf8', env: { ...env, NIANBAO_NODE: '/nonexistent/node' } });
    assert.equal(noNode.status, 2);
    assert.match(noNode.stderr, /需要 node/);
    const noPdfjs = spawnSync(cli, ['check', blank], { encoding: 'utf8', env: { ...env, NIANBAO_PDFJS_DIR: join(tmp, 'none') } });
    assert.equal(noPdfjs.status, 2);
    assert.match(noPdfjs.stderr, /找不到 pdfjs-dist.*npm install/);
    const noHelper = spawnSync(cli, ['check', blank], { encoding: 'utf8', env: { ...env, NIANBAO_PDF_HELPER: join(tmp, 'none.mjs') } });
    assert.equal(noHelper.status, 2);
    assert.match(noHelper.stderr, /pdf-runs\.mjs.*未找到/);
  });
  await step('a directory with PDFs, --jobs 2: read in order, the same results', () => {
    const dir = join(tmp, 'dir');
    const fixtures = join(repo, 'tests', 'fixtures', 'pdf');
    spawnSync('mkdir', ['-p', dir]);
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.pdf')).sort().slice(0, 3);
    for (const n of names) copyFileSync(join(fixtures, n), join(dir, n));
    writeFileSync(join(dir, 'notes.txt'), '一、总体情况\n');
    const one = run(['check', '--format', 'json', '--jobs', '1', dir]);
    const two = run(['check', '--format', 'json', '--jobs', '2', dir]);
    assert.equal(one.stdout, two.stdout);
    const files = one.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((j) => j.file).map((j) => j.file);
    assert.deepEqual(files, [...names.map((n) => join(dir, n)), join(dir, 'notes.txt')].sort());
    for (const n of names) {
      const j = one.stdout.split('\n').map((l) => l && JSON.parse(l)).find((x) => x && x.file === join(dir, n));
      assert.equal(j.input.format, 'pdf');
      // The same as the committed runs of that PDF.
      const runs = json(run(['check', '--format', 'json', join(fixtures, n.replace(/\.pdf$/, '.runs'))]), n);
      delete j.file;
      assert.deepEqual(j, runs);
    }
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`pdf-corpus: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : existsSync(reports) ? 0 : 77);
