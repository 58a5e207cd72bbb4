// Correcting a cell (issue 16): in the rebuilt tables a reviewer types the right value; the core
// checks the report again with it (options.cells), the finding it caused goes, the cell shows as
// corrected, and the exports carry the correction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { downloaded, launch, noProblems, openPage, pasteAndCheck, seed, shot, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

test('seed 003: 五、行政诉讼数量 corrected from 9 to 6 clears legacy-sum, and the exports say so', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, seed('003_'));
  const sum = page.locator('nianbao-check li.finding[data-rule="legacy-sum"]');
  assert.equal(await sum.count(), 1);

  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  await page.locator('nianbao-check button.edit-cells').click();
  const input = page.locator('nianbao-check table[data-table-id="legacy"] input.cell-edit[data-row="五、行政诉讼数量"]');
  assert.equal(await input.inputValue(), '9');
  // Not a number: refused where it was typed, nothing checked.
  await input.fill('九');
  await input.press('Enter');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  await input.fill('6');
  await input.press('Enter');
  // Checked again: the cell is corrected, the tables stay in view, the sum holds.
  const corrected = page.locator('nianbao-check table[data-table-id="legacy"] td.corrected[data-row="五、行政诉讼数量"]');
  await corrected.waitFor({ timeout: 30000 });
  assert.equal(await page.locator('nianbao-check [role=tab][aria-selected=true]').getAttribute('data-tab'), 'tables');
  assert.equal(await sum.count(), 0);
  // The text's 9 now disagrees with the corrected table: said, as text-table.
  assert.ok(await page.locator('nianbao-check li.finding[data-rule="text-table"]', { hasText: '9' }).count() >= 1);
  await shot(page, 'corrected-cell');

  // Done: the tables as read, the corrected cell marked with its value.
  await page.locator('nianbao-check button.edit-cells').click();
  const cell = page.locator('nianbao-check table[data-table-id="legacy"] td.corrected[data-row="五、行政诉讼数量"]');
  assert.match(await cell.textContent(), /6/);
  assert.match(await cell.getAttribute('title'), /原文：9/);

  const read = (action) => downloaded(page, action);
  const json = JSON.parse(await read('exportJson'));
  const got = json.tables.find((t) => t.id === 'legacy').cells.find((c) => c.row === '五、行政诉讼数量');
  assert.deepEqual([got.value, got.raw, got.corrected], [6, '9', true]);
  assert.equal(json.findings.filter((f) => f.rule === 'legacy-sum').length, 0);
  const csv = (await read('exportTables')).replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(csv[0], '表格,行,列,数值,原文,地址,更正');
  assert.ok(csv.some((l) => l.includes('五、行政诉讼数量') && l.includes(',6,9,') && l.endsWith(',已更正')), csv.find((l) => l.includes('五、行政诉讼数量')));
  noProblems(watch);
  await context.close();
});
