// The statistics view: the core's figures, rates and series (stats.figures, stats.rates,
// stats.charts), each chart with a data table beside it, and the checks the core made of the
// text's own figures. The page computes nothing here; it shows what the core returned.
import { el } from './dom.js';

function dataTable(caption, unit, items, t) {
  return el('table', { class: 'data' }, [
    el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: t('item') }), el('th', { scope: 'col', text: t('value') + (unit ? '（' + unit + '）' : '') })])]),
    el('tbody', {}, items.map(([label, value]) => el('tr', {}, [el('th', { scope: 'row', text: label }), el('td', { text: String(value) })]))),
  ]);
}

/** Returns { element, draw(lang) }: draw() loads ECharts and fills the chart boxes. */
export function renderStats(result, t) {
  const stats = result.stats || {};
  const figures = stats.figures || [], charts = stats.charts || [], rates = stats.rates || [];
  const root = el('div', { class: 'stats' });
  if (!figures.length && !charts.length && !rates.length) root.appendChild(el('p', { class: 'empty', text: t('noStats') }));

  if (figures.length) {
    root.appendChild(el('h4', { text: t('figures') }));
    root.appendChild(el('dl', { class: 'figures' }, figures.map((f) => el('div', { class: 'figure', 'data-id': f.id }, [
      el('dt', { text: f.title }),
      el('dd', {}, [el('strong', { text: String(f.value) }), ' ' + (f.unit || '')]),
    ]))));
  }
  if (rates.length) {
    root.appendChild(el('h4', { text: t('rates') }));
    root.appendChild(el('dl', { class: 'figures' }, rates.map((r) => el('div', { class: 'figure', 'data-id': r.id }, [
      el('dt', { text: r.title }),
      el('dd', {}, [el('strong', { text: String(r.percent) + '%' }), ' (' + r.numerator + ' / ' + r.denominator + ')']),
      el('dd', { class: 'basis', text: t('rateBasis', { basis: r.basis }) }),
    ]))));
  }
  const boxes = [];
  for (const c of charts) {
    const items = (c.items || []).map((i) => [i.label, i.value]);
    const id = 'chart-' + c.id;
    const box = el('div', { class: 'chart', role: 'img', 'aria-label': c.title });
    box.style.height = Math.max(6, items.length * 2.2 + 2) + 'em';
    boxes.push({ box, chart: c, items });
    root.appendChild(el('section', { class: 'chart-block', 'aria-labelledby': id, 'data-chart': c.id }, [
      el('h4', { id, text: c.title }),
      el('div', { class: 'chart-pair' }, [box, dataTable(t('chartData', { title: c.title }), c.unit, items, t)]),
    ]));
  }

  // What the core checked of the text's own figures.
  const checks = [
    ...(stats.text_table || []).map((x) => [x.text, x.cell.replace(/\//g, ' · '), x.table, x.holds]),
    ...(stats.text_sums || []).map((x) => [x.total, x.parts, '', x.holds]),
    ...(stats.text_shares || []).map((x) => [x.share, x.of, '', x.holds]),
  ];
  if (checks.length) {
    root.appendChild(el('h4', { text: t('textChecks') }));
    root.appendChild(el('p', { class: 'help', text: t('textChecksHelp') }));
    root.appendChild(el('table', { class: 'data checks' }, [
      el('tbody', {}, checks.map(([a, b, c, ok]) => el('tr', { class: ok ? 'ok' : 'bad' }, [
        el('td', {}, [el('span', { class: 'icon', 'aria-hidden': 'true', text: ok ? '✔ ' : '✖ ' }), el('span', { class: 'visually-hidden', text: (ok ? t('holds') : t('differs')) + '：' }), a]),
        el('td', { text: b }), el('td', { text: c }),
      ]))),
    ]));
  }

  let drawn = null;
  return {
    element: root,
    draw(lang) {
      if (drawn || !boxes.length) return drawn || Promise.resolve();
      for (const b of boxes) b.box.setAttribute('aria-busy', 'true');
      drawn = import('./charts.js').then((mod) => {
        const made = boxes.map((b) => {
          b.box.removeAttribute('aria-busy');
          return mod.drawBar(b.box, { title: b.chart.title, unit: b.chart.unit, items: b.items, locale: lang });
        });
        if (typeof ResizeObserver === 'function') new ResizeObserver(() => mod.resizeAll(made)).observe(root);
        return made;
      }, () => {
        for (const b of boxes) { b.box.removeAttribute('aria-busy'); b.box.appendChild(el('p', { class: 'empty', text: t('chartFailed') })); }
      });
      return drawn;
    },
  };
}
