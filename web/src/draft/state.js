// 编制 mode: the draft the writer is working on, as the page holds it and keeps it in
// localStorage (restored when the page is opened again): the body, year and date, the written
// sections, each cell's value (a number, or null for a cell left blank: never 0), the text of
// a cell that is not yet a number (marked, not sent), and the cells carried over from last
// year's report that have not been edited since. toDraft() is the core's draft JSON.
import { cellKey } from './grid.js';

const KEY = 'nianbao-draft:v1';
const FIELDS = ['overview', 'problems', 'other'];

function storage() {
  try { return typeof localStorage !== 'undefined' ? localStorage : null; } catch { return null; }
}

/** A year the report is most likely written for: last year (the 2021 format's years only). */
const defaultYear = () => Math.max(2021, new Date().getFullYear() - 1);

export function emptyState() {
  return { agency: '', year: String(defaultYear()), date: '', overview: '', problems: '', other: '',
    values: new Map(), invalid: new Map(), carried: new Set(), notes: [] };
}

export function loadState() {
  const s = storage();
  const state = emptyState();
  try {
    const v = s && JSON.parse(s.getItem(KEY) || 'null');
    if (!v || typeof v !== 'object') return state;
    for (const k of ['agency', 'year', 'date', ...FIELDS]) if (typeof v[k] === 'string') state[k] = v[k];
    for (const [k, x] of v.values || []) if (typeof k === 'string' && (x === null || typeof x === 'number')) state.values.set(k, x);
    for (const [k, x] of v.invalid || []) if (typeof k === 'string' && typeof x === 'string') state.invalid.set(k, x);
    for (const k of v.carried || []) if (typeof k === 'string') state.carried.add(k);
    if (Array.isArray(v.notes)) state.notes = v.notes.map(String);
  } catch { /* a broken entry: start afresh */ }
  return state;
}

export function saveState(state) {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(KEY, JSON.stringify({
      agency: state.agency, year: state.year, date: state.date, overview: state.overview, problems: state.problems, other: state.other,
      values: [...state.values], invalid: [...state.invalid], carried: [...state.carried], notes: state.notes,
    }));
  } catch { /* no room or not allowed: the draft lives as long as the page */ }
}

export function forgetState() {
  const s = storage();
  try { if (s) s.removeItem(KEY); } catch { /* nothing kept */ }
}

/** The core's draft JSON (draft.hpp draft_from_json): cells with a number only (a blank cell
 *  is a cell not listed). */
export function toDraft(state) {
  const cells = [];
  for (const [key, value] of state.values) {
    if (value === null) continue;
    const [table, row, col] = key.split('\u0000');
    cells.push({ table, row, col, value });
  }
  const year = /^\s*\d{4}\s*$/.test(state.year) ? Number(state.year) : 0;
  return { agency: state.agency.trim(), year, date: state.date.trim(), cells, overview: state.overview, problems: state.problems, other: state.other };
}

/** The state of a start from last year (draftStart's { draft, carried, notes }). */
export function stateFromStart(start) {
  const state = emptyState();
  const d = start.draft || {};
  state.agency = String(d.agency || '');
  state.year = d.year ? String(d.year) : state.year;
  state.date = String(d.date || '');
  for (const k of FIELDS) state[k] = String(d[k] || '');
  for (const c of d.cells || []) state.values.set(cellKey(c.table, c.row, c.col), c.value ?? null);
  for (const c of start.carried || []) state.carried.add(cellKey(c.table, c.row, c.col));
  state.notes = (start.notes || []).map(String);
  return state;
}

/** A file name for the report: its title, without what file systems refuse. */
export function reportName(state) {
  const name = (state.agency.trim() + (state.year ? state.year.trim() + '年' : '') + '政府信息公开工作年度报告').replace(/[\\/:*?"<>|\s]+/g, '');
  return name || 'report';
}
