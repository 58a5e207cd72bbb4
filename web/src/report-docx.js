// The check report as a Word document (.docx), made in the browser with the docx library: the
// report's facts, the counts (with the reviewer's verdicts), every finding with all its places,
// and the rebuilt tables with corrected cells and the cells findings concern marked. This module
// and the library are a chunk of their own, loaded only when the report is asked for (export.js).
// It imports none of the page's modules (one shared with the first load would be split into a
// chunk of its own, which costs the first load): the page's helpers it needs are handed to it.
// The building blocks first (fonts, A4 page, styles, tables, packing): other Word documents of
// the page reuse them.
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

// ---- building blocks -----------------------------------------------------------------------------

/** Fonts by role: Chinese in 宋体 (body) and 黑体 (headings), Latin letters and digits beside them. */
export { DOCX_MESSAGES } from './docx-messages.js';

export const FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '宋体' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' },
};
/** A4 portrait in twips (1/20 pt), 2 cm margins. */
export const A4 = { width: 11906, height: 16838, margin: 1134 };
/** Half-points: 五号 10.5 pt body, 小五 9 pt in tables. */
export const SIZES = { body: 21, table: 18, title: 36, h1: 30, h2: 26, h3: 22 };
/** Cell shading by mark (hex, no '#'). */
export const SHADES = { error: 'FBE3E1', warning: 'FFF2CC', related: 'E3EEF9', head: 'EDEDED' };

const heading = (size) => ({ run: { font: FONTS.heading, size, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });

/** The document's styles: fonts, sizes, the language of the text (zh-CN or en). */
export function docStyles(lang) {
  return {
    default: {
      document: {
        run: { font: FONTS.body, size: SIZES.body, language: { value: lang === 'en' ? 'en-GB' : 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { after: 60, line: 312 } },
      },
      title: { run: { font: FONTS.heading, size: SIZES.title, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      heading1: heading(SIZES.h1),
      heading2: heading(SIZES.h2),
      heading3: heading(SIZES.h3),
    },
  };
}

/** A run of text: a string, or { text, bold, size, superScript, color }. */
export function run(r) {
  return new TextRun(typeof r === 'string' ? { text: r } : r);
}

/** A paragraph of runs (strings or run options); opts are the Paragraph's own. */
export function para(runs, opts = {}) {
  return new Paragraph({ ...opts, children: [].concat(runs).filter((x) => x !== null && x !== undefined && x !== '').map(run) });
}

export function headingPara(text, level) {
  return new Paragraph({ text, heading: { 0: HeadingLevel.TITLE, 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[level] });
}

/** Column widths (twips) over the text width of an A4 page, in proportion to `widths`. */
function columnsOf(widths) {
  const total = widths.reduce((a, b) => a + b, 0);
  const text = A4.width - 2 * A4.margin;
  return { text, cols: widths.map((x) => Math.floor((text * x) / total)) };
}

/** A cell's background, or none. */
const shading = (fill) => (fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined);

/** A table cell's runs at the tables' size (a string is a run of that text; `extra` for it). */
const tableRuns = (runs, extra) => [].concat(runs).map((r) => (typeof r === 'string' ? { text: r, size: SIZES.table, ...extra } : { size: SIZES.table, ...r }));

/** A Word table over the page's width. rows: arrays of cells, each a string or
 *  { runs, shade, align }; the first `head` rows are the header (shaded, repeated on each page).
 *  widths: relative column widths (defaults to equal). */
export function wordTable(rows, { head = 1, widths } = {}) {
  const n = Math.max(...rows.map((r) => r.length));
  const { text, cols } = columnsOf(widths || Array(n).fill(1));
  return new Table({
    width: { size: text, type: WidthType.DXA },
    columnWidths: cols,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: rows.map((cells, ri) => new TableRow({
      tableHeader: ri < head,
      cantSplit: true,
      children: cells.map((c, ci) => {
        const cell = typeof c === 'string' || typeof c === 'number' ? { runs: [String(c)] } : c;
        const shade = ri < head ? SHADES.head : cell.shade;
        const runs = tableRuns(cell.runs);
        return new TableCell({
          width: { size: cols[ci], type: WidthType.DXA },
          shading: shading(shade),
          children: [para(runs, { alignment: cell.align || (ci > 0 && ri >= head ? AlignmentType.RIGHT : AlignmentType.LEFT), spacing: { after: 0, line: 260 } })],
        });
      }),
    })),
  });
}

/** A Word table with merged cells over the page's width (the official templates' layout).
 *  rows: the cells of each row in order, each { runs, rowSpan, columnSpan, shade, align, bold };
 *  a cell a rowSpan above covers is left out of its row. widths: one per grid column. */
export function mergedTable(rows, { widths, head = 0 }) {
  const { text, cols } = columnsOf(widths);
  return new Table({
    width: { size: text, type: WidthType.DXA },
    columnWidths: cols,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    rows: rows.map((cells, ri) => new TableRow({
      tableHeader: ri < head,
      children: cells.map((c) => new TableCell({
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        columnSpan: c.columnSpan > 1 ? c.columnSpan : undefined,
        shading: shading(c.shade),
        children: [para(tableRuns(c.runs, { bold: c.bold }),
          { alignment: c.align || AlignmentType.CENTER, spacing: { after: 0, line: 260 } })],
      })),
    })),
  });
}

export { AlignmentType };

/** A document of `children` on A4 with the styles above and page numbers in the footer. */
export function wordDocument({ title, lang, children }) {
  return new Document({
    creator: 'nianbao',
    title,
    styles: docStyles(lang),
    sections: [{
      properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZES.table })] })] }) },
      children,
    }],
  });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The document as a Blob of DOCX_TYPE. */
export async function toBlob(doc) {
  const blob = await Packer.toBlob(doc);
  return blob.type === DOCX_TYPE ? blob : new Blob([blob], { type: DOCX_TYPE });
}

// ---- the check report ----------------------------------------------------------------------------

const SEVERITIES = ['error', 'warning', 'info'];
const MAX_QUOTE = 60;

/** reportDocx's data from what the page holds: the result, the findings it lists (with the
 *  cross-year ones), the text the core read, the reviewer's verdicts (indexed like findings).
 *  Each finding's places (its occurrences, else its span) are quoted from the text. helpers:
 *  the page's { mapByteOffsets } (offsets.js) and { cellAddresses, layout, spanKey, tableName }
 *  (tables.js). */
export function reportData({ name, lang, t, result, findings, text, reviews, ruleName }, helpers) {
  const { mapByteOffsets, cellAddresses, layout, spanKey, tableName } = helpers;
  const spans = findings.map((f) => (f.occurrences && f.occurrences.length ? f.occurrences : f.span ? [f.span] : []));
  const map = text ? mapByteOffsets(text, spans.flat().flatMap((s) => [s.start, s.end])) : new Map();
  const quote = (s) => {
    if (!map.has(s.start) || !map.has(s.end)) return '';
    const q = text.slice(map.get(s.start), map.get(s.end)).replace(/\s+/g, ' ').trim();
    return q.length > MAX_QUOTE ? q.slice(0, MAX_QUOTE - 1) + '…' : q;
  };
  const tables = result.tables || [];
  return {
    t, lang, name, meta: result.meta || {}, stats: result.stats || {}, tables, findings,
    places: spans.map((list) => list.map((s) => ({ line: s.line, quote: quote(s) }))),
    addresses: cellAddresses(tables, t), reviews: reviews || [], ruleName,
    view: { layout, spanKey, tableName },
  };
}

const has = (v) => v !== undefined && v !== null;

/** The counts: per severity, and of them confirmed, dismissed and not reviewed. */
function countTable(findings, reviews, t) {
  const row = (label, list) => {
    const state = (s) => list.filter((i) => reviews[i] && reviews[i].state === s).length;
    const confirmed = state('confirmed'), dismissed = state('dismissed');
    return [label, String(list.length), String(confirmed), String(dismissed), String(list.length - confirmed - dismissed)];
  };
  const all = findings.map((f, i) => i);
  return wordTable([
    ['', t('docxCount'), t('docxConfirmed'), t('docxDismissed'), t('docxUnreviewed')],
    ...SEVERITIES.map((s) => row(t(s), all.filter((i) => findings[i].severity === s))),
    row(t('docxTotal'), all).map((c) => ({ runs: [{ text: c, bold: true }] })),
  ], { widths: [2, 1, 1, 1, 1] });
}

/** Findings per rule, by severity. */
function ruleTable(findings, t, ruleName) {
  const rules = new Map();
  for (const f of findings) {
    if (!rules.has(f.rule)) rules.set(f.rule, { error: 0, warning: 0, info: 0 });
    rules.get(f.rule)[SEVERITIES.includes(f.severity) ? f.severity : 'info']++;
  }
  // The most severe first, then the most frequent.
  const worst = (n) => SEVERITIES.findIndex((s) => n[s]);
  const total = (n) => n.error + n.warning + n.info;
  const order = [...rules.entries()].sort(([ra, a], [rb, b]) => worst(a) - worst(b) || total(b) - total(a) || ra.localeCompare(rb));
  return wordTable([
    [t('docxRule'), ...SEVERITIES.map((s) => t(s))],
    ...order.map(([rule, n]) => [ruleName(rule) + t('docxParen', { text: rule }), ...SEVERITIES.map((s) => (n[s] ? String(n[s]) : ''))]),
  ], { widths: [4, 1, 1, 1] });
}

/** One finding: number, severity, rule; message; numbers; hint; places; related cells; verdict. */
function findingParas(f, no, places, related, review, t, ruleName) {
  const out = [];
  out.push(para([{ text: no + '. ', bold: true }, { text: '[' + t(f.severity) + '] ', bold: true }, { text: ruleName(f.rule), bold: true }, t('docxParen', { text: f.rule })], { keepNext: true, spacing: { before: 160, after: 40 } }));
  const indent = { indent: { left: 360 } };
  out.push(para(f.message, indent));
  if (has(f.expected) || has(f.actual))
    out.push(para([has(f.expected) ? t('expected') + ' ' : '', has(f.expected) ? { text: String(f.expected), bold: true } : '', has(f.expected) && has(f.actual) ? t('docxComma') : '',
      has(f.actual) ? t('actual') + ' ' : '', has(f.actual) ? { text: String(f.actual), bold: true } : ''], indent));
  if (f.hint) out.push(para(t('docxLabel', { label: t('hint') }) + f.hint, indent));
  if (places.length) {
    out.push(para(places.length > 1 ? t('docxPlaces', { count: places.length }) : t('docxLabel', { label: t('docxPlace1') }), { ...indent, keepNext: true }));
    for (const p of places)
      out.push(para(p.quote ? t('docxPlace', { line: p.line, quote: p.quote }) : t('line', { line: p.line }), { indent: { left: 720 }, spacing: { after: 0 } }));
  }
  if (related.length) out.push(para(t('docxLabel', { label: t('related') }) + related.join(t('docxSep')), indent));
  const state = review && (review.state === 'confirmed' || review.state === 'dismissed') ? review.state : null;
  out.push(para([t('docxLabel', { label: t('docxVerdict') }), { text: t(state === 'confirmed' ? 'docxConfirmed' : state === 'dismissed' ? 'docxDismissed' : 'docxUnreviewed'), bold: !!state },
    state && review.reason ? t('docxParen', { text: t('docxReason', { reason: review.reason }) }) : ''], indent));
  return out;
}

/** The rebuilt tables: labels as the page shows them; a cell a finding is about shaded by its
 *  severity, a cell a finding relates to shaded as related, both with the findings' numbers;
 *  corrected cells bold and marked, and listed under the table with what the text said. */
function tableBlocks(tables, findings, numbers, t, { layout, spanKey, tableName }) {
  const own = new Map(), rel = new Map();
  const add = (m, k, i) => { if (!m.has(k)) m.set(k, []); if (!m.get(k).includes(i)) m.get(k).push(i); };
  findings.forEach((f, i) => {
    if (f.span) add(own, spanKey(f.span), i);
    for (const r of f.related || []) add(rel, spanKey(r), i);
  });
  const out = [para(t('docxLegend'))];
  for (const table of tables) {
    const { rows, cols, byKey, missing } = layout(table);
    const short = tableName(t, table.id, true);
    const template = { legacy: t('templateLegacy'), 2019: t('template2019'), 2021: t('template2021') }[table.template];
    out.push(headingPara(tableName(t, table.id, false) + (template ? t('docxParen', { text: template }) : ''), 3));
    const corrected = [];
    const body = rows.map((r, ri) => [r, ...cols.map((col, ci) => {
      const c = byKey.get(r + '\u0000' + col);
      if (!c) return missing.has(r + '\u0000' + col) ? { runs: [{ text: t('notRead'), italics: true }] } : '';
      const raw = String(c.raw ?? '').trim();
      const value = has(c.value) ? String(c.value) : '';
      const shown = raw !== '' && !c.corrected ? raw : value;
      const k = spanKey(c.span);
      const mine = (own.get(k) || []).filter((i) => findings[i].severity !== 'info');
      const about = [...new Set([...mine, ...(rel.get(k) || [])])].map((i) => numbers[i]).sort((a, b) => a - b);
      const shade = mine.some((i) => findings[i].severity === 'error') ? SHADES.error : mine.length ? SHADES.warning : about.length ? SHADES.related : undefined;
      if (c.corrected) corrected.push(t('docxCorrectedCell', { address: t('cellAddress', { table: short, row: ri + 1, col: ci + 1 }), raw: raw || t('blank'), value: value || t('blank') }));
      return {
        shade,
        runs: [
          { text: shown === '' ? t('blank') : shown, bold: !!c.corrected },
          c.corrected ? { text: t('docxParen', { text: t('corrected') }), bold: true } : null,
          about.length ? { text: ' [' + about.join(',') + ']', superScript: true } : null,
        ].filter(Boolean),
      };
    })]);
    out.push(wordTable([[t('item'), ...cols], ...body], { widths: [Math.max(3, Math.min(6, cols.length)), ...cols.map(() => 1)] }));
    if (corrected.length) out.push(para(t('docxLabel', { label: t('docxCorrectedList') }) + corrected.join(t('docxSep')), { spacing: { before: 60 } }));
  }
  return out;
}

/** The check report as a .docx Blob. data (export.js reportData makes it from the page's state):
 *  t, lang, name; meta, stats, tables: the core's; findings: those the page lists; places: per
 *  finding [{ line, quote }]; addresses: span key -> cell address; reviews: per finding
 *  undefined or { state: 'confirmed' | 'dismissed', reason }; ruleName: rule id -> name;
 *  view: tables.js's { layout, spanKey, tableName } (the tables as the page shows them). */
export async function reportDocx(data) {
  const { t, lang, name, meta = {}, stats = {}, findings = [], places = [], addresses = new Map(), tables = [], reviews = [], ruleName = (r) => r, view } = data;
  const children = [];
  const title = t('docxTitle', { file: name });
  children.push(headingPara(title, 0));
  children.push(para({ text: t('footer'), size: SIZES.table }, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));

  // The report.
  children.push(headingPara(t('docxReport'), 1));
  const facts = [
    [t('agency'), meta.agency || t('unknown')],
    [t('year'), meta.year ? t('yearValue', { year: meta.year }) : t('unknown')],
    [t('format'), t({ legacy: 'formatLegacy', 2019: 'format2019', 2021: 'format2021' }[meta.format] || 'formatUnknown')],
    [t('published'), meta.published || t('unknown')],
    [t('deadline'), stats.deadline ? t(stats.deadline.met ? 'deadlineMet' : 'deadlineLate', { due: stats.deadline.due }) : t('unknown')],
  ];
  children.push(wordTable(facts.map(([k, v]) => [{ runs: [{ text: k, bold: true }] }, { runs: [v], align: AlignmentType.LEFT }]), { head: 0, widths: [1, 3] }));

  // The summary.
  const count = (s) => findings.filter((f) => f.severity === s).length;
  const reviewed = (s) => findings.filter((f, i) => reviews[i] && reviews[i].state === s).length;
  children.push(headingPara(t('summary'), 1));
  children.push(para(t('docxCounts', { total: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info') })));
  children.push(para(t('docxReviewCounts', { confirmed: reviewed('confirmed'), dismissed: reviewed('dismissed'), unreviewed: findings.length - reviewed('confirmed') - reviewed('dismissed') })));
  if (findings.length) {
    children.push(countTable(findings, reviews, t));
    children.push(headingPara(t('docxByRule'), 2));
    children.push(ruleTable(findings, t, ruleName));
  }

  // The findings by severity, numbered through.
  children.push(headingPara(t('findings'), 1));
  if (!findings.length) children.push(para(t('noFindings')));
  const numbers = [];
  let no = 0;
  for (const s of SEVERITIES) {
    const list = findings.map((f, i) => i).filter((i) => (SEVERITIES.includes(findings[i].severity) ? findings[i].severity : 'info') === s);
    if (!list.length) continue;
    children.push(headingPara(t('docxGroup', { severity: t(s), count: list.length }), 2));
    for (const i of list) {
      numbers[i] = ++no;
      const f = findings[i];
      const related = [...new Set((f.related || []).map((r) => addresses.get(view.spanKey(r))).filter(Boolean))];
      children.push(...findingParas(f, no, places[i] || [], related, reviews[i], t, ruleName));
    }
  }

  // The tables.
  children.push(headingPara(t('tabTables'), 1));
  if (tables.length) children.push(...tableBlocks(tables, findings, numbers, t, view));
  else children.push(para(t('noTables')));

  return toBlob(wordDocument({ title, lang, children }));
}
