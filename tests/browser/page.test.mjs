// The page on every seed (spec §8): paste it, the expected findings are in the panel and marked
// at the right text; "在原文中定位" scrolls the text to the mark and selects it; the tables mark
// the failing cell with its address. Run: node --test tests/browser/ (after scripts/build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, noProblems, openPage, pasteAndCheck, repo, seed, shot, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

/** The finding items of `rule` (optionally containing `text`). */
const findingsOf = (page, rule, text) => {
  const l = page.locator(`nianbao-check li.finding[data-rule="${rule}"]`);
  return text ? l.filter({ hasText: text }) : l;
};

/** Clicks the finding's 定位 button; returns the text of the marks now selected and whether the
 * first one is focused and inside the visible part of the text view. */
async function locate(page, item) {
  await item.locator('button.locate').click();
  return page.locator('nianbao-check').evaluate((host) => {
    const root = host.shadowRoot;
    const marks = [...root.querySelectorAll('.textview mark.selected')];
    const own = (m) => [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('');
    const view = root.querySelector('.textview').getBoundingClientRect();
    const r = marks.length ? marks[0].getBoundingClientRect() : null;
    return {
      text: marks.map(own).join(''),
      focused: marks.length > 0 && root.activeElement === marks[0],
      visible: !!r && r.top >= view.top - 1 && r.bottom <= view.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight,
      selectedItem: root.querySelector('li.finding.selected') !== null,
    };
  });
}

async function check(prefix) {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, seed(prefix));
  return { context, page, watch };
}

test('seed 000: Traditional, no errors; the conversion and its first character marked', { timeout: 120000 }, async () => {
  const { context, page, watch } = await check('000_');
  const summary = page.locator('nianbao-check .summary');
  assert.equal(await summary.getAttribute('data-errors'), '0');
  assert.match(await summary.locator('[data-key="agency"] dd').textContent(), /鞍山市档案局/);
  assert.match(await summary.locator('[data-key="script"] dd').textContent(), /繁体/);
  const conv = findingsOf(page, 'script-converted');
  assert.equal(await conv.count(), 1);
  const got = await locate(page, conv);
  assert.equal(got.text.length, 1, 'one converted character');
  assert.ok(got.focused && got.visible && got.selectedItem, JSON.stringify(got));
  noProblems(watch);
  await context.close();
});

test('a partly read table: one table-incomplete finding, and its unread rows shown as not read in place', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, fs.readFileSync(path.join(repo, 'tests/fixtures/shapes/layout/rows-left-out.txt'), 'utf8'));
  const f = findingsOf(page, 'table-incomplete');
  assert.equal(await f.count(), 1);
  assert.match(await f.textContent(), /表三有2行未能读取/);
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  const t3 = page.locator('nianbao-check table[data-table-id="T3"]');
  assert.equal(await t3.locator('td.unread').count(), 2 * 7);  // two rows of seven columns
  const rows = await t3.locator('td.unread').evaluateAll((tds) => [...new Set(tds.map((td) => td.dataset.row))]);
  assert.deepEqual(rows, ['（五）不予处理/3.要求提供公开出版物', '（五）不予处理/4.无正当理由大量反复申请']);
  noProblems(watch);
  await context.close();
});

test('seed 001: 五 shortened (section-title at its heading), three tables rebuilt', { timeout: 120000 }, async () => {
  const { context, page, watch } = await check('001_');
  const f = findingsOf(page, 'section-title');
  assert.equal(await f.count(), 1);
  assert.match(await f.locator('.hint').textContent(), /五、存在的主要问题及改进情况/);
  const got = await locate(page, f);
  assert.equal(got.text, '五、存在的主要问题');
  assert.ok(got.focused && got.visible, JSON.stringify(got));
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  for (const id of ['T2', 'T3', 'T4']) assert.equal(await page.locator(`nianbao-check table[data-table-id="${id}"]`).count(), 1, id);
  noProblems(watch);
  await context.close();
});

test('seed 002: the repeated 二、 marked at the second heading', { timeout: 120000 }, async () => {
  const { context, page, watch } = await check('002_');
  const f = findingsOf(page, 'numbering');
  assert.equal(await f.count(), 1);
  const got = await locate(page, f);
  assert.equal(got.text, '二、主要做法和工作成效');
  assert.ok(got.focused && got.visible, JSON.stringify(got));
  noProblems(watch);
  await context.close();
});

test('seed 003: one tampering finding, every 365体育投注 marked; 行政诉讼 9 ≠ 5+0+1 with the failing cell and its address', { timeout: 120000 }, async () => {
  const { context, page, watch } = await check('003_');
  // One planted phrase in 24 places is one finding (its places in occurrences), and the counts
  // are of findings: 2 errors, tampering and the 行政诉讼 sum.
  const tampering = findingsOf(page, 'tampering');
  assert.equal(await tampering.count(), 1);
  assert.match(await tampering.textContent(), /共24处/);
  assert.equal(await page.locator('nianbao-check .summary').getAttribute('data-errors'), '2');
  const own = await page.locator('nianbao-check .textview mark.sev-error').evaluateAll((ms) =>
    ms.filter((m) => m.querySelector('.icon')).map((m) => [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('')));
  assert.equal(own.filter((t) => t === '365体育投注').length, 24, 'each occurrence marked with an icon');
  const sum = findingsOf(page, 'legacy-sum', '行政诉讼');
  assert.equal(await sum.count(), 1);
  assert.equal((await sum.locator('.expected').textContent()).trim(), '6');
  assert.equal((await sum.locator('.actual').textContent()).trim(), '9');
  assert.match(await sum.locator('.related-cells').textContent(), /统计表 第\d+行 第1列/);
  // Located in the far part of the text: scrolled to and selected.
  const got = await locate(page, sum);
  assert.equal(got.text, '9');
  assert.ok(got.focused && got.visible, JSON.stringify(got));
  // The table marks the cell, with an icon and its message for screen readers.
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  const cell = page.locator('nianbao-check table[data-table-id="legacy"] td.sev-error[data-row="五、行政诉讼数量"]');
  assert.equal(await cell.count(), 1);
  assert.match(await cell.getAttribute('data-address'), /^统计表 第\d+行 第1列$/);
  assert.match(await cell.textContent(), /✖/);
  assert.match(await cell.locator('.visually-hidden').textContent(), /行政诉讼数量/);
  // Choosing the cell goes back to its finding in the text.
  await cell.click();
  assert.equal(await page.locator('nianbao-check li.finding.selected[data-rule="legacy-sum"]').count(), 1);
  await shot(page, 'desktop-seed003-tables');
  noProblems(watch);
  await context.close();
});

test('seed 004: 2022人次 (text-sum) and 政府信息开 (typo) marked; the filters narrow the panel', { timeout: 120000 }, async () => {
  const { context, page, watch } = await check('004_');
  const sum = findingsOf(page, 'text-sum');
  assert.equal(await sum.count(), 1);
  assert.equal((await locate(page, sum)).text, '2022人次');
  const typo = findingsOf(page, 'typo');
  assert.equal((await locate(page, typo)).text, '政府信息开');
  // Clicking the finding itself (not its button) locates it too.
  await sum.locator('.msg').click();
  assert.equal(await page.locator('nianbao-check').evaluate((h) => h.shadowRoot.activeElement && h.shadowRoot.activeElement.tagName), 'MARK');
  assert.equal(await page.locator('nianbao-check li.finding.selected[data-rule="text-sum"]').count(), 1);
  // Severity filter: errors only.
  const all = await page.locator('nianbao-check li.finding').count();
  await page.locator('nianbao-check #sev-warning').uncheck();
  await page.locator('nianbao-check #sev-info').uncheck();
  assert.equal(await page.locator('nianbao-check li.finding:not([hidden])').count(), 1);
  await page.locator('nianbao-check #sev-warning').check();
  await page.locator('nianbao-check #sev-info').check();
  // Rule filter: the chip of a rule shows its findings only; pressed again, all.
  const typoChip = page.locator('nianbao-check .rule-chips button.chip[data-rule="typo"]');
  await typoChip.click();
  assert.equal(await typoChip.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('nianbao-check li.finding:not([hidden])').count(), 1);
  assert.equal(await page.locator('nianbao-check li.finding:not([hidden])').getAttribute('data-rule'), 'typo');
  await typoChip.click();
  assert.equal(await typoChip.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('nianbao-check li.finding:not([hidden])').count(), all);
  noProblems(watch);
  await context.close();
});
