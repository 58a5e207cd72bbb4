// The check report as Word (issue 16): the .docx the page exports, read back from its zip
// (word/document.xml): title, the report's facts, the counts with the reviewer's verdicts, every
// finding with all its places, and the rebuilt tables with corrected cells and the cells findings
// concern marked. The docx library loads only when the report is asked for; the offline single
// file makes it too; and the core's own DOCX reader (the CLI) accepts the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';  // the zip library docx itself uses
import { correctCell, downloaded, downloadedFile, dropFiles, fixtures, launch, noProblems, openPage, pasteAndCheck, repo, seed, seedName, seedsDir, site, startServer, waitState } from './helpers.mjs';

const cli = path.resolve(process.env.NIANBAO_CLI || path.join(repo, 'build', 'native', 'nianbao'));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const runsText = (xml) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** The document's body in order: `lines` (a paragraph's text, or a table row's cells joined by
 *  " | ") and `tables` (rows of cells { text, xml }). */
function readDocx(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  assert.ok(files['[Content_Types].xml'] && files['word/document.xml'] && files['word/styles.xml'], 'an OOXML package');
  const xml = strFromU8(files['word/document.xml']);
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const lines = [], tables = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)) {
    if (!m[0].startsWith('<w:tbl>')) { lines.push(runsText(m[0])); continue; }
    const rows = [...m[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => ({ xml: c[0], text: runsText(c[0]) })));
    tables.push(rows);
    for (const r of rows) lines.push(r.map((c) => c.text).join(' | '));
  }
  return { xml, styles: strFromU8(files['word/styles.xml']), lines, tables };
}

/** The lines of finding `rule` in the report: from its numbered head to the next head. */
function findingBlock(lines, rule) {
  const heads = lines.map((l, i) => (/^\d+\. \[[^\]]+\] .*（[a-z0-9-]+）$/.test(l) ? i : -1)).filter((i) => i >= 0);
  const at = heads.find((i) => lines[i].endsWith('（' + rule + '）'));
  assert.ok(at !== undefined, `finding ${rule} in the report`);
  const next = heads.find((i) => i > at) ?? lines.findIndex((l, i) => i > at && (l === '还原的表格' || l === 'Rebuilt tables'));
  return { number: Number(/^(\d+)\./.exec(lines[at])[1]), lines: lines.slice(at, next) };
}

/** The CLI reads the file as DOCX: no unreadable-input exit, a result and not an error. */
function cliReads(bytes, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-docx-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const run = spawnSync(cli, ['check', '--format', 'json', file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(run.status === 0 || run.status === 1, `the CLI read the .docx (exit ${run.status}): ${run.stderr}`);
  const out = JSON.parse(run.stdout);
  assert.equal(out.error, undefined);
  assert.equal(out.input.format, 'docx');
  return out;
}

const ruleCounts = (findings) => {
  const m = new Map();
  for (const f of findings) { const n = m.get(f.rule) || { error: 0, warning: 0, info: 0 }; n[f.severity]++; m.set(f.rule, n); }
  return m;
};

test('seed 003, a cell corrected: the .docx has the facts, the counts, the tampering finding with its 24 places, the corrected cell', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  await waitState(page, 'ready', 30000);
  const name = seedName('003_');
  await dropFiles(page, [path.join(seedsDir, name)]);
  assert.equal(await waitState(page, ['done', 'failed']), 'done');

  // 五、行政诉讼数量 corrected from 9 to 6 (its sum then holds).
  await correctCell(page, 'legacy', '五、行政诉讼数量', 6);
  const json = JSON.parse(await downloaded(page, 'exportJson'));

  // The docx chunk is fetched when the report is asked for, not before.
  assert.equal(await page.locator('nianbao-check [data-action=exportDocx]').textContent(), '导出 Word 报告');
  assert.ok(!requested.some((u) => /report-docx-/.test(u)), 'the docx chunk is not loaded with the page');
  const file = await downloadedFile(page, 'exportDocx');
  assert.ok(requested.some((u) => /chunks\/report-docx-[^/]+\.mjs$/.test(u)), 'the docx chunk is loaded on export');
  assert.equal(file.name, name.replace(/\.txt$/, '') + '.check.docx');
  const doc = readDocx(file.bytes);
  const { lines } = doc;

  // Title and the report's facts.
  assert.equal(lines[0], '检查报告：' + name);
  assert.ok(lines.includes('机关 | ' + json.meta.agency), lines.slice(0, 8).join('\n'));
  assert.ok(lines.includes('年度 | ' + json.meta.year + ' 年'));
  assert.ok(lines.includes('格式 | 旧版（2008–2018）'));
  assert.ok(lines.includes('发布期限 | 未识别'));

  // The counts are the core's, and nothing is reviewed yet.
  const s = json.stats, n = json.findings.length;
  assert.equal(s.errors + s.warnings + s.infos, n);
  assert.ok(lines.includes(`共 ${n} 项问题：错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项。`), lines.filter((l) => l.startsWith('共 ')).join('\n'));
  assert.ok(lines.includes(`核查情况：已核实 0 项，不是问题 0 项，未核查 ${n} 项。`));
  assert.ok(lines.includes(`错误 | ${s.errors} | 0 | 0 | ${s.errors}`));
  assert.ok(lines.includes(`合计 | ${n} | 0 | 0 | ${n}`));
  // One row per rule, with its counts by severity.
  for (const [rule, c] of ruleCounts(json.findings)) {
    const row = lines.find((l) => l.includes('（' + rule + '） | '));
    assert.ok(row, rule);
    assert.equal(row.replace(/^.*（[a-z0-9-]+） \| /, ''), ['error', 'warning', 'info'].map((k) => (c[k] ? String(c[k]) : '')).join(' | '), row);
  }

  // The tampering finding: one finding, its 24 places with their lines, each quoting the phrase.
  const tampering = json.findings.filter((f) => f.rule === 'tampering');
  assert.equal(tampering.length, 1);
  const f = tampering[0];
  assert.equal(f.occurrences.length, 24);
  const block = findingBlock(lines, 'tampering').lines;
  assert.match(block[0], /^\d+\. \[错误\] /);
  assert.equal(block[1], f.message);
  const phrase = /“([^”]+)”/.exec(f.message)[1];
  const at = block.indexOf('原文位置（共 24 处）：');
  assert.ok(at > 0, block.join('\n'));
  assert.deepEqual(block.slice(at + 1, at + 25), f.occurrences.map((o) => `第 ${o.line} 行：“${phrase}”`));
  assert.equal(block[at + 25], '核查结论：未核查');
  // Every finding is there, the one the correction cleared is not.
  assert.equal(lines.filter((l) => /^\d+\. \[/.test(l)).length, n);
  assert.equal(json.findings.filter((x) => x.rule === 'legacy-sum').length, 0);
  assert.ok(!lines.some((l) => l.endsWith('（legacy-sum）')));

  // The corrected cell: its new value, bold, marked, and listed with what the text said.
  const legacy = doc.tables.find((rows) => rows[0][0].text === '项目' && rows.some((r) => r[0].text === '五、行政诉讼数量'));
  const row = legacy.find((r) => r[0].text === '五、行政诉讼数量');
  assert.match(row[1].text, /^6（已更正）/);
  assert.match(row[1].xml, /<w:b\/>[\s\S]*<w:t[^>]*>6<\/w:t>/);
  assert.ok(lines.some((l) => /^更正的单元格：统计表 第\d+行 第1列 原文 9，更正为 6$/.test(l)), lines.filter((l) => l.startsWith('更正')).join('\n'));
  // Other cells as the text has them, none marked corrected.
  assert.equal(legacy.filter((r) => r.some((c) => c.text.includes('已更正'))).length, 1);
  assert.equal(legacy.length - 1, new Set(json.tables[0].cells.map((c) => c.row)).size);

  // Chinese fonts in the styles, A4.
  assert.match(doc.styles, /w:eastAsia="宋体"/);
  assert.match(doc.styles, /w:eastAsia="黑体"/);
  assert.match(doc.xml, /<w:pgSz w:w="11906" w:h="16838"/);

  // The core's DOCX reader accepts it (and reads the title back).
  assert.match(cliReads(file.bytes, 'report.docx').input.text, new RegExp('^检查报告：' + name.replace(/\./g, '\\.')));
  noProblems(watch);
  await context.close();
});

test('a 2021 report: failing cells marked with their findings\' numbers; verdicts and reasons in the report; English', { timeout: 180000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await dropFiles(page, [path.join(fixtures, 'reports', 'r2021-err', 'layout.txt')]);
  assert.equal(await waitState(page, ['done', 'failed']), 'done');
  const json = JSON.parse(await downloaded(page, 'exportJson'));
  const index = (rule) => json.findings.findIndex((f) => f.rule === rule);
  for (const rule of ['t3-results', 't3-balance', 't4-groups']) assert.ok(index(rule) >= 0, rule);

  // The reviewer's verdicts, given as a reviewer gives them (the page keeps them across the
  // language switch below).
  const reason = '复议后起诉的总计已在正文中更正说明';
  const item = (rule) => page.locator(`nianbao-check li.finding[data-rule="${rule}"]`).first();
  await item('t3-results').locator('button.review-confirm').click();
  await item('t4-groups').locator('button.review-dismiss').click();
  await item('t4-groups').locator('input.review-reason').fill(reason);
  await item('t4-groups').locator('input.review-reason').press('Enter');
  assert.equal(await page.locator('nianbao-check li.finding[data-rule="t3-results"][data-review="confirmed"]').count(), 1, 'one t3-results finding');
  const zh = await downloadedFile(page, 'exportDocx');
  const doc = readDocx(zh.bytes);
  const { lines } = doc;
  const n = json.findings.length;
  assert.ok(lines.includes(`核查情况：已核实 1 项，不是问题 1 项，未核查 ${n - 2} 项。`), lines.filter((l) => l.startsWith('核查')).join('\n'));
  assert.ok(lines.includes(`错误 | ${json.stats.errors} | 1 | 1 | ${json.stats.errors - 2}`));
  const results = findingBlock(lines, 't3-results');
  assert.ok(results.lines.includes('核查结论：已核实'), results.lines.join('\n'));
  assert.ok(findingBlock(lines, 't4-groups').lines.includes(`核查结论：不是问题（理由：${reason}）`));
  assert.ok(findingBlock(lines, 't3-balance').lines.includes('核查结论：未核查'));
  // Expected and actual, and the related cells by their addresses.
  const f = json.findings[index('t3-results')];
  assert.ok(results.lines.includes(`应为 ${f.expected}，实际 ${f.actual}`));
  const related = results.lines.find((l) => l.startsWith('相关位置：'));
  assert.ok(related, results.lines.join('\n'));
  assert.equal(related.split('；').length, new Set(f.related.map((r) => r.start + ':' + r.end)).size);
  assert.match(related, /^相关位置：表三 第\d+行 第\d+列/);

  // Table 3: the cell t3-results is about is shaded as an error and names its finding; the cells
  // it relates to name it too.
  const t3 = doc.tables.find((rows) => rows[0].map((c) => c.text).join('|') === '项目|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计');
  assert.ok(t3, 'table 3 with the columns the page shows');
  const cellOf = (sp) => {
    const c = json.tables.find((t) => t.id === 'T3').cells.find((x) => x.span.start === sp.start && x.span.end === sp.end);
    return c && t3.find((r) => r[0].text === c.row)[t3[0].findIndex((h) => h.text === c.col)];
  };
  const marks = (cell) => (/\[([\d,]+)\]$/.exec(cell.text) || [, ''])[1].split(',').map(Number);
  const own = cellOf(f.span);
  assert.ok(marks(own).includes(results.number), own.text);
  assert.match(own.xml, /w:fill="FBE3E1"/);
  const rel = f.related.map(cellOf).filter(Boolean);
  assert.ok(rel.length >= 2);
  for (const c of rel) assert.ok(marks(c).includes(results.number), c.text);
  assert.ok(rel.some((c) => /w:fill="E3EEF9"/.test(c.xml)), 'a related cell shaded as related');
  // Cells no finding concerns carry no mark.
  const quiet = t3.slice(1).flatMap((r) => r.slice(1)).filter((c) => !/\[/.test(c.text));
  assert.ok(quiet.length > 0 && quiet.every((c) => !/w:fill="(FBE3E1|FFF2CC|E3EEF9)"/.test(c.xml)));

  // In English.
  await page.locator('nianbao-check button.lang').click();
  await page.locator('nianbao-check [data-action=exportDocx]', { hasText: 'Export Word report' }).waitFor();
  const enFile = await downloadedFile(page, 'exportDocx');
  const en = readDocx(enFile.bytes).lines;
  assert.equal(en[0], 'Check report: layout.txt');
  assert.ok(en.includes(`Review: confirmed 1, not a problem 1, not reviewed ${n - 2}.`));
  assert.ok(en.includes(`Expected ${f.expected}, Actual ${f.actual}`));
  assert.ok(en.includes(`Review: Not a problem (reason: ${reason})`));
  assert.match(cliReads(zh.bytes, 'zh.docx').input.text, /^检查报告：layout\.txt/);
  assert.match(cliReads(enFile.bytes, 'en.docx').input.text, /^Check report: layout\.txt/);
  noProblems(watch);
  await context.close();
});

test('the offline single file (file://) makes the .docx with nothing fetched', { timeout: 180000 }, async () => {
  const file = path.join(site, 'nianbao.html');
  assert.ok(fs.existsSync(file), 'run scripts/build: build/site/nianbao.html');
  const { context, page, watch } = await openPage(browser, pathToFileURL(file).href);
  const fetched = [];
  context.on('request', (r) => fetched.push(r.url()));
  await waitState(page, 'ready', 60000);
  await pasteAndCheck(page, seed('003_'));
  const got = await downloadedFile(page, 'exportDocx');
  assert.equal(got.name, '粘贴的文本.check.docx');
  const { lines } = readDocx(got.bytes);
  assert.equal(lines[0], '检查报告：粘贴的文本');
  assert.ok(findingBlock(lines, 'tampering').lines.includes('原文位置（共 24 处）：'));
  for (const u of fetched) assert.match(u, /^(blob|data|file):/, u);
  noProblems(watch);
  await context.close();
});
