// A reviewer's verdicts on findings: 已核实 (confirmed) or 不是问题 (dismissed, with a reason).
// Kept in localStorage under the report's hash (the text the core read, so the same report
// opened again, pasted or as a file, finds its verdicts), each verdict under its finding's key
// (rule and place, which a correction of a cell does not move). Where storage is not allowed
// (a sandboxed frame, a private window's quota), verdicts live as long as the page.

const PREFIX = 'nianbao-review:';
const memory = new Map();

/** A hash of the report's text: 53 bits of two multiplicative 32-bit hashes, and the length. */
export function reportHash(text) {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + '-' + text.length.toString(36);
}

/** The key of a finding: its rule and its place (cross-year ones are keyed apart). */
export function findingKey(f) {
  const s = f.span || {};
  return (f.cross ? 'x:' : '') + f.rule + '@' + (s.start ?? '') + '-' + (s.end ?? '');
}

function storage() {
  try { return typeof localStorage !== 'undefined' ? localStorage : null; } catch { return null; }
}

/** The verdicts kept for a report: { key: { state, reason, at } }. */
export function loadReview(hash) {
  if (memory.has(hash)) return { ...memory.get(hash) };
  const s = storage();
  if (!s) return {};
  try {
    const v = JSON.parse(s.getItem(PREFIX + hash) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch { return {}; }
}

export function saveReview(hash, verdicts) {
  const empty = Object.keys(verdicts).length === 0;
  const s = storage();
  try {
    if (!s) throw new Error('no storage');
    if (empty) s.removeItem(PREFIX + hash); else s.setItem(PREFIX + hash, JSON.stringify(verdicts));
    memory.delete(hash);
  } catch {
    if (empty) memory.delete(hash); else memory.set(hash, { ...verdicts });
  }
}

/** Per finding (same order), its verdict { state, reason } or undefined. */
export function reviewsOf(findings, verdicts) {
  return findings.map((f) => {
    const v = verdicts[findingKey(f)];
    return v && (v.state === 'confirmed' || v.state === 'dismissed') ? { state: v.state, reason: String(v.reason || '') } : undefined;
  });
}

/** { confirmed, dismissed, open } over the findings. */
export function reviewCounts(reviews, total) {
  const confirmed = reviews.filter((v) => v && v.state === 'confirmed').length;
  const dismissed = reviews.filter((v) => v && v.state === 'dismissed').length;
  return { confirmed, dismissed, open: total - confirmed - dismissed };
}
