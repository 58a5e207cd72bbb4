#!/usr/bin/env node
// Writes a .docx (a ZIP with [Content_Types].xml, _rels/.rels, word/document.xml, and
// word/numbering.xml + word/styles.xml when lists are used) from a small description.
// No npm dependencies (node:zlib deflates; CRC-32 is computed here). Output is deterministic
// (fixed timestamps), so regenerated fixtures only change when their description does.
//
//   node tests/tools/make-docx.mjs DESC.json|DESC.mjs OUT.docx
//   node tests/tools/make-docx.mjs --all DIR     every DIR/*.docx.json and DIR/*.docx.mjs
//                                                -> DIR/<name>.docx
//   import { makeDocx, documentXml, makeZip } from './make-docx.mjs'   (returns Buffers/strings)
//
// Description (JSON, or an .mjs whose default export is the object, or a function returning it
// that is passed { documentXml, makeZip, crc32 } -- do not import this script from a description):
// {
//   "body": [Block...],
//   "lists": [{"id": 1, "levels": [{"fmt": "chineseCounting", "text": "%1、", "start": 1}, ...]}],
//   "styles": [{"id": "Heading1", "num": [1, 0], "basedOn": "Normal"}],     (optional)
//   "document": "<w:document ...>...</w:document>"   (optional: document.xml verbatim)
//   "omit": ["word/document.xml"], "extra": [{"name": "...", "data": "..."}],
//   "zip": {"truncate": N, "method": 0|8}            (hostile variants)
// }
// Block  = "text" (a paragraph of one run)
//        | {"p": Inline[] | "text", "style": "id", "num": [numId, ilvl]}
//        | {"table": Row[]}
//        | {"xml": "<w:p>...</w:p>"} (verbatim)
// Row    = Cell[] | {"cells": Cell[], "deleted": true}
// Cell   = "text" | number | {"text": "...", "p": Inline[], "body": Block[], "span": n,
//                             "vmerge": "restart" | "continue"}
// Inline = "text" | {"tab": 1} | {"br": 1} | {"del": "text"} | {"ins": "text"}
//        | {"field": "INSTR", "result": "text"} (complex field) | {"fldSimple": "INSTR", "result": "text"}
//        | {"link": "text"} | {"sdt": "text"} | {"sym": "F0B7"} | {"hidden": "text"}
//        | {"xml": "<w:r>...</w:r>"}
import { deflateRawSync } from 'node:zlib';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const t = (s) => `<w:t xml:space="preserve">${esc(s)}</w:t>`;
const run = (inner, rpr = '') => `<w:r>${rpr}${inner}</w:r>`;

function inline(x) {
  if (typeof x === 'string' || typeof x === 'number') return run(t(x));
  if (x.xml) return x.xml;
  if (x.tab) return run('<w:tab/>');
  if (x.br) return run('<w:br/>');
  if (x.del !== undefined)
    return `<w:del w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z"><w:r><w:delText>${esc(x.del)}</w:delText></w:r></w:del>`;
  if (x.ins !== undefined) return `<w:ins w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z">${run(t(x.ins))}</w:ins>`;
  if (x.field !== undefined)
    return run('<w:fldChar w:fldCharType="begin"/>') + run(`<w:instrText xml:space="preserve">${esc(x.field)}</w:instrText>`) +
      run('<w:fldChar w:fldCharType="separate"/>') + run(t(x.result ?? '')) + run('<w:fldChar w:fldCharType="end"/>');
  if (x.fldSimple !== undefined) return `<w:fldSimple w:instr="${esc(x.fldSimple)}">${run(t(x.result ?? ''))}</w:fldSimple>`;
  if (x.link !== undefined) return `<w:hyperlink r:id="rIdLink" w:history="1">${run(t(x.link))}</w:hyperlink>`;
  if (x.sdt !== undefined) return `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${run(t(x.sdt))}</w:sdtContent></w:sdt>`;
  if (x.sym !== undefined) return run(`<w:sym w:font="Wingdings" w:char="${esc(x.sym)}"/>`);
  if (x.hidden !== undefined) return run(t(x.hidden), '<w:rPr><w:vanish/></w:rPr>');
  throw new Error(`unknown inline ${JSON.stringify(x)}`);
}

function paragraph(b) {
  if (typeof b === 'string' || typeof b === 'number') b = { p: [b] };
  const content = typeof b.p === 'string' ? [b.p] : (b.p ?? []);
  let ppr = '';
  if (b.style) ppr += `<w:pStyle w:val="${esc(b.style)}"/>`;
  if (b.num) ppr += `<w:numPr><w:ilvl w:val="${b.num[1] ?? 0}"/><w:numId w:val="${b.num[0]}"/></w:numPr>`;
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${content.map(inline).join('')}</w:p>`;
}

function cell(c) {
  if (typeof c === 'string' || typeof c === 'number') c = { text: String(c) };
  let tcpr = '';
  if (c.span > 1) tcpr += `<w:gridSpan w:val="${c.span}"/>`;
  if (c.vmerge === 'restart') tcpr += '<w:vMerge w:val="restart"/>';
  else if (c.vmerge === 'continue') tcpr += '<w:vMerge/>';
  let body;
  if (c.body) body = c.body.map(block).join('');
  else if (c.p) body = paragraph({ p: c.p });
  else body = paragraph({ p: c.text === undefined || c.text === '' ? [] : [c.text] });
  // A cell must end with a paragraph (Word adds an empty one after a nested table).
  if (!body.endsWith('</w:p>')) body += '<w:p/>';
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${tcpr}</w:tcPr>${body}</w:tc>`;
}

function table(rows) {
  const width = Math.max(1, ...rows.map((r) => (Array.isArray(r) ? r : r.cells)
    .reduce((n, c) => n + (typeof c === 'object' && c.span > 1 ? c.span : 1), 0)));
  const grid = '<w:tblGrid>' + '<w:gridCol w:w="600"/>'.repeat(width) + '</w:tblGrid>';
  const tr = (r) => {
    const cells = Array.isArray(r) ? r : r.cells;
    const trpr = !Array.isArray(r) && r.deleted ? '<w:trPr><w:del w:id="3" w:author="a" w:date="2022-01-01T00:00:00Z"/></w:trPr>' : '';
    return `<w:tr>${trpr}${cells.map(cell).join('')}</w:tr>`;
  };
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.map(tr).join('')}</w:tbl>`;
}

function block(b) {
  if (b && typeof b === 'object' && b.table) return table(b.table);
  if (b && typeof b === 'object' && b.xml) return b.xml;
  return paragraph(b);
}

export function documentXml(desc) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${(desc.body ?? []).map(block).join('')}` +
    `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

function numberingXml(lists) {
  const abs = lists.map((l) => `<w:abstractNum w:abstractNumId="${l.id}">` + l.levels.map((lv, i) =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="${lv.start ?? 1}"/><w:numFmt w:val="${esc(lv.fmt ?? 'decimal')}"/>` +
    `<w:lvlText w:val="${esc(lv.text ?? `%${i + 1}.`)}"/>${lv.suff ? `<w:suff w:val="${lv.suff}"/>` : ''}` +
    `${lv.style ? `<w:pStyle w:val="${esc(lv.style)}"/>` : ''}</w:lvl>`).join('') + '</w:abstractNum>').join('');
  const nums = lists.map((l) => `<w:num w:numId="${l.id}"><w:abstractNumId w:val="${l.id}"/></w:num>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W_NS}">${abs}${nums}</w:numbering>`;
}

function stylesXml(styles) {
  const s = [{ id: 'Normal', default: true }, ...styles].map((st) =>
    `<w:style w:type="paragraph" w:styleId="${esc(st.id)}"${st.default ? ' w:default="1"' : ''}><w:name w:val="${esc(st.id)}"/>` +
    `${st.basedOn ? `<w:basedOn w:val="${esc(st.basedOn)}"/>` : ''}` +
    `${st.num ? `<w:pPr><w:numPr>${st.num[1] !== undefined ? `<w:ilvl w:val="${st.num[1]}"/>` : ''}<w:numId w:val="${st.num[0]}"/></w:numPr></w:pPr>` : ''}` +
    '</w:style>').join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">${s}</w:styles>`;
}

// ---- ZIP ----------------------------------------------------------------------------------
const CRC_TABLE = (() => {
  const tab = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tab[n] = c >>> 0;
  }
  return tab;
})();
export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/// entries: [{name, data: Buffer|string, method: 8 (default) | 0, size?, crc?, flags?}]
/// (size/crc/flags override what is written, to make hostile containers).
export function makeZip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  const DOS_TIME = 0, DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01 00:00
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data, { level: 9 }) : data;
    const crc = e.crc ?? crc32(data);
    const size = e.size ?? data.length;
    const flags = e.flags ?? 0x0800; // UTF-8 names
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8); lh.writeUInt16LE(DOS_TIME, 10); lh.writeUInt16LE(DOS_DATE, 12);
    lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(body.length, 18); lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8); ch.writeUInt16LE(method, 10); ch.writeUInt16LE(DOS_TIME, 12);
    ch.writeUInt16LE(DOS_DATE, 14); ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24); ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function makeDocx(desc) {
  const lists = desc.lists ?? [];
  const withNumbering = lists.length > 0;
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    (withNumbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '') +
    '</Types>';
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="http://www.gov.cn/" TargetMode="External"/>` +
    (withNumbering ? `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '') + '</Relationships>';
  let entries = [
    { name: '[Content_Types].xml', data: ct },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: desc.document ?? documentXml(desc) },
    { name: 'word/_rels/document.xml.rels', data: docRels },
  ];
  if (withNumbering) {
    entries.push({ name: 'word/numbering.xml', data: numberingXml(lists) });
    entries.push({ name: 'word/styles.xml', data: stylesXml(desc.styles ?? []) });
  }
  const omit = new Set(desc.omit ?? []);
  entries = entries.filter((e) => !omit.has(e.name)).concat(desc.extra ?? []);
  if (desc.zip?.method !== undefined) entries.forEach((e) => { e.method = desc.zip.method; });
  let zip = makeZip(entries);
  if (desc.zip?.truncate !== undefined) zip = zip.subarray(0, desc.zip.truncate);
  return zip;
}

async function loadDesc(path) {
  if (path.endsWith('.json')) return JSON.parse(readFileSync(path, 'utf8'));
  const mod = await import(pathToFileURL(resolve(path)).href);
  return typeof mod.default === 'function' ? mod.default({ documentXml, makeZip, crc32 }) : mod.default;
}

async function main(argv) {
  if (argv[0] === '--all' && argv[1]) {
    const dir = argv[1];
    for (const f of readdirSync(dir).sort()) {
      const m = /^(.*\.docx)\.(json|mjs)$/.exec(f);
      if (!m) continue;
      const out = join(dir, m[1]);
      writeFileSync(out, makeDocx(await loadDesc(join(dir, f))));
      process.stderr.write(`wrote ${out}\n`);
    }
    return;
  }
  if (argv.length !== 2) {
    process.stderr.write('usage: make-docx.mjs DESC.json|DESC.mjs OUT.docx | --all DIR\n');
    process.exit(2);
  }
  writeFileSync(argv[1], makeDocx(await loadDesc(argv[0])));
}

if (process.argv[1] && basename(process.argv[1]) === 'make-docx.mjs') await main(process.argv.slice(2));
