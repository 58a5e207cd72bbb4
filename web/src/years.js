// Two years side by side (issue 16): one body's consecutive reports as the core compared them
// (cross_year[].compare, years/compare.cpp): 表三's carry-over per column and 表二's stock of
// 现行有效 per row, each row marked as agreeing or differing by class, icon and text (not colour
// alone). The core decides what agrees and what a value is; this only renders it.
import { el } from './dom.js';

const MARK = { agree: ['✔', 'yearsAgree'], differ: ['✖', 'yearsDiffer'], unknown: ['?', 'yearsUnknown'] };
const STATE = { blank: 'yearsBlank', unread: 'yearsUnread', ambiguous: 'yearsAmbiguous', none: 'yearsNone' };

const verdict = (agree) => (agree === true ? 'agree' : agree === false ? 'differ' : 'unknown');

/** The address of a compared cell in words: 表三「四、结转下年度继续办理」自然人. */
const address = (t, c) => t('yearsAddress', { table: t({ T2: 'shortT2', T3: 'shortT3' }[c.table] || c.table), row: c.row, col: c.col });

/** One compared cell: its value (a split of run-together digits, a correction said so), or why
 *  there is none; a button that opens its report's tables, titled with the cell's address. */
function cellTd(t, c, kept, open) {
  const text = c.value !== null && c.value !== undefined ? String(c.value)
    : c.state === 'blank' && c.raw ? t('yearsBlankAs', { raw: c.raw }) : t(STATE[c.state] || 'yearsUnread');
  const note = c.state === 'split' ? t('yearsSplit') : c.corrected ? t('yearsCorrected') : '';
  const btn = el('button', { type: 'button', class: 'link', title: address(t, c), text });
  btn.addEventListener('click', () => open(kept, c));
  return el('td', { class: 'state-' + c.state, 'data-state': c.state }, [btn, note ? el('span', { class: 'note', text: ' ' + note }) : null]);
}

function verdictTd(t, agree) {
  const v = verdict(agree);
  return el('td', { class: 'verdict ' + v }, [el('span', { class: 'icon', 'aria-hidden': 'true', text: MARK[v][0] }), ' ' + t(MARK[v][1])]);
}

function table(caption, head, rows) {
  return el('div', { class: 'table-wrap' }, [el('table', { class: 'data years-table' }, [
    el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, head.map((h) => el('th', { scope: 'col', text: h })))]),
    el('tbody', {}, rows),
  ])]);
}

/** A pair's comparison as two tables; open(kept, cell) shows report number `kept` (the pair's
 *  index or previous_index) at that cell's table. Nothing when the core compared no table. */
export function renderYears(pair, t, open) {
  const c = pair.compare || { carry: [], stock: [] };
  if (!c.carry.length && !c.stock.length) return null;
  const from = pair.previous_year, to = pair.year;
  const names = { from, to, previous: pair.previous_file, file: pair.file };
  const out = el('div', { class: 'years', 'data-year': String(to) });
  if (c.carry.length) {
    const rows = c.carry.map((x) => el('tr', { class: verdict(x.agree), 'data-label': x.label }, [
      el('th', { scope: 'row', text: x.label }),
      cellTd(t, x.previous, pair.previous_index, open),
      cellTd(t, x.current, pair.index, open),
      verdictTd(t, x.agree),
    ]));
    out.append(
      el('h4', { text: t('yearsCarryTitle', names) }),
      table(t('yearsCarryCaption', names), [t('yearsItem'), t('yearsCarriedOn', names), t('yearsCarried', names), t('yearsCheck')], rows),
    );
  }
  if (c.stock.length) {
    const rows = c.stock.map((x) => el('tr', { class: verdict(x.agree), 'data-label': x.label }, [
      el('th', { scope: 'row', text: x.label }),
      cellTd(t, x.previous, pair.previous_index, open),
      cellTd(t, x.issued, pair.index, open),
      cellTd(t, x.abolished, pair.index, open),
      cellTd(t, x.current, pair.index, open),
      el('td', { class: 'expected', text: x.expected === null || x.expected === undefined ? '—' : String(x.expected) }),
      verdictTd(t, x.agree),
    ]));
    out.append(
      el('h4', { text: t('yearsStockTitle', names) }),
      table(t('yearsStockCaption', names), [t('yearsItem'), t('yearsInForce', { year: from }), t('yearsIssued', { year: to }),
        t('yearsAbolished', { year: to }), t('yearsInForce', { year: to }), t('yearsExpected'), t('yearsCheck')], rows),
    );
  }
  return out;
}
