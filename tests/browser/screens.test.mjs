// Screenshots of the main views, desktop and narrow, for review: build/screenshots/*.png. Each
// view is checked to be the view it claims before it is taken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, pasteAndCheck, screenshots, seed, shot, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

for (const [form, size] of [['desktop', { width: 1280, height: 900 }], ['narrow', { width: 375, height: 812 }]]) {
  test(`${form}: start, text and findings, tables, statistics, English, large text`, { timeout: 180000 }, async () => {
    const { context, page } = await openPage(browser, server.url, size);
    await waitState(page, 'ready', 30000);
    await shot(page, `${form}-start`);
    await pasteAndCheck(page, seed('003_'));
    await page.locator('nianbao-check li.finding[data-rule="legacy-sum"] button.locate').click();
    assert.equal(await page.locator('nianbao-check .textview mark.selected').count() > 0, true);
    await shot(page, `${form}-report`, false);
    await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
    assert.ok(await page.locator('nianbao-check table[data-table-id="legacy"]').isVisible());
    await shot(page, `${form}-tables`);
    await page.locator('nianbao-check [role=tab][data-tab=stats]').click();
    await page.locator('nianbao-check .chart svg').first().waitFor({ timeout: 30000 });
    await shot(page, `${form}-stats`);
    await pasteAndCheck(page, seed('001_'));
    await page.locator('nianbao-check [role=tab][data-tab=stats]').click();
    await page.locator('nianbao-check .chart svg').first().waitFor({ timeout: 30000 });
    await shot(page, `${form}-stats-2019`);
    await page.locator('nianbao-check button.lang').click();
    assert.equal((await page.locator('nianbao-check button.primary').textContent()).trim(), 'Check');
    await shot(page, `${form}-english`, false);
    await page.locator('nianbao-check button.lang').click();
    await page.locator('nianbao-check button.large-toggle').click();
    await shot(page, `${form}-large-text`, false);
    await page.emulateMedia({ media: 'print' });
    await shot(page, `${form}-print`);
    await context.close();
    for (const v of ['start', 'report', 'tables', 'stats', 'stats-2019', 'english', 'large-text', 'print']) {
      const f = path.join(screenshots, `${form}-${v}.png`);
      assert.ok(fs.statSync(f).size > 10000, `${f} looks empty`);
    }
  });
}
