// Exports of one result: the core's JSON as it came, CSV of the findings and of the tables
// (UTF-8 with a BOM so that spreadsheet programs read the Chinese right), and the check report
// as Word (report-docx.js, loaded only when asked for).
import { csvField, download } from './dom.js';
import { mapByteOffsets } from './offsets.js';
import { cellAddresses, layout, spanKey, tableName } from './tables.js';

const BOM = '\ufeff';
const base = (file) => String(file || 'report').replace(/\.[^.]+$/, '') || 'report';

export function exportJson(json, file) {
  download(base(file) + '.nianbao.json', json, 'application/json');
}

export function findingsCsv(result, text, ranges, t) {
  const rows = [t('csvFindings')];
  (result.findings || []).forEach((f, i) => {
    const r = ranges[i];
    const quote = r ? text.slice(r.start, Math.min(r.end, r.start + 200)) : '';
    rows.push([t(f.severity), f.rule, f.span ? f.span.line : '', f.message, f.expected ?? '', f.actual ?? '', f.hint || '', quote].map(csvField).join(','));
  });
  return BOM + rows.join('\r\n') + '\r\n';
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
  const { reportData, reportDocx, DOCX_TYPE } = await import('./report-docx.js');
  const data = reportData(what, { mapByteOffsets, cellAddresses, layout, spanKey, tableName });
  download(base(what.name) + '.check.docx', await reportDocx(data), DOCX_TYPE);
}

export { base as fileBase };
