// 编制 mode: one table of the 2021 form (T2, T3 or T4) as a spreadsheet-like grid, laid out as
// the core's form JSON describes the official template (header and label cells with their
// rowspan/colspan, value cells named by row key and column). Every value cell is an input:
// arrow keys move between value cells, Enter moves down (Shift+Enter up), Tab/Shift+Tab across
// (the browser's own order), typing replaces (a cell selects its text when focused), and a
// block of tab-separated rows pasted into a cell fills the block starting there. A blank input
// is a blank cell (null), never 0; what is not a number the template allows is marked at once.
// The grid decides nothing about the numbers: the core checks them (draft-editor.js).

/** The key of a cell in the draft: table, row key, column. */
export const cellKey = (table, row, col) => table + '\u0000' + row + '\u0000' + col;

/** An input's text as the cell's value: { value: number | null } or { invalid: true }.
 *  Full-width digits and thousands separators are read; a decimal point only where the
 *  template has an amount (decimal cells); nothing negative. */
export function parseValue(raw, decimal) {
  const s = String(raw ?? '')
    .replace(/[０-９．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s === '') return { value: null };
  if (decimal ? /^\d+(\.\d+)?$/.test(s) : /^\d+$/.test(s)) return { value: Number(s) };
  return { invalid: true };
}

/** The form table laid out on a grid: every cell's top-left position and extent, and the
 *  value cells in reading order grouped by grid row (the rows a pasted block runs down). */
export function placeCells(table) {
  const taken = [];  // taken[r] = Set of grid columns covered by cells placed above
  const placed = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    const used = taken[r] || (taken[r] = new Set());
    for (const cell of row) {
      while (used.has(c)) c++;
      const rs = cell.rowspan || 1, cs = cell.colspan || 1;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (taken[r + i] || (taken[r + i] = new Set())).add(c + j);
      placed.push({ cell, r, c, rs, cs });
      c += cs;
    }
  });
  const values = placed.filter((p) => p.cell.row !== undefined);
  const valueRows = [];
  for (const p of values) {
    if (!valueRows.length || valueRows[valueRows.length - 1][0].r !== p.r) valueRows.push([]);
    valueRows[valueRows.length - 1].push(p);
  }
  return { placed, values, valueRows };
}

/** The value cell to move to from `at` in direction (dr, dc), or null at the edge. */
function neighbour(values, at, dr, dc) {
  const overlaps = (p) => p.c <= at.c && at.c < p.c + p.cs;
  if (dc) {
    const same = values.filter((p) => p.r === at.r && (dc > 0 ? p.c > at.c : p.c < at.c));
    same.sort((a, b) => (dc > 0 ? a.c - b.c : b.c - a.c));
    return same[0] || null;
  }
  const rows = values.filter((p) => (dr > 0 ? p.r > at.r : p.r < at.r));
  if (!rows.length) return null;
  const r = dr > 0 ? Math.min(...rows.map((p) => p.r)) : Math.max(...rows.map((p) => p.r));
  const line = rows.filter((p) => p.r === r);
  return line.find(overlaps) || line.sort((a, b) => Math.abs(a.c - at.c) - Math.abs(b.c - at.c))[0];
}

/**
 * The grid of form table `table` ({ id, rows }). ctx: { el, t, value(key) -> text shown,
 * onInput(key, text, decimal), onBlock(list of { key, text, decimal }) }. Returns { element,
 * inputs: Map key -> input, tds: Map key -> td }.
 */
export function createGrid(table, ctx) {
  const { el, t } = ctx;
  const { placed, values, valueRows } = placeCells(table);
  const inputs = new Map(), tds = new Map(), at = new Map();
  const tbody = el('tbody');
  let tr = null, lastRow = -1;
  for (const p of placed) {
    if (p.r !== lastRow) {
      // Rows with no cell of their own (all covered by rowspans above) still need their <tr>.
      while (lastRow < p.r) { tr = el('tr'); tbody.appendChild(tr); lastRow++; }
    }
    const span = { rowspan: p.rs > 1 ? String(p.rs) : null, colspan: p.cs > 1 ? String(p.cs) : null };
    const cell = p.cell;
    if (cell.row === undefined) {
      tr.appendChild(el('th', { ...span, scope: cell.header ? 'col' : 'row', class: cell.header ? 'head' : 'row-label', text: cell.text }));
      continue;
    }
    const key = cellKey(table.id, cell.row, cell.col);
    const input = el('input', {
      type: 'text', inputmode: cell.decimal ? 'decimal' : 'numeric', autocomplete: 'off', spellcheck: 'false',
      'aria-label': cell.row.replace('/', ' ') + ' · ' + cell.col,
      'data-table': table.id, 'data-row': cell.row, 'data-col': cell.col,
    });
    input.value = ctx.value(key);
    const td = el('td', { ...span, class: 'value' + (cell.decimal ? ' decimal' : ''), 'data-row': cell.row, 'data-col': cell.col }, [input]);
    tr.appendChild(td);
    inputs.set(key, input);
    tds.set(key, td);
    at.set(input, p);
    input.addEventListener('focus', () => input.select());
    input.addEventListener('input', () => ctx.onInput(key, input.value, !!cell.decimal));
    input.addEventListener('keydown', (e) => {
      const dir = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key]
        || (e.key === 'Enter' ? [e.shiftKey ? -1 : 1, 0] : null);
      if (!dir || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const next = neighbour(values, p, dir[0], dir[1]);
      if (next) inputs.get(cellKey(table.id, next.cell.row, next.cell.col)).focus();
    });
    input.addEventListener('paste', (e) => {
      const text = e.clipboardData && e.clipboardData.getData('text/plain');
      if (!text || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;  // one value: the input's own paste
      e.preventDefault();
      ctx.onBlock(blockAt(valueRows, p, text).map((q) => ({ key: cellKey(table.id, q.cell.row, q.cell.col), text: q.text, decimal: !!q.cell.decimal })));
    });
  }
  const caption = el('caption', { class: 'visually-hidden', text: t('draftTableCaption', { table: table.id }) });
  const element = el('div', { class: 'table-wrap' }, [el('table', { class: 'data draft-grid', 'data-table-id': table.id }, [caption, tbody])]);
  return { element, inputs, tds };
}

/** A pasted block (rows by newline, cells by tab, as a spreadsheet copies) placed from value
 *  cell `p` on: row i of the block onto the i-th value row from p's, cell j onto the j-th value
 *  cell from p's column; what falls outside the table is left out. */
export function blockAt(valueRows, p, text) {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
  const r0 = valueRows.findIndex((row) => row.includes(p));
  const out = [];
  lines.forEach((line, i) => {
    const row = valueRows[r0 + i];
    if (!row) return;
    const c0 = i === 0 ? row.indexOf(p) : row.findIndex((q) => q.c + q.cs > p.c);
    if (c0 < 0) return;
    line.forEach((text, j) => { if (row[c0 + j]) out.push({ cell: row[c0 + j].cell, text }); });
  });
  return out;
}
