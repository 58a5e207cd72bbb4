/* nianbao — UTF-8 byte offsets (spec §9 SPAN) -> JavaScript string (UTF-16) indices.
 *
 * The core reports SPAN.start/end as byte offsets into the UTF-8 encoding of the text it
 * was given.  A JS string counts UTF-16 code units, so the page converts before it
 * selects or slices.  The text must be well-formed (the page passes text.toWellFormed()
 * to the core, so a lone surrogate is U+FFFD, 3 bytes, on both sides).
 *
 * An ES module (the page's bundle and node import it alike). Pure functions, no DOM.
 */
/* Bytes that UTF-16 code unit i of s (and, for a surrogate pair, i+1) takes in UTF-8,
 * and how many code units it consumed. */
function unitBytes(s, i) {
  var c = s.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    var d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
  }
  return [3, 1]; // BMP, or a lone surrogate encoded as U+FFFD
}

/* Number of bytes of the UTF-8 encoding of s. */
export function utf8Length(s) {
  var n = 0;
  for (var i = 0; i < s.length; ) {
    var u = unitBytes(s, i);
    n += u[0];
    i += u[1];
  }
  return n;
}

/* One conversion, by a running count.  A byte offset inside a character maps to the
 * start of that character; an offset past the end maps to s.length; negative or
 * non-numeric offsets map to 0. */
export function byteToIndex(s, byteOffset) {
  if (!(byteOffset > 0)) return 0;
  var bytes = 0;
  for (var i = 0; i < s.length; ) {
    var u = unitBytes(s, i);
    if (bytes + u[0] > byteOffset) return i;
    bytes += u[0];
    i += u[1];
  }
  return s.length;
}

/* For many conversions over the same text: precomputes the character boundaries once,
 * then each lookup is a binary search.  Returns { toIndex(byte), span(SPAN) } where
 * span() gives { start, end } as string indices. */
export function createMapper(s) {
  var n = s.length;
  var byteAt = new Float64Array(n + 1); // byteAt[k] = UTF-8 bytes before the k-th boundary
  var indexAt = new Uint32Array(n + 1); // indexAt[k] = string index of the k-th boundary
  var k = 0;
  var bytes = 0;
  for (var i = 0; i < n; ) {
    byteAt[k] = bytes;
    indexAt[k] = i;
    k++;
    var u = unitBytes(s, i);
    bytes += u[0];
    i += u[1];
  }
  byteAt[k] = bytes;
  indexAt[k] = n;
  var last = k;

  function toIndex(byteOffset) {
    if (!(byteOffset > 0)) return 0;
    if (byteOffset >= byteAt[last]) return n;
    var lo = 0;
    var hi = last; // invariant: byteAt[lo] <= byteOffset < byteAt[hi]
    while (hi - lo > 1) {
      var mid = (lo + hi) >>> 1;
      if (byteAt[mid] <= byteOffset) lo = mid;
      else hi = mid;
    }
    return indexAt[lo];
  }

  function span(sp) {
    if (!sp) return null;
    var start = toIndex(sp.start);
    var end = toIndex(sp.end);
    if (end < start) end = start;
    return { start: start, end: end };
  }

  return { toIndex: toIndex, span: span, byteLength: bytes };
}

/* For a few offsets in a long text (a 10 MB report has a handful of findings): one pass over
 * the text converts all of them, with no per-character tables. Returns a Map byte -> index. */
export function mapByteOffsets(s, byteOffsets) {
  var want = Array.from(new Set(byteOffsets.filter(function (b) { return b > 0; }))).sort(function (a, b) { return a - b; });
  var out = new Map([[0, 0]]);
  var bytes = 0;
  var k = 0;
  for (var i = 0; i < s.length && k < want.length; ) {
    var u = unitBytes(s, i);
    while (k < want.length && bytes + u[0] > want[k]) out.set(want[k++], i);
    bytes += u[0];
    i += u[1];
  }
  while (k < want.length) out.set(want[k++], s.length);
  return out;
}
