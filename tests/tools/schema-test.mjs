#!/usr/bin/env node
// Every line nianbao writes validates against docs/nianbao-1.schema.json: every golden (the
// reviewed reports), and what the goldens do not hold: an error line, a cross-year line, a
// summary line, a report with corrected cells. Every rule id in them is one of the registry's.
// And the TypeScript declarations for embedders (web/nianbao.d.ts) type the same objects: each
// is written into a .ts file as a literal of its declared type (excess properties are errors),
// with a use of the JS API, and compiled with tsc --strict.
//   node tests/tools/schema-test.mjs CLI
import { readFileSync, readdirSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.argv[2];
if (!cli) { console.error('usage: schema-test.mjs CLI'); process.exit(2); }
const schema = JSON.parse(readFileSync(join(root, 'docs/nianbao-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const rules = new Set(JSON.parse(spawnSync(cli, ['rules'], { encoding: 'utf8' }).stdout).rules.map((r) => r.id));

let checked = 0, failed = 0;
function check(what, obj) {
  checked++;
  const problems = [];
  if (!validate(obj)) problems.push(...validate.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`));
  const findings = [...(obj.findings || []), ...(obj.cross_year || []).flatMap((p) => p.findings)];
  for (const f of findings) if (!rules.has(f.rule)) problems.push(`rule ${f.rule} is not in the registry`);
  if (problems.length) { failed++; console.log(`FAIL ${what}\n  ${problems.join('\n  ')}`); }
  return obj;
}
const lines = (text) => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const typed = [];  // [type, object]: checked against web/nianbao.d.ts below

// The goldens: each file one pretty-printed object.
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
for (const f of walk(join(root, 'tests/golden')).filter((f) => f.endsWith('.json')).sort())
  typed.push(['Result', check(f.slice(root.length + 1), JSON.parse(readFileSync(f, 'utf8')))]);

// What the goldens do not hold.
const run = (args) => spawnSync(cli, ['check', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-schema-'));
writeFileSync(join(tmp, 'empty.txt'), '');
for (const o of lines(run([join(tmp, 'empty.txt')]).stdout)) typed.push(['Result', check('error line (empty input)', o)]);
const years = ['tests/fixtures/years/2021-carry.txt', 'tests/fixtures/narrative/clean.txt'].map((f) => join(root, f));
const batch = lines(run(['--summary', ...years]).stdout);
if (!batch.some((o) => o.cross_year) || !batch.some((o) => o.summary)) { failed++; console.log('FAIL the batch gave no cross_year or summary line'); }
for (const o of batch) {
  check(`batch line ${Object.keys(o)[1]}`, o);
  if (o.cross_year) typed.push(['CrossYearPair[]', o.cross_year]);
}
writeFileSync(join(tmp, 'cells.json'), JSON.stringify([{ table: 'T3', row: '（一）予以公开', col: '自然人', value: 101 }]));
const corrected = lines(run(['--cells', join(tmp, 'cells.json'), join(root, 'tests/fixtures/narrative/clean.txt')]).stdout);
if (!corrected[0].tables.some((t) => t.cells.some((c) => c.corrected === true))) { failed++; console.log('FAIL no corrected cell'); }
for (const o of corrected) typed.push(['Result', check('report with a corrected cell', o)]);
typed.push(['RuleInfo[]', JSON.parse(spawnSync(cli, ['rules'], { encoding: 'utf8' }).stdout).rules]);
console.log(`schema: ${checked - failed} of ${checked} valid`);

// ---- the TypeScript declarations -------------------------------------------------------------
const tsc = join(root, 'node_modules/.bin/tsc');
const dts = join(root, 'web/nianbao.d.ts');
const src = [`import type { Result, CrossYearPair, RuleInfo, CheckOptions, NianbaoModule, CreateNianbao } from ${JSON.stringify(dts.replace(/\.d\.ts$/, ''))};`,
  `import { check } from ${JSON.stringify(dts.replace(/\.d\.ts$/, ''))};`,
  // The JS API as an embedder uses it.
  'export async function use(file: File, m: NianbaoModule, create: CreateNianbao): Promise<number> {',
  '  const options: CheckOptions = { file: file.name, cells: [{ table: "T3", row: "（一）予以公开", col: "自然人", value: 1 }] };',
  '  const r = await check(file, options);',
  '  const n = "error" in r ? 0 : r.stats.errors + r.findings.filter((f) => f.severity === "error").length;',
  '  const s = new m.Session(); s.check("…", JSON.stringify(options)); s.delete();',
  '  const el = document.createElement("nianbao-check"); el.lang = "en";',
  '  return n + (await create()).version().length;',
  '}',
  ...typed.map(([type, obj], i) => `export const v${i}: ${type} = ${JSON.stringify(obj)};`)].join('\n');
writeFileSync(join(tmp, 'types.ts'), src);
const t = spawnSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', '--module', 'esnext',
  '--moduleResolution', 'bundler', '--skipLibCheck', 'false', join(tmp, 'types.ts')], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (t.status !== 0) {
  failed++;
  console.log('FAIL web/nianbao.d.ts does not type the output\n' + (t.stdout + t.stderr).split('\n').slice(0, 12).join('\n'));
} else {
  console.log(`types: web/nianbao.d.ts types all ${typed.length} objects and the JS API (tsc --strict)`);
}
process.exit(failed ? 1 : 0);
