// Finishing a review on the page (issue 16): per-rule chips that filter the list, verdicts on
// findings (已核实, 不是问题 with a reason) kept under the report's hash across a reload and
// written into the exports, one click to clear them, the filter kept when the report is checked
// again, and an ambiguous row settled by choosing one of the core's candidate splits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { correctCell, downloaded, downloadedFile, fixtures, launch, noProblems, openPage, pasteAndCheck, seed, shot, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const finding = (page, rule) => page.locator(`nianbao-check li.finding[data-rule="${rule}"]`);
const visible = (page) => page.locator('nianbao-check li.finding:not([hidden])');
const reviewCount = async (page, state) => Number(await page.locator(`nianbao-check .review-count[data-state="${state}"] strong`).textContent());

test('seed 003: chips, verdicts kept across a reload and in the exports, cleared in one click', { timeout: 240000 }, async () => {
  const text = seed('003_');
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, text);

  // Summary first: one chip per rule; tampering is one finding in 24 places.
  const total = await page.locator('nianbao-check li.finding').count();
  const chips = await page.locator('nianbao-check .rule-chips button.chip').evaluateAll((bs) => bs.map((b) => [b.dataset.rule, Number(b.querySelector('.chip-count').textContent)]));
  assert.deepEqual(chips[0], ['', total], 'the first chip is all of them');
  assert.equal(chips.slice(1).reduce((n, [, c]) => n + c, 0), total, 'the rules\' chips add up to the list');
  assert.deepEqual(chips.find(([r]) => r === 'tampering'), ['tampering', 1]);
  assert.deepEqual(chips.slice(1, 3).map(([r]) => r), ['legacy-sum', 'tampering'], 'the errors\' rules first');
  assert.match(await finding(page, 'tampering').locator('.places').textContent(), /共 24 处/);
  assert.equal(await page.locator('nianbao-check .count.sev-error strong').textContent(), '2');

  // Confirm one, dismiss another with a reason (a reason is required).
  await finding(page, 'tampering').locator('button.review-confirm').click();
  const sum = finding(page, 'legacy-sum');
  await sum.locator('button.review-dismiss').click();
  await sum.locator('button.review-ok').click();
  assert.equal(await sum.locator('input.review-reason').getAttribute('aria-invalid'), 'true');
  assert.equal(await sum.getAttribute('data-review'), 'open');
  await sum.locator('input.review-reason').fill('原件第五项为9，合计已核对');
  await sum.locator('input.review-reason').press('Enter');
  assert.equal(await finding(page, 'tampering').getAttribute('data-review'), 'confirmed');
  assert.equal(await sum.getAttribute('data-review'), 'dismissed');
  assert.match(await sum.locator('.verdict').textContent(), /不是问题：原件第五项为9，合计已核对/);
  assert.deepEqual([await reviewCount(page, 'confirmed'), await reviewCount(page, 'dismissed'), await reviewCount(page, 'open')], [1, 1, total - 2]);
  // The review filter: what is left to review.
  await page.locator('nianbao-check #review-filter').selectOption('open');
  assert.equal(await visible(page).count(), total - 2);
  await page.locator('nianbao-check #review-filter').selectOption('');
  await shot(page, 'review-verdicts');
  // Printed: the verdicts and their reasons, not the buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await sum.locator('.verdict').isVisible(), true);
  assert.equal(await page.locator('nianbao-check .review-counts').isVisible(), true);
  assert.equal(await finding(page, 'tampering').locator('button.review-undo').isVisible(), false);
  assert.equal(await page.locator('nianbao-check .rule-chips').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });

  // The exports carry the verdicts.
  const csv = (await downloaded(page, 'exportFindings')).replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(csv[0], '级别,规则,行,说明,应为,实际,建议,原文,审核,理由');
  const row = (rule) => csv.find((l) => l.split(',')[1] === rule);
  assert.ok(row('tampering').endsWith(',已核实,'), row('tampering'));
  assert.equal(row('tampering').split(',')[2].split(' ').length, 24, 'the 24 places\' lines');
  assert.ok(row('legacy-sum').endsWith(',不是问题,原件第五项为9，合计已核对'), row('legacy-sum'));
  const json = JSON.parse(await downloaded(page, 'exportJson'));
  assert.deepEqual(json.findings.find((f) => f.rule === 'tampering').review, { state: 'confirmed', reason: '' });
  assert.deepEqual(json.findings.find((f) => f.rule === 'legacy-sum').review, { state: 'dismissed', reason: '原件第五项为9，合计已核对' });
  assert.equal(json.findings.filter((f) => f.review).length, 2);

  // A filter survives a re-check: the tampering chip pressed, then a cell corrected.
  await page.locator('nianbao-check .rule-chips button.chip[data-rule="tampering"]').click();
  await correctCell(page, 'legacy', '五、行政诉讼数量', 6);
  assert.equal(await page.locator('nianbao-check .rule-chips button.chip[data-rule="tampering"]').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await visible(page).evaluateAll((ls) => ls.map((l) => l.dataset.rule)), ['tampering']);
  assert.equal(await finding(page, 'tampering').getAttribute('data-review'), 'confirmed', 'a verdict outlives a correction');

  // Reload: the same report (pasted again) finds its verdicts.
  await page.reload();
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, text);
  assert.equal(await finding(page, 'tampering').getAttribute('data-review'), 'confirmed');
  assert.equal(await finding(page, 'legacy-sum').getAttribute('data-review'), 'dismissed');
  assert.deepEqual([await reviewCount(page, 'confirmed'), await reviewCount(page, 'dismissed')], [1, 1]);
  // …and the Word report carries them.
  const docx = strFromU8(unzipSync(new Uint8Array((await downloadedFile(page, 'exportDocx')).bytes))['word/document.xml']);
  const words = [...docx.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  assert.match(words, /已核实 1 项，不是问题 1 项/);
  assert.match(words, /原件第五项为9，合计已核对/);
  // Another report has none of them; the reports list says how far each review is.
  await pasteAndCheck(page, seed('004_'));
  assert.equal(await page.locator('nianbao-check li.finding[data-review="open"]').count(), await page.locator('nianbao-check li.finding').count());
  const progress = () => page.locator('nianbao-check .reports-table td.review-progress').evaluateAll((tds) => tds.map((td) => td.textContent));
  assert.deepEqual(await progress(), ['2/' + total, '0/' + (await page.locator('nianbao-check li.finding').count())]);
  await page.locator('nianbao-check li.finding').first().locator('button.review-confirm').click();
  assert.equal((await progress())[1].split('/')[0], '1');
  await page.locator('nianbao-check button.review-clear').click();

  // One click clears them, for good.
  await pasteAndCheck(page, text);
  await page.locator('nianbao-check button.review-clear').click();
  assert.equal(await page.locator('nianbao-check li.finding:not([data-review="open"])').count(), 0);
  assert.equal(await reviewCount(page, 'open'), total);
  assert.equal(await page.locator('nianbao-check button.review-clear').isDisabled(), true);
  await page.reload();
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, text);
  assert.equal(await page.locator('nianbao-check li.finding:not([data-review="open"])').count(), 0);
  noProblems(watch);
  await context.close();
});

test('a run-together row with two fitting splits: the candidates and their relations, one chosen', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, fs.readFileSync(path.join(fixtures, 'reports', 'r2021-ok', 'runtogether.txt'), 'utf8'));
  assert.equal(await finding(page, 'cell-ambiguous').count(), 1);
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  const row = page.locator('nianbao-check .ambiguous .ambiguous-row[data-row="行政规范性文件"]');
  assert.match(await row.locator('> p').textContent(), /「行政规范性文件」原文：3122/);
  const candidates = row.locator('li.candidate');
  assert.equal(await candidates.count(), 2);
  assert.match(await candidates.nth(0).locator('p').textContent(), /本年制发件数 3，本年废止件数 1，现行有效件数 22/);
  assert.match(await candidates.nth(1).locator('p').textContent(), /本年制发件数 3，本年废止件数 12，现行有效件数 2/);
  assert.equal(await candidates.nth(0).locator('li.relation.holds').count(), 1);
  await shot(page, 'ambiguous-split');
  await candidates.nth(0).locator('button.use-split').click();
  // Checked again with the split as corrections: read, marked corrected, nothing ambiguous left.
  const cell = page.locator('nianbao-check table[data-table-id="T2"] td.corrected[data-row="行政规范性文件"][data-col="现行有效件数"]');
  await cell.waitFor({ timeout: 30000 });
  assert.match(await cell.textContent(), /22/);
  assert.equal(await page.locator('nianbao-check .ambiguous').count(), 0);
  assert.equal(await finding(page, 'cell-ambiguous').count(), 0);
  assert.equal(await page.locator('nianbao-check .count.sev-error strong').textContent(), '0');
  noProblems(watch);
  await context.close();
});
