// 编制 mode: the small views the editor shows the core's findings in: a section's checklist of
// the topics it must cover (ticked as the text covers them, by the core's content-required and
// info-fee findings), one finding with its “应为 N” fix, and the draft's counts.

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };

/** The checklist of written section `s` (form_json's section with topics). update(missing,
 *  government) ticks each topic the findings do not name; the government topics are listed
 *  only for a 人民政府's report (the core's meta.kind). */
export function topicList(ctx, s) {
  const { el, t } = ctx;
  const element = el('div', { class: 'topics', id: 'draft-topics-' + s.number });
  const topics = s.topics || [], government = s.government_topics || [];
  const item = (topic, missing) => el('li', { 'data-topic': topic.name, 'data-covered': missing ? 'false' : 'true' }, [
    el('span', { class: 'tick', 'aria-hidden': 'true', text: missing ? '○' : '✓' }), ' ' + topic.name + ' ',
    el('span', { class: 'topic-state', text: t(missing ? 'draftMissing' : 'draftCovered') }),
  ]);
  const update = (missing, isGovernment) => {
    ctx.clear(element);
    element.append(el('p', { class: 'help', text: t('draftTopics') }), el('ul', { class: 'checklist' }, topics.map((x) => item(x, missing.has(x.name)))));
    if (isGovernment && government.length)
      element.append(el('p', { class: 'help', text: t('draftGovTopics') }), el('ul', { class: 'checklist' }, government.map((x) => item(x, missing.has(x.name)))));
  };
  update(new Set(topics.map((x) => x.name)), false);
  return { element, topics, government, update };
}

/** Finding i (the core's), its message stating the relation with both sides; on the cell it
 *  fails (cell: { key, label } or null) with a non-negative `expected`, a button that sets it. */
export function findingItem(ctx, f, i, cell, fix) {
  const { el, t } = ctx;
  const li = el('li', { id: 'df-' + i, class: 'finding sev-' + f.severity, 'data-rule': f.rule }, [
    el('span', { class: 'sev sev-' + f.severity }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[f.severity] || '' }), ' ' + t(f.severity)]),
    ' ', el('span', { class: 'message', text: f.message }),
  ]);
  // (Only a value the cell can hold: a balance broken elsewhere can make the 总计 it computes
  // negative, which is no fix.)
  if (cell && typeof f.expected === 'number' && f.expected >= 0) {
    const b = el('button', { type: 'button', class: 'fix', 'aria-label': t('draftFixLabel', { cell: cell.label, value: f.expected }), text: t('draftFix', { value: f.expected }) });
    b.addEventListener('click', () => fix(cell.key, f.expected));
    li.append(' ', b);
  }
  return li;
}

/** The draft's counts of errors and warnings (the core's stats). */
export function countsLine(ctx, p, stats) {
  const { el, t, clear } = ctx;
  // Rewritten only when a count changes (the line is a polite live region).
  if (p.firstChild && p.dataset.errors === String(stats.errors || 0) && p.dataset.warnings === String(stats.warnings || 0)) return;
  clear(p);
  p.dataset.errors = String(stats.errors || 0);
  p.dataset.warnings = String(stats.warnings || 0);
  for (const s of ['error', 'warning'])
    p.appendChild(el('span', { class: 'count sev-' + s, 'data-severity': s }, [
      el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[s] }), ' ' + t(s) + ' ',
      el('strong', { text: String(stats[s === 'error' ? 'errors' : 'warnings'] || 0) }),
    ]));
}
