// 编制 mode: the report as blocks for the HTML and Word exports, read from the text the core
// rendered (render_markdown: the title, the data period, the six headings, the sentences whose
// figures come from the tables, the written sections, the signature). The page writes no
// sentence of its own: each paragraph is the core's line; each section's pipe tables are
// replaced by the form's table (the official layout with its merged cells) filled with the
// draft's values.
//   blocks: { kind: 'title' | 'heading' | 'p' | 'sign', text } | { kind: 'table', table, values, blank }

import { cellKey } from './grid.js';

/** The blocks of `markdown` (check_draft_json's) for `form` (form_json's) and the draft's
 *  values (Map cell key -> number | null; see grid.js cellKey). */
export function reportBlocks(markdown, form, draft, values) {
  const headings = new Map(form.sections.map((s) => [s.heading, s]));
  const tables = new Map(form.tables.map((t) => [t.id, t]));
  const sign = new Set([draft.agency, draft.date].filter(Boolean));
  const blocks = [];
  let section = null, tableDone = false, pastLast = false;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw) => {
    const line = raw.trim();
    if (!line) return;
    if (!blocks.length) { blocks.push({ kind: 'title', text: line }); return; }
    if (headings.has(line)) {
      section = headings.get(line);
      tableDone = false;
      pastLast = section === form.sections[form.sections.length - 1];
      blocks.push({ kind: 'heading', text: line });
      return;
    }
    if (line.startsWith('|')) {
      if (section && section.table && !tableDone && tables.has(section.table)) blocks.push({ kind: 'table', table: tables.get(section.table), values, blank: form.blank || '' });
      tableDone = true;
      return;
    }
    blocks.push({ kind: pastLast && sign.has(line) ? 'sign' : 'p', text: line });
  });
  return blocks;
}

/** Value cell `c` of row `r` of form table `table` as the report writes it (render_markdown's
 *  rule): its number; when blank, `blank` (the form's "—") if its row has a value, else ''. */
export function cellText(table, r, c, values, blank) {
  const value = (x) => values.get(cellKey(table.id, x.row, x.col));
  const v = value(c);
  if (v !== null && v !== undefined) return String(v);
  return table.rows[r].some((x) => x.row !== undefined && value(x) != null) ? blank : '';
}
