#!/usr/bin/env node
// Writes docs/rules.md, the reference of every rule: the registry as `nianbao rules` prints it
// (core/src/rules/registry.cpp) and one real finding of each rule. The example is the first
// finding of the rule in the golden outputs (tests/golden, files in path order); for a rule with
// none there, the first one the CLI reports on inputs that show it: the cross-year fixtures (pairs of
// one body's consecutive years: tests/fixtures/years/2021-carry.txt with
// tests/fixtures/narrative/clean.txt, 2021 format; tests/fixtures/years/2019.txt with
// tests/fixtures/years/2020-copied.txt, 2019 format), then the corpus of
// real reports (../shared/corpus/reports, checked together, so the same body's consecutive years
// are compared as well). `--check` writes nothing and exits 1 when docs/rules.md is not what it
// would write (scripts/test runs it, so the reference never goes stale).
//   node tests/tools/rules-doc.mjs CLI [--check] [--corpus DIR (default ../shared/corpus/reports)]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const corpusAt = args.indexOf('--corpus');
const corpus = resolve(corpusAt >= 0 ? args[corpusAt + 1] : join(repo, '..', 'shared', 'corpus', 'reports'));
const cli = args.find((a, i) => !a.startsWith('--') && (i === 0 || args[i - 1] !== '--corpus'));
if (!cli) {
  console.error('usage: rules-doc.mjs CLI [--check] [--corpus DIR]');
  process.exit(2);
}
const CORPUS_NAME = '../shared/corpus/reports';  // how the doc names the corpus, wherever it is
const target = join(repo, 'docs', 'rules.md');

/** The CLI's stdout; exit 1 (the report has errors) is a result too. */
function run(argv, cwd) {
  try {
    return execFileSync(resolve(cli), argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.status !== 1) throw e;
    return e.stdout;
  }
}

const registry = JSON.parse(run(['rules'], repo)).rules;

// ---- examples: rule id -> { severity, message, line, source } ---------------------------------
const examples = new Map();
const take = (f, source) => {
  if (!examples.has(f.rule)) examples.set(f.rule, { severity: f.severity, message: f.message, line: f.span && f.span.line, source });
};

const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
});
for (const file of walk(join(repo, 'tests', 'golden'))) {
  const golden = JSON.parse(readFileSync(file, 'utf8'));
  for (const f of golden.findings || []) take(f, `golden \`${relative(repo, file)}\``);
}

/** Every finding of a CLI run (one JSON object per report, then the cross-year pairs). */
function findingsOf(output, name) {
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    for (const f of o.findings || []) take(f, `\`nianbao check\` of \`${name(o.file)}\``);
    for (const p of o.cross_year || [])
      for (const f of p.findings || []) take(f, `\`nianbao check\` of \`${name(p.file)}\` with the year before, \`${name(p.previous_file)}\``);
  }
}
const missing = () => registry.some((r) => !examples.has(r.id));
const YEAR_PAIRS = [
  ['tests/fixtures/years/2021-carry.txt', 'tests/fixtures/narrative/clean.txt'],  // 2021 format: a carry-over that changed
  ['tests/fixtures/years/2019.txt', 'tests/fixtures/years/2020-copied.txt'],      // 2019 format: item counts, copied text
];
for (const years of YEAR_PAIRS)
  if (missing()) findingsOf(run(['check', '--format', 'json', ...years], repo), (f) => f);
if (missing()) {
  if (!existsSync(corpus)) {
    console.error(`rules-doc: the corpus ${corpus} is missing (--corpus DIR)`);
    process.exit(2);
  }
  findingsOf(run(['check', '--format', 'json', '.'], corpus), (f) => `${CORPUS_NAME}/${f.replace(/^\.\//, '')}`);
}

// ---- the document ------------------------------------------------------------------------------
const FAMILIES = {
  tables: ['Tables', 'the relations between the cells of the statistics tables (spec §4)'],
  cells: ['Cells', 'single cells, and how the tables were read and matched to the official template'],
  structure: ['Structure', 'the six sections, their titles and numbering, the report’s title and signature'],
  dates: ['Dates', 'when the report was published and the period it covers'],
  text: ['Text', 'the text against itself and against the tables, and the content it must have'],
  integrity: ['Integrity', 'whether what was published is the report as it should be: planted content, personal data, page chrome, the script it is written in'],
  years: ['Across years', 'two or more reports of one body checked together (the CLI with several files, the page with several reports)'],
};
const SEVERITY = { error: 'error', warning: 'warning', info: 'info' };
const md = (s) => String(s).replace(/([\\`*_<>[\]|])/g, '\\$1');
const families = [...new Set(registry.map((r) => r.family))];
const familyTitle = (f) => (FAMILIES[f] ? FAMILIES[f][0] : f);
const anchor = (id) => 'rule-' + id;

const out = [];
const w = (...lines) => out.push(...lines);
w('# The rules',
  '',
  '<!-- Generated by tests/tools/rules-doc.mjs from `nianbao rules` and the golden outputs: do not',
  '     edit by hand. Regenerate: node tests/tools/rules-doc.mjs build/native/nianbao',
  '     (scripts/test fails while this file is not what it would write). -->',
  '',
  `A **rule** is one check the core makes. Every finding it reports names its rule by a stable id`,
  `(\`"rule": "t3-balance"\` in the JSON of spec §9) and carries a severity, a message in Chinese and`,
  `the place in the text it is about. There are ${registry.length} rules in ${families.length} families:`,
  '');
for (const f of families) w(`- **${familyTitle(f)}** (\`${f}\`): ${FAMILIES[f] ? FAMILIES[f][1] : ''}`.trimEnd());
w('',
  'Severities:',
  '',
  '- **error**: the report breaks its format or its own arithmetic (a total that is not the sum of',
  '  its parts, a missing section, a late report);',
  '- **warning**: probably a defect, to be checked by hand (a wrong title, a cell left blank, a',
  '  figure that does not carry over from last year);',
  '- **info**: what nianbao did to read the report (Traditional script converted, run-together',
  '  digits split, page chrome left out), so that a person can retrace it.',
  '',
  'The severity below is the rule’s default; a finding may be milder or stricter, and its message',
  'says why: a national ID number in the text is an error though `pii` is a warning, a missing title',
  'in text copied from a web page only info (the copy often leaves it out), a figure of the text',
  'that may be counted otherwise than the table a warning though `text-table` is an error.',
  '',
  '**Where the rules are.** The registry is one table, `core/src/rules/registry.cpp`, with the enum',
  '`Rule` in `core/include/nianbao/rules.hpp`: id, family, default severity, Chinese and English',
  'name, a one-line description and the section of the spec (`../shared/spec/nianbao-spec.md`) it',
  'comes from. Every finding is made through it (`Finding::of(Rule::t3_balance)`).',
  '`nianbao rules [--pretty]` prints it as JSON',
  '(`{"schema","rules":[{id,family,severity,name:{zh_CN,en},description,spec}]}`), and the wasm',
  'binding’s `rules()` returns the same string.',
  '',
  '**How ids are used.** The JSON, the CLI’s text output (`错误 [t3-balance] …`) and the page’s CSV',
  'export name rules by their ids only; an id is never renamed (spec §9: extend, don’t rename).',
  'The page takes the names from the core: its worker reads `rules()` once when the module is ready',
  'and sends it with its ready message; the findings panel’s rule filter and each finding’s rule',
  'title show the Chinese or English name by the page language, and a rule the registry lacks is',
  'shown by its id.',
  '',
  '**Examples** are real findings: the first finding of the rule in the golden outputs',
  '(`tests/golden`, files in path order); for a rule without one, the first the CLI reports on the',
  'cross-year fixtures (`tests/fixtures/years/2021-carry.txt` with `tests/fixtures/narrative/clean.txt`,',
  '`tests/fixtures/years/2019.txt` with `tests/fixtures/years/2020-copied.txt`),',
  `then on the corpus of real reports (\`${CORPUS_NAME}\`, checked together so that one body’s`,
  'consecutive years are compared too).',
  '',
  '| id | name | English name | severity | family |',
  '|---|---|---|---|---|');
for (const r of registry)
  w(`| [\`${r.id}\`](#${anchor(r.id)}) | ${md(r.name.zh_CN)} | ${md(r.name.en)} | ${SEVERITY[r.severity] || r.severity} | ${familyTitle(r.family)} |`);
for (const f of families) {
  w('', `## ${familyTitle(f)} (\`${f}\`)`, '');
  if (FAMILIES[f]) w(FAMILIES[f][1][0].toUpperCase() + FAMILIES[f][1].slice(1) + '.');
  for (const r of registry.filter((x) => x.family === f)) {
    w('', `<a id="${anchor(r.id)}"></a>`, `### \`${r.id}\`: ${md(r.name.zh_CN)} / ${md(r.name.en)}`, '',
      `- Default severity: **${SEVERITY[r.severity] || r.severity}**; spec ${md(r.spec)}`,
      `- Checks: ${md(r.description)}`);
    const e = examples.get(r.id);
    if (!e) {
      w(`- Example: none. No golden output, cross-year fixture or corpus report has a finding of this rule.`);
      continue;
    }
    const where = e.line ? `${e.source}; line ${e.line} of the report` : e.source;
    w(`- Example (${where}):`, `  **${SEVERITY[e.severity] || e.severity}**: ${md(e.message)}`);
  }
}
const doc = out.join('\n') + '\n';

if (check) {
  const have = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (have === doc) { console.log(`docs/rules.md: up to date (${registry.length} rules)`); process.exit(0); }
  const a = have.split('\n'), b = doc.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.error(`docs/rules.md is stale at line ${i + 1}\n  file:      ${a[i]}\n  generated: ${b[i]}\n` +
    `regenerate: node tests/tools/rules-doc.mjs ${relative(repo, resolve(cli)) || cli} (and review the diff)`);
  process.exit(1);
}
writeFileSync(target, doc);
console.log(`docs/rules.md: ${registry.length} rules, ${registry.filter((r) => examples.has(r.id)).length} with an example`);
