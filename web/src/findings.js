// The findings panel: per-rule counts as filter chips above the list, filters by severity and
// by review state, and each finding with its reviewer's verdict (已核实 / 不是问题 with a reason).
// Choosing a finding shows it in the text and names the cells it relates to by their addresses.
// The filter is an object the caller keeps, so that it survives a re-check of the report.
import { el } from './dom.js';
import { reviewCounts } from './review.js';
import { spanKey } from './tables.js';

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };
const SEVERITIES = ['error', 'warning', 'info'];
const RANK = { error: 0, warning: 1, info: 2 };
export const REVIEW_ICON = { confirmed: '✔', dismissed: '⊘' };

/** A fresh filter: every severity, every rule, every review state. */
export function newFilter() {
  return { sev: new Set(SEVERITIES), rule: '', review: '' };
}

/** findings: the core's; ranges: UTF-16 range per finding (or null); addresses: span key -> address;
 * ruleName: rule id -> its name in the page language (the core's registry, engine.js).
 * opts: { filter (newFilter(), kept by the caller), reviews (verdict per finding),
 *         onReview(i, verdict | null) when the reviewer sets or clears a verdict }. */
export function createFindingsPanel(findings, ranges, addresses, t, ruleName, onLocate, opts = {}) {
  const filter = opts.filter || newFilter();
  const reviews = opts.reviews || [];
  const counts = { error: 0, warning: 0, info: 0 };
  const rules = new Map();  // rule -> { n, severity (the gravest of its findings) }
  const sevOf = (f) => (f.severity in counts ? f.severity : 'info');
  for (const f of findings) {
    const s = sevOf(f);
    counts[s]++;
    const r = rules.get(f.rule);
    if (!r) rules.set(f.rule, { n: 1, severity: s });
    else { r.n++; if (RANK[s] < RANK[r.severity]) r.severity = s; }
  }
  if (filter.rule && !rules.has(filter.rule)) filter.rule = '';
  const status = el('p', { class: 'filter-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'findings', 'aria-label': t('findings') });
  const items = findings.map((f, i) => item(f, i));

  // Summary first: one chip per rule with its count, gravest first (a chip filters the list to
  // its rule; choosing it again, or 全部, shows all).
  const ruleChips = [];
  const chip = (rule, label, n, sev) => {
    const b = el('button', { type: 'button', class: 'chip' + (sev ? ' sev-' + sev : ''), 'data-rule': rule, 'aria-pressed': 'false', title: rule ? rule : null }, [
      sev ? el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[sev] }) : null, sev ? ' ' : null,
      label + ' ', el('span', { class: 'chip-count', text: String(n) }),
    ]);
    b.addEventListener('click', () => { filter.rule = rule && filter.rule !== rule ? rule : ''; apply(); });
    ruleChips.push(b);
    return b;
  };
  const chips = el('div', { class: 'rule-chips', role: 'group', 'aria-label': t('filterRule') }, [
    chip('', t('allRules'), findings.length, null),
    ...[...rules.entries()].sort((a, b) => RANK[a[1].severity] - RANK[b[1].severity] || b[1].n - a[1].n || a[0].localeCompare(b[0]))
      .map(([r, x]) => chip(r, ruleName(r), x.n, x.severity)),
  ]);

  const sevBoxes = el('fieldset', { class: 'filter-sev' }, [
    el('legend', { text: t('filterSeverity') }),
    ...SEVERITIES.map((s) => {
      const box = el('input', { type: 'checkbox', checked: filter.sev.has(s), value: s, id: 'sev-' + s });
      box.addEventListener('change', () => { if (box.checked) filter.sev.add(s); else filter.sev.delete(s); apply(); });
      return el('label', { for: 'sev-' + s, class: 'sev sev-' + s }, [box, ' ', el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[s] }), ' ' + t(s) + ' (' + counts[s] + ')']);
    }),
  ]);
  // Review state: all, not yet reviewed, confirmed, dismissed (with their counts).
  const reviewOptions = [['', 'reviewAll'], ['open', 'reviewOpen'], ['confirmed', 'reviewConfirmed'], ['dismissed', 'reviewDismissed']];
  const reviewSelect = el('select', { id: 'review-filter' }, reviewOptions.map(([v, k]) => el('option', { value: v, text: t(k) })));
  reviewSelect.value = filter.review;
  reviewSelect.addEventListener('change', () => { filter.review = reviewSelect.value; apply(); });
  const filters = el('div', { class: 'filters' }, [sevBoxes,
    el('div', { class: 'filter-review' }, [el('label', { for: 'review-filter', text: t('filterReview') }), ' ', reviewSelect])]);

  function verdictView(i) {
    const v = reviews[i];
    const box = el('div', { class: 'review', 'data-state': v ? v.state : 'open' });
    const stop = (fn) => (e) => { e.stopPropagation(); fn(e); };
    if (v) {
      box.appendChild(el('p', { class: 'verdict verdict-' + v.state }, [
        el('span', { class: 'icon', 'aria-hidden': 'true', text: REVIEW_ICON[v.state] }),
        ' ' + t(v.state === 'confirmed' ? 'confirmed' : 'dismissed') + (v.state === 'dismissed' && v.reason ? '：' + v.reason : ''),
      ]));
      const undo = el('button', { type: 'button', class: 'review-undo', text: t('reviewUndo') });
      undo.addEventListener('click', stop(() => setVerdict(i, null)));
      box.appendChild(undo);
      return box;
    }
    const confirm = el('button', { type: 'button', class: 'review-confirm', text: t('confirm') });
    confirm.addEventListener('click', stop(() => setVerdict(i, { state: 'confirmed', reason: '' })));
    const dismiss = el('button', { type: 'button', class: 'review-dismiss', 'aria-expanded': 'false', text: t('dismiss') });
    const reason = el('input', { type: 'text', class: 'review-reason', maxlength: '200', 'aria-label': t('dismissReason'), placeholder: t('dismissReason') });
    const ok = el('button', { type: 'submit', class: 'review-ok', text: t('dismissOk') });
    const form = el('form', { class: 'dismiss-form', hidden: true }, [reason, ' ', ok]);
    form.addEventListener('click', (e) => e.stopPropagation());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const why = reason.value.trim();
      if (!why) { reason.setAttribute('aria-invalid', 'true'); reason.focus(); return; }
      setVerdict(i, { state: 'dismissed', reason: why });
    });
    dismiss.addEventListener('click', stop(() => {
      form.hidden = !form.hidden;
      dismiss.setAttribute('aria-expanded', form.hidden ? 'false' : 'true');
      if (!form.hidden) reason.focus();
    }));
    box.append(confirm, ' ', dismiss, form);
    return box;
  }

  function setVerdict(i, v) {
    reviews[i] = v || undefined;
    const old = items[i].querySelector('.review');
    const now = verdictView(i);
    old.replaceWith(now);
    items[i].dataset.review = v ? v.state : 'open';
    if (opts.onReview) opts.onReview(i, v);
    apply();
    const focus = now.querySelector('button');
    if (focus) focus.focus();
  }

  function item(f, i) {
    const sev = sevOf(f);
    const line = f.span && f.span.line ? f.span.line : 0;
    const n = (f.occurrences || []).length;
    const li = el('li', { class: 'finding sev-' + sev, 'data-rule': f.rule, 'data-severity': sev, 'data-index': String(i), 'data-review': reviews[i] ? reviews[i].state : 'open' }, [
      el('div', { class: 'finding-head' }, [
        el('span', { class: 'sev sev-' + sev }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[sev] }), ' ' + t(sev)]),
        el('code', { class: 'rule', title: ruleName(f.rule), text: f.rule }),
        line ? el('span', { class: 'line', text: t('line', { line }) }) : null,
        n > 1 ? el('span', { class: 'places', text: t('places', { n }) }) : null,
      ]),
      el('p', { class: 'msg', text: f.message }),
    ]);
    const hasExp = f.expected !== undefined && f.expected !== null, hasAct = f.actual !== undefined && f.actual !== null;
    if (hasExp || hasAct)
      li.appendChild(el('p', { class: 'numbers' }, [
        hasExp ? el('span', {}, [t('expected') + ' ', el('strong', { class: 'expected', text: String(f.expected) })]) : null,
        hasExp && hasAct ? '，' : null,
        hasAct ? el('span', {}, [t('actual') + ' ', el('strong', { class: 'actual', text: String(f.actual) })]) : null,
      ]));
    if (f.hint) li.appendChild(el('p', { class: 'hint', text: t('hint') + '：' + f.hint }));
    const rel = (f.related || []).map((r) => addresses.get(spanKey(r))).filter(Boolean);
    if (rel.length) li.appendChild(el('p', { class: 'related-cells', text: t('related') + '：' + [...new Set(rel)].join('；') }));
    const actions = el('div', { class: 'finding-actions' });
    if (ranges[i]) {
      // The whole item answers a click; the button is there for the keyboard.
      const btn = el('button', { type: 'button', class: 'locate', text: t('locate') });
      btn.addEventListener('click', (e) => { e.stopPropagation(); onLocate(i); });
      actions.appendChild(btn);
      li.classList.add('clickable');
      li.addEventListener('click', () => { if (!String(window.getSelection ? window.getSelection() : '')) onLocate(i); });
    }
    actions.appendChild(verdictView(i));
    li.appendChild(actions);
    list.appendChild(li);
    return li;
  }

  function apply() {
    let shown = 0;
    findings.forEach((f, i) => {
      const state = reviews[i] ? reviews[i].state : 'open';
      const ok = filter.sev.has(sevOf(f)) && (!filter.rule || f.rule === filter.rule) && (!filter.review || filter.review === state);
      items[i].hidden = !ok;
      if (ok) shown++;
    });
    for (const b of ruleChips) b.setAttribute('aria-pressed', b.dataset.rule === filter.rule ? 'true' : 'false');
    const rc = reviewCounts(reviews, findings.length);
    const n = { '': findings.length, open: rc.open, confirmed: rc.confirmed, dismissed: rc.dismissed };
    for (const o of reviewSelect.options) o.textContent = t(reviewOptions.find(([v]) => v === o.value)[1]) + ' (' + n[o.value] + ')';
    status.textContent = findings.length ? (shown ? t('shown', { shown, total: findings.length }) : t('noneShown')) : t('noFindings');
  }
  apply();

  return {
    element: el('div', { class: 'findings-panel' }, [findings.length ? chips : null, filters, status, list]),
    /** Marks finding i as the selected one and brings it into view in the panel. */
    select(i, scroll) {
      for (const li of items) li.classList.remove('selected');
      const li = items[i];
      if (!li) return;
      if (li.hidden) {
        filter.sev.add(sevOf(findings[i])); filter.rule = ''; filter.review = ''; reviewSelect.value = '';
        for (const b of sevBoxes.querySelectorAll('input')) b.checked = filter.sev.has(b.value);
        apply();
      }
      li.classList.add('selected');
      if (scroll) li.scrollIntoView({ block: 'nearest' });
    },
    counts,
  };
}
