// 编制 mode: the report as a Word document in the official layout (title in 小标宋-like 黑体,
// the six sections, the tables with their merged cells, the signature right-aligned), made
// from the blocks document.js reads out of the core's text. The docx library comes with the
// building blocks of report-docx.js (its own chunk, loaded when the export is asked for): they
// are handed in as `blocks`, so that this module (in the editor's chunk) imports no docx code.
import { cellText, reportBlocks } from './document.js';
import { placeCells } from './grid.js';

/** Relative widths of the grid columns: columns with value cells narrow, label columns wide
 *  (the last label column, which holds the long labels, widest). */
function widths(table) {
  const { placed } = placeCells(table);
  const n = Math.max(...placed.map((p) => p.c + p.cs));
  const valueCols = new Set(placed.filter((p) => p.cell.row !== undefined).map((p) => p.c));
  const labels = [...Array(n).keys()].filter((c) => !valueCols.has(c));
  return [...Array(n).keys()].map((c) => (valueCols.has(c) ? 1 : labels.length > 1 && c === labels[labels.length - 1] ? 4.5 : labels.length > 1 ? 1.3 : 2.5));
}

function tableOf(blocks, table, values, blank) {
  const { placed } = placeCells(table);
  const rows = table.rows.map(() => []);
  const head = table.rows.findIndex((r) => r.some((c) => c.row !== undefined));
  for (const p of placed) {
    const c = p.cell;
    const label = c.row === undefined;
    rows[p.r].push({
      rowSpan: p.rs, columnSpan: p.cs,
      runs: [label ? c.text : cellText(table, p.r, c, values, blank)],
      align: label && !c.header ? blocks.AlignmentType.LEFT : blocks.AlignmentType.CENTER,
      shade: c.header ? blocks.SHADES.head : undefined,
    });
  }
  return blocks.mergedTable(rows, { widths: widths(table), head: head > 0 ? head : 0 });
}

/** The report as a .docx Blob. blocks: the report-docx.js module. */
export async function draftDocx(blocks, markdown, form, draft, values) {
  const { para, headingPara, wordDocument, toBlob, AlignmentType } = blocks;
  const children = [];
  let title = '';
  for (const b of reportBlocks(markdown, form, draft, values)) {
    if (b.kind === 'title') { title = b.text; children.push(headingPara(b.text, 0)); }
    else if (b.kind === 'heading') children.push(headingPara(b.text, 2));
    else if (b.kind === 'table') { children.push(tableOf(blocks, b.table, b.values, b.blank)); children.push(para('')); }
    else if (b.kind === 'sign') children.push(para(b.text, { alignment: AlignmentType.RIGHT }));
    else children.push(para(b.text, { indent: { firstLine: 420 } }));
  }
  return toBlob(wordDocument({ title, lang: 'zh-CN', children }));
}
