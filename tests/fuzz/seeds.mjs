#!/usr/bin/env node
// Seed corpora for the fuzz targets (scripts/fuzz runs this before fuzzing; nothing generated is
// committed). Copies the test fixtures that fit each target, and for the DOCX target also the XML
// parts of every .docx fixture in the form fuzz_docx.cpp packs into a ZIP itself
// (word/document.xml NUL word/numbering.xml NUL word/styles.xml).
//   node tests/fuzz/seeds.mjs --out DIR [--seeds ../shared/seeds]
// Writes DIR/<target>/ (emptied first) for text, html, docx, runs and check.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, basename, dirname, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = opt('--out');
const seedsDir = opt('--seeds', join(root, '..', 'shared', 'seeds'));
if (!out) { console.error('usage: seeds.mjs --out DIR [--seeds DIR]'); process.exit(2); }
const fixtures = join(root, 'tests', 'fixtures');

const walk = (dir) => {
  let files = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    files = statSync(p).isDirectory() ? files.concat(walk(p)) : files.concat([p]);
  }
  return files;
};
const all = walk(fixtures).concat(walk(seedsDir));
const byExt = (...exts) => all.filter((p) => exts.includes(extname(p)));
const text = byExt('.txt', '.md'), html = byExt('.html'), docx = byExt('.docx'), runs = byExt('.runs');

/** The entries of a ZIP (stored or deflated), by name; {} when it is not a readable ZIP. */
function unzip(buf) {
  const parts = {};
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return parts;
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0 && at + 46 <= buf.length; n--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) break;
    const method = buf.readUInt16LE(at + 10), csize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    try {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + csize);
      parts[name] = method === 8 ? inflateRawSync(data) : method === 0 ? data : undefined;
    } catch { /* a broken entry (the truncated fixture): left out */ }
    at += 46 + nameLen + extra + comment;
  }
  return parts;
}

const targets = { text, html, runs, docx, check: [...text, ...html, ...docx, ...runs] };
for (const [target, files] of Object.entries(targets)) {
  const dir = join(out, target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const name = (p) => relative(root, p).replace(/^(\.\.\/)+/, '').replace(/[\/\\]/g, '_');
  for (const p of files) writeFileSync(join(dir, name(p)), readFileSync(p));
  if (target === 'docx') {
    for (const p of files) {
      const parts = unzip(readFileSync(p));
      const doc = parts['word/document.xml'];
      if (!doc || doc.length > 65536) continue;  // not for the zip bombs: the XML would be 16 MiB
      const seq = [doc];
      if (parts['word/numbering.xml']) seq.push(parts['word/numbering.xml']);
      if (parts['word/numbering.xml'] && parts['word/styles.xml']) seq.push(parts['word/styles.xml']);
      const nul = Buffer.from([0]);
      writeFileSync(join(dir, name(p) + '.xml'), Buffer.concat(seq.flatMap((b, i) => (i ? [nul, b] : [b]))));
    }
  }
  console.log(`${target}: ${readdirSync(dir).length} seeds in ${dir}`);
}
