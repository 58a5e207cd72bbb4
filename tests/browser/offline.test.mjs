// The offline single file (build/site/nianbao.html) opened from file://: the wasm inlined, the
// worker a blob, nothing fetched at all; and the custom element embedded in a host page
// (docs/embed.html), with its events and the JS API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, noProblems, openPage, pasteAndCheck, seed, shot, site, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

test('nianbao.html from file:// checks a report with no request at all', { timeout: 180000 }, async () => {
  const file = path.join(site, 'nianbao.html');
  assert.ok(fs.existsSync(file), 'run scripts/build: build/site/nianbao.html');
  const { context, page, watch } = await openPage(browser, pathToFileURL(file).href);
  await waitState(page, 'ready', 60000);
  await pasteAndCheck(page, seed('004_'));
  assert.equal(await page.locator('nianbao-check li.finding[data-rule="text-sum"]').count(), 1);
  await page.locator('nianbao-check [role=tab][data-tab=stats]').click();
  await page.locator('nianbao-check [role=tab][data-tab=report]').click();
  // Everything it used came from the file itself (file:, blob: and data: URLs only).
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  await pasteAndCheck(page, seed('003_'));
  await page.locator('nianbao-check [role=tab][data-tab=stats]').click();
  await page.locator('nianbao-check .chart svg').first().waitFor({ timeout: 30000 });
  for (const u of fetched) assert.match(u, /^(blob|data|file):/, u);
  // The file carries its own policy: no network at all.
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /default-src 'none'/);
  noProblems(watch);
  await context.close();
});

test('embedded in a host page: <nianbao-check compact> works, its events reach the page, the JS API checks', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url + 'embed.html');
  assert.equal(await page.locator('nianbao-check').getAttribute('compact'), '');
  await waitState(page, 'ready', 30000);
  // The host's styles do not leak into the component and the component's do not leak out.
  assert.ok(await page.locator('nianbao-check').evaluate((h) => h.shadowRoot && h.shadowRoot.adoptedStyleSheets.length === 1));
  await pasteAndCheck(page, seed('003_'));
  await page.locator('#event-log[data-errors]').waitFor();
  assert.match(await page.locator('#event-log').textContent(), /^nianbao-result：.*错误 2(?!\d)/);
  // The same core behind the JS API, without any UI.
  const api = await page.evaluate(async (text) => {
    const m = await import('./nianbao.mjs');
    const r = await m.check(text, { file: 'api.txt' });
    return { file: r.file, errors: r.stats.errors, rule: r.findings.find((f) => f.rule === 'legacy-sum').expected };
  }, seed('003_'));
  assert.deepEqual(api, { file: 'api.txt', errors: 2, rule: 6 });
  await shot(page, 'desktop-embedded');
  noProblems(watch);
  await context.close();
});
