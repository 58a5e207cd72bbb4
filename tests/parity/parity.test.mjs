// The wasm module returns the same JSON as the native CLI, byte for byte, for every seed, the
// narrative fixtures, error results and the cross-year pairs of two reports. Run: node --test tests/parity/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.NIANBAO_CLI ?? join(root, 'build/native/nianbao');
const wasmJs = process.env.NIANBAO_WASM ?? join(root, 'build/wasm/wasm/nianbao.js');
const seeds = process.env.NIANBAO_SEEDS ?? resolve(root, '../shared/seeds');

const cliJson = (args, cwd, input = '') => {
  try { return execFileSync(cli, ['check', '--format', 'json', ...args], { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }); }
  catch (e) { if (e.status === 1 || e.status === 2) return e.stdout; throw e; }
};

test('wasm check() equals the CLI JSON byte for byte', async (t) => {
  assert.ok(existsSync(cli), `native CLI missing: ${cli}`);
  assert.ok(existsSync(wasmJs), `wasm module missing: ${wasmJs}`);
  const createNianbao = createRequire(import.meta.url)(wasmJs);
  const m = await createNianbao();
  const names = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort();
  assert.equal(names.length, 5);
  for (const name of names) {
    await t.test(name, () => {
      const text = readFileSync(join(seeds, name), 'utf8');
      const native = cliJson([name], seeds).replace(/\n$/, '');
      const wasm = m.check(text, JSON.stringify({ file: name }));
      assert.equal(wasm, native);
      assert.ok(JSON.parse(wasm).tables !== undefined);
    });
  }
  // The narrative fixtures exercise every text rule (and the clean one every text figure).
  const narrative = join(root, 'tests/fixtures/narrative');
  for (const name of ['clean.txt', 'defects.txt']) {
    await t.test(`narrative/${name}`, () => {
      const text = readFileSync(join(narrative, name), 'utf8');
      const wasm = m.check(text, JSON.stringify({ file: name }));
      assert.equal(wasm, cliJson([name], narrative).replace(/\n$/, ''));
      assert.ok(JSON.parse(wasm).findings.length > 0 || name === 'clean.txt');
    });
  }
  // Two years of one body: the session's crossYear() is the CLI's cross_year line (findings and
  // the tables side by side, "compare").
  await t.test('cross-year pairs match too', () => {
    const fixtures = join(root, 'tests/fixtures');
    const files = ['years/2021-carry.txt', 'narrative/clean.txt'];
    const s = new m.Session();
    for (const f of files) s.check(readFileSync(join(fixtures, f), 'utf8'), JSON.stringify({ file: f }));
    const wasm = s.crossYear();
    s.delete();
    assert.equal(wasm, cliJson(files, fixtures).trim().split('\n').at(-1));
    const [pair] = JSON.parse(wasm).cross_year;
    assert.deepEqual(pair.compare.carry.map((c) => c.agree), [false, true, true, true, true, true, false]);
  });
  await t.test('error results match too', () => {
    const wasm = m.check('   \n', JSON.stringify({ file: '-' }));
    assert.equal(wasm, cliJson(['-'], seeds, '   \n').replace(/\n$/, ''));
    assert.equal(JSON.parse(wasm).error.code, 'empty_input');
  });
  assert.match(m.version(), /^\d+\.\d+\.\d+$/);
});
