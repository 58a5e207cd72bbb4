// Files and pastes into what the core reads. The page decides only what the browser must do
// for the core: decoding bytes it cannot (GBK in the page: the wasm has no converter data) and
// getting text out of PDFs (pdf.js). What the text means is the core's business.
import { assetUrl } from './engine.js';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;  // the core's limit (core/include/nianbao/check.hpp)

const KINDS = [
  { kind: 'text', re: /\.(txt|text|md|csv)$/i },
  { kind: 'html', re: /\.(html?|xhtml|mht)$/i },
  { kind: 'docx', re: /\.docx$/i },
  { kind: 'pdf', re: /\.pdf$/i },
];

export function kindOf(file) {
  const byName = KINDS.find((k) => k.re.test(file.name || ''));
  if (byName) return byName.kind;
  const type = file.type || '';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/html') return 'html';
  if (type.startsWith('text/')) return 'text';
  if (type.includes('wordprocessingml')) return 'docx';
  return null;
}

/** UTF-8 when the bytes are UTF-8 (BOM or not), else GB18030 (covers GBK and GB2312). */
export function decodeText(bytes, declared) {
  const label = declared && /^(gbk|gb2312|gb18030|utf-8|utf8|big5)$/i.test(declared) ? declared.toLowerCase() : null;
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try { return { text: new TextDecoder(label === 'gbk' || label === 'gb2312' ? 'gb18030' : label).decode(bytes), encoding: label }; }
    catch { /* fall through */ }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The charset an HTML file declares in its first bytes. */
function declaredCharset(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  return m ? m[1] : null;
}

let pdfjsPromise = null;
async function pdfjs() {
  if (!pdfjsPromise) {
    pdfjsPromise = (async () => {
      const lib = await import(assetUrl('pdfjs/pdf.min.mjs'));
      lib.GlobalWorkerOptions.workerSrc = assetUrl('pdfjs/pdf.worker.min.mjs');
      const runs = await import(assetUrl('pdf-runs.js'));
      return { lib, runs };
    })();
    pdfjsPromise.catch(() => { pdfjsPromise = null; });
  }
  return pdfjsPromise;
}

/** PDF bytes -> the positioned text runs payload the core's layout reader takes. */
async function pdfToRuns(bytes, onPage) {
  const { lib, runs } = await pdfjs();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: assetUrl('pdfjs/cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('pdfjs/standard_fonts/'),
  });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    if (onPage) onPage(0, pages);
    return await runs.pdfToRuns(doc, { onPage: (page) => onPage && onPage(page, pages) });
  } finally {
    task.destroy();
  }
}

/**
 * A file -> { name, input, options, kind, encoding }. `input` is a string for text, HTML and
 * PDF runs, bytes for DOCX. `onProgress(key, params)` reports the reading stages.
 */
export async function readFile(file, onProgress) {
  const kind = kindOf(file);
  const name = file.name || 'file';
  if (!kind) throw Object.assign(new Error('unsupported'), { code: 'unsupported' });
  if (file.size > MAX_INPUT_BYTES && kind !== 'docx' && kind !== 'pdf')
    throw Object.assign(new Error('too large'), { code: 'too_large', size: file.size });
  if (onProgress) onProgress('reading', { file: name });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (kind === 'docx') return { name, kind, input: bytes, options: { file: name, format: 'docx' } };
  if (kind === 'pdf') {
    const payload = await pdfToRuns(bytes, (page, pages) => onProgress && onProgress('readingPdf', { file: name, page, pages }));
    return { name, kind, input: payload, options: { file: name, format: 'pdf' } };
  }
  const { text, encoding } = decodeText(bytes, kind === 'html' ? declaredCharset(bytes) : null);
  return { name, kind, encoding, input: text, options: { file: name, format: kind === 'html' ? 'html' : 'auto' } };
}

/** UTF-8 length of a string (what the core's limit counts). */
export function utf8Bytes(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
