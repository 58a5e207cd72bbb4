// 编制 mode: the report as one standalone HTML file (no script, no external resource, its own
// styles inline): the title, the sections, the tables in the official layout with the draft's
// values, the text paragraphs, the signature. Built as a string of escaped text: nothing the
// writer typed can become markup.
import { cellText, reportBlocks } from './document.js';
import { placeCells } from './grid.js';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = 'body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.8;color:#000}' +
  'h1{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;text-align:center;font-size:1.6em;font-weight:normal}' +
  'h2{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;font-size:1.2em;font-weight:normal;margin-top:1.5em}' +
  'p{text-indent:2em;margin:.4em 0}p.sign{text-align:right;text-indent:0}' +
  'table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.9em}th,td{border:1px solid #000;padding:.2em .4em;text-align:center}' +
  'th.label{text-align:left;font-weight:normal}td{min-width:2.5em}';

/** The form table `table` filled with `values`, as HTML. */
export function tableHtml(table, values, blank = '') {
  const { placed } = placeCells(table);
  const rows = table.rows.map(() => []);
  for (const p of placed) {
    const span = (p.rs > 1 ? ` rowspan="${p.rs}"` : '') + (p.cs > 1 ? ` colspan="${p.cs}"` : '');
    const c = p.cell;
    rows[p.r].push(c.row === undefined
      ? `<th${span}${c.header ? '' : ' class="label"'}>${esc(c.text)}</th>`
      : `<td${span}>${esc(cellText(table, p.r, c, values, blank))}</td>`);
  }
  return '<table>' + rows.map((r) => '<tr>' + r.join('') + '</tr>').join('') + '</table>';
}

/** The whole report as an HTML document (a string). */
export function reportHtml(markdown, form, draft, values) {
  const blocks = reportBlocks(markdown, form, draft, values);
  const title = (blocks.find((b) => b.kind === 'title') || { text: '' }).text;
  const body = blocks.map((b) => {
    if (b.kind === 'title') return `<h1>${esc(b.text)}</h1>`;
    if (b.kind === 'heading') return `<h2>${esc(b.text)}</h2>`;
    if (b.kind === 'table') return tableHtml(b.table, b.values, b.blank);
    return `<p${b.kind === 'sign' ? ' class="sign"' : ''}>${esc(b.text)}</p>`;
  }).join('\n');
  return '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
