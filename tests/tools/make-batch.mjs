// A batch of generated reports for the batch test and the benchmark: `bodies` bodies, each with
// its 2021 report (tests/fixtures/years/2021.txt) and 2022 report (tests/fixtures/narrative/
// clean.txt) under the body's own name, in DIR/body-NNN/{2021,2022}.txt. Every 10th body's 2021
// report carries one more over (years/2021-carry.txt); every 25th body's 2022 report is
// narrative/defects.txt.
//   node tests/tools/make-batch.mjs DIR [BODIES]     (also importable: makeBatch(dir, bodies))
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const NAME = '示例市交通运输局';
export const body = (i) => `示例${i}市交通运输局`;
export const carried = (i) => i % 10 === 3;
export const defective = (i) => i % 25 === 7;
export const bodyDir = (dir, i) => join(dir, `body-${String(i).padStart(3, '0')}`);

export function makeBatch(dir, bodies = 500) {
  const read = (p) => readFileSync(join(fixtures, p), 'utf8');
  const texts = { 2021: read('years/2021.txt'), carry: read('years/2021-carry.txt'), 2022: read('narrative/clean.txt'), defects: read('narrative/defects.txt') };
  for (const t of Object.values(texts)) if (!t.includes(NAME)) throw new Error(`a fixture does not name ${NAME}`);
  for (let i = 0; i < bodies; i++) {
    const d = bodyDir(dir, i);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, '2021.txt'), (carried(i) ? texts.carry : texts[2021]).replaceAll(NAME, body(i)));
    writeFileSync(join(d, '2022.txt'), (defective(i) ? texts.defects : texts[2022]).replaceAll(NAME, body(i)));
  }
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) { console.error('usage: make-batch.mjs DIR [BODIES]'); process.exit(2); }
  makeBatch(dir, n ? Number(n) : 500);
}
