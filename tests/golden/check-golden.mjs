#!/usr/bin/env node
// Golden corpus test: the CLI's pretty JSON for every input file of each corpus must equal the
// reviewed file tests/golden/<corpus>/<relative path>.json. `--update` rewrites them (review the
// diff before committing).
//   check-golden.mjs --cli BIN --golden DIR --corpus seeds=DIR [--corpus fixtures=DIR ...] [--update]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? resolve(args[i + 1]) : undefined; };
const cli = opt('--cli'), golden = opt('--golden');
const corpora = args.flatMap((a, i) => (a === '--corpus' ? [args[i + 1].split('=')] : [])).map(([n, d]) => [n, resolve(d)]);
const update = args.includes('--update');
if (!cli || !golden || corpora.length === 0) {
  console.error('usage: check-golden.mjs --cli BIN --golden DIR --corpus NAME=DIR... [--update]');
  process.exit(2);
}
const INPUT = /\.(txt|md|html|htm|docx|runs)$/;  // .runs: PDF text runs (tests/fixtures/pdf)
const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : INPUT.test(n) ? [p] : [];
});

let passed = 0, failed = 0;
for (const [name, dir] of corpora) {
  for (const path of walk(dir)) {
    const rel = relative(dir, path);
    let out;
    try {
      out = execFileSync(cli, ['check', '--format', 'json', '--pretty', rel], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    } catch (e) {
      if (e.status !== 1) throw e;  // exit 1 = the report has errors; still a result
      out = e.stdout;
    }
    const file = join(golden, name, rel + '.json');
    if (update) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, out);
      passed++;
      continue;
    }
    if (!existsSync(file)) { console.error(`FAIL ${name}/${rel}: no golden file (run with --update and review)`); failed++; continue; }
    const want = readFileSync(file, 'utf8');
    if (want === out) { passed++; continue; }
    const a = want.split('\n'), b = out.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.error(`FAIL ${name}/${rel}: differs from ${relative(process.cwd(), file)} at line ${i + 1}\n  golden: ${a[i]}\n  actual: ${b[i]}`);
    failed++;
  }
}
console.log(`golden: ${passed} passed, ${failed} failed${update ? ' (updated)' : ''}`);
process.exit(failed ? 1 : 0);
