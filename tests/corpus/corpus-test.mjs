#!/usr/bin/env node
// The corpus test level (issue 14): the CLI over the real reports of ../shared/corpus/reports
// against the hand-made truth in ../shared/corpus/truth, scored as ../shared/corpus/score.py
// scores them (the same label matching), plus the cross-year checks of one body's consecutive
// reports checked together (truth/crossyear.json).
//
// Prints one row per report and a total, then each measure against the issue's target and the
// floor this repository has reached (tests/corpus/floor.json). Fails when a measure falls below
// its floor, in total or for any one report: the floor only moves up. With --strict it fails
// unless every issue target is met. --update-floor rewrites the floor from this run; it is
// refused when anything got worse than the floor, unless --because "REASON" says why (a new rule
// that rightly warns, a truth cell left out): the reason is kept in floor.json's `lowered`.
//
//   corpus-test.mjs --cli BIN --corpus DIR [--strict] [--update-floor [--because REASON]] [--verbose]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const cli = opt('--cli'), corpus = opt('--corpus');
const strict = args.includes('--strict'), updateFloor = args.includes('--update-floor'), verbose = args.includes('--verbose');
const because = opt('--because');
if (!cli || !corpus) {
  console.error('usage: corpus-test.mjs --cli BIN --corpus DIR [--strict] [--update-floor] [--verbose]');
  process.exit(2);
}
const truthDir = join(corpus, 'truth'), reportDir = join(corpus, 'reports');
if (!existsSync(truthDir) || !existsSync(reportDir)) {
  console.error(`corpus-test: no corpus at ${resolve(corpus)} (truth/ and reports/ expected)`);
  process.exit(1);
}
const here = new URL('.', import.meta.url).pathname;
const floorFile = join(here, 'floor.json');
const config = JSON.parse(readFileSync(join(here, 'targets.json'), 'utf8'));

// --- scoring, as score.py does it ---------------------------------------------------------
const COLS = {
  T3: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  T4: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
};
const TABLE_RULES = ['t2-', 't3-', 't4-', 'legacy-'];
const norm = (s) => String(s).normalize('NFKC').replace(/[\s“”"'「」()（）:：,，、.．]/g, '');
const stripNum = (s) => s.replace(/^(?:[一二三四五六七八九十]+|[0-9]+)/, '');

function truthCells(t) {
  const c = t.cells ?? [];
  if (Array.isArray(c)) return c.map((x) => [x.table, x.group ?? '', x.row, x.col, x.value]);
  const out = [];
  for (const [tid, rows] of Object.entries(c))
    for (const [label, vals] of Object.entries(rows)) {
      if (!Array.isArray(vals)) continue;
      vals.forEach((v, i) => { if (v !== null) out.push([tid, '', label, COLS[tid] ? COLS[tid][i] : `#${i}`, v]); });
    }
  return out;
}

function outIndex(out) {
  const idx = {};
  for (const t of out.tables ?? []) {
    const tid = String(t.id ?? '').split('-')[0];
    const rows = {};
    for (const c of t.cells ?? []) (rows[norm(c.row ?? '')] ??= []).push([norm(c.col ?? ''), c.value]);
    idx[tid] = { ...(idx[tid] ?? {}), ...rows };
  }
  return idx;
}

function lookup(idx, tid, group, row, col) {
  const rows = idx[tid] ?? {};
  const r = norm(row), g = norm(group);
  let keys = Object.keys(rows).filter((k) => k === r || k.endsWith(r) || stripNum(k.split('/').at(-1)) === stripNum(r));
  if (keys.length > 1 && g) { const k2 = keys.filter((k) => k.includes(g.slice(0, 4))); if (k2.length) keys = k2; }
  if (keys.length > 1) { const k2 = keys.filter((k) => k === r); keys = k2.length ? k2 : keys.slice(0, 1); }
  if (!keys.length) {
    keys = Object.keys(rows).filter((k) => r && (k.includes(r) || ([...k].length >= 4 && r.includes(k))));
    if (keys.length !== 1) return null;
  }
  const cells = rows[keys[0]];
  const c = norm(col);
  if (c.startsWith('#')) { const i = Number(c.slice(1)); return i < cells.length ? cells[i][1] : null; }
  for (const [oc, v] of cells) if (oc === c || oc.endsWith(c) || c.endsWith(oc)) return v;
  return cells.length === 1 && tid === 'T2' ? cells[0][1] : null;
}

function run(files) {
  const r = spawnSync(cli, ['check', '--format', 'json', ...files], { maxBuffer: 1 << 28, timeout: 300_000 });
  if (r.status !== 0 && r.status !== 1) return { lines: [], error: `exit ${r.status}: ${String(r.stderr).trim().split('\n')[0]}` };
  return { lines: r.stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l)) };
}

const excluded = new Map((config.exclude ?? []).map((e) => [`${e.file}|${e.table}|${e.row}|${e.col}`, e]));

function score(t) {
  const path = join(reportDir, t.file);
  const { lines, error } = run([path]);
  const out = lines[0] ?? {};
  const idx = outIndex(out);
  const s = { file: t.file, n: 0, exact: 0, wrong: 0, missing: 0, falseAlarms: [], missed: [], warnings: 0, error, wrongCells: [] };
  for (const [tid, g, row, col, v] of truthCells(t)) {
    if (!['T2', 'T3', 'T4'].includes(tid)) continue;
    const got = lookup(idx, tid, g, row, col);
    if (excluded.has(`${t.file}|${tid}|${row}|${col}`)) {
      // Left out of the score (the report alone does not give it), but never read wrong.
      if (got !== null && got !== undefined && !(typeof got === 'number' && Math.abs(got - Number(v)) < 1e-6)) {
        s.wrong++; s.wrongCells.push(`${tid}:${row}:${col}=${v} got ${got} (excluded cell)`);
      }
      continue;
    }
    s.n++;
    if (got === null || got === undefined) s.missing++;
    else if (typeof got === 'number' && Math.abs(got - Number(v)) < 1e-6) s.exact++;
    else { s.wrong++; s.wrongCells.push(`${tid}:${row}:${col}=${v} got ${got}`); }
  }
  const findings = out.findings ?? [];
  const raw = readFileSync(path);
  const spanText = (f) => raw.subarray(f.span?.start ?? 0, f.span?.end ?? 0).toString('utf8');
  const hasTableTruth = (t.true_findings ?? []).some((x) => x.kind === 'table') || t.true_errors;
  for (const f of findings)
    if (f.severity === 'error' && TABLE_RULES.some((p) => f.rule.startsWith(p)) && !hasTableTruth) s.falseAlarms.push(`${f.rule} (no table error in the truth)`);
  for (const fb of t.forbid ?? [])
    for (const f of findings)
      if (f.rule === fb.rule && ['error', 'warning'].includes(f.severity) && (spanText(f) + (f.message ?? '')).includes(fb.near ?? ''))
        s.falseAlarms.push(`${f.rule}: ${(f.message ?? '').slice(0, 60)}`);
  for (const e of t.expect ?? [])
    if (!findings.some((f) => f.rule === e.rule && (!e.severity || f.severity === e.severity) && (spanText(f) + (f.message ?? '')).includes(e.near ?? '')))
      s.missed.push(`${e.rule}${e.severity ? `/${e.severity}` : ''} near “${e.near ?? ''}”`);
  s.warnings = findings.filter((f) => f.severity === 'warning').length;
  return s;
}

// --- cross-year: one body's consecutive reports in one check ------------------------------
function crossYear() {
  const out = [];
  for (const cy of config.cross_year ?? []) {
    const { lines, error } = run(cy.files.map((f) => join(reportDir, f)));
    const pairs = lines.find((l) => l.cross_year)?.cross_year ?? [];
    const byFile = new Map(pairs.map((p) => [p.file.split('/').at(-1), p]));
    for (const [file, rules] of Object.entries(cy.expect)) {
      const p = byFile.get(file);
      for (const want of rules) {
        const [rule, severity] = want.split(':');  // "rule" or "rule:severity"
        out.push({ what: `${file} ${want}`, ok: !!p && p.findings.some((f) => f.rule === rule && (!severity || f.severity === severity)), error });
      }
    }
  }
  return out;
}

// --- the run ---------------------------------------------------------------------------------
const truths = readdirSync(truthDir).filter((n) => n.endsWith('.truth.json')).sort()
  .map((n) => JSON.parse(readFileSync(join(truthDir, n), 'utf8')));
const results = truths.map(score);
const xyear = crossYear();

const pad = (s, n) => { s = String(s); const w = [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0); return s + ' '.repeat(Math.max(0, n - w)); };
console.log(`${pad('report', 28)} ${pad('cells exact', 13)} ${pad('wrong', 6)} ${pad('missing', 8)} ${pad('false', 6)} ${pad('missed', 7)} warnings`);
for (const s of results) {
  console.log(`${pad(s.file, 28)} ${pad(`${s.exact}/${s.n}`, 13)} ${pad(s.wrong, 6)} ${pad(s.missing, 8)} ${pad(s.falseAlarms.length, 6)} ${pad(s.missed.length, 7)} ${s.warnings}` +
              (s.error ? `  (${s.error})` : ''));
  if (verbose || s.wrong) for (const w of s.wrongCells) console.log(`    WRONG ${w}`);
  if (verbose) {
    for (const f of s.falseAlarms) console.log(`    false alarm: ${f}`);
    for (const m of s.missed) console.log(`    missed: ${m}`);
  }
}
const sum = (k) => results.reduce((a, s) => a + (Array.isArray(s[k]) ? s[k].length : s[k]), 0);
const total = {
  cells: sum('n'), exact: sum('exact'), wrong: sum('wrong'), missing: sum('missing'),
  falseAlarms: sum('falseAlarms'), missed: sum('missed'), warnings: sum('warnings'), reports: results.length,
};
total.exactPct = Math.floor((1000 * total.exact) / Math.max(total.cells, 1)) / 10;
total.warningsPerReport = Math.round((10 * total.warnings) / Math.max(total.reports, 1)) / 10;
const pdfs = results.filter((s) => s.file.endsWith('.pdf'));
total.pdfsRead = pdfs.filter((s) => !s.error && s.exact > 0).length;
total.xyear = xyear.filter((x) => x.ok).length;
console.log(`${pad('TOTAL', 28)} ${pad(`${total.exact}/${total.cells}`, 13)} ${pad(total.wrong, 6)} ${pad(total.missing, 8)} ${pad(total.falseAlarms, 6)} ${pad(total.missed, 7)} ${total.warnings}`);
for (const x of xyear) console.log(`cross-year ${x.ok ? 'found ' : 'MISSING'} ${x.what}${x.error ? ` (${x.error})` : ''}`);

// Each measure: its value, the issue's target, whether higher is better.
const T = config.targets;
const measures = [
  ['cells read exactly (%)', total.exactPct, T.exact_pct, true],
  ['cells read with a wrong value', total.wrong, T.wrong, false],
  ['false alarms', total.falseAlarms, T.false_alarms, false],
  ['true findings missed', total.missed, T.missed, false],
  ['warnings per report', total.warningsPerReport, T.warnings_per_report, false],
  ['PDFs read by the CLI', total.pdfsRead, pdfs.length, true],
  ['cross-year findings found', total.xyear, xyear.length, true],
];
console.log('\nmeasure                            now      issue target');
let targetsMet = true;
for (const [name, now, target, up] of measures) {
  const met = up ? now >= target : now <= target;
  targetsMet &&= met;
  console.log(`${pad(name, 34)} ${pad(now, 8)} ${pad(target, 8)} ${met ? 'met' : 'not yet'}`);
}

// The floor: per report and in total, nothing may get worse than what the repository reached.
const current = {
  total: { exact: total.exact, wrong: total.wrong, falseAlarms: total.falseAlarms, missed: total.missed, warnings: total.warnings, pdfsRead: total.pdfsRead, xyear: total.xyear },
  reports: Object.fromEntries(results.map((s) => [s.file, { exact: s.exact, falseAlarms: s.falseAlarms.length, missed: s.missed.length }])),
};
const floor = existsSync(floorFile) ? JSON.parse(readFileSync(floorFile, 'utf8')) : null;
const worse = [];
if (floor) {
  const cmp = (where, now, was) => {
    for (const k of Object.keys(was)) {
      const higherBetter = k === 'exact' || k === 'pdfsRead' || k === 'xyear';
      if (now[k] === undefined) continue;
      if (higherBetter ? now[k] < was[k] : now[k] > was[k]) worse.push(`${where}: ${k} ${now[k]} (floor ${was[k]})`);
    }
  };
  cmp('total', current.total, floor.total);
  // Warnings are held in total only: a new rule that rightly warns moves them per report.
  for (const [file, was] of Object.entries(floor.reports)) if (current.reports[file]) cmp(file, current.reports[file], was);
}
if (total.wrong > 0) worse.push(`${total.wrong} cell(s) read with a wrong value`);

if (updateFloor) {
  if (total.wrong > 0 || (worse.length && !because)) {
    console.error(`\nnot updating the floor: worse than it in\n  ${worse.join('\n  ')}` +
                  (total.wrong ? '' : '\n(say why with --because "REASON" if this is right)'));
    process.exit(1);
  }
  current.lowered = [...(floor?.lowered ?? []), ...(worse.length ? [{ because, what: worse }] : [])];
  writeFileSync(floorFile, JSON.stringify(current, null, 1) + '\n');
  worse.length = 0;
  console.log(`\nfloor written: ${floorFile}`);
}
if (worse.length) console.log(`\nFAILED: worse than the floor (tests/corpus/floor.json):\n  ${worse.join('\n  ')}`);
if (strict && !targetsMet) console.log('\nFAILED: --strict and some issue target is not met');
const ok = !worse.length && (!strict || targetsMet);
console.log(`\ncorpus: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
