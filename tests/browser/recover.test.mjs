// The worker survives a failed module: when a call into the wasm traps, that one check fails as
// before, the worker makes a fresh instance from the wasm it already compiled (nothing fetched,
// also from file:// with the blob worker), and the next check gives its real findings. An error
// the core returns as data (a broken DOCX) keeps the instance.
//
// The failure is a genuine wasm trap: the test fills the current instance's memory with 0xff
// from inside the worker (Playwright evaluates in the worker's global scope, where worker.js
// keeps `modulePromise`), so the next call into it reads through a wild pointer
// ("memory access out of bounds") — as a real defect in the core would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtures, launch, noProblems, openPage, pasteAndCheck, seed, site, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

/** The worker that owns the wasm core (the only one until a PDF is opened). */
function coreWorker(page) {
  const list = page.workers().filter((w) => w.url().endsWith('/worker.js') || w.url().startsWith('blob:'));
  assert.equal(list.length, 1, 'one core worker: ' + page.workers().map((w) => w.url()).join(' '));
  return list[0];
}

/** Tags the worker's current instance of the module; reads the tag back (undefined: a new one). */
const tag = (worker, value) => worker.evaluate((v) => modulePromise.then((m) => { if (v) m.nianbaoTestTag = v; return m.nianbaoTestTag; }), value);

/** Breaks the worker's current instance: its whole memory 0xff, so every pointer in it is wild. */
const corrupt = (worker) => worker.evaluate(() => modulePromise.then((m) => { m.HEAPU8.fill(0xff); return m.HEAPU8.length; }));

async function checkFails(page, text) {
  await page.locator('nianbao-check textarea').fill(text);
  await page.locator('nianbao-check button.primary').click();
  assert.equal(await waitState(page, ['done', 'failed']), 'failed');
  return page.locator('nianbao-check .status').textContent();
}

/** Seed 003 (legacy 统计表) with its real findings: 2 errors (24 places of one tampering, and the 行政诉讼 sum). */
async function seed003Findings(page) {
  await pasteAndCheck(page, seed('003_'));
  assert.equal(await page.locator('nianbao-check .summary').getAttribute('data-errors'), '2');
  const sum = page.locator('nianbao-check li.finding[data-rule="legacy-sum"]', { hasText: '应为5+0+1=6，表中填报为9' });
  assert.equal(await sum.count(), 1);
}

async function trapThenRecover(page) {
  const worker = coreWorker(page);
  assert.equal(await tag(worker, 'first'), 'first');
  await seed003Findings(page);
  assert.ok(await corrupt(worker) > 0);
  const status = await checkFails(page, seed('003_'));
  assert.match(status, /^检查出错：.*memory access out of bounds/, status);
  await seed003Findings(page);
  assert.equal(await tag(worker), undefined, 'a fresh instance replaced the one that trapped');
  // And it is a working instance for good, not for one check.
  await seed003Findings(page);
}

test('served page: a wasm trap fails that check only; the next one shows its findings, nothing refetched', { timeout: 180000 }, async () => {
  const { context, page, watch, markLoaded } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  markLoaded();
  await trapThenRecover(page);
  assert.deepEqual(watch.requests.filter((u) => /nianbao\.(js|wasm)$/.test(u)), [], 'the compiled wasm reused');
  noProblems(watch);
  await context.close();
});

test('nianbao.html from file:// (blob worker): recovers from a trap with no request at all', { timeout: 180000 }, async () => {
  const file = path.join(site, 'nianbao.html');
  assert.ok(fs.existsSync(file), 'run scripts/build: build/site/nianbao.html');
  const { context, page, watch } = await openPage(browser, pathToFileURL(file).href);
  await waitState(page, 'ready', 60000);
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  await trapThenRecover(page);
  for (const u of fetched) assert.match(u, /^(blob|data|file):/, u);
  noProblems(watch);
  await context.close();
});

test('an error the core returns as data keeps the instance', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const worker = coreWorker(page);
  await tag(worker, 'kept');
  const docx = fs.readFileSync(path.join(fixtures, 'reports', 'r2021-ok', 'report.docx'));
  await page.locator('nianbao-check input[type=file]').setInputFiles({ name: 'cut.docx', mimeType: 'application/octet-stream', buffer: docx.subarray(0, 600) });
  assert.equal(await waitState(page, ['done', 'failed']), 'failed');
  assert.match(await page.locator('nianbao-check .status').textContent(), /^检查出错：DOCX 文件已损坏/);
  assert.equal(await tag(worker), 'kept', 'no new instance for an error returned as data');
  await seed003Findings(page);
  noProblems(watch);
  await context.close();
});

test('after a trap the reports checked before are no longer paired across years; new ones are, correctly', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const years = path.join(fixtures, 'years');
  const input = page.locator('nianbao-check input[type=file]');
  await input.setInputFiles([path.join(years, '2021.txt')]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
  await corrupt(coreWorker(page));
  await input.setInputFiles([path.join(years, '2021-carry.txt')]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'failed');
  await input.setInputFiles([path.join(years, '2021-carry.txt'), path.join(fixtures, 'narrative', 'clean.txt')]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
  assert.equal(await page.locator('nianbao-check table.reports-table tbody tr').count(), 4);
  const pair = page.locator('nianbao-check .cross-year .pair');
  assert.equal(await pair.count(), 1, 'only the pair checked after the new instance');
  assert.match(await pair.textContent(), /2021 年（2021-carry\.txt）→ 2022 年（clean\.txt）/);
  // "show" on a pair's finding opens the later report of that pair, not a report of before.
  await pair.locator('li[data-rule="xyear-carry"] button').first().click();
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /clean\.txt/);
  const rows = await page.locator('nianbao-check table.reports-table tbody tr.current th').textContent();
  assert.equal(rows.trim(), 'clean.txt');
  noProblems(watch);
  await context.close();
});
