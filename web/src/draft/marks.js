// 编制 mode: the core's findings on the draft's text, placed where the writer works. A finding
// whose span is a cell's span (result.tables[].cells) is about that cell (it fails there);
// its related spans are the other cells of the relation. A content-required or info-fee
// finding whose span is a written section's heading (result.sections) names the topics that
// section does not yet cover (after “未见：”, or in the whole message). Everything else is a
// finding about the report as a whole. Nothing here judges a number or a text: the core did.
import { cellKey } from './grid.js';

const spanKey = (s) => (s ? s.start + ':' + s.end : '');

/** { own: Map cell key -> [finding index], related: Map cell key -> [finding index],
 *   byTable: Map table id -> [finding index], sections: Map section number -> [finding index],
 *   other: [finding index] } for result (check_draft_json's "result"); rowTables: the form's
 *   row keys -> their table's id. */
export function placeFindings(result, rowTables = new Map()) {
  const cells = new Map();  // span key -> { key, table }
  for (const t of result.tables || [])
    for (const c of t.cells || []) cells.set(spanKey(c.span), { key: cellKey(t.id, c.row, c.col), table: t.id });
  const headings = new Map((result.sections || []).map((s) => [spanKey(s.span), s.number]));
  const own = new Map(), related = new Map(), byTable = new Map(), sections = new Map(), other = [];
  const add = (m, k, i) => { if (!m.has(k)) m.set(k, []); if (!m.get(k).includes(i)) m.get(k).push(i); };
  (result.findings || []).forEach((f, i) => {
    const cell = cells.get(spanKey(f.span));
    if (cell) {
      add(own, cell.key, i);
      add(byTable, cell.table, i);
      for (const r of f.related || []) { const c = cells.get(spanKey(r)); if (c) add(related, c.key, i); }
      return;
    }
    const section = headings.get(spanKey(f.span));
    if (section && (f.rule === 'content-required' || f.rule === 'info-fee')) { add(sections, section, i); return; }
    if (f.rule === 'info-fee') { add(sections, '六', i); return; }
    // A finding about a row (its span covers cells of a table) or about a table as a whole
    // (the core names it) goes with that table.
    const within = (c) => f.span && c.span.start >= f.span.start && c.span.end <= f.span.end && f.span.end > f.span.start;
    const table = (result.tables || []).find((t) => (t.cells || []).some(within))
      || (result.tables || []).find((t) => f.rule.startsWith('table-') && f.message.includes(TABLE_WORD[t.id]));
    if (table) { add(byTable, table.id, i); return; }
    // A row the core could not read names it: 「row key」 of the form's tables.
    const named = [...String(f.message).matchAll(/「([^」]+)」/g)].map((m) => rowTables.get(m[1])).find(Boolean);
    if (named && f.rule.startsWith('table-')) { add(byTable, named, i); return; }
    other.push(i);
  });
  return { own, related, byTable, sections, other };
}

const TABLE_WORD = { T2: '表二', T3: '表三', T4: '表四' };

/** The names of `topics` a section's findings say it does not cover. */
export function uncovered(topics, findings) {
  const missing = new Set();
  for (const f of findings) {
    const m = String(f.message || '');
    const at = m.lastIndexOf('未见：');
    const list = at >= 0 ? m.slice(at + 3) : m;
    for (const topic of topics) if (list.includes(topic.name)) missing.add(topic.name);
  }
  return missing;
}
