// The findings panel: filterable by severity and rule; choosing a finding shows it in the text
// and names the cells it relates to by their addresses.
import { el } from './dom.js';
import { spanKey } from './tables.js';

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };
const SEVERITIES = ['error', 'warning', 'info'];

/** findings: the core's; ranges: UTF-16 range per finding (or null); addresses: span key -> address;
 * ruleName: rule id -> its name in the page language (the core's registry, engine.js). */
export function createFindingsPanel(findings, ranges, addresses, t, ruleName, onLocate) {
  const counts = { error: 0, warning: 0, info: 0 };
  const rules = new Map();
  for (const f of findings) {
    counts[f.severity in counts ? f.severity : 'info']++;
    rules.set(f.rule, (rules.get(f.rule) || 0) + 1);
  }
  const shownSev = new Set(SEVERITIES);
  let shownRule = '';
  const status = el('p', { class: 'filter-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'findings', 'aria-label': t('findings') });
  const items = findings.map((f, i) => item(f, i));

  const sevBoxes = el('fieldset', { class: 'filter-sev' }, [
    el('legend', { text: t('filterSeverity') }),
    ...SEVERITIES.map((s) => {
      const box = el('input', { type: 'checkbox', checked: true, value: s, id: 'sev-' + s });
      box.addEventListener('change', () => { if (box.checked) shownSev.add(s); else shownSev.delete(s); apply(); });
      return el('label', { for: 'sev-' + s, class: 'sev sev-' + s }, [box, ' ', el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[s] }), ' ' + t(s) + ' (' + counts[s] + ')']);
    }),
  ]);
  const select = el('select', { id: 'rule-filter' }, [
    el('option', { value: '', text: t('allRules') + ' (' + findings.length + ')' }),
    ...[...rules.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => el('option', { value: r, text: ruleName(r) + ' · ' + r + ' (' + n + ')' })),
  ]);
  select.addEventListener('change', () => { shownRule = select.value; apply(); });
  const filters = el('div', { class: 'filters' }, [sevBoxes, el('div', { class: 'filter-rule' }, [el('label', { for: 'rule-filter', text: t('filterRule') }), ' ', select])]);

  function item(f, i) {
    const sev = f.severity in counts ? f.severity : 'info';
    const line = f.span && f.span.line ? f.span.line : 0;
    const li = el('li', { class: 'finding sev-' + sev, 'data-rule': f.rule, 'data-severity': sev, 'data-index': String(i) }, [
      el('div', { class: 'finding-head' }, [
        el('span', { class: 'sev sev-' + sev }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[sev] }), ' ' + t(sev)]),
        el('code', { class: 'rule', title: ruleName(f.rule), text: f.rule }),
        line ? el('span', { class: 'line', text: t('line', { line }) }) : null,
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
    if (ranges[i]) {
      // The whole item answers a click; the button is there for the keyboard.
      const btn = el('button', { type: 'button', class: 'locate', text: t('locate') });
      btn.addEventListener('click', (e) => { e.stopPropagation(); onLocate(i); });
      li.appendChild(btn);
      li.classList.add('clickable');
      li.addEventListener('click', () => { if (!String(window.getSelection ? window.getSelection() : '')) onLocate(i); });
    }
    list.appendChild(li);
    return li;
  }

  function apply() {
    let shown = 0;
    findings.forEach((f, i) => {
      const ok = shownSev.has(f.severity in counts ? f.severity : 'info') && (!shownRule || f.rule === shownRule);
      items[i].hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = findings.length ? (shown ? t('shown', { shown, total: findings.length }) : t('noneShown')) : t('noFindings');
  }
  apply();

  return {
    element: el('div', { class: 'findings-panel' }, [filters, status, list]),
    /** Marks finding i as the selected one and brings it into view in the panel. */
    select(i, scroll) {
      for (const li of items) li.classList.remove('selected');
      const li = items[i];
      if (!li) return;
      if (li.hidden) { shownSev.add(findings[i].severity); shownRule = ''; select.value = ''; for (const b of sevBoxes.querySelectorAll('input')) b.checked = shownSev.has(b.value); apply(); }
      li.classList.add('selected');
      if (scroll) li.scrollIntoView({ block: 'nearest' });
    },
    counts,
  };
}
