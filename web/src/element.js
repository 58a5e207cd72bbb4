// <nianbao-check>: the whole product as one custom element with Shadow DOM, used by the page
// itself and by portals that embed it. Attributes: lang ("zh-CN" default, "en"), compact,
// mode ("check" default, "write": 编制).
// Events (bubbling, composed): nianbao-result { file, result }, nianbao-error { file, message }.
// Methods: check(input, options) -> result; clear().
import css from './element.css';
import { createEngine, ruleName } from './engine.js';
import { el, clear, download } from './dom.js';
import { exportCsv, exportDocx, exportJson, fileBase, findingsCsv, tablesCsv, withReviews } from './export.js';
import { createFindingsPanel, newFilter, REVIEW_ICON } from './findings.js';
import { MAX_INPUT_BYTES, readFile, utf8Bytes } from './inputs.js';
import { addMessages, translator } from './messages.js';
import { mapByteOffsets } from './offsets.js';
import { findingKey, loadReview, reportHash, reviewCounts, reviewsOf, saveReview } from './review.js';
import { renderStats } from './stats.js';
import { cellAddresses, renderTables, tableName } from './tables.js';
import { createTextView } from './textview.js';
import { renderYears } from './years.js';

let sheet = null;
function styles() {
  if (!sheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

let sharedEngine = null;
export function engine() {
  if (!sharedEngine) sharedEngine = createEngine();
  return sharedEngine;
}

const mb = (n) => (n / 1048576).toFixed(1) + ' MB';

export class NianbaoCheck extends HTMLElement {
  static get observedAttributes() { return ['lang', 'compact', 'mode']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.reports = [];      // { name, result, json, text, ms, error }
    this.current = -1;
    this.pasted = null;     // { html, plain } from the last paste into an empty box
    this.busy = false;
    this.version = '';
    this.rules = new Map();  // the core's rule registry: id -> { zh_CN, en }
  }

  get lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh-CN'; }
  set lang(v) { this.setAttribute('lang', v); }

  connectedCallback() {
    if (!this.built) {
      this.built = true;
      if (this.getAttribute('mode') === 'write') this.mode = 'write';  // a portal may open 编制 first
      this.build();
      this.engine = engine();
      this.engine.ready.then((v) => {
        this.version = v.version;
        this.rules = v.rules;
        this.ready = true;
        if (!this.busy) this.status('ready', this.t('ready'));
        this.renderFooter();
      }, (e) => this.status('failed', this.t('loadFailed', { error: e.message })));
    }
  }

  attributeChangedCallback(name, old, value) {
    if (!this.built || old === value) return;
    if (name === 'lang') this.rebuild();
    if (name === 'compact') this.root.classList.toggle('compact', this.hasAttribute('compact'));
    if (name === 'mode') this.setMode(value === 'write' ? 'write' : 'check');
  }

  get t() { return translator(this.lang); }

  /** A rule's name in the page language, from the core's registry (its id when the registry lacks it). */
  ruleName(rule) { return ruleName(this.rules, this.lang, rule); }

  // ---- the static parts ---------------------------------------------------------------------

  build() {
    const s = styles();
    if (s) this.shadowRoot.adoptedStyleSheets = [s];
    this.root = el('div', { class: 'nb' + (this.hasAttribute('compact') ? ' compact' : '') });
    this.shadowRoot.appendChild(this.root);
    this.rebuild();
  }

  rebuild() {
    const t = this.t;
    const keep = this.box ? this.box.value : '';
    clear(this.root);
    this.root.setAttribute('lang', this.lang);

    const langBtn = el('button', { type: 'button', class: 'lang', lang: this.lang === 'en' ? 'zh-CN' : 'en', 'aria-label': t('languageSwitch'), text: t('languageName') });
    langBtn.addEventListener('click', () => { this.lang = this.lang === 'en' ? 'zh-CN' : 'en'; });
    const large = el('button', { type: 'button', class: 'large-toggle', 'aria-pressed': this.root.classList.contains('large') ? 'true' : 'false', text: t('largeText') });
    large.addEventListener('click', () => {
      const on = !this.root.classList.contains('large');
      this.root.classList.toggle('large', on);
      large.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    this.root.appendChild(el('div', { class: 'toolbar' }, [el('p', { class: 'lead', text: t('lead') }), el('div', { class: 'tools' }, [large, langBtn])]));
    this.root.appendChild(this.modeSwitch());

    // Input: paste, or files (picker or drop).
    this.box = el('textarea', { id: 'report', rows: '12', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'report-help' });
    this.box.value = keep;
    this.box.addEventListener('paste', (e) => this.onPaste(e));
    this.box.addEventListener('input', () => { if (this.pasted && this.box.value !== this.pasted.plain) this.pasted = null; });
    const files = el('input', { type: 'file', id: 'files', multiple: true, class: 'visually-hidden', accept: '.txt,.text,.md,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    files.addEventListener('change', () => { if (files.files.length) this.checkFiles([...files.files]); files.value = ''; });
    this.statusEl = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-state': 'loading', text: t('loading') });
    this.progress = el('progress', { class: 'progress', hidden: true, 'aria-hidden': 'true' });
    this.checkBtn = el('button', { type: 'submit', class: 'primary', text: t('check') });
    const clearBtn = el('button', { type: 'button', text: t('clear') });
    clearBtn.addEventListener('click', () => this.clear());
    const form = el('form', { class: 'input', novalidate: true }, [
      el('label', { for: 'report', class: 'label', text: t('inputLabel') }),
      el('p', { id: 'report-help', class: 'help', text: t('inputHelp') }),
      this.box,
      el('div', { class: 'actions' }, [
        this.checkBtn, clearBtn,
        el('label', { for: 'files', class: 'button', tabindex: '0', role: 'button', text: t('chooseFiles') }),
        files, el('span', { class: 'drop-hint', text: t('dropHere') }),
      ]),
      el('div', { class: 'status-line' }, [this.statusEl, this.progress]),
    ]);
    const fileLabel = form.querySelector('label.button');
    fileLabel.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); files.click(); } });
    form.addEventListener('submit', (e) => { e.preventDefault(); this.checkBox(); });
    this.root.addEventListener('dragover', (e) => { if (this.mode !== 'write' && e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { e.preventDefault(); this.root.classList.add('dragging'); } });
    this.root.addEventListener('dragleave', (e) => { if (e.target === this.root) this.root.classList.remove('dragging'); });
    this.root.addEventListener('drop', (e) => {
      this.root.classList.remove('dragging');
      if (this.mode === 'write' || !e.dataTransfer || !e.dataTransfer.files.length) return;
      e.preventDefault();
      this.checkFiles([...e.dataTransfer.files]);
    });

    this.listEl = el('section', { class: 'reports', hidden: true, 'aria-labelledby': 'reports-h' });
    this.resultEl = el('section', { class: 'result', hidden: true, 'aria-labelledby': 'result-h' });
    this.footEl = el('p', { class: 'foot' });
    this.checkEl = el('div', { class: 'mode-check', hidden: this.mode === 'write' }, [form, this.listEl, this.resultEl]);
    this.draftEl = el('div', { class: 'mode-write', hidden: this.mode !== 'write' });
    this.root.append(this.checkEl, this.draftEl, this.footEl);
    if (this.mode === 'write') this.openDraft();
    if (this.ready) this.status('ready', t('ready'));
    this.renderFooter();
    if (this.reports.length) { this.renderList(); this.show(this.current); }
  }

  // ---- the modes: 检查 (check a report) and 编制 (write one, web/src/draft/) ----------------------

  modeSwitch() {
    const t = this.t;
    const group = el('div', { class: 'modes', role: 'group', 'aria-label': t('modeLabel') });
    for (const mode of ['check', 'write']) {
      const b = el('button', { type: 'button', 'data-mode': mode, 'aria-pressed': (this.mode || 'check') === mode ? 'true' : 'false', text: t(mode === 'check' ? 'modeCheck' : 'modeWrite') });
      b.addEventListener('click', () => this.setMode(mode));
      group.appendChild(b);
    }
    return group;
  }

  setMode(mode) {
    if ((this.mode || 'check') === mode) return;
    this.mode = mode;
    for (const b of this.root.querySelectorAll('.modes button')) b.setAttribute('aria-pressed', b.dataset.mode === mode ? 'true' : 'false');
    this.checkEl.hidden = mode === 'write';
    this.draftEl.hidden = mode !== 'write';
    if (mode === 'write' && !this.draftEl.firstChild) this.openDraft();
  }

  /** The 编制 editor: its own chunk, loaded when first opened; the page's helpers handed to it. */
  async openDraft() {
    const target = this.draftEl;
    target.appendChild(el('p', { class: 'status', 'data-state': 'busy', text: this.t('draftLoading') }));
    try {
      const mod = await import('./draft/draft-editor.js');
      addMessages(mod.DRAFT_MESSAGES);
      if (!this.draftSheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        this.draftSheet = new CSSStyleSheet();
        this.draftSheet.replaceSync(mod.draftCss);
        this.shadowRoot.adoptedStyleSheets = [...this.shadowRoot.adoptedStyleSheets, this.draftSheet];
      }
      if (this.draftEditor) this.draftEditor.destroy();
      this.draftShared = this.draftShared || {};
      this.draftEditor = await mod.createDraftEditor({
        el, clear, download, readFile, t: this.t, engine: this.engine || engine(), shared: this.draftShared,
        docx: () => import('./report-docx.js'),
      });
      if (target !== this.draftEl) return;  // rebuilt meanwhile (a language switch)
      clear(target);
      target.appendChild(this.draftEditor.element);
    } catch (e) {
      clear(target);
      target.appendChild(el('p', { class: 'error-box', role: 'alert', text: this.t('failed', { error: e.message }) }));
    }
  }

  renderFooter() {
    if (this.footEl) this.footEl.textContent = 'nianbao ' + (this.version ? this.t('version') + ' ' + this.version + ' · ' : '') + this.t('footer');
  }

  status(state, text, busy) {
    this.statusEl.dataset.state = state;
    this.statusEl.textContent = text;
    this.progress.hidden = !busy;
  }

  // ---- input --------------------------------------------------------------------------------

  onPaste(e) {
    const data = e.clipboardData;
    if (!data || ![...data.types].includes('text/html')) return;
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    if (!html || this.box.value.trim() !== '') return;  // only a paste into an empty box is one report
    // The HTML goes only to the core (as data); it is never put into the page.
    e.preventDefault();
    this.box.value = plain;
    this.pasted = { html, plain };
  }

  checkBox() {
    const raw = this.box.value;
    if (!raw.trim()) { this.status(this.ready ? 'ready' : 'loading', this.t('emptyInput')); this.box.focus(); return; }
    const t = this.t;
    if (this.pasted && this.pasted.plain === raw) {
      const html = this.pasted.html;
      return this.run([{ name: t('pastedHtml'), read: async () => ({ input: html, options: { file: 'paste.html', format: 'html' } }) }]);
    }
    const text = typeof raw.toWellFormed === 'function' ? raw.toWellFormed() : raw;
    return this.run([{ name: t('pasted'), read: async () => ({ input: text, options: { file: 'paste', format: 'auto' } }) }]);
  }

  checkFiles(list) {
    return this.run(list.map((file) => ({ name: file.name, read: (progress) => readFile(file, progress) })));
  }

  /** The JS API on the element: check one input (string, bytes or File) and show it. */
  async check(input, options = {}) {
    const name = options.file || (input && input.name) || 'input';
    const job = input instanceof Blob
      ? { name, read: (p) => readFile(input, p) }
      : { name, read: async () => ({ input, options }) };
    await this.run([job]);
    const r = this.reports[this.reports.length - 1];
    if (r.error) throw new Error(r.error);
    return r.result;
  }

  clear() {
    this.box.value = '';
    this.pasted = null;
    this.reports = [];
    this.pairs = [];
    if (this.engine) this.engine.forget().catch(() => {});
    this.current = -1;
    this.listEl.hidden = true;
    this.resultEl.hidden = true;
    clear(this.listEl);
    clear(this.resultEl);
    if (this.ready) this.status('ready', this.t('ready'));
  }

  async run(jobs) {
    if (this.busy) return;
    this.busy = true;
    this.checkBtn.disabled = true;
    const t = this.t;
    const started = performance.now();
    const batch = jobs.length > 1 || this.reports.length > 0;
    if (!batch) { this.reports = []; this.pairs = []; }
    let last = -1;
    try {
      await this.engine.ready;
      if (!batch) await this.engine.forget();
      for (const job of jobs) {
        const rec = { name: job.name, result: null, json: '', text: '', ms: 0, error: null };
        try {
          const got = await job.read((key, params) => this.status('busy', t(key, params), true));
          const size = typeof got.input === 'string' ? utf8Bytes(got.input) : 0;
          if (size > MAX_INPUT_BYTES) throw Object.assign(new Error('too large'), { code: 'too_large', size });
          this.status('busy', t('checking', { file: job.name }), true);
          const sent = got.input;
          // (Bytes go to the worker by transfer: a copy is kept to check again with corrections.)
          const source = { input: sent instanceof Uint8Array ? sent.slice() : sent, options: got.options || {} };
          const { result, json, ms } = await this.engine.check(sent, got.options, () => this.status('busy', t('checking', { file: job.name }), true));
          rec.result = result;
          rec.json = json;
          rec.ms = ms;
          rec.text = result.input && typeof result.input.text === 'string' ? result.input.text : typeof sent === 'string' ? sent : '';
          rec.source = source;
          rec.hash = reportHash(rec.text);  // the reviewer's verdicts are kept under it
          rec.filter = newFilter();         // the findings' filter, kept when re-checked
          if (result.error) rec.error = result.error.message;
          else rec.kept = this.reports.filter((x) => x.kept !== undefined).length;  // its index in the worker's session
        } catch (e) {
          if (e.reset) this.forgetKept();
          rec.error = e.code === 'too_large' ? t('tooLarge', { size: mb(e.size), limit: mb(MAX_INPUT_BYTES) })
            : e.code === 'unsupported' ? t('unsupported', { file: job.name })
            : t('unreadable', { file: job.name, error: e.message });
        }
        this.reports.push(rec);
        last = this.reports.length - 1;
        this.dispatchEvent(new CustomEvent(rec.error ? 'nianbao-error' : 'nianbao-result', {
          bubbles: true, composed: true, detail: rec.error ? { file: rec.name, message: rec.error } : { file: rec.name, result: rec.result },
        }));
      }
      // The same body's consecutive years among the reports checked so far.
      this.pairs = this.reports.length > 1 ? await this.engine.crossYear() : [];
      this.status('busy', t('rendering'), true);
      this.renderList();
      this.show(last);
      const heading = this.resultEl.querySelector('h2');
      if (heading) { heading.scrollIntoView({ block: 'start' }); heading.focus({ preventScroll: true }); }
      const ms = Math.round(performance.now() - started);
      const failed = this.reports[last] && this.reports[last].error && jobs.length === 1;
      if (failed) this.status('failed', t('failed', { error: this.reports[last].error }));
      else this.status('done', jobs.length > 1 ? t('done', { count: jobs.length, ms }) : t('doneOne', { ms }));
    } catch (e) {
      if (e.reset) this.forgetKept();
      this.status('failed', t('failed', { error: e.message }));
    } finally {
      this.busy = false;
      this.checkBtn.disabled = false;
    }
  }

  /** A reviewer's correction of a cell (or of several: a chosen split) of report `i`: kept with
   *  the report's others (a later one of the same cell replaces it), and the report checked
   *  again with all of them. */
  async correct(i, change) {
    const r = this.reports[i];
    if (!r || !r.source || this.busy) return;
    const changed = Array.isArray(change) ? change : [change];
    const same = (a, b) => a.table === b.table && a.row === b.row && a.col === b.col;
    const cells = (r.cells || []).filter((c) => !changed.some((x) => same(c, x)));
    cells.push(...changed);
    this.busy = true;
    this.status('busy', this.t('rechecking'), true);
    const started = performance.now();
    try {
      const input = r.source.input instanceof Uint8Array ? r.source.input.slice() : r.source.input;
      const { result, json } = await this.engine.check(input, { ...r.source.options, cells }, null, false);
      if (result.error) throw new Error(result.error.message);
      r.cells = cells;
      r.result = result;
      r.json = json;
      this.renderList();
      this.show(i, undefined, 'tables');
      this.status('done', this.t('doneOne', { ms: Math.round(performance.now() - started) }));
    } catch (e) {
      this.status('failed', this.t('failed', { error: e.message }));
    } finally {
      this.busy = false;
    }
  }

  // ---- the list of reports -------------------------------------------------------------------

  renderList() {
    const t = this.t;
    clear(this.listEl);
    this.listEl.hidden = this.reports.length < 2;
    if (this.reports.length < 2) return;
    const rows = this.reports.map((r, i) => {
      const meta = r.result && r.result.meta ? r.result.meta : {};
      const stats = r.result && r.result.stats ? r.result.stats : {};
      const btn = el('button', { type: 'button', class: 'link', 'aria-current': i === this.current ? 'true' : null, text: r.name });
      btn.addEventListener('click', () => this.show(i));
      return el('tr', { 'data-index': String(i), class: i === this.current ? 'current' : null }, [
        el('th', { scope: 'row' }, [btn]),
        el('td', { text: meta.agency || '' }),
        el('td', { text: meta.year ? String(meta.year) : '' }),
        el('td', { class: stats.errors ? 'sev-error' : null, text: r.error ? '' : String(stats.errors || 0) }),
        el('td', { text: r.error ? '' : String(stats.warnings || 0) }),
        el('td', { class: 'review-progress', text: r.error ? '' : this.reviewProgress(r) }),
        el('td', { text: r.error ? t('statusError') : t('statusOk') }),
      ]);
    });
    this.listEl.append(
      el('h2', { id: 'reports-h', text: t('reports') }),
      el('div', { class: 'table-wrap' }, [el('table', { class: 'data reports-table' }, [
        el('thead', {}, [el('tr', {}, ['colFile', 'colAgency', 'colYear', 'colErrors', 'colWarnings', 'colReviewed', 'colStatus'].map((k) => el('th', { scope: 'col', text: t(k) })))]),
        el('tbody', {}, rows),
      ])]),
      this.crossYearSection(),
    );
  }

  /** The worker started afresh (its module failed): none of the reports is kept there any more. */
  forgetKept() { for (const r of this.reports) r.kept = undefined; }

  /** The report (its position in this.reports) the worker kept as number `kept`. */
  reportOfKept(kept) { return this.reports.findIndex((r) => r.kept === kept); }

  crossYearSection() {
    const t = this.t;
    const pairs = this.pairs || [];
    const section = el('section', { class: 'cross-year', 'aria-labelledby': 'xyear-h' }, [el('h3', { id: 'xyear-h', text: t('crossYear') })]);
    if (!pairs.length) { section.appendChild(el('p', { class: 'help', text: t('crossYearNone') })); return section; }
    for (const p of pairs) {
      const share = p.sentences ? Math.round((p.repeated * 100) / p.sentences) : 0;
      const items = (p.findings || []).map((f) => {
        const btn = el('button', { type: 'button', class: 'link', text: t('show') });
        btn.addEventListener('click', () => this.show(this.reportOfKept(p.index), f));
        return el('li', { class: 'finding sev-' + f.severity, 'data-rule': f.rule }, [
          el('span', { class: 'sev sev-' + f.severity }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: { error: '✖', warning: '⚠', info: 'ℹ' }[f.severity] }), ' ' + t(f.severity)]),
          ' ', el('code', { class: 'rule', title: this.ruleName(f.rule), text: f.rule }), ' ', f.message, ' ', btn,
        ]);
      });
      section.appendChild(el('div', { class: 'pair', 'data-year': String(p.year) }, [
        el('p', {}, [el('strong', { text: p.agency }), ' ' + t('crossYearPair', { from: p.year - 1, to: p.year, previous: p.previous_file, file: p.file })]),
        el('p', { class: 'help', text: t('crossYearRepeated', { share, repeated: p.repeated, sentences: p.sentences }) }),
        items.length ? el('ul', { class: 'pair-findings' }, items) : el('p', { class: 'help', text: t('crossYearClean') }),
        renderYears(p, t, (kept) => this.show(this.reportOfKept(kept), undefined, 'tables')),
      ]));
    }
    return section;
  }

  // ---- one result ------------------------------------------------------------------------------

  show(i, crossFinding, tab) {
    const r = this.reports[i];
    if (!r) return;
    this.current = i;
    for (const tr of this.listEl.querySelectorAll('tbody tr')) {
      const on = Number(tr.dataset.index) === i;
      tr.classList.toggle('current', on);
      const b = tr.querySelector('button');
      if (b) { if (on) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current'); }
    }
    const t = this.t;
    clear(this.resultEl);
    this.resultEl.hidden = false;
    const heading = el('h2', { id: 'result-h', tabindex: '-1', text: t('result') + '：' + r.name });
    this.resultEl.appendChild(heading);
    if (r.error) {
      this.resultEl.appendChild(el('p', { class: 'error-box', role: 'alert', text: r.error }));
      return;
    }
    const result = r.result;
    const text = r.text;
    const findings = this.findingsOf(r);
    const tables = result.tables || [];
    // The reviewer's verdicts, kept under the report's hash; r.shown and r.reviews are what the
    // exports write.
    r.shown = findings;
    r.reviews = reviewsOf(findings, loadReview(r.hash));
    if (!r.filter) r.filter = newFilter();

    // Spans (UTF-8 bytes) -> string indices, in one pass over the text.
    const offsets = [];
    for (const f of findings) {
      if (f.span) offsets.push(f.span.start, f.span.end);
      for (const s of f.related || []) offsets.push(s.start, s.end);
      for (const s of f.occurrences || []) offsets.push(s.start, s.end);
    }
    const map = mapByteOffsets(text, offsets);
    const range = (s) => (s && map.has(s.start) ? { start: map.get(s.start), end: Math.max(map.get(s.start), map.get(s.end)) } : null);
    const ranges = findings.map((f) => (text ? range(f.span) : null));
    const addresses = cellAddresses(tables, t);

    r.ranges = ranges;
    this.resultEl.appendChild(this.summary(result, r, ranges, findings));
    this.renderReviewCounts(r);

    // Tabs: the text with its findings, the tables, the statistics.
    const tabs = [
      { id: 'report', label: t('tabReport') },
      { id: 'tables', label: t('tabTables') + (tables.length ? ' (' + tables.length + ')' : '') },
      { id: 'stats', label: t('tabStats') },
    ];
    const tablist = el('div', { class: 'tabs', role: 'tablist', 'aria-label': t('result') });
    const panels = {};
    let stats = null;
    const select = (id, focus) => {
      for (const b of tablist.children) {
        const on = b.dataset.tab === id;
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        b.tabIndex = on ? 0 : -1;
        if (on && focus) b.focus();
      }
      for (const [pid, p] of Object.entries(panels)) p.hidden = pid !== id;
      if (id === 'stats' && stats) stats.draw(this.lang);
    };
    tabs.forEach((tab, k) => {
      const b = el('button', { type: 'button', role: 'tab', id: 'tab-' + tab.id, 'aria-controls': 'panel-' + tab.id, 'data-tab': tab.id, text: tab.label });
      b.addEventListener('click', () => select(tab.id));
      b.addEventListener('keydown', (e) => {
        const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (e.key === 'Home' || e.key === 'End') { e.preventDefault(); select(tabs[e.key === 'Home' ? 0 : tabs.length - 1].id, true); }
        if (d) { e.preventDefault(); select(tabs[(k + d + tabs.length) % tabs.length].id, true); }
      });
      tablist.appendChild(b);
      panels[tab.id] = el('div', { role: 'tabpanel', id: 'panel-' + tab.id, 'aria-labelledby': 'tab-' + tab.id, class: 'panel panel-' + tab.id });
    });
    this.resultEl.appendChild(tablist);
    Object.values(panels).forEach((p) => this.resultEl.appendChild(p));

    // Text and findings side by side.
    let view = null;
    const locate = (idx) => {
      panel.select(idx, false);
      select('report');
      if (view && ranges[idx]) view.locate(idx, ranges[idx].start);
    };
    const panel = createFindingsPanel(findings, ranges, addresses, t, (rule) => this.ruleName(rule), locate, {
      filter: r.filter, reviews: r.reviews, onReview: (k, v) => this.review(i, k, v),
    });
    const marks = [];
    findings.forEach((f, idx) => {
      if (!ranges[idx]) return;
      marks.push({ index: idx, start: ranges[idx].start, end: ranges[idx].end, severity: f.severity,
        related: (f.related || []).map(range).filter(Boolean).map((x) => [x.start, x.end]) });
      // A finding in several places (occurrences, the first being its span): each place is marked
      // as the finding, and choosing any of them selects it.
      for (const o of (f.occurrences || []).slice(1).map(range).filter(Boolean))
        marks.push({ index: idx, start: o.start, end: o.end, severity: f.severity, related: [] });
    });
    const textSection = el('section', { class: 'text-pane', 'aria-labelledby': 'text-h' }, [
      el('h3', { id: 'text-h', text: t('text') }),
      el('p', { class: 'help', text: t('textHelp') }),
    ]);
    if (text) {
      view = createTextView(text, marks, t, (idx) => { panel.select(idx, true); view.locate(idx, ranges[idx].start); });
      if (view.lazy) textSection.appendChild(el('p', { class: 'help', text: t('textLong') }));
      textSection.appendChild(view.element);
    }
    panels.report.appendChild(el('div', { class: 'split' }, [
      el('section', { class: 'findings-pane', 'aria-labelledby': 'findings-h' }, [el('h3', { id: 'findings-h', text: t('findings') }), panel.element]),
      textSection,
    ]));

    // Tables, and correcting their cells: each correction re-checks the report with all of this
    // report's corrections (the core applies them before any check).
    if (tables.length) {
      const editing = this.editing === i;
      const toggle = el('button', { type: 'button', class: 'edit-cells', 'aria-pressed': editing ? 'true' : 'false', text: t(editing ? 'editDone' : 'editCells') });
      toggle.addEventListener('click', () => { this.editing = editing ? -1 : i; this.show(i, undefined, 'tables'); });
      panels.tables.appendChild(el('div', { class: 'table-tools' }, [toggle, editing ? el('p', { class: 'help', text: t('editHelp') }) : null]));
      panels.tables.appendChild(renderTables(tables, findings, t, locate, editing ? (cell) => this.correct(i, cell) : null, {
        choose: r.source ? (cells) => this.correct(i, cells) : null, ruleName: (rule) => this.ruleName(rule),
      }));
    } else {
      panels.tables.appendChild(el('p', { class: 'empty', text: t('noTables') }));
    }

    // Statistics.
    stats = renderStats(result, t);
    panels.stats.appendChild(stats.element);

    select(tab || 'report');
    if (crossFinding) {
      const k = findings.findIndex((f) => f.cross === crossFinding);
      if (k >= 0) locate(k);
    }
  }

  /** A verdict on finding k of report i (null clears it): kept under the report's hash. */
  review(i, k, verdict) {
    const r = this.reports[i];
    const f = r && r.shown && r.shown[k];
    if (!f) return;
    const all = loadReview(r.hash);
    if (verdict) all[findingKey(f)] = { state: verdict.state, reason: verdict.reason || '', rule: f.rule, at: new Date().toISOString() };
    else delete all[findingKey(f)];
    saveReview(r.hash, all);
    r.reviews[k] = verdict || undefined;
    this.renderReviewCounts(r);
    const cell = this.listEl.querySelector(`tr[data-index="${i}"] td.review-progress`);
    if (cell) cell.textContent = this.reviewProgress(r);
  }

  /** Forgets every verdict on report i (one click), and shows it again. */
  clearReview(i) {
    const r = this.reports[i];
    if (!r) return;
    saveReview(r.hash, {});
    this.renderList();
    this.show(i);
    this.status('done', this.t('reviewCleared'));
  }

  renderReviewCounts(r) {
    const p = this.resultEl.querySelector('.review-counts');
    if (!p) return;
    const t = this.t;
    const n = reviewCounts(r.reviews || [], (r.shown || []).length);
    clear(p);
    p.append(
      el('span', { class: 'review-count', 'data-state': 'confirmed' }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: REVIEW_ICON.confirmed }), ' ' + t('confirmed') + ' ', el('strong', { text: String(n.confirmed) })]),
      el('span', { class: 'review-count', 'data-state': 'dismissed' }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: REVIEW_ICON.dismissed }), ' ' + t('dismissed') + ' ', el('strong', { text: String(n.dismissed) })]),
      el('span', { class: 'review-count', 'data-state': 'open' }, [t('reviewOpen') + ' ', el('strong', { text: String(n.open) })]),
    );
    const clearBtn = this.resultEl.querySelector('button.review-clear');
    if (clearBtn) clearBtn.disabled = n.confirmed + n.dismissed === 0;
  }

  /** The findings shown for report r: its own, then those of its pairing with last year's
   *  report (their related spans point into that report, so they are named instead). */
  findingsOf(r) {
    const cross = [];
    for (const p of this.pairs || [])
      if (p.index === r.kept)
        for (const f of p.findings || []) cross.push({ ...f, related: [], hint: this.t('crossYearOf', { file: p.previous_file }), cross: f });
    return [...((r.result && r.result.findings) || []), ...cross];
  }

  /** "judged/total" of report r's findings (the reports list). */
  reviewProgress(r) {
    const findings = this.findingsOf(r);
    const n = reviewCounts(reviewsOf(findings, loadReview(r.hash)), findings.length);
    return (n.confirmed + n.dismissed) + '/' + findings.length;
  }

  summary(result, r, ranges, findings) {
    const t = this.t;
    const stats = result.stats || {};
    const meta = result.meta || {};
    const counts = el('p', { class: 'counts' }, ['error', 'warning', 'info'].map((s) => el('span', { class: 'count sev-' + s, 'data-severity': s }, [
      el('span', { class: 'icon', 'aria-hidden': 'true', text: { error: '✖', warning: '⚠', info: 'ℹ' }[s] }), ' ' + t(s) + ' ',
      el('strong', { text: String(stats[s === 'error' ? 'errors' : s === 'warning' ? 'warnings' : 'infos'] || 0) }),
    ])));
    const dl = el('dl', { class: 'meta' });
    const item = (key, value) => dl.appendChild(el('div', { 'data-key': key }, [el('dt', { text: t(key) }), el('dd', { text: value || t('unknown') })]));
    item('format', t({ legacy: 'formatLegacy', 2019: 'format2019', 2021: 'format2021' }[meta.format] || 'formatUnknown'));
    const templates = [...new Set((result.tables || []).map((x) => tableName(t, x.id, true)))];
    if (templates.length) item('template', templates.join('、'));
    item('agency', meta.agency);
    item('year', meta.year ? t('yearValue', { year: meta.year }) : '');
    item('published', meta.published);
    if (stats.deadline) item('deadline', t(stats.deadline.met ? 'deadlineMet' : 'deadlineLate', { due: stats.deadline.due }));
    if (meta.kind && meta.kind !== 'unknown') item('kind', t(meta.kind === 'government' ? 'kindGovernment' : 'kindDepartment'));
    if (meta.script) item('script', t(meta.script === 'hant' ? 'scriptHant' : 'scriptHans'));

    const name = fileBase(r.name);
    const exportButtons = [
      ['exportJson', () => exportJson(withReviews(r.json, result, r.reviews), r.name)],
      ['exportFindings', () => exportCsv(name + '.findings.csv', findingsCsv(result, r.text, ranges, t, r.reviews))],
      ['exportTables', () => exportCsv(name + '.tables.csv', tablesCsv(result, t))],
      ['exportDocx', () => exportDocx({ name: r.name, lang: this.lang, t, result, findings, text: r.text, reviews: r.reviews || [], ruleName: (x) => this.ruleName(x) })
        .catch((e) => this.status('failed', t('failed', { error: e.message })))],
      ['print', () => window.print()],
    ].map(([key, fn]) => {
      const b = el('button', { type: 'button', 'data-action': key, text: t(key) });
      b.addEventListener('click', fn);
      return b;
    });
    const reviewLine = el('p', { class: 'review-counts', 'aria-label': t('reviewCounts') });
    const clearReview = el('button', { type: 'button', class: 'review-clear', text: t('reviewClear') });
    clearReview.addEventListener('click', () => this.clearReview(this.reports.indexOf(r)));
    const box = el('div', { class: 'summary', 'data-errors': String(stats.errors || 0), 'data-warnings': String(stats.warnings || 0) }, [
      counts, (r.shown || []).length ? el('div', { class: 'review-line' }, [reviewLine, clearReview]) : null,
      dl, el('div', { class: 'exports', role: 'group', 'aria-label': t('export') }, exportButtons),
    ]);
    return box;
  }
}

export function define(name = 'nianbao-check') {
  if (!customElements.get(name)) customElements.define(name, NianbaoCheck);
}
