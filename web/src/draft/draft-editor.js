// 编制 mode of <nianbao-check> (issue 17): the 2021 report written in the page with live
// checks. Loaded as a chunk of its own when 编制 is first opened (element.js); the page's
// helpers it needs (el, clear, download, readFile, t, the engine) are handed to it, so that it
// shares no module with the first load. The core does the work: the form (form_json) lays the
// tables and sections out, each change is rendered and checked by the core in the worker
// (check_draft_json: its findings are placed on the cells and sections, marks.js), a start
// from last year's report is the core's (start_from_json), and the exports are its text.
import { createGrid, parseValue } from './grid.js';
import { placeFindings, uncovered } from './marks.js';
import { emptyState, forgetState, loadState, reportName, saveState, stateFromStart, toDraft } from './state.js';
import { countsLine, findingItem, topicList } from './view.js';
import { startArea } from './start.js';
import { reportHtml } from './export-html.js';
import { draftDocx } from './draft-docx.js';
import css from './draft.css';
export { DRAFT_MESSAGES } from './messages.js';

/** The editor's styles (element.js adopts them into its Shadow DOM). */
export const draftCss = css;

const DEBOUNCE_MS = 150;

/** ctx: { el, clear, download, readFile, t, engine, shared (an object kept by the element
 *  across rebuilds), docx: () => import of report-docx.js, status(state, text) }. */
export async function createDraftEditor(ctx) {
  const { el, clear, t, engine } = ctx;
  const root = el('div', { class: 'draft', 'data-state': 'loading' });
  const form = ctx.shared.form || (ctx.shared.form = await engine.draftForm());
  if (form.error) throw new Error(form.error.message);
  // (Kept by the element too: a language switch rebuilds the editor, also where storage is not
  // allowed.)
  let state = ctx.shared.state || loadState();
  const rowTables = new Map(form.tables.flatMap((x) => x.rows.flat().filter((c) => c.row !== undefined).map((c) => [c.row, x.id])));
  let grids = new Map();     // table id -> grid
  let topicLists = new Map(); // section number -> { element, topics, government }
  let last = null;          // { markdown, result } of the latest check applied
  let timer = 0, inflight = false, again = false, seq = 0, applied = 0;

  const statusEl = el('p', { class: 'status draft-status', role: 'status', 'aria-live': 'polite' });
  const counts = el('p', { class: 'counts draft-counts', 'aria-live': 'polite' });
  const otherList = el('ul', { class: 'draft-findings draft-other' });
  const preview = el('pre', { class: 'draft-preview' });
  const body = el('div', { class: 'draft-body' });
  const setStatus = (s, text) => { statusEl.dataset.state = s; statusEl.textContent = text; };

  // ---- changes and the live check ------------------------------------------------------------
  const changed = () => {
    ctx.shared.state = state;
    saveState(state);
    seq++;
    root.dataset.state = 'pending';
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  // One request in flight at most; what changed meanwhile is checked next, and only the
  // result of the latest draft is shown.
  async function run() {
    timer = 0;
    if (inflight) { again = true; return; }
    inflight = true;
    again = false;
    const mine = seq;
    root.dataset.state = 'checking';
    let res = null, err = null;
    const started = performance.now();
    try { res = await engine.checkDraft(toDraft(state)); } catch (e) { err = e; }
    inflight = false;
    if (again || timer || mine !== seq) { again = false; if (!timer) run(); return; }
    applied = mine;
    if (err || (res && res.error)) {
      setStatus('failed', t('draftError', { error: err ? err.message : res.error.message }));
      root.dataset.state = 'failed';
      return;
    }
    last = res;
    show(res.result);
    setStatus('done', t('draftChecked'));
    statusEl.title = t('draftCheckedMs', { ms: Math.round(performance.now() - started) });
    root.dataset.state = 'checked';
  }

  const setCell = (key, text, decimal) => {
    const v = parseValue(text, decimal);
    state.carried.delete(key);
    if (v.invalid) { state.invalid.set(key, text); state.values.delete(key); }
    else { state.invalid.delete(key); if (v.value === null) state.values.delete(key); else state.values.set(key, v.value); }
    markInput(key);
  };

  // ---- marks ---------------------------------------------------------------------------------
  /** The marks of the writer's own input (not a number, carried) on cell `key`. */
  function markInput(key) {
    const g = grids.get(key.split('\u0000')[0]);
    const td = g && g.tds.get(key);
    if (!td) return;
    td.classList.toggle('invalid', state.invalid.has(key));
    td.classList.toggle('carried', state.carried.has(key));
    const input = g.inputs.get(key);
    input.setAttribute('aria-invalid', state.invalid.has(key) || td.classList.contains('mark-error') ? 'true' : 'false');
    for (const n of td.querySelectorAll('.cell-flag')) n.remove();
    if (state.invalid.has(key)) td.appendChild(el('span', { class: 'cell-flag flag-invalid', text: '✖ ' + t('draftInvalid') }));
    else if (state.carried.has(key)) td.appendChild(el('span', { class: 'cell-flag flag-carried', title: t('draftCarried'), text: '↩ ' + t('draftCarriedShort') }));
    describe(key);
  }

  function describe(key) {
    const g = grids.get(key.split('\u0000')[0]);
    const td = g.tds.get(key);
    const ids = (td.dataset.findings || '').split(' ').filter(Boolean).map((i) => 'df-' + i);
    if (state.invalid.has(key)) ids.push('draft-invalid-help');
    if (state.carried.has(key)) ids.push('draft-carried-note');
    if (ids.length) g.inputs.get(key).setAttribute('aria-describedby', ids.join(' '));
    else g.inputs.get(key).removeAttribute('aria-describedby');
  }

  /** The result placed on the form: cells, tables' lists, sections' topics, the rest. */
  function show(result) {
    const findings = result.findings || [];
    const placed = placeFindings(result, rowTables);
    for (const g of grids.values()) {
      for (const [key, td] of g.tds) {
        const own = (placed.own.get(key) || []).filter((i) => findings[i].severity !== 'info');
        const sev = own.some((i) => findings[i].severity === 'error') ? 'error' : own.some((i) => findings[i].rule !== 'cell-blank') ? 'warning' : own.length ? 'blank' : null;
        td.classList.remove('mark-error', 'mark-warning', 'mark-blank', 'mark-related');
        for (const n of td.querySelectorAll('.mark-icon')) n.remove();
        if (sev) td.classList.add('mark-' + sev);
        else if (placed.related.has(key)) td.classList.add('mark-related');
        if (sev === 'error' || sev === 'warning') td.insertBefore(el('span', { class: 'mark-icon', 'aria-hidden': 'true', text: sev === 'error' ? '✖' : '⚠' }), td.firstChild);
        td.dataset.findings = own.join(' ');
        markInput(key);
      }
    }
    for (const [id, g] of grids) {
      clear(g.list);
      const list = placed.byTable.get(id) || [];
      const blank = list.filter((i) => findings[i].rule === 'cell-blank');
      for (const i of list) if (findings[i].rule !== 'cell-blank') g.list.appendChild(findingItem(ctx, findings[i], i, cellOf(result, findings[i]), fix));
      if (blank.length) {
        const li = el('li', { class: 'finding sev-warning blank-cells', 'data-rule': 'cell-blank', text: t('draftBlankCells', { count: blank.length }) });
        g.list.appendChild(li);
        for (const i of blank) g.list.appendChild(el('li', { id: 'df-' + i, class: 'visually-hidden', text: findings[i].message }));
      }
      if (!g.list.children.length) g.list.appendChild(el('li', { class: 'finding ok', text: t('draftTableOk') }));
    }
    for (const [number, tl] of topicLists) {
      const about = (placed.sections.get(number) || []).map((i) => findings[i]);
      const government = result.meta && result.meta.kind === 'government';
      tl.update(uncovered([...tl.topics, ...(government ? tl.government : [])], about), government);
    }
    clear(otherList);
    for (const i of placed.other) otherList.appendChild(findingItem(ctx, findings[i], i, null, fix));
    otherList.hidden = !placed.other.length;
    countsLine(ctx, counts, result.stats || {});
    preview.textContent = last ? last.markdown : '';
  }

  /** The cell (key, and the text of its label) a finding fails on, from its span. */
  function cellOf(result, f) {
    for (const table of result.tables || [])
      for (const c of table.cells || [])
        if (f.span && c.span.start === f.span.start && c.span.end === f.span.end) return { key: table.id + '\u0000' + c.row + '\u0000' + c.col, label: c.row.replace('/', ' ') + ' · ' + c.col };
    return null;
  }

  /** “应为 N”: the value the core computed, set in the cell. */
  function fix(key, value) {
    const g = grids.get(key.split('\u0000')[0]);
    const input = g && g.inputs.get(key);
    if (!input) return;
    input.value = String(value);
    setCell(key, input.value, input.inputMode === 'decimal');
    changed();
    input.focus();
  }

  // ---- the parts -----------------------------------------------------------------------------
  function field(id, label, value, onInput, attrs = {}) {
    const input = el('input', { id, type: 'text', autocomplete: 'off', ...attrs });
    input.value = value;
    input.addEventListener('input', () => { onInput(input.value); changed(); });
    return el('div', { class: 'draft-field' }, [el('label', { for: id, text: label }), input]);
  }

  function build() {
    clear(body);
    grids = new Map();
    topicLists = new Map();
    const title = el('p', { class: 'draft-title', 'aria-live': 'off' });
    const setTitle = () => { title.textContent = form.title.replace('{agency}', state.agency.trim() || t('draftAgencyUnset')).replace('{year}', state.year.trim()); };
    setTitle();
    body.appendChild(el('fieldset', { class: 'draft-basics' }, [
      el('legend', { text: t('draftBasics') }),
      field('draft-agency', t('draftAgency'), state.agency, (v) => { state.agency = v; setTitle(); }, { size: '28' }),
      field('draft-year', t('draftYear'), state.year, (v) => { state.year = v; setTitle(); }, { inputmode: 'numeric', size: '6' }),
      field('draft-date', t('draftDate'), state.date, (v) => { state.date = v; }, { placeholder: t('draftDateHelp'), size: '16' }),
    ]));
    body.appendChild(title);
    if (state.notes.length || state.carried.size)
      body.appendChild(el('div', { class: 'draft-notes' }, [
        el('p', { id: 'draft-carried-note', class: 'help' }, [el('span', { class: 'flag-carried', text: '↩ ' + t('draftCarriedShort') }), ' ' + t('draftCarried')]),
        state.notes.length ? el('p', { class: 'help', text: t('draftNotes') }) : null,
        state.notes.length ? el('ul', { class: 'notes' }, state.notes.map((n) => el('li', { text: n }))) : null,
      ]));
    body.appendChild(el('p', { id: 'draft-invalid-help', class: 'help', text: t('draftInvalidHelp') }));
    const tables = new Map(form.tables.map((x) => [x.id, x]));
    for (const s of form.sections) {
      const h = el('h3', { id: 'draft-sec-' + s.number, text: s.heading });
      const sec = el('section', { class: 'draft-section', 'data-section': s.number, 'aria-labelledby': h.id }, [h]);
      if (s.field) {
        const tl = topicList(ctx, s);
        topicLists.set(s.number, tl);
        const area = el('textarea', { id: 'draft-' + s.field, rows: s.field === 'overview' ? '10' : '5', 'aria-describedby': tl.element.id });
        area.value = state[s.field];
        area.addEventListener('input', () => { state[s.field] = area.value; changed(); });
        sec.append(tl.element, el('label', { for: area.id, class: 'visually-hidden', text: s.heading }), area);
      }
      if (s.table && tables.has(s.table)) {
        const table = tables.get(s.table);
        const g = createGrid(table, {
          el, t,
          value: (key) => (state.invalid.has(key) ? state.invalid.get(key) : state.values.has(key) && state.values.get(key) !== null ? String(state.values.get(key)) : ''),
          onInput: (key, text, decimal) => { setCell(key, text, decimal); changed(); },
          onBlock: (list) => {
            for (const x of list) { const input = g.inputs.get(x.key); input.value = x.text.trim(); setCell(x.key, input.value, x.decimal); }
            changed();
          },
        });
        g.list = el('ul', { class: 'draft-findings', 'aria-label': t('draftTableFindings') });
        grids.set(s.table, g);
        sec.append(el('p', { class: 'help', text: t('draftGridHelp') }), g.element, g.list);
        for (const key of g.tds.keys()) markInput(key);
      }
      body.appendChild(sec);
    }
    body.appendChild(el('section', { class: 'draft-section' }, [el('h3', { text: t('draftOther') }), otherList]));
    body.appendChild(el('details', { class: 'draft-preview-box' }, [el('summary', { text: t('draftPreview') }), preview]));
  }

  // ---- start from last year ------------------------------------------------------------------
  async function startFrom(name, read) {
    setStatus('busy', t('draftStarting', { file: name }));
    try {
      const got = await read();
      const res = await engine.draftStart(got.input, got.options);
      if (res.error) throw new Error(res.error.message);
      state = stateFromStart(res);
      start.open = false;
      build();
      changed();
      setStatus('done', t('draftStartDone', { file: name, count: state.carried.size }));
    } catch (e) {
      setStatus('failed', t('draftStartFailed', { file: name, error: e.code === 'unsupported' ? t('unsupported', { file: name }) : e.message }));
    }
  }
  const start = startArea(ctx, {
    file: (file) => startFrom(file.name, () => ctx.readFile(file)),
    text: (text) => startFrom(t('pasted'), async () => ({ input: text, options: { file: 'paste', format: 'auto' } })),
    html: (html) => startFrom(t('pastedHtml'), async () => ({ input: html, options: { file: 'paste.html', format: 'html' } })),
  });

  // ---- exports and clearing ------------------------------------------------------------------
  /** The core's text of the draft as it is now. */
  async function current() {
    const res = await engine.checkDraft(toDraft(state));
    if (res.error) throw new Error(res.error.message);
    return res;
  }
  const exporting = (fn) => async () => {
    try { await fn(await current()); } catch (e) { setStatus('failed', t('draftError', { error: e.message })); }
  };
  const name = () => reportName(state);
  const button = (action, label, fn) => { const b = el('button', { type: 'button', 'data-action': action, text: label }); b.addEventListener('click', fn); return b; };
  const exports = el('div', { class: 'exports', role: 'group', 'aria-label': t('export') }, [
    button('draftMd', t('draftExportMd'), exporting((res) => ctx.download(name() + '.md', res.markdown, 'text/markdown;charset=utf-8'))),
    button('draftHtml', t('draftExportHtml'), exporting(async (res) => {
      ctx.download(name() + '.html', reportHtml(res.markdown, form, toDraft(state), state.values), 'text/html;charset=utf-8');
    })),
    button('draftDocx', t('draftExportDocx'), exporting(async (res) => {
      const blocks = await ctx.docx();
      ctx.download(name() + '.docx', await draftDocx(blocks, res.markdown, form, toDraft(state), state.values), blocks.DOCX_TYPE);
    })),
    button('draftClear', t('draftClear'), () => {
      forgetState();
      state = emptyState();
      start.open = true;
      build();
      changed();
      setStatus('done', t('draftCleared'));
    }),
  ]);

  root.append(
    el('h2', { id: 'draft-h', tabindex: '-1', text: t('draftHeading') }),
    el('p', { class: 'help', text: t('draftLead') }),
    start,
    el('div', { class: 'draft-bar' }, [counts, statusEl, exports]),
    body,
  );
  if (!state.agency && !state.values.size) start.open = true;
  build();
  run();
  return { element: root, destroy: () => clearTimeout(timer), get applied() { return applied; } };
}
