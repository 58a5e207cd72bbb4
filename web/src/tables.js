// The rebuilt tables: every cell the core read, in the template's order, with the cells that
// fail a rule marked (icon and colour) and an address people can say: "表三 第5行 第2列"; the
// template rows the core could not read are shown where they belong, as not read.
import { el } from './dom.js';

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };
const NAMES = { T2: ['tableT2', 'shortT2'], T3: ['tableT3', 'shortT3'], T4: ['tableT4', 'shortT4'], legacy: ['tableLegacy', 'shortLegacy'] };

export const spanKey = (sp) => (sp ? sp.start + ':' + sp.end : '');

/** Rows and columns of a table in reading order, and its cells by row and column. Template
 *  rows the core could not read (`unread`) go where the core says (before the next row read);
 *  `missing` holds their cells' keys. */
export function layout(table) {
  const rows = [], cols = [], byKey = new Map(), missing = new Set();
  for (const c of table.cells || []) {
    if (!rows.includes(c.row)) rows.push(c.row);
    if (!cols.includes(c.col)) cols.push(c.col);
    const k = c.row + '\u0000' + c.col;
    if (!byKey.has(k)) byKey.set(k, c);
  }
  for (const u of table.unread || []) {
    if (!rows.includes(u.row)) {
      const at = u.before == null ? -1 : rows.indexOf(u.before);
      if (at < 0) rows.push(u.row); else rows.splice(at, 0, u.row);
    }
    for (const col of u.cols || []) {
      if (!cols.includes(col)) cols.push(col);
      missing.add(u.row + '\u0000' + col);
    }
  }
  return { rows, cols, byKey, missing };
}

export function tableName(t, id, short) {
  const n = NAMES[id];
  return n ? t(n[short ? 1 : 0]) : id;
}

/** span key -> "表三 第5行 第2列" for every cell of every table. */
export function cellAddresses(tables, t) {
  const out = new Map();
  for (const table of tables) {
    const { rows, cols } = layout(table);
    for (const c of table.cells || [])
      out.set(spanKey(c.span), t('cellAddress', { table: tableName(t, table.id, true), row: rows.indexOf(c.row) + 1, col: cols.indexOf(c.col) + 1 }));
  }
  return out;
}

function templateName(t, template) {
  return { legacy: t('templateLegacy'), 2019: t('template2019'), 2021: t('template2021') }[template] || template || '';
}

/** A corrected value as typed: '' is blank (null), a number is itself; anything else undefined. */
export function parseCorrection(text) {
  const s = String(text).trim().replace(/[，,]/g, '');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/** The rows the core could not split for certain (`ambiguous`): each with the candidate splits
 *  the core found and the relations each satisfies; choosing one calls choose(corrections), the
 *  split's values as corrections of the row's cells. */
function ambiguousRows(table, t, choose, ruleName) {
  const rows = table.ambiguous || [];
  if (!rows.length) return null;
  const box = el('div', { class: 'ambiguous' }, [el('h5', { text: t('ambiguousTitle') }), el('p', { class: 'help', text: t('ambiguousHelp') })]);
  rows.forEach((a, ai) => {
    const cells = a.cells || [];
    const runs = new Set((a.candidates || []).map((c) => c.values.filter((v) => v != null).join('')));
    const row = cells.length ? cells[0].row : '';
    const list = el('ol', { class: 'candidates' });
    (a.candidates || []).forEach((cand, ci) => {
      const values = cells.map((c, k) => c.col + ' ' + (cand.values[k] == null ? t('blank') : String(cand.values[k]))).join('，');
      const rels = (cand.relations || []).map((r) => el('li', {
        class: 'relation ' + (r.holds === true ? 'holds' : r.holds === false ? 'fails' : 'unknown'),
        text: t(r.holds === true ? 'relationHolds' : r.holds === false ? 'relationFails' : 'relationUnknown', { rule: ruleName(r.rule), row: r.row, col: r.col }),
      }));
      const use = el('button', { type: 'button', class: 'use-split', 'data-candidate': String(ci), text: t('useSplit', { n: ci + 1 }) });
      use.addEventListener('click', () => choose(cells.map((c, k) => ({ table: table.id, row: c.row, col: c.col, value: cand.values[k] ?? null }))));
      list.appendChild(el('li', { class: 'candidate' }, [
        el('p', {}, [el('strong', { text: t('candidate', { n: ci + 1 }) + '：' }), values]),
        rels.length ? el('ul', { class: 'relations' }, rels) : null,
        choose ? use : null,
      ]));
    });
    box.appendChild(el('div', { class: 'ambiguous-row', 'data-row': row, 'data-index': String(ai) }, [
      el('p', { text: t('ambiguousRow', { row, raw: runs.size === 1 ? [...runs][0] : '' }) }), list,
    ]));
  });
  return box;
}

/** The tables as DOM; onCell(findingIndex) when a marked cell is chosen. With `edit`, every
 *  cell is an input: a changed value calls edit(correction), a {table,row,col,value} correction
 *  (the core re-checks with it). Corrected cells are marked. opts: { choose(corrections) for a
 *  chosen split of an ambiguous row, ruleName(id) }. */
export function renderTables(tables, findings, t, onCell, edit, opts = {}) {
  const ruleName = opts.ruleName || ((r) => r);
  const bySpan = new Map();   // span key -> [finding index] (the finding's own span)
  const related = new Map();  // span key -> [finding index]
  findings.forEach((f, i) => {
    if (f.span) { const k = spanKey(f.span); if (!bySpan.has(k)) bySpan.set(k, []); bySpan.get(k).push(i); }
    for (const r of f.related || []) { const k = spanKey(r); if (!related.has(k)) related.set(k, []); related.get(k).push(i); }
  });
  const wrap = el('div', { class: 'tables' });
  tables.forEach((table, ti) => {
    const { rows, cols, byKey, missing } = layout(table);
    const caption = tableName(t, table.id, false) + (table.template ? '（' + templateName(t, table.template) + '）' : '');
    const head = el('tr', {}, [el('th', { scope: 'col', text: t('item') }), ...cols.map((c) => el('th', { scope: 'col', text: c }))]);
    const body = el('tbody');
    rows.forEach((r, ri) => {
      const cut = r.lastIndexOf('/');
      const label = cut > 0 ? [el('span', { class: 'parent', text: r.slice(0, cut + 1) }), r.slice(cut + 1)] : [r];
      const tr = el('tr', {}, [el('th', { scope: 'row' }, label)]);
      cols.forEach((col, ci) => {
        const c = byKey.get(r + '\u0000' + col);
        if (edit && (c || missing.has(r + '\u0000' + col))) {
          const address = t('cellAddress', { table: tableName(t, table.id, true), row: ri + 1, col: ci + 1 });
          const input = el('input', { type: 'text', inputmode: 'decimal', class: 'cell-edit', value: c && c.value != null ? String(c.value) : '',
            'aria-label': address + (c && c.corrected ? '（' + t('corrected') + '）' : ''), 'data-row': r, 'data-col': col });
          const commit = () => {
            const value = parseCorrection(input.value);
            if (value === undefined) { input.setAttribute('aria-invalid', 'true'); return; }
            input.removeAttribute('aria-invalid');
            if (c ? value === (c.value ?? null) : value === null) return;
            edit({ table: table.id, row: r, col, value });
          };
          input.addEventListener('change', commit);
          input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } });
          tr.appendChild(el('td', { class: [c && c.corrected ? 'corrected' : '', c ? '' : 'unread'].filter(Boolean).join(' ') || null, 'data-row': r, 'data-col': col }, [input]));
          return;
        }
        if (!c && missing.has(r + '\u0000' + col)) {
          const address = t('cellAddress', { table: tableName(t, table.id, true), row: ri + 1, col: ci + 1 });
          tr.appendChild(el('td', { class: 'unread', title: address + '\n' + t('notReadTitle'), 'data-address': address, 'data-row': r, 'data-col': col },
            [el('span', { class: 'unread-mark', text: t('notRead') })]));
          return;
        }
        if (!c) { tr.appendChild(el('td', { class: 'none' })); return; }
        const raw = String(c.raw ?? '').trim();
        const shown = raw !== '' && !c.corrected ? raw : c.value === null || c.value === undefined ? '' : String(c.value);
        const k = spanKey(c.span);
        const own = (bySpan.get(k) || []).filter((i) => findings[i].severity !== 'info');
        const sev = own.some((i) => findings[i].severity === 'error') ? 'error' : own.length ? 'warning' : null;
        const rel = related.get(k) || [];
        const address = t('cellAddress', { table: tableName(t, table.id, true), row: ri + 1, col: ci + 1 });
        const messages = own.map((i) => findings[i].message);
        const td = el('td', {
          class: [sev ? 'sev-' + sev : '', !sev && rel.length ? 'related' : '', shown === '' ? 'blank' : '', c.corrected ? 'corrected' : ''].filter(Boolean).join(' ') || null,
          title: [address, ...(c.corrected ? [t('correctedTitle', { raw: raw || t('blank') })] : []), ...messages].join('\n'),
          'data-address': address, 'data-row': r, 'data-col': col, 'data-span': k,
        }, [
          sev ? el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[sev] + ' ' }) : null,
          shown === '' ? el('span', { class: 'blank-mark', text: t('blank') }) : shown,
          sev ? el('span', { class: 'visually-hidden', text: t('cellError', { messages: messages.join('；') }) }) : null,
          c.corrected ? el('span', { class: 'corrected-mark', text: ' ' + t('corrected') }) : null,
        ]);
        if (own.length || rel.length) {
          const target = own.length ? own[0] : rel[0];
          const btn = td;
          btn.tabIndex = 0;
          btn.addEventListener('click', () => onCell(target));
          btn.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onCell(target); } });
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    const id = 'tbl-' + ti;
    wrap.appendChild(el('section', { class: 'table-block', 'aria-labelledby': id }, [
      el('h4', { id, text: caption }),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': id }, [
        el('table', { 'data-table-id': table.id, 'data-template': table.template || null }, [
          el('caption', { class: 'visually-hidden', text: caption }), el('thead', {}, [head]), body,
        ]),
      ]),
      ambiguousRows(table, t, opts.choose, ruleName),
    ]));
  });
  return wrap;
}
