// PDF text runs (docs/contracts.md, "PDF text runs"): the positioned text of a PDF, as pdf.js
// extracts it, in the payload the core reads with format "pdf" (core/src/read/runs_reader.cpp).
// Dependency-free: the caller opens the document with pdf.js (page or Web Worker) and passes the
// PDFDocumentProxy; nothing here imports pdf.js.
//
//   const doc = await pdfjsLib.getDocument({ data }).promise;
//   const runs = await pdfToRuns(doc);          // 'nianbao-runs/1\npage 1 595.92 842.88\n...'
//   const json = nianbao.check(runs, '{"file":"report.pdf"}');

export const RUNS_HEADER = 'nianbao-runs/1';

/** A coordinate as the payload writes it: at most two decimals (1/7200 inch), no "-0". */
const num = (v) => String(Math.round(v * 100) / 100 + 0);

/**
 * The runs payload of a pdf.js document: a header line, then per page `page <n> <width> <height>`
 * and per text item `<x> <y> <w> <h>\t<text>`, in PDF units with y from the bottom of the page as
 * displayed (the page's crop box, /Rotate applied). Items that are empty or only white space,
 * and text not written left to right along the page (rotated, vertical), are left out.
 * @param {object} doc a PDFDocumentProxy
 * @param {{onPage?: (n: number, total: number) => void}} [options] progress callback
 * @returns {Promise<string>}
 */
export async function pdfToRuns(doc, options = {}) {
  const out = [RUNS_HEADER];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      // The viewport maps PDF user space to the displayed page (y downwards).
      const vp = page.getViewport({ scale: 1 });
      const [a, b, c, d, e, f] = vp.transform;
      out.push(`page ${n} ${num(vp.width)} ${num(vp.height)}`);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str.trim() === '') continue;
        const [ta, tb, , , tx, ty] = item.transform;
        // Direction of the text on the displayed page: keep left-to-right horizontal runs.
        const dx = a * ta + c * tb, dy = b * ta + d * tb;
        if (!(dx > 0) || Math.abs(dy) > 1e-3 * dx) continue;
        const x = a * tx + c * ty + e, y = vp.height - (b * tx + d * ty + f);
        const text = item.str.replace(/[\u0000-\u001f\u007f]/g, ' ');
        out.push(`${num(x)} ${num(y)} ${num(Math.abs(item.width))} ${num(Math.abs(item.height))}\t${text}`);
      }
    } finally {
      page.cleanup();
    }
    options.onPage?.(n, doc.numPages);
  }
  return out.join('\n') + '\n';
}
