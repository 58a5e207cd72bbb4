// No server, no network, nothing run from the input: after load the page fetches nothing while
// it checks, shows tables, switches language and exports, but its own charts chunk, once, when the
// statistics view first opens, and its docx chunk when the Word report is first exported
// (build/site/size.json's on_demand); pasted HTML with
// <script>, <img onerror> and javascript: links runs nothing and loads nothing; the page works
// under CSP default-src 'self'; script-src 'self' 'wasm-unsafe-eval' (no violations logged).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { downloaded, launch, noProblems, openPage, pasteAndCheck, seed, site, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

test('zero network requests after load, through a whole session', { timeout: 180000 }, async () => {
  const { context, page, watch, markLoaded } = await openPage(browser, server.url);
  // The page declares the policy itself (and the server sends it as a header).
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  await waitState(page, 'ready', 30000);
  await page.waitForLoadState('networkidle');
  markLoaded();
  await pasteAndCheck(page, seed('003_'));
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  await page.locator('nianbao-check [role=tab][data-tab=stats]').click();
  await page.locator('nianbao-check .chart svg').first().waitFor({ timeout: 30000 });
  await page.locator('nianbao-check [role=tab][data-tab=report]').click();
  await page.locator('nianbao-check li.finding button.locate').first().click();
  for (const action of ['exportJson', 'exportFindings', 'exportTables', 'exportDocx', 'exportDocx']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`nianbao-check [data-action=${action}]`).click()]);
    assert.match(download.suggestedFilename(), /\.(json|csv|docx)$/);
  }
  await page.locator('nianbao-check button.lang').click();
  await page.locator('nianbao-check button.large-toggle').click();
  await pasteAndCheck(page, seed('004_'));
  // The only requests: the page's own charts and docx chunks, from where the page came, once each.
  const { on_demand: onDemand } = JSON.parse(fs.readFileSync(path.join(site, 'size.json'), 'utf8'));
  assert.deepEqual(watch.requests, [...onDemand.charts, ...onDemand.docx].map((f) => new URL(f, server.url).href), 'requests after load');
  noProblems(watch);
  await context.close();
});

test('downloads are what the core returned: the JSON byte for byte, the CSV one row per finding', { timeout: 120000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, seed('003_'));
  const read = (action) => downloaded(page, action);
  const json = JSON.parse(await read('exportJson'));
  assert.equal(json.schema, 'nianbao/1');
  const shown = await page.locator('nianbao-check li.finding').count();
  assert.equal(json.findings.length, shown);
  const csv = (await read('exportFindings')).replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(csv[0], '级别,规则,行,说明,应为,实际,建议,原文,审核,理由');
  assert.equal(csv.length - 1, shown);
  assert.ok(csv.some((l) => l.startsWith('错误,legacy-sum,') && l.includes(',6,9,')), 'the legacy-sum row with 6 and 9');
  const tables = (await read('exportTables')).replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(tables[0], '表格,行,列,数值,原文,地址,更正');
  assert.ok(tables.some((l) => /^统计表,五、行政诉讼数量,统计数,9,9,统计表 第\d+行 第1列,$/.test(l)), 'the 行政诉讼 cell with its address, not corrected');
  await context.close();
});

test('pasted HTML with <script>, <img onerror> and javascript: links runs nothing and loads nothing', { timeout: 120000 }, async () => {
  const { context, page, watch, markLoaded } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await page.waitForLoadState('networkidle');
  markLoaded();
  const evil = '<html><body><h1>示例市2022年政府信息公开工作年度报告</h1>' +
    '<script>window.__pwned = "script"; fetch("http://127.0.0.1:1/x")</script>' +
    '<img src="http://127.0.0.1:1/pixel.png" onerror="window.__pwned = \'img\'">' +
    '<p onclick="window.__pwned=\'click\'">一、总体情况</p><a href="javascript:window.__pwned=\'link\'">链接</a>' +
    '<iframe src="http://127.0.0.1:1/frame"></iframe><svg><script>window.__pwned="svg"</script></svg>' +
    '<table><tr><td>行政复议</td><td>行政诉讼</td></tr></table></body></html>';
  await page.locator('nianbao-check textarea').evaluate((box, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', '示例市2022年政府信息公开工作年度报告 一、总体情况 链接');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, evil);
  await page.locator('nianbao-check button.primary').click();
  assert.equal(await waitState(page, ['done', 'failed']), 'done');
  // The same markup typed into the box: the core sniffs it as HTML and reads it as data too.
  await page.locator('nianbao-check button', { hasText: '清空' }).click();
  await pasteAndCheck(page, evil);
  assert.match(await page.locator('nianbao-check .textview').textContent(), /一、总体情况/);
  // Click whatever the result shows, the links included.
  for (const m of await page.locator('nianbao-check .textview mark, nianbao-check .textview a').all()) await m.click().catch(() => {});
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const inside = await page.locator('nianbao-check').evaluate((h) => h.shadowRoot.querySelectorAll('.result script, .result img, .result iframe, .result a[href^="javascript"], .result [onclick], .result [onerror]').length);
  assert.equal(inside, 0, 'no markup of the input in the result');
  assert.deepEqual(watch.requests, [], 'requests after load');
  noProblems(watch);
  await context.close();
});
