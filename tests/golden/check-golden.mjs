#!/usr/bin/env node
// Golden corpus test: the CLI's pretty JSON for every seed must equal the reviewed file
// tests/golden/<seed>.json. `--update` rewrites the files (review the diff before committing).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const [cli, seeds, golden] = ['--cli', '--seeds', '--golden'].map((n) => opt(n) && resolve(opt(n)));
const update = args.includes('--update');
if (!cli || !seeds || !golden) { console.error('usage: check-golden.mjs --cli BIN --seeds DIR --golden DIR [--update]'); process.exit(2); }

let passed = 0, failed = 0;
for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
  let out;
  try {
    out = execFileSync(cli, ['check', '--format', 'json', '--pretty', name], { cwd: seeds, encoding: 'utf8' });
  } catch (e) {
    if (e.status !== 1) throw e;  // exit 1 = the report has errors; still a result
    out = e.stdout;
  }
  const file = join(golden, basename(name, '.txt') + '.json');
  if (update) { writeFileSync(file, out); console.log(`updated ${file}`); passed++; continue; }
  if (!existsSync(file)) { console.error(`FAIL ${name}: no golden file ${file} (run with --update and review)`); failed++; continue; }
  const want = readFileSync(file, 'utf8');
  if (want === out) { console.log(`ok   ${name}`); passed++; continue; }
  const a = want.split('\n'), b = out.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.error(`FAIL ${name}: differs from ${file} at line ${i + 1}\n  golden: ${a[i]}\n  actual: ${b[i]}`);
  failed++;
}
console.log(`golden: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
