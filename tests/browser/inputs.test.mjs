// Every way a report gets in: clipboard HTML with rowspan/colspan, a .docx, a .pdf and a GBK .txt
// dropped, the file picker, several files at once. Each gives the same tables as the plain
// web-copy text of the same report (tests/fixtures/reports/r2021-ok).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cells, dropFiles, fixtures, launch, noProblems, openPage, pasteAndCheck, shot, startServer, waitState } from './helpers.mjs';

const report = (f) => path.join(fixtures, 'reports', 'r2021-ok', f);
let server, browser, expected;

before(async () => {
  server = await startServer();
  browser = await launch();
  // The reference: the one-row-per-line web copy pasted as text.
  const { context, page } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, fs.readFileSync(report('pipe-rows.txt'), 'utf8'));
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  expected = { T2: await cells(page, 'T2'), T3: await cells(page, 'T3'), T4: await cells(page, 'T4') };
  assert.equal(expected.T3.length, 25 * 7);
  assert.equal(expected.T4.length, 15);
  await context.close();
});
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

async function sameTables(page, label) {
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  for (const id of ['T2', 'T3', 'T4']) assert.deepEqual(await cells(page, id), expected[id], `${label}: ${id}`);
}

test('clipboard HTML with rowspan/colspan: the HTML is read, not its plain text', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const html = fs.readFileSync(report('page.html'), 'utf8');
  assert.match(html, /rowspan=/);
  assert.match(html, /colspan=/);
  // What a browser hands over when a table is copied: text/html and a flat text/plain.
  await page.locator('nianbao-check textarea').evaluate((box, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', '示例市交通运输局2022年政府信息公开工作年度报告（表格复制为纯文本后结构丢失）');
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  assert.match(await page.locator('nianbao-check textarea').inputValue(), /结构丢失/);
  await page.locator('nianbao-check button.primary').click();
  assert.equal(await waitState(page, ['done', 'failed']), 'done');
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /网页/);
  await sameTables(page, 'clipboard HTML');
  noProblems(watch);
  await context.close();
});

for (const [label, file] of [
  ['a .docx dropped', report('report.docx')],
  ['a GBK .txt dropped', report('gbk.txt')],
  ['a .pdf dropped (pdf.js text runs through the core layout reader)', path.join(fixtures, 'pdf', 'r2021-ok.pdf')],
]) {
  test(label, { timeout: 180000 }, async () => {
    assert.ok(fs.existsSync(file), `${file} missing`);
    const { context, page, watch } = await openPage(browser, server.url);
    await waitState(page, 'ready', 30000);
    await dropFiles(page, [file]);
    assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done', await page.locator('nianbao-check .status').textContent());
    assert.match(await page.locator('nianbao-check h2#result-h').textContent(), new RegExp(path.basename(file).replace('.', '\\.')));
    await sameTables(page, label);
    if (file.endsWith('.txt')) assert.equal(await page.locator('nianbao-check .summary [data-key="agency"] dd').textContent(), '示例市交通运输局');
    noProblems(watch);
    await context.close();
  });
}

test('several files at once: one row per report (body, year, errors, warnings); each can be shown', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await page.locator('nianbao-check input[type=file]').setInputFiles([
    report('pipe-rows.txt'),
    path.join(fixtures, 'reports', 'r2019-err', 'report.docx'),
    path.join(fixtures, 'reports', 'r2021-err', 'markdown.md'),
  ]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
  const rows = page.locator('nianbao-check table.reports-table tbody tr');
  assert.equal(await rows.count(), 3);
  const text = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(text[0].slice(0, 5), ['pipe-rows.txt', '示例市交通运输局', '2022', '0', '0']);
  assert.deepEqual(text[1].slice(0, 3), ['report.docx', '示例县自然资源局', '2020']);
  assert.ok(Number(text[1][3]) > 0, 'r2019-err has errors');
  assert.ok(Number(text[2][3]) > 0, 'r2021-err has errors');
  // The last one is shown; choosing the first shows it.
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /markdown\.md/);
  await rows.nth(0).locator('button').click();
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /pipe-rows\.txt/);
  assert.equal(await page.locator('nianbao-check .summary').getAttribute('data-errors'), '0');
  await shot(page, 'desktop-several-files', false);
  noProblems(watch);
  await context.close();
});

test('an unsupported file and an empty box get clear messages', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await page.locator('nianbao-check button.primary').click();
  assert.match(await page.locator('nianbao-check .status').textContent(), /请先粘贴/);
  const png = path.join(fixtures, '..', '..', 'web', 'favicon.svg');
  await page.locator('nianbao-check input[type=file]').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: fs.readFileSync(png) });
  assert.equal(await waitState(page, ['done', 'failed']), 'failed');
  assert.match(await page.locator('nianbao-check .status').textContent(), /不支持的文件类型：scan\.png/);
  await context.close();
});

test('two years of one body: paired across years; the changed carry-over found and shown in the later report', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const years = path.join(fixtures, 'years');
  await page.locator('nianbao-check input[type=file]').setInputFiles([path.join(years, '2021-carry.txt'), path.join(fixtures, 'narrative', 'clean.txt')]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
  const pair = page.locator('nianbao-check .cross-year .pair');
  assert.equal(await pair.count(), 1);
  assert.match(await pair.textContent(), /示例市交通运输局.*2021 年（2021-carry\.txt）→ 2022 年（clean\.txt）/);
  const carry = pair.locator('li[data-rule="xyear-carry"]');
  assert.equal(await carry.count(), 2, 'the changed column and its 总计');
  await carry.first().locator('button').click();
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /clean\.txt/);
  const selected = page.locator('nianbao-check li.finding.selected[data-rule="xyear-carry"]');
  assert.equal(await selected.count(), 1);
  assert.match(await selected.locator('.hint').textContent(), /2021-carry\.txt/);
  const mark = await page.locator('nianbao-check').evaluate((h) => {
    const m = h.shadowRoot.querySelector('.textview mark.selected');
    return m && [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('');
  });
  assert.equal(mark, '5');
  // The consistent pair: paired, nothing to say.
  await page.locator('nianbao-check button', { hasText: '清空' }).click();
  await page.locator('nianbao-check input[type=file]').setInputFiles([path.join(years, '2021.txt'), path.join(fixtures, 'narrative', 'clean.txt')]);
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
  assert.equal(await page.locator('nianbao-check .cross-year .pair').count(), 1);
  assert.equal(await page.locator('nianbao-check .cross-year li.finding').count(), 0);
  assert.match(await page.locator('nianbao-check .cross-year').textContent(), /衔接一致/);
  await shot(page, 'desktop-cross-year', false);
  noProblems(watch);
  await context.close();
});
