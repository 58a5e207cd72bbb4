// nianbao in the browser: defines <nianbao-check> and exports the JS API.
//   <script type="module" src="nianbao.mjs"></script>  <nianbao-check lang="zh-CN"></nianbao-check>
//   import { check } from './nianbao.mjs';  const result = await check(text, { file: 'a.txt' });
// check() takes a string (text or HTML with { format: 'html' }), bytes (DOCX), or a File/Blob of
// any supported type, and resolves to the core's JSON result (spec §9) as an object.
import { define, engine } from './element.js';
import { readFile } from './inputs.js';

define();

export async function check(input, options = {}) {
  if (input instanceof Blob) {
    const got = await readFile(input);
    return (await engine().check(got.input, { ...got.options, ...options }, null, false)).result;
  }
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  return (await engine().check(input, options, null, false)).result;
}

export { define };
