// Unit tests for web/src/offsets.js (UTF-8 byte offsets -> JS string indices). Run: node --test tests/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8Length, byteToIndex, createMapper } from '../../web/src/offsets.js';

const enc = new TextEncoder();
const bytesBefore = (s, i) => enc.encode(s.slice(0, i)).length;

test('utf8Length agrees with TextEncoder', () => {
  for (const s of ['', 'abc', '行政诉讼', 'é', '𠀋x', 'a\nb', '数量 | 件 | 9 |', '\uD800', 'x\uDC00y']) {
    assert.equal(utf8Length(s), enc.encode(s).length, JSON.stringify(s));
  }
});

test('byteToIndex: ASCII, CJK, 2-byte and astral characters', () => {
  const s = 'a行é𠀋b';
  // byte layout: a(0) 行(1-3) é(4-5) 𠀋(6-9) b(10); string indices a0 行1 é2 𠀋3-4 b5
  const cases = [[0, 0], [1, 1], [4, 2], [6, 3], [10, 5], [11, 6]];
  for (const [byte, index] of cases) assert.equal(byteToIndex(s, byte), index, `byte ${byte}`);
  // inside a character: start of that character
  assert.equal(byteToIndex(s, 2), 1);
  assert.equal(byteToIndex(s, 3), 1);
  assert.equal(byteToIndex(s, 5), 2);
  assert.equal(byteToIndex(s, 8), 3);
  // out of range
  assert.equal(byteToIndex(s, 99), s.length);
  assert.equal(byteToIndex(s, -1), 0);
  assert.equal(byteToIndex(s, undefined), 0);
  assert.equal(byteToIndex('', 3), 0);
});

test('createMapper matches byteToIndex and TextEncoder on every boundary', () => {
  const s = '五、行政诉讼数量 | 件 | 9 |\n(一)维持…𝔸é\r\nend😀';
  const m = createMapper(s);
  assert.equal(m.byteLength, enc.encode(s).length);
  for (let b = -2; b <= m.byteLength + 2; b++) {
    assert.equal(m.toIndex(b), byteToIndex(s, b), `byte ${b}`);
  }
  for (let i = 0; i <= s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // not a character boundary
    assert.equal(m.toIndex(bytesBefore(s, i)), i, `index ${i}`);
  }
});

test('mapper.span converts a SPAN and slices the right text', () => {
  const s = '2016年，行政复议数量为1件，行政诉讼数量9件。';
  const start = bytesBefore(s, s.indexOf('行政诉讼'));
  const end = start + enc.encode('行政诉讼数量9').length;
  const r = createMapper(s).span({ start, end, line: 1 });
  assert.equal(s.slice(r.start, r.end), '行政诉讼数量9');
  assert.equal(createMapper(s).span(null), null);
  const rev = createMapper(s).span({ start: 9, end: 3, line: 1 });
  assert.ok(rev.end >= rev.start);
});

test('random strings round-trip', () => {
  const pool = ['a', ' ', '\n', 'é', '行', '、', '（', '１', '𠀋', '😀', '|'];
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let k = 0; k < 200; k++) {
    let s = '';
    const len = rnd(40);
    for (let i = 0; i < len; i++) s += pool[rnd(pool.length)];
    const m = createMapper(s);
    assert.equal(m.byteLength, enc.encode(s).length);
    for (let i = 0; i <= s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      assert.equal(m.toIndex(bytesBefore(s, i)), i);
    }
  }
});
