// The report text with every finding marked at its span (colour and an icon, never colour
// alone) and the cells it relates to findable. Long texts are cut into chunks of lines that
// are filled in only when they come near the screen, so a 10 MB report stays responsive.
import { el } from './dom.js';

const LINES_PER_CHUNK = 300;
const EAGER_CHARS = 400000;  // below this, every chunk is filled at once
const ICON = { error: '✖', warning: '⚠', info: 'ℹ' };
const RANK = { error: 3, warning: 2, info: 1 };

/**
 * text: the string the spans point into; marks: [{ index, start, end, severity, related: [[s,e]] }]
 * (UTF-16 ranges). t: the translator. onPick(findingIndex) is called when a mark is chosen.
 */
export function createTextView(text, marks, t, onPick) {
  // Boundaries of every primary and related range; each piece between two boundaries knows
  // which findings cover it and which findings it is related to.
  const points = new Set([0, text.length]);
  const ranges = [];
  for (const m of marks) {
    if (m.end > m.start) { ranges.push({ s: m.start, e: m.end, f: m.index, primary: true, sev: m.severity }); points.add(m.start); points.add(m.end); }
    for (const [s, e] of m.related || [])
      if (e > s) { ranges.push({ s, e, f: m.index, primary: false }); points.add(s); points.add(e); }
  }
  const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

  // Lines -> chunks.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const chunks = [];
  for (let l = 0; l < lineStarts.length; l += LINES_PER_CHUNK) {
    const start = lineStarts[l];
    const end = l + LINES_PER_CHUNK < lineStarts.length ? lineStarts[l + LINES_PER_CHUNK] : text.length;
    chunks.push({ start, end, lines: Math.min(LINES_PER_CHUNK, lineStarts.length - l), node: null, filled: false });
  }

  // Ranges by start, for filling a chunk without scanning them all.
  ranges.sort((a, b) => a.s - b.s);
  const root = el('div', { class: 'textview', role: 'document', 'aria-label': t('text') });
  const markNodes = new Map();  // finding index -> first primary mark element

  function fill(c) {
    if (c.filled) return;
    c.filled = true;
    const frag = document.createDocumentFragment();
    // Cut points inside this chunk.
    let k = lowerBound(cuts, c.start);
    let pos = c.start;
    const active = ranges.filter((r) => r.s < c.end && r.e > c.start);
    while (pos < c.end) {
      while (k < cuts.length && cuts[k] <= pos) k++;
      const next = Math.min(c.end, k < cuts.length ? cuts[k] : c.end);
      const piece = text.slice(pos, next);
      const cover = active.filter((r) => r.s <= pos && r.e >= next);
      const primary = cover.filter((r) => r.primary);
      const related = cover.filter((r) => !r.primary);
      if (!primary.length && !related.length) {
        frag.appendChild(document.createTextNode(piece));
      } else if (primary.length) {
        const sev = primary.reduce((best, r) => (RANK[r.sev] > RANK[best] ? r.sev : best), 'info');
        const ids = [...new Set(primary.map((r) => r.f))];
        const mark = el('mark', {
          class: 'f sev-' + sev, 'data-f': ids.join(' '), 'data-r': related.map((r) => r.f).join(' ') || null, tabindex: '-1',
        });
        // An icon where a finding's span begins, and its severity for screen readers.
        const opening = primary.filter((r) => r.s === pos);
        if (opening.length) {
          mark.appendChild(el('span', { class: 'icon', 'aria-hidden': 'true', text: ICON[sev] }));
          mark.appendChild(el('span', { class: 'visually-hidden', text: t(sev) + '：' }));
        }
        mark.appendChild(document.createTextNode(piece));
        for (const r of opening) if (!markNodes.has(r.f)) markNodes.set(r.f, mark);
        mark.addEventListener('click', () => onPick(ids[0]));
        frag.appendChild(mark);
      } else {
        frag.appendChild(el('span', { class: 'rel', 'data-r': related.map((r) => r.f).join(' ') }, [piece]));
      }
      pos = next;
    }
    c.node.textContent = '';
    c.node.appendChild(frag);
    c.node.classList.remove('pending');
  }

  const lazy = text.length > EAGER_CHARS && typeof IntersectionObserver === 'function';
  const observer = lazy
    ? new IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) { fill(chunks[Number(e.target.dataset.chunk)]); observer.unobserve(e.target); }
      }, { root: null, rootMargin: '800px 0px' })
    : null;
  chunks.forEach((c, i) => {
    c.node = el('div', { class: 'chunk' + (lazy ? ' pending' : ''), 'data-chunk': String(i) });
    if (lazy) {
      c.node.style.minHeight = c.lines * 1.6 + 'em';  // CSSOM, allowed under the CSP
      observer.observe(c.node);
    } else {
      fill(c);
    }
    root.appendChild(c.node);
  });

  function chunkOf(index) {
    let lo = 0, hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].start <= index) lo = mid; else hi = mid - 1;
    }
    return chunks[lo];
  }

  let lit = [];
  return {
    element: root,
    lazy,
    /** Shows finding `index`: its mark scrolled into view and focused, its related text lit. */
    locate(index, start) {
      const c = chunkOf(start);
      fill(c);
      for (const n of lit) n.classList.remove('lit', 'selected');
      lit = [];
      for (const n of root.querySelectorAll('mark.f, span.rel')) {
        const own = (n.dataset.f || '').split(' ').includes(String(index));
        const rel = (n.dataset.r || '').split(' ').includes(String(index));
        if (own) { n.classList.add('selected'); lit.push(n); }
        if (rel) { n.classList.add('lit'); lit.push(n); }
      }
      const node = markNodes.get(index);
      if (node) {
        node.scrollIntoView({ block: 'center', behavior: 'auto' });
        node.focus({ preventScroll: true });
      }
      return node || null;
    },
  };
}

function lowerBound(a, v) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}
