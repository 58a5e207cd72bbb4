#!/usr/bin/env node
// Builds the static site (README command 1 serves it) from web/ and the wasm build:
//   build/site/index.html, style.css, favicon.svg        the page
//   build/site/nianbao.mjs (+ chunks/)                    <nianbao-check> and the JS API (esbuild-wasm bundle)
//   build/site/worker.js, nianbao.js, nianbao.wasm        the Web Worker and the wasm core
//   build/site/pdfjs/                                     pdf.js, loaded only when a PDF is opened
//   build/site/pdf-runs.js                                pdf.js text -> the core's runs payload
//   build/site/embed.html, embed-demo.*                   docs/embed.html: how a portal embeds it
//   build/site/nianbao.html                               the offline single file (everything inlined)
//   build/site/size.json                                  first-load bytes, raw and gzip (the size test reads it)
// Usage: node scripts/site.mjs --wasm build/wasm/wasm --out build/site
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? path.resolve(args[i + 1]) : dflt; };
const wasmDir = opt('--wasm', path.join(repo, 'build/wasm/wasm'));
const out = opt('--out', path.join(repo, 'build/site'));
const web = path.join(repo, 'web');
const pdfjsDir = path.join(repo, 'node_modules/pdfjs-dist');

const log = (s) => process.stdout.write(s + '\n');
const die = (s) => { process.stderr.write('site: ' + s + '\n'); process.exit(1); };
const read = (p) => fs.readFileSync(p);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const copy = (from, to) => { fs.mkdirSync(path.dirname(to), { recursive: true }); fs.cpSync(from, to, { recursive: true }); };

if (!fs.existsSync(path.join(wasmDir, 'nianbao.js'))) die(`no ${wasmDir}/nianbao.js: build the wasm first (scripts/build)`);
if (!fs.existsSync(path.join(repo, 'node_modules/esbuild-wasm'))) die('esbuild-wasm missing: run scripts/setup (npm ci)');
const esbuild = require('esbuild-wasm');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// ---- the page, the worker, the wasm ------------------------------------------------------------
for (const f of ['index.html', 'style.css', 'favicon.svg']) copy(path.join(web, f), path.join(out, f));
// The worker minified (its comments are for readers of web/worker.js, not for the first load);
// top-level names stay as they are (a classic worker script: they are its globals).
const workerJs = (await esbuild.transform(read(path.join(web, 'worker.js')).toString(), { minify: true, legalComments: 'none' })).code;
fs.writeFileSync(path.join(out, 'worker.js'), workerJs);
const split = path.join(wasmDir, 'web');
if (fs.existsSync(path.join(split, 'nianbao.wasm'))) {
  copy(path.join(split, 'nianbao.js'), path.join(out, 'nianbao.js'));
  copy(path.join(split, 'nianbao.wasm'), path.join(out, 'nianbao.wasm'));
} else {
  copy(path.join(wasmDir, 'nianbao.js'), path.join(out, 'nianbao.js'));  // wasm inlined
}
if (fs.existsSync(path.join(web, 'pdf-runs.js'))) copy(path.join(web, 'pdf-runs.js'), path.join(out, 'pdf-runs.js'));
copy(path.join(web, 'nianbao.d.ts'), path.join(out, 'nianbao.d.ts'));  // types for embedders (not loaded)
for (const f of ['embed.html', 'embed-demo.js', 'embed-demo.css']) copy(path.join(repo, 'docs', f), path.join(out, f));

// pdf.js (loaded only when a PDF is opened) with its character maps and standard fonts.
copy(path.join(pdfjsDir, 'build/pdf.min.mjs'), path.join(out, 'pdfjs/pdf.min.mjs'));
copy(path.join(pdfjsDir, 'build/pdf.worker.min.mjs'), path.join(out, 'pdfjs/pdf.worker.min.mjs'));
copy(path.join(pdfjsDir, 'cmaps'), path.join(out, 'pdfjs/cmaps'));
copy(path.join(pdfjsDir, 'standard_fonts'), path.join(out, 'pdfjs/standard_fonts'));

// ---- the bundle -----------------------------------------------------------------------------------
// The element's stylesheets are imported as text (constructed stylesheets in its shadow root),
// minified as CSS first: their comments are for readers of web/src, not for the first load.
const minifiedCss = {
  name: 'minified-css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: (await esbuild.transform(fs.readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] })).code,
      loader: 'text',
    }));
  },
};
const common = {
  entryPoints: [path.join(web, 'src/main.js')],
  bundle: true, minify: true, format: 'esm', target: ['chrome100', 'firefox100', 'safari15'],
  plugins: [minifiedCss], legalComments: 'none', logLevel: 'warning',
};
await esbuild.build({ ...common, outdir: out, splitting: true, chunkNames: 'chunks/[name]-[hash]', entryNames: 'nianbao', outExtension: { '.js': '.mjs' } });
const single = await esbuild.build({ ...common, write: false, splitting: false });
// The chunks the bundle imports are fetched with the page (modulepreload); the charts chunk
// (ECharts, a third of the page) only when the statistics view first opens, and the docx chunk
// (the Word report) only when it is exported, the draft-editor chunk (编制) only when that mode
// is first opened, like pdf.js when a PDF is opened. The offline
// single file inlines everything.
const chunkFiles = fs.existsSync(path.join(out, 'chunks')) ? fs.readdirSync(path.join(out, 'chunks')).sort() : [];
const isCharts = (f) => f.startsWith('charts-');
const isDocx = (f) => f.startsWith('report-docx-');
const isDraft = (f) => f.startsWith('draft-editor-');  // the 编制 mode, when it is first opened
const onDemand = (f) => isCharts(f) || isDocx(f) || isDraft(f);
{
  const index = path.join(out, 'index.html');
  const preload = chunkFiles.filter((f) => !onDemand(f)).map((f) => `<link rel="modulepreload" href="chunks/${f}">`).join('\n');
  fs.writeFileSync(index, read(index).toString().replace('<script type="module" src="nianbao.mjs"></script>',
    () => '<script type="module" src="nianbao.mjs"></script>' + (preload ? '\n' + preload : '')));
}
const singleJs = single.outputFiles[0].text;

// ---- the offline single file: everything inlined, the worker a blob ---------------------------------
{
  const workerSrc = read(path.join(wasmDir, 'nianbao.js')).toString() + '\n' + workerJs;
  const pdfMain = read(path.join(pdfjsDir, 'build/pdf.min.mjs')).toString();
  const pdfWorker = read(path.join(pdfjsDir, 'build/pdf.worker.min.mjs')).toString();
  const runs = fs.existsSync(path.join(web, 'pdf-runs.js')) ? read(path.join(web, 'pdf-runs.js')).toString() : 'export function pdfToRuns(){throw new Error("no pdf-runs.js")}';
  // Blob URLs for what would be fetched next to the page; made when the page starts.
  const inline = `globalThis.__NIANBAO_INLINE__=(function(){var u=function(s,t){return URL.createObjectURL(new Blob([s],{type:t||'text/javascript'}))};` +
    `return {worker:${JSON.stringify(workerSrc)},urls:{'pdfjs/pdf.min.mjs':u(${JSON.stringify(pdfMain)}),` +
    `'pdfjs/pdf.worker.min.mjs':u(${JSON.stringify(pdfWorker)}),'pdf-runs.js':u(${JSON.stringify(runs)})}}})();`;
  const css = read(path.join(web, 'style.css')).toString();
  const sha = (s) => "'sha256-" + createHash('sha256').update(s).digest('base64') + "'";
  // A policy of its own: nothing from the network at all; scripts only these two (by hash) and
  // the blob: parts they make; the worker a blob.
  const csp = `default-src 'none'; script-src ${sha(inline)} ${sha(singleJs)} 'wasm-unsafe-eval' blob:; worker-src blob:; ` +
    `style-src ${sha(css)}; img-src data: blob:; font-src data:; connect-src blob: data:`;
  let html = read(path.join(web, 'index.html')).toString();
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<link rel="icon"[^>]*>\n?/, '')
    .replace(/<link rel="stylesheet" href="style.css">/, () => `<style>${css}</style>`)
    .replace(/<script type="module" src="nianbao.mjs"><\/script>/, () => `<script>${inline}</script>\n<script type="module">${singleJs}</script>`);
  fs.writeFileSync(path.join(out, 'nianbao.html'), html);
}

// ---- sizes: what the page loads first, and what it loads only when asked --------------------------
const size = (rel) => { const b = read(path.join(out, rel)); return { raw: b.length, gzip: gz(b) }; };
const chunks = chunkFiles.filter((f) => !onDemand(f)).map((f) => 'chunks/' + f);
const charts = chunkFiles.filter(isCharts).map((f) => 'chunks/' + f);
const docx = chunkFiles.filter(isDocx).map((f) => 'chunks/' + f);
const draft = chunkFiles.filter(isDraft).map((f) => 'chunks/' + f);
const first = ['index.html', 'style.css', 'nianbao.mjs', ...chunks, 'worker.js', 'nianbao.js'];
if (fs.existsSync(path.join(out, 'nianbao.wasm'))) first.push('nianbao.wasm');
const files = Object.fromEntries([...first, ...charts, ...docx, ...draft, 'pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs', 'nianbao.html'].map((f) => [f, size(f)]));
const sum = (list, k) => list.reduce((n, f) => n + files[f][k], 0);
const report = {
  first_load: first, first_load_raw: sum(first, 'raw'), first_load_gzip: sum(first, 'gzip'),
  on_demand: { pdf: ['pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs'], charts, docx, draft },
  files,
};
fs.writeFileSync(path.join(out, 'size.json'), JSON.stringify(report, null, 2) + '\n');
log(`site: ${out}`);
const row = (f) => log(`  ${f.padEnd(28)} ${String(files[f].raw).padStart(9)} raw ${String(files[f].gzip).padStart(8)} gzip`);
first.forEach(row);
log(`  ${'first load'.padEnd(28)} ${String(report.first_load_raw).padStart(9)} raw ${String(report.first_load_gzip).padStart(8)} gzip (pdf.js loads when a PDF is opened, the charts when 统计 is, docx for the Word report, the editor when 编制 is)`);
[...charts, ...docx, ...draft].forEach(row);
log(`  nianbao.html (offline single file) ${files['nianbao.html'].raw} raw ${files['nianbao.html'].gzip} gzip`);
