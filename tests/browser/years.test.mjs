// Two years side by side (issue 16): one body's consecutive reports checked together show the
// carry-over table (表三: last year's 四、结转下年度继续办理 against this year's 二、上年结转, every
// column) and the stock of 现行有效 (表二), each row marked as agreeing or differing by class, icon
// and text. The expected values are read here from the two input texts, not from the core.
// The pair: tests/fixtures/years/2021.txt and tests/fixtures/narrative/clean.txt (示例市交通运输局
// 2021 and 2022, 2021 format).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixtures, launch, noProblems, openPage, shot, startServer, waitState } from './helpers.mjs';

const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const prevText = fs.readFileSync(path.join(fixtures, 'years', '2021.txt'), 'utf8');
const curText = fs.readFileSync(path.join(fixtures, 'narrative', 'clean.txt'), 'utf8');

/** The cells of the pipe row that starts with `label` in a report's text, as written. */
function row(text, label) {
  const line = text.split('\n').find((l) => l.startsWith(label));
  assert.ok(line, `no row ${label}`);
  return line.split('|').slice(1).map((c) => c.trim()).filter((c) => c !== '');
}

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

/** The rows of the pair's table whose heading starts with `title`: label, cells' texts, class. */
async function tableRows(page, title) {
  return page.locator('nianbao-check').evaluate((host, title) => {
    const years = host.shadowRoot.querySelector('.cross-year .pair .years');
    if (!years) return null;
    const h = [...years.querySelectorAll('h4')].find((x) => x.textContent.startsWith(title));
    if (!h) return null;
    const table = h.nextElementSibling.querySelector('table');
    return {
      heading: h.textContent,
      head: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        label: tr.querySelector('th').textContent,
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
        cls: tr.className,
        verdict: tr.querySelector('td.verdict').className,
        icon: tr.querySelector('td.verdict .icon').textContent,
        titles: [...tr.querySelectorAll('td button')].map((b) => b.title),
      })),
    };
  }, title);
}

async function checkFiles(page, files) {
  await page.locator('nianbao-check input[type=file]').setInputFiles(files.map(([name, text]) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
  assert.equal(await waitState(page, ['done', 'failed'], 120000), 'done');
}

test('two consecutive years of one body: the carry-over table, every column from both reports; the stock', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await checkFiles(page, [['2021.txt', prevText], ['clean.txt', curText]]);
  const carriedOn = row(prevText, '四、结转下年度继续办理');
  const carried = row(curText, '二、上年结转政府信息公开申请数量');
  assert.equal(carriedOn.length, 7);
  assert.equal(carried.length, 7);

  const carry = await tableRows(page, '表三 上年结转');
  assert.ok(carry, 'a carry-over table in the pair');
  assert.equal(carry.heading, '表三 上年结转：2021 年（2021.txt）→ 2022 年（clean.txt）');
  assert.deepEqual(carry.head, ['项目', '2021 年 结转下年度（2021.txt）', '2022 年 上年结转（clean.txt）', '核对']);
  assert.deepEqual(carry.rows.map((r) => r.label), COLS);
  carry.rows.forEach((r, i) => {
    assert.deepEqual(r.cells, [carriedOn[i], carried[i], '✔ 一致'], r.label);
    assert.equal(r.cls, 'agree');
    assert.equal(r.titles[0], `表三「四、结转下年度继续办理」${COLS[i]}`);
    assert.equal(r.titles[1], `表三「二、上年结转政府信息公开申请数量」${COLS[i]}`);
  });

  // 表二: last year's 现行有效, this year's 制发, 废止, 现行有效, and what it should be.
  const stock = await tableRows(page, '表二 现行有效件数');
  assert.ok(stock, 'a stock table');
  const [, , inForce] = row(prevText, '行政规范性文件');
  const [issued, abolished, now] = row(curText, '行政规范性文件');
  const docs = stock.rows.find((r) => r.label === '行政规范性文件');
  assert.deepEqual(docs.cells, [inForce, issued, abolished, now, String(Number(inForce) + Number(issued) - Number(abolished)), '✔ 一致']);
  assert.deepEqual(stock.rows.map((r) => r.label), ['规章', '行政规范性文件']);

  // A value opens its report at the tables.
  await page.locator('nianbao-check .years tr[data-label="总计"] td').nth(0).locator('button').click();
  assert.match(await page.locator('nianbao-check h2#result-h').textContent(), /2021\.txt/);
  assert.equal(await page.locator('nianbao-check [role=tab][data-tab=tables]').getAttribute('aria-selected'), 'true');

  // English.
  await page.locator('nianbao-check button.lang').click();
  const en = await tableRows(page, 'Table 3 carry-over');
  assert.ok(en, 'the carry-over table in English');
  assert.equal(en.heading, 'Table 3 carry-over: 2021 (2021.txt) → 2022 (clean.txt)');
  assert.equal(en.rows[0].cells[2], '✔ agree');
  await page.locator('nianbao-check .cross-year').scrollIntoViewIfNeeded();
  await shot(page, 'desktop-years-en', false);
  await page.locator('nianbao-check button.lang').click();
  noProblems(watch);
  await context.close();
});

test('a carry-over that differs is marked as differing, with its xyear-carry finding; a blank cell is said, not compared', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  // This year's 自然人 上年结转 5 → 4, its 商业企业 blank.
  const from = '二、上年结转政府信息公开申请数量 | 5 | 0 |';
  assert.equal(curText.split(from).length, 2);
  const edited = curText.replace(from, '二、上年结转政府信息公开申请数量 | 4 | — |');
  await checkFiles(page, [['2021.txt', prevText], ['clean.txt', edited]]);
  const carry = await tableRows(page, '表三 上年结转');
  const byLabel = Object.fromEntries(carry.rows.map((r) => [r.label, r]));
  const person = byLabel['自然人'];
  assert.deepEqual(person.cells, ['5', '4', '✖ 不一致']);
  assert.equal(person.cls, 'differ');
  assert.match(person.verdict, /\bdiffer\b/);
  assert.equal(person.icon, '✖');
  const blank = byLabel['商业企业'];
  assert.deepEqual(blank.cells, ['0', '空白（—）', '? 无法核对']);
  assert.equal(blank.cls, 'unknown');
  for (const c of ['科研机构', '社会公益组织', '法律服务机构', '其他', '总计']) assert.equal(byLabel[c].cls, 'agree', c);
  // The finding of the rule, on the same column, in the pair's list.
  const findings = page.locator('nianbao-check .cross-year .pair li[data-rule="xyear-carry"]');
  assert.equal(await findings.count(), 1);
  assert.match(await findings.textContent(), /表三「二、上年结转」自然人为4，而2021年度报告「四、结转下年度继续办理」自然人为5/);
  assert.equal(await page.locator('nianbao-check .years tr.differ').count(), 1);
  await page.locator('nianbao-check .cross-year').scrollIntoViewIfNeeded();
  await shot(page, 'desktop-years', false);
  noProblems(watch);
  await context.close();
});

test('narrow viewport (360px): the pair\'s tables scroll in their own box, the page does not overflow', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url, { width: 360, height: 740 });
  await waitState(page, 'ready', 30000);
  await checkFiles(page, [['2021.txt', prevText], ['clean.txt', curText]]);
  assert.equal(await page.locator('nianbao-check .years table').count(), 2);
  const spill = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(spill <= 0, `${spill}px wider than the viewport`);
  noProblems(watch);
  await context.close();
});
