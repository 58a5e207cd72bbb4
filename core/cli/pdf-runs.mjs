#!/usr/bin/env node
// The CLI's PDF helper (docs/pdf.md): reads a PDF on stdin and writes its text runs payload
// (docs/contracts.md, "PDF text runs") on stdout, with the page's own code: pdfjs-dist opens the
// document with the options the page uses (web/src/inputs.js), web/pdf-runs.js writes the payload.
// The CLI (core/cli/pdf.cpp) runs it as `node pdf-runs.mjs < file.pdf` and checks the payload
// with format "pdf", exactly as the page does.
//
// Exit codes: 0 payload written; 3 node older than 20, pdfjs-dist or web/pdf-runs.js not found;
// 4 the PDF could not be opened (damaged, encrypted); 5 any other failure. The message is one
// line on stderr.
// pdfjs-dist is looked up from this file (the repository's node_modules) or in
// $NIANBAO_PDFJS_DIR (a pdfjs-dist directory).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fail = (code, message) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) fail(3, `读取 PDF 需要 Node.js 20 以上（pdf.js 的要求），当前为 ${process.version}；可用 NIANBAO_NODE 指定另一个 node`);

// pdfjs-dist 6 calls Promise.withResolvers (node 22); node 20 lacks it.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new this((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
};

// web/pdf-runs.js is an ES module for the browser and the repository's package.json does not say
// "type": "module": node is given its source as a module URL.
const runsUrl = new URL('../../web/pdf-runs.js', import.meta.url);
let pdfToRuns;
try {
  const source = readFileSync(runsUrl);
  ({ pdfToRuns } = await import(`data:text/javascript;base64,${source.toString('base64')}`));
} catch (e) {
  fail(3, `找不到 web/pdf-runs.js（${runsUrl.pathname}）：${e.message}`);
}

// Loading pdf.js in node warns that canvas rendering is unavailable; text extraction does not render.
const warn = console.warn;
console.warn = (...args) => {
  if (!/^Warning: Cannot (load "@napi-rs\/canvas"|polyfill `(DOMMatrix|Path2D)`)/.test(String(args[0]))) warn(...args);
};
let pdfjs, pdfjsDir;
try {
  pdfjsDir = process.env.NIANBAO_PDFJS_DIR ||
    dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  pdfjs = await import(pathToFileURL(join(pdfjsDir, 'legacy/build/pdf.mjs')).href);
} catch (e) {
  fail(3, '找不到 pdfjs-dist（读取 PDF 所需的 npm 包）：请在 nianbao 目录中运行 npm install（scripts/setup），' +
    `或把 NIANBAO_PDFJS_DIR 设为 pdfjs-dist 的目录（${e.code || e.message}）`);
} finally {
  console.warn = warn;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));

const task = pdfjs.getDocument({
  data,
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  cMapUrl: join(pdfjsDir, 'cmaps/'),
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'),
  verbosity: 0,
});
let doc;
try {
  doc = await task.promise;
} catch (e) {
  await task.destroy();
  if (e?.name === 'PasswordException') fail(4, 'PDF 有密码保护，无法读取');
  fail(4, `无法打开 PDF（文件损坏或不是 PDF）：${e?.message ?? e}`);
}
try {
  const runs = await pdfToRuns(doc);
  await new Promise((resolve, reject) => process.stdout.write(runs, (e) => (e ? reject(e) : resolve())));
} catch (e) {
  fail(5, `读取 PDF 的文字时出错：${e?.message ?? e}`);
} finally {
  await task.destroy();
}
