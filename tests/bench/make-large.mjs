#!/usr/bin/env node
// Writes generated inputs for nianbao_bench (numbers for the README via scripts/bench, not tests):
//   node tests/bench/make-large.mjs [OUT_DIR]        (default build/bench-large)
// * large-1k.txt … large-10m.txt: Simplified-Chinese reports of about 1 KB, 10 KB, 100 KB, 1 MB and
//   10 MB: a title, then the bodies of real report texts in turn (the narrative fixture with its
//   tables, the 2021 pipe-rows fixture, seeds 002 and 004: prose with figures, headings, pipe
//   tables), cut at a line boundary, then a signature.
// * line-1m.txt: 1 MB on one line (report sentences with figures, no line break).
// * cells-100k.txt: one pipe table of 100,000 cells (10,000 rows of 10 cells).
// * lines-100k.txt: 100,000 short lines.
// Each report is at most its size and short of it by less than one line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.argv[2] ?? join(root, 'build/bench-large'));
mkdirSync(out, { recursive: true });

const read = (p) => readFileSync(join(root, p), 'utf8').replace(/\r\n/g, '\n');
const lines = (text) => text.split('\n').filter((l) => l.trim() !== '');
/** A report's lines without its title (first line) and signature (last two). */
const body = (text) => lines(text).slice(1, -2);

const narrative = read('tests/fixtures/narrative/clean.txt');
const sources = [
  body(narrative),
  body(read('tests/fixtures/reports/r2021-ok/pipe-rows.txt')),
  lines(read('../shared/seeds/002_d41cb1e17d5f5455.txt')),
  lines(read('../shared/seeds/004_8fa766393daa9a7c.txt')).slice(2),
];
const title = '示例市交通运输局2022年政府信息公开工作年度报告';
const signature = '示例市交通运输局\n2023年1月20日\n';
const bytes = (s) => Buffer.byteLength(s);

function report(size) {
  const parts = [title + '\n'];
  let n = bytes(parts[0]) + bytes(signature);
  for (let i = 0; ; ++i) {
    const src = sources[i % sources.length];
    for (const l of src) {
      const line = l + '\n';
      if (n + bytes(line) > size) return parts.join('') + signature;
      parts.push(line);
      n += bytes(line);
    }
  }
}

const sizes = { '1k': 1 << 10, '10k': 10 << 10, '100k': 100 << 10, '1m': 1 << 20, '10m': 10 << 20 };
for (const [name, size] of Object.entries(sizes)) writeFileSync(join(out, `large-${name}.txt`), report(size));

// 1 MB on one line: the narrative's sentences (figures, units, 其中 lists) joined without breaks.
{
  const prose = lines(narrative).filter((l) => !l.includes('|')).join('');
  let s = title;
  while (bytes(s) < 1 << 20) s += prose;
  writeFileSync(join(out, 'line-1m.txt'), Buffer.from(s).subarray(0, 1 << 20).toString('utf8').replace(/\uFFFD+$/, '') + '\n');
}

// One pipe table of 100,000 cells: a header row, then rows of a label and nine numbers.
{
  const rows = [title, '| 项目 | 一 | 二 | 三 | 四 | 五 | 六 | 七 | 八 | 九 |'];
  for (let r = 1; rows.length - 2 < 9999; ++r) {
    const cells = [`第${r}项`];
    for (let c = 0; c < 9; ++c) cells.push(String((r * 7 + c * 13) % 1000));
    rows.push(`| ${cells.join(' | ')} |`);
  }
  writeFileSync(join(out, 'cells-100k.txt'), rows.join('\n') + '\n');
}

// 100,000 short lines: short report lines and figures, one per line.
{
  const short = ['政府信息公开', '主动公开信息1268条', '（一）予以公开', '办结204件', '本年度', '2022年', '自然人',
    '总计 217', '依申请公开', '一、总体情况'];
  const ls = [title];
  for (let i = 0; ls.length < 100000; ++i) ls.push(short[i % short.length]);
  writeFileSync(join(out, 'lines-100k.txt'), ls.join('\n') + '\n');
}

console.log(out);
