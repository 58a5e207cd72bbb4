// Exports of one result: the core's JSON as it came, CSV of the findings and of the tables
// (UTF-8 with a BOM so that spreadsheet programs read the Chinese right), and the check report
// as Word (report-docx.js, loaded only when asked for).
import { csvField, download } from './dom.js';
import { addMessages } from './messages.js';
import { mapByteOffsets } from './offsets.js';
import { cellAddresses, layout, spanKey, tableName } from './tables.js';

const BOM = '\ufeff';
const base = (file) => String(file || 'report').replace(/\.[^.]+$/, '') || 'report';

export function exportJson(json, file) {
  download(base(file) + '.nianbao.json', json, 'application/json');
}

/** The findings as CSV, each with its places (a grouped finding's occurrences: count and lines)
 *  and the reviewer's verdict and reason (reviews: per finding, as review.js gives them). */
export function findingsCsv(result, text, ranges, t, reviews = []) {
  const rows = [t('csvFindings')];
  (result.findings || []).forEach((f, i) => {
    const r = ranges[i];
    const quote = r ? text.slice(r.start, Math.min(r.end, r.start + 200)) : '';
    const places = f.occurrences && f.occurrences.length > 1 ? f.occurrences.map((o) => o.line).join(' ') : f.span ? f.span.line : '';
    const v = reviews[i];
    rows.push([t(f.severity), f.rule, places, f.message, f.expected ?? '', f.actual ?? '', f.hint || '', quote,
      v ? t(v.state) : '', v && v.state === 'dismissed' ? v.reason : ''].map(csvField).join(','));
  });
  return BOM + rows.join('\r\n') + '\r\n';
}

/** The core's JSON with the reviewer's verdicts added to its findings ("review": {state, reason});
 *  as it came when there are none. */
export function withReviews(json, result, reviews = []) {
  const n = (result.findings || []).length;
  if (!reviews.slice(0, n).some(Boolean)) return json;
  const doc = JSON.parse(json);
  doc.findings.forEach((f, i) => { if (reviews[i]) f.review = { state: reviews[i].state, reason: reviews[i].reason || '' }; });
  return JSON.stringify(doc, null, 2);
}

export function tablesCsv(result, t) {
  const tables = result.tables || [];
  const addresses = cellAddresses(tables, t);
  const rows = [t('csvTables')];
  for (const table of tables) {
    for (const c of table.cells || [])
      rows.push([tableName(t, table.id, true), c.row, c.col, c.value ?? '', c.raw, addresses.get(c.span.start + ':' + c.span.end) || '', c.corrected ? t('corrected') : ''].map(csvField).join(','));
  }
  return BOM + rows.join('\r\n') + '\r\n';
}

export function exportCsv(name, content) {
  download(name, content, 'text/csv;charset=utf-8');
}

/** The check report as <base>.check.docx. The docx library is a chunk of its own, fetched now
 *  (in the offline single file it is already there); the page's helpers it needs are handed to
 *  it. what: { name, lang, t, result, findings, text, reviews, ruleName } (report-docx.js). */
export async function exportDocx(what) {
  const { reportData, reportDocx, DOCX_TYPE, DOCX_MESSAGES } = await import('./report-docx.js');
  addMessages(DOCX_MESSAGES);
  const data = reportData(what, { mapByteOffsets, cellAddresses, layout, spanKey, tableName });
  download(base(what.name) + '.check.docx', await reportDocx(data), DOCX_TYPE);
}

export { base as fileBase };
