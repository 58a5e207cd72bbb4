// Minifies the Emscripten glue of the served page (build/wasm/wasm/web/nianbao.js) in place with
// esbuild, as scripts/site.mjs does for the worker: the glue is part of the page's first load
// (52 KB raw, 13.7 KB gzip as linked; minified 28.7 KB, 10.2 KB gzip). Top-level names stay
// (createNianbao is the worker's global). Run by wasm/CMakeLists.txt after linking
// nianbao_wasm_web; the node and single-file builds keep Emscripten's own output.
//   node wasm/minify-glue.mjs FILE
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let esbuild;
try {
  esbuild = createRequire(import.meta.url)('esbuild-wasm');
} catch {
  console.error('minify-glue: esbuild-wasm missing (scripts/setup runs npm ci); the glue stays as linked');
  process.exit(0);
}
const { code } = await esbuild.transform(readFileSync(file, 'utf8'), { minify: true, legalComments: 'none' });
writeFileSync(file, code);
