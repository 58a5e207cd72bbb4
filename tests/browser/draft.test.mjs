// 编制 mode (issue 17): a 2021 report written in the page with the core's live checks. A T3
// filled by keyboard only, a wrong 总计 marked with its formula and fixed (the offered value or
// typed), the mark cleared; a 25×7 block pasted from tab-separated text; a start from last
// year's report (上年结转 = its 结转下年度, per column, as the CLI reads that report); the .docx
// export read back by the CLI cell for cell, with nothing found but the empty sections; the
// draft kept over a reload; the offline single file and the CSP; the English switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { downloadedFile, fixtures, launch, noProblems, openPage, repo, shot, site, startServer, waitState } from './helpers.mjs';

const cli = path.resolve(process.env.NIANBAO_CLI || path.join(repo, 'build', 'native', 'nianbao'));
const corpus = path.join(repo, '..', 'shared', 'corpus', 'reports');
const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** A T3 whose relations all hold: 25 rows × 7 columns (the template's order). */
function goodT3() {
  const rows = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0, 0]);
  rows[0] = [5, 1, 0, 0, 1, 0, 7];    // 一、本年新收
  rows[1] = [1, 0, 0, 0, 0, 0, 1];    // 二、上年结转
  rows[2] = [3, 1, 0, 0, 0, 0, 4];    // （一）予以公开
  rows[3] = [1, 0, 0, 0, 0, 0, 1];    // （二）部分公开
  rows[12] = [1, 0, 0, 0, 1, 0, 2];   // （四）无法提供/1.本机关不掌握
  rows[23] = [5, 1, 0, 0, 1, 0, 7];   // （七）总计
  rows[24] = [1, 0, 0, 0, 0, 0, 1];   // 四、结转下年度继续办理
  return rows;
}
const T2 = [['规章', '本年制发件数', '0'], ['规章', '本年废止件数', '0'], ['规章', '现行有效件数', '0'],
  ['行政规范性文件', '本年制发件数', '3'], ['行政规范性文件', '本年废止件数', '1'], ['行政规范性文件', '现行有效件数', '22'],
  ['行政许可', '本年处理决定数量', '1520'], ['行政处罚', '本年处理决定数量', '87'], ['行政强制', '本年处理决定数量', '12'],
  ['行政事业性收费', '本年收费金额（单位：万元）', '35.6']];
const T4 = ['1', '0', '0', '0', '1', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0'];
const OVERVIEW = '2023年，示例市交通运输局全面推进政府信息公开工作。\n（一）主动公开。全年通过门户网站主动公开政府信息1268条。\n' +
  '（二）依申请公开。严格按照《条例》规定的时限和程序办理政府信息公开申请。\n（三）政府信息管理。严格落实公文公开属性源头认定和保密审查机制。\n' +
  '（四）政府信息公开平台建设。优化门户网站政府信息公开专栏。\n（五）监督保障。将政府信息公开工作纳入年度绩效考核，组织业务培训2次。';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const E = 'nianbao-check';
const settled = (page) => page.locator(`${E} .draft[data-state="checked"]`).waitFor({ timeout: 30000 });
const cell = (page, table, row, col) => page.locator(`${E} table[data-table-id="${table}"] input[data-row="${row}"][data-col="${col}"]`);
const td = (page, table, row, col) => page.locator(`${E} table[data-table-id="${table}"] td[data-row="${row}"][data-col="${col}"]`);
const t3Inputs = (page) => page.locator(`${E} table[data-table-id="T3"] input`);
const counts = async (page) => {
  const p = page.locator(`${E} .draft-counts`);
  return { errors: Number(await p.getAttribute('data-errors')), warnings: Number(await p.getAttribute('data-warnings')) };
};

async function openWrite(url, opts) {
  const o = await openPage(browser, url, opts);
  await waitState(o.page, 'ready', 60000);
  await o.page.locator(`${E} .modes button[data-mode=write]`).click();
  await settled(o.page);
  return o;
}

async function pasteInto(page, locator, text) {
  await locator.evaluate((input, s) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', s);
    input.focus();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** The CLI's JSON of a file (the same core, natively). */
function cliCheck(file) {
  const run = spawnSync(cli, ['check', '--format', 'json', file], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI read ${file} (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('T3 by keyboard only: a wrong 总计 is marked with its formula, fixed with the offered value or by typing, the mark clears', { timeout: 240000 }, async () => {
  const { context, page, watch } = await openWrite(server.url);
  await page.evaluate(() => localStorage.clear());
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  const rows = goodT3();
  rows[23][6] = 8;  // a 总计 typed by hand, wrong
  const first = t3Inputs(page).first();
  await first.focus();
  // The keys of a spreadsheet: arrows, Enter down; then the whole table typed with Tab across.
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.activeElement.dataset.row), '二、上年结转政府信息公开申请数量');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.activeElement.dataset.col), '商业企业');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.activeElement.dataset.row), '（一）予以公开');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  for (const row of rows) for (const v of row) { await page.keyboard.type(String(v)); await page.keyboard.press('Tab'); }
  await settled(page);
  const values = await t3Inputs(page).evaluateAll((l) => l.map((i) => i.value));
  assert.deepEqual(values, rows.flat().map(String));

  const total = td(page, 'T3', '（七）总计', '总计');
  assert.match(await total.getAttribute('class'), /mark-error/);
  assert.equal(await total.locator('.mark-icon').textContent(), '✖');
  const t3list = page.locator(`${E} section[data-section="三"] ul.draft-findings`);
  const columns = t3list.locator('li[data-rule="t3-columns"]');
  // The formula with both sides, from the core.
  assert.match(await columns.textContent(), /5\+1\+0\+0\+1\+0=7，表中填报为8/);
  assert.match(await t3list.locator('li[data-rule="t3-balance"]').textContent(), /一边为7\+1=8，另一边为8\+1=9/);
  // The cell is described by its findings.
  const described = (await cell(page, 'T3', '（七）总计', '总计').getAttribute('aria-describedby')).split(' ');
  assert.ok(described.includes(await columns.getAttribute('id')));
  assert.equal(await cell(page, 'T3', '（七）总计', '总计').getAttribute('aria-invalid'), 'true');
  assert.ok((await counts(page)).errors >= 2);
  await shot(page.locator(`${E} section[data-section="三"]`), 'draft-t3-error', false);

  // Fixed with the offered value: one click.
  await columns.locator('button.fix').click();
  await settled(page);
  assert.equal(await cell(page, 'T3', '（七）总计', '总计').inputValue(), '7');
  assert.doesNotMatch(await total.getAttribute('class'), /mark-error/);
  assert.equal(await total.locator('.mark-icon').count(), 0);
  assert.equal((await counts(page)).errors, 0);
  assert.equal(await t3list.locator('li.sev-error').count(), 0);

  // Wrong again, fixed by typing.
  await cell(page, 'T3', '（七）总计', '总计').focus();
  await page.keyboard.type('9');
  await settled(page);
  assert.match(await total.getAttribute('class'), /mark-error/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('7');
  await settled(page);
  assert.doesNotMatch(await total.getAttribute('class'), /mark-error/);
  assert.equal((await counts(page)).errors, 0);

  // Blank and 0 are two things; what is not a number is marked at once and not sent.
  await cell(page, 'T3', '（三）不予公开/1.属于国家秘密', '自然人').fill('');
  await settled(page);
  assert.match(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '自然人').getAttribute('class'), /mark-blank/);
  await cell(page, 'T3', '（三）不予公开/1.属于国家秘密', '自然人').fill('0');
  await settled(page);
  assert.doesNotMatch(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '自然人').getAttribute('class'), /mark-blank/);
  await cell(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').fill('3a');
  assert.match(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').getAttribute('class'), /invalid/);
  assert.match(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').textContent(), /非数字/);
  await cell(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').fill('-1');
  assert.match(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').getAttribute('class'), /invalid/);
  await cell(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').fill('0');
  assert.doesNotMatch(await td(page, 'T3', '（三）不予公开/1.属于国家秘密', '商业企业').getAttribute('class'), /invalid/);
  await settled(page);
  noProblems(watch);
  await context.close();
});

test('a 25×7 block of tab-separated numbers pasted into T3’s first cell fills all 175 cells', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openWrite(server.url);
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  // Distinct numbers, so that a cell shifted by one would show (relations aside).
  const block = Array.from({ length: 25 }, (_, r) => Array.from({ length: 7 }, (_, c) => r * 10 + c + 1));
  await pasteInto(page, t3Inputs(page).first(), block.map((r) => r.join('\t')).join('\r\n') + '\r\n');
  await settled(page);
  assert.deepEqual(await t3Inputs(page).evaluateAll((l) => l.map((i) => i.value)), block.flat().map(String));
  // The core read each of them where it was pasted: the markdown's T3 rows.
  const md = (await downloadedFile(page, 'draftMd')).bytes.toString('utf8');
  const lines = md.split('\n').filter((l) => /^\| .*\| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|$/.test(l));
  assert.equal(lines.length, 25);
  lines.forEach((l, r) => assert.deepEqual(l.split('|').slice(-8, -1).map((x) => Number(x.trim())), block[r], l));
  // A block pasted further in fills from there (and what falls outside is left out).
  await pasteInto(page, cell(page, 'T3', '四、结转下年度继续办理', '总计'), '5\t6\n7\t8');
  await settled(page);
  assert.equal(await cell(page, 'T3', '四、结转下年度继续办理', '总计').inputValue(), '5');
  assert.equal(await cell(page, 'T3', '四、结转下年度继续办理', '其他').inputValue(), String(block[24][5]));
  noProblems(watch);
  await context.close();
});

test('start from pingtan-2023: body, year + 1, 上年结转 = its 结转下年度 per column, carried cells marked until edited', { timeout: 180000 }, async () => {
  const file = path.join(corpus, 'pingtan-2023.txt');
  assert.ok(fs.existsSync(file), file);
  const last = cliCheck(file);
  const t3 = last.tables.find((t) => t.id === 'T3');
  const carry = COLS.map((c) => t3.cells.find((x) => x.row === '四、结转下年度继续办理' && x.col === c).value);
  assert.ok(carry.every((v) => typeof v === 'number'), 'the CLI reads every 结转 of pingtan-2023');

  const { context, page, watch } = await openWrite(server.url);
  const data = fs.readFileSync(file).toString('base64');
  await page.locator(`${E} .draft-start`).evaluate((zone, b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'pingtan-2023.txt', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, data);
  await page.locator(`${E} .draft-status[data-state="done"]`).waitFor({ timeout: 30000 });
  await settled(page);
  assert.equal(await page.locator(`${E} #draft-agency`).inputValue(), last.meta.agency);
  assert.equal(await page.locator(`${E} #draft-year`).inputValue(), String(last.meta.year + 1));
  for (const [k, col] of COLS.entries()) {
    assert.equal(await cell(page, 'T3', '二、上年结转政府信息公开申请数量', col).inputValue(), String(carry[k]), col);
    assert.match(await td(page, 'T3', '二、上年结转政府信息公开申请数量', col).getAttribute('class'), /carried/);
    assert.match(await td(page, 'T3', '二、上年结转政府信息公开申请数量', col).textContent(), /结转/);
  }
  assert.match(await page.locator(`${E} #draft-carried-note`).textContent(), /由上一年度报告结转/);
  // What could not be carried, as the core says.
  assert.match(await page.locator(`${E} .draft-notes ul.notes`).textContent(), /未结转/);
  // The cells the start did not fill are blank, not 0.
  assert.equal(await cell(page, 'T3', '一、本年新收政府信息公开申请数量', '自然人').inputValue(), '');
  await shot(page, 'draft-carried');
  await cell(page, 'T3', '二、上年结转政府信息公开申请数量', '自然人').fill('2');
  assert.doesNotMatch(await td(page, 'T3', '二、上年结转政府信息公开申请数量', '自然人').getAttribute('class'), /carried/);
  assert.match(await td(page, 'T3', '二、上年结转政府信息公开申请数量', '商业企业').getAttribute('class'), /carried/);
  await settled(page);
  // The same start from the report's text pasted.
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  await page.locator(`${E} #draft-start-text`).fill(fs.readFileSync(file, 'utf8'));
  await page.locator(`${E} [data-action=draftStartText]`).click();
  await page.locator(`${E} .draft-status[data-state="done"]`).waitFor({ timeout: 30000 });
  await settled(page);
  assert.equal(await page.locator(`${E} #draft-agency`).inputValue(), last.meta.agency);
  assert.deepEqual(await Promise.all(COLS.map((c) => cell(page, 'T3', '二、上年结转政府信息公开申请数量', c).inputValue())), carry.map(String));
  // A web page copied (clipboard HTML, whose plain text has lost the tables): its tables are read.
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  const pageHtml = fs.readFileSync(path.join(fixtures, 'reports', 'r2021-ok', 'page.html'), 'utf8');
  const fromPage = cliCheck(path.join(fixtures, 'reports', 'r2021-ok', 'page.html'));
  const pageCarry = COLS.map((c) => fromPage.tables.find((x) => x.id === 'T3').cells.find((x) => x.row === '四、结转下年度继续办理' && x.col === c).value);
  await page.locator(`${E} #draft-start-text`).evaluate((box, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', '示例市交通运输局2022年政府信息公开工作年度报告（表格复制为纯文本后结构丢失）');
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, pageHtml);
  assert.match(await page.locator(`${E} #draft-start-text`).inputValue(), /结构丢失/);
  await page.locator(`${E} [data-action=draftStartText]`).click();
  await page.locator(`${E} .draft-status[data-state="done"]`).waitFor({ timeout: 30000 });
  await settled(page);
  assert.equal(await page.locator(`${E} #draft-year`).inputValue(), '2023');
  assert.deepEqual(await Promise.all(COLS.map((c) => cell(page, 'T3', '二、上年结转政府信息公开申请数量', c).inputValue())), pageCarry.map(String));
  noProblems(watch);
  await context.close();
});

test('a whole draft: no error; the .docx read back by the CLI has exactly the cells entered; HTML and markdown; kept over a reload', { timeout: 240000 }, async () => {
  assert.ok(fs.existsSync(cli), `${cli} missing: build the CLI (scripts/build --native) or set NIANBAO_CLI`);
  const { context, page, watch } = await openWrite(server.url);
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  await page.locator(`${E} #draft-agency`).fill('示例市交通运输局');
  await page.locator(`${E} #draft-year`).fill('2023');
  await page.locator(`${E} #draft-date`).fill('2024年1月20日');
  await pasteInto(page, t3Inputs(page).first(), goodT3().map((r) => r.join('\t')).join('\n'));
  for (const [row, col, v] of T2) await cell(page, 'T2', row, col).fill(v);
  const t4 = page.locator(`${E} table[data-table-id="T4"] input`);
  for (let i = 0; i < 15; i++) await t4.nth(i).fill(T4[i]);
  await page.locator(`${E} #draft-overview`).fill(OVERVIEW);
  await settled(page);
  // Sections 五 and 六 left empty: their topics unticked, and only what they lack is said.
  assert.equal(await page.locator(`${E} #draft-topics-一 li[data-covered="false"]`).count(), 0);
  assert.equal(await page.locator(`${E} #draft-topics-五 li[data-covered="false"]`).count(), 2);
  assert.equal(await page.locator(`${E} #draft-topics-六 li[data-covered="false"]`).count(), 1);
  assert.deepEqual(await counts(page), { errors: 0, warnings: 2 });
  await page.locator(`${E} #draft-problems`).fill('存在的问题：政策解读形式较为单一。下一步将进一步丰富解读形式。');
  await settled(page);
  assert.equal(await page.locator(`${E} #draft-topics-五 li[data-covered="false"]`).count(), 0);
  assert.deepEqual(await counts(page), { errors: 0, warnings: 1 });
  await shot(page, 'draft-filled');

  // The cells entered: every T2, T3, T4 cell of the form.
  const entered = await page.locator(`${E} table.draft-grid input`).evaluateAll((l) => l.map((i) => [i.dataset.table, i.dataset.row, i.dataset.col, i.value]));
  assert.equal(entered.length, 200);
  const { name, bytes } = await downloadedFile(page, 'draftDocx');
  assert.equal(name, '示例市交通运输局2023年政府信息公开工作年度报告.docx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-draft-'));
  const docx = path.join(dir, 'draft.docx');
  fs.writeFileSync(docx, bytes);
  const back = cliCheck(docx);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(back.input.format, 'docx');
  assert.equal(back.meta.agency, '示例市交通运输局');
  assert.equal(back.meta.year, 2023);
  const read = back.tables.flatMap((t) => t.cells.map((c) => [t.id, c.row, c.col, c.value === null ? '' : String(c.value)]));
  const key = (x) => x.slice(0, 3).join('|');
  assert.deepEqual(new Map(read.map((x) => [key(x), x[3]])), new Map(entered.map((x) => [key(x), x[3]])));
  assert.equal(back.stats.errors, 0, JSON.stringify(back.findings.filter((f) => f.severity === 'error')));
  assert.deepEqual(back.findings.filter((f) => f.severity === 'warning').map((f) => f.rule), ['info-fee'], JSON.stringify(back.findings));

  // HTML: standalone, no script, the tables in the official layout with the values.
  const html = (await downloadedFile(page, 'draftHtml')).bytes.toString('utf8');
  assert.match(html, /<h1>示例市交通运输局2023年政府信息公开工作年度报告<\/h1>/);
  assert.doesNotMatch(html, /<script|src=|href=/i);
  assert.match(html, /<th rowspan="22" class="label">三、本年度办理结果<\/th>/);
  assert.match(html, /<td colspan="3">35\.6<\/td>/);
  assert.match(html, /<p>本年度新收政府信息公开申请7件/);
  const md = (await downloadedFile(page, 'draftMd')).bytes.toString('utf8');
  assert.match(md, /^示例市交通运输局2023年政府信息公开工作年度报告\n/);
  // Both read back by the CLI as the .docx is: the same cells, nothing found but 六's fee.
  for (const [ext, content] of [['html', html], ['md', md]]) {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-draft-'));
    fs.writeFileSync(path.join(d, 'draft.' + ext), content);
    const r = cliCheck(path.join(d, 'draft.' + ext));
    fs.rmSync(d, { recursive: true, force: true });
    const cells = r.tables.flatMap((t) => t.cells.map((c) => [t.id, c.row, c.col, c.value === null ? '' : String(c.value)]));
    assert.deepEqual(new Map(cells.map((x) => [key(x), x[3]])), new Map(entered.map((x) => [key(x), x[3]])), ext);
    assert.deepEqual(r.findings.map((f) => f.rule), ['info-fee'], ext + ': ' + JSON.stringify(r.findings));
  }

  // Kept over a reload.
  await page.reload();
  await waitState(page, 'ready', 60000);
  await page.locator(`${E} .modes button[data-mode=write]`).click();
  await settled(page);
  assert.deepEqual(await page.locator(`${E} table.draft-grid input`).evaluateAll((l) => l.map((i) => [i.dataset.table, i.dataset.row, i.dataset.col, i.value])), entered);
  assert.equal(await page.locator(`${E} #draft-overview`).inputValue(), OVERVIEW);
  assert.deepEqual(await counts(page), { errors: 0, warnings: 1 });
  // 清空: all gone.
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  assert.equal(await page.locator(`${E} #draft-agency`).inputValue(), '');
  assert.equal(await t3Inputs(page).evaluateAll((l) => l.filter((i) => i.value !== '').length), 0);
  noProblems(watch);
  await context.close();
});

test('offline single file (file://) and the served page’s CSP: 编制 works, loads nothing from anywhere; English switch', { timeout: 180000 }, async () => {
  const file = path.join(site, 'nianbao.html');
  const { context, page, watch } = await openWrite(pathToFileURL(file).href);
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  await cell(page, 'T3', '一、本年新收政府信息公开申请数量', '自然人').fill('4');
  await cell(page, 'T3', '一、本年新收政府信息公开申请数量', '总计').fill('5');
  await settled(page);
  assert.equal(await cell(page, 'T3', '一、本年新收政府信息公开申请数量', '自然人').inputValue(), '4');
  for (const u of fetched) assert.match(u, /^(blob|data|file):/, u);
  noProblems(watch);
  await context.close();

  // Served, under default-src 'self': the editor's chunk and styles load, no violation logged;
  // the chunk is the one request after load (it is not preloaded with the page).
  const served = await openPage(browser, server.url);
  await waitState(served.page, 'ready', 60000);
  await served.page.waitForLoadState('networkidle');
  served.markLoaded();
  await served.page.locator(`${E} .modes button[data-mode=write]`).click();
  await settled(served.page);
  const onDemand = JSON.parse(fs.readFileSync(path.join(site, 'size.json'), 'utf8')).on_demand.draft;
  assert.deepEqual(served.watch.requests.map((u) => new URL(u).pathname.slice(1)), onDemand);
  assert.equal(await served.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  await served.page.locator(`${E} button.lang`).click();
  await served.page.locator(`${E} .draft[data-state="checked"]`).waitFor({ timeout: 30000 });
  assert.equal(await served.page.locator(`${E} .modes button[aria-pressed="true"]`).textContent(), 'Write');
  assert.equal(await served.page.locator(`${E} #draft-h`).textContent(), 'Write an annual report (2021 format)');
  assert.equal(await served.page.locator(`${E} [data-action=draftDocx]`).textContent(), 'Download Word (.docx)');
  await shot(served.page, 'draft-en');
  // Every control of the editor has a name (its label, aria-label or text).
  const unnamed = await served.page.locator(`${E} .draft`).evaluate((root) => [...root.querySelectorAll('input:not([type=file]), textarea, button')]
    .filter((c) => !(c.getAttribute('aria-label') || (c.id && root.querySelector(`label[for="${c.id}"]`)) || c.textContent.trim()))
    .map((c) => c.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  await served.page.setViewportSize({ width: 360, height: 780 });
  await shot(served.page, 'draft-narrow', false);
  // The tables scroll in their own boxes; the page does not overflow.
  assert.ok(await served.page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal overflow at 360px');
  await served.page.setViewportSize({ width: 1280, height: 900 });
  await served.page.locator(`${E} .modes button[data-mode=check]`).click();
  assert.ok(await served.page.locator(`${E} form.input`).isVisible());
  assert.ok(!(await served.page.locator(`${E} .mode-write`).isVisible()));
  noProblems(served.watch);
  await served.context.close();
});

test('a row filled in part: the .docx and HTML write its blank cells as —, and the CLI reads each value in its column', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openWrite(server.url);
  await page.locator(`${E} [data-action=draftClear]`).click();
  await settled(page);
  await page.locator(`${E} #draft-agency`).fill('示例局');
  await page.locator(`${E} #draft-year`).fill('2023');
  await cell(page, 'T2', '行政规范性文件', '本年制发件数').fill('3');
  await cell(page, 'T2', '行政规范性文件', '本年废止件数').fill('1');
  await settled(page);
  for (const action of ['draftDocx', 'draftHtml']) {
    const { name, bytes } = await downloadedFile(page, action);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-draft-'));
    const file = path.join(dir, 'part' + path.extname(name));
    fs.writeFileSync(file, bytes);
    const back = cliCheck(file);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(back.findings.filter((f) => f.rule === 'table-shape'), [], action);
    const t2 = back.tables.find((t) => t.id === 'T2');
    const got = (col) => t2.cells.find((c) => c.row === '行政规范性文件' && c.col === col);
    assert.deepEqual([got('本年制发件数').value, got('本年废止件数').value, got('现行有效件数').value, got('现行有效件数').raw], [3, 1, null, '—'], action);
    assert.equal(t2.cells.filter((c) => c.row === '规章').length, 0, action + ': a row not begun is not written');
  }
  noProblems(watch);
  await context.close();
});

test('a portal opens 编制 with mode="write", and back with mode="check"', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 60000);
  await page.locator('nianbao-check').evaluate((e) => e.setAttribute('mode', 'write'));
  await page.locator(`${E} table.draft-grid[data-table-id="T3"]`).waitFor({ timeout: 30000 });
  assert.equal(await page.locator(`${E} .modes button[data-mode=write]`).getAttribute('aria-pressed'), 'true');
  await page.locator('nianbao-check').evaluate((e) => e.setAttribute('mode', 'check'));
  assert.equal(await page.locator(`${E} .modes button[data-mode=check]`).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator(`${E} textarea#report`).isVisible(), true);
  noProblems(watch);
  await context.close();
});
