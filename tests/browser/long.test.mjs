// Long input: a 10 MB paste is checked in the worker with the page staying responsive (no task
// on the page's thread longer than a second), its text shown in parts as it scrolls, and a
// finding far down located; over the core's limit there is a clear message and no check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, noProblems, openPage, seed, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

/** What a paste does to the box (typing 10 MB through the test driver would take minutes). */
const paste = (page, text) => page.locator('nianbao-check textarea').evaluate((box, t) => {
  box.value = t;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

/** Seed 003 followed by `mb` megabytes of plain report prose (no figures, no headings). */
function big(mb) {
  const line = '本年度各项政务公开工作平稳有序推进，公开内容进一步丰富，公开渠道进一步拓展，群众满意度持续提升。\n';
  const n = Math.ceil((mb * 1048576) / Buffer.byteLength(line));
  return seed('003_') + line.repeat(n);
}

test('a 10 MB paste: checked with the page responsive, the text lazily shown, a far finding located', { timeout: 300000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const text = big(10);
  assert.ok(Buffer.byteLength(text) > 10 * 1048576);
  await paste(page, text);
  // Watch the page's own thread while it checks and shows the result.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    window.__tick = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 50);
  });
  const t0 = Date.now();
  await page.locator('nianbao-check button.primary').click();
  // While the worker checks, the page answers at once.
  await page.locator('nianbao-check .status[data-state="busy"]').waitFor({ timeout: 10000 });
  assert.ok((await page.evaluate(() => 1 + 1)) === 2);
  assert.equal(await waitState(page, ['done', 'failed'], 240000), 'done');
  const gap = await page.evaluate(() => { clearInterval(window.__tick); return window.__gap; });
  assert.ok(gap < 1000, `the page's thread was blocked for ${Math.round(gap)} ms`);
  const ms = Date.now() - t0;
  // Shown in parts: most chunks are not filled yet.
  const chunks = await page.locator('nianbao-check .textview .chunk').count();
  const pending = await page.locator('nianbao-check .textview .chunk.pending').count();
  assert.ok(chunks > 100 && pending > chunks * 0.9, `${pending} of ${chunks} chunks pending`);
  // The signature finding stands at the last line: locating it fills that part and shows it.
  const sig = page.locator('nianbao-check li.finding[data-rule="signature"]');
  assert.equal(await sig.count(), 1);
  await sig.locator('button.locate').click();
  const got = await page.locator('nianbao-check').evaluate((h) => {
    const m = h.shadowRoot.querySelector('.textview mark.selected');
    return m ? { text: m.textContent, focused: h.shadowRoot.activeElement === m } : null;
  });
  assert.ok(got && got.focused && /群众满意度持续提升/.test(got.text), JSON.stringify(got));
  console.log(`10 MB paste: checked and shown in ${ms} ms; longest block of the page's thread ${Math.round(gap)} ms`);
  noProblems(watch);
  await context.close();
});

test('over the limit: a clear message, nothing sent to the checker', { timeout: 300000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await paste(page, big(21));
  await page.locator('nianbao-check button.primary').click();
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'failed');
  assert.match(await page.locator('nianbao-check .status').textContent(), /输入过大：2\d\.\d MB，上限为 20\.0 MB/);
  await context.close();
});
