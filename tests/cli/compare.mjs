// What the shape tests compare between two renditions of one report (shapes-test.mjs,
// pdf-test.mjs): the cells, the table findings, the narrative findings and the meta, each as a
// sorted list of strings, and the CLI run that produces the JSON.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';

export const TABLE_RULE = /^(t2-|t3-|t4-|legacy-|cell-blank|cell-invalid|template-)/;

/** `nianbao check --format json [extra] path`: the JSON and the exit status (0 or 1). */
export function check(cli, path, extra = []) {
  const r = spawnSync(cli, ['check', '--format', 'json', ...extra, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, `${path}: exit ${r.status} ${r.stderr}`);
  return { json: JSON.parse(r.stdout), status: r.status };
}

export const cells = (j) => j.tables.flatMap((t) => t.cells.map((c) => `${t.id}|${t.template}|${c.row}|${c.col}|${c.value}`)).sort();
export const rules = (j) => j.findings.filter((f) => TABLE_RULE.test(f.rule))
  .map((f) => `${f.rule}|${f.severity}|${f.expected}|${f.actual}|${f.message}`).sort();
// The narrative reads the same text in every shape (a saved page adds only its chrome).
export const narrative = (j) => j.findings.filter((f) => !TABLE_RULE.test(f.rule) && !/^(cell-|table-|site-chrome)/.test(f.rule))
  .map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();
export const meta = (j) => [JSON.stringify(j.meta), JSON.stringify(j.stats.deadline ?? null), JSON.stringify(j.stats.period ?? null)];

/** Throws with the first few differences only. */
export function same(actual, expected, what) {
  const a = new Set(actual), e = new Set(expected);
  const missing = expected.filter((x) => !a.has(x)), extra = actual.filter((x) => !e.has(x));
  if (missing.length || extra.length)
    throw new Error(`${what} differ: ${missing.length} missing (${missing.slice(0, 3).join('; ')}), ` +
                    `${extra.length} extra (${extra.slice(0, 3).join('; ')})`);
}
