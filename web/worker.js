/* nianbao — classic Web Worker that owns the wasm core.
 *
 * Protocol (docs/web.md):
 *   page -> worker  { id, input, options }   check: input a string, or bytes (Uint8Array/ArrayBuffer)
 *                                             for DOCX; options an object or JSON string (file, format).
 *                                             The worker's Session keeps each report checked
 *                                             (keep: false: check without keeping).
 *                   { id, op: 'crossYear' }   the kept reports' cross-year pairs (JSON)
 *                   { id, op: 'clear' }       forget the kept reports
 *   worker -> page  { id, stage }            progress: 'checking' once the core has the input
 *                   { id, json, ms }          json: the spec §9 JSON string; ms: time in the core
 *                   { id, error }             error: message string
 *   once, unasked:  { ready: true, version }  or  { ready: false, error }
 * Served: importScripts('nianbao.js'), which loads nianbao.wasm next to it. Offline single
 * file: the page builds this worker as a blob whose source starts with the single-file module
 * (wasm inlined), so createNianbao already exists and nothing is loaded at all.
 */
'use strict';

var modulePromise = null;

// Make Content-Security-Policy violations visible (DevTools, and the browser test).
self.addEventListener('securitypolicyviolation', function (e) {
  console.error('nianbao worker: CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')');
});

// Emscripten 3.1.6 (Debian) with SINGLE_FILE first tries fetch() on the embedded data: URL,
// which a CSP (connect-src) may refuse, and only then decodes the base64 itself. While the
// module starts, a data: fetch is refused here without touching the network, so it goes
// straight to its own decoder; fetch is restored afterwards.
var realFetch = self.fetch;
function startupFetch(input) {
  var url = typeof input === 'string' ? input : (input && input.url) || '';
  if (String(url).slice(0, 5) === 'data:') {
    return Promise.reject(new TypeError('nianbao: the embedded wasm is decoded, not fetched'));
  }
  return realFetch.apply(self, arguments);
}
function restoreFetch() {
  if (self.fetch === startupFetch) self.fetch = realFetch;
}

try {
  if (typeof realFetch === 'function') self.fetch = startupFetch;
  if (typeof createNianbao !== 'function') importScripts('nianbao.js');
  modulePromise = createNianbao();
} catch (e) {
  modulePromise = Promise.reject(e);
}
modulePromise.then(restoreFetch, restoreFetch);

function describe(e) {
  if (e && e.message) return String(e.message);
  return String(e);
}

var session = null;

modulePromise.then(
  function (m) {
    session = new m.Session();
    var version = '';
    try {
      version = String(m.version());
    } catch (e) {
      version = '';
    }
    self.postMessage({ ready: true, version: version });
  },
  function (e) {
    self.postMessage({ ready: false, error: describe(e) });
  }
);

self.onmessage = function (ev) {
  var msg = ev.data || {};
  var id = msg.id;
  modulePromise.then(
    function (m) {
      try {
        if (msg.op === 'crossYear') { self.postMessage({ id: id, json: String(session.crossYear()), ms: 0 }); return; }
        if (msg.op === 'clear') { session.clear(); self.postMessage({ id: id, json: '{}', ms: 0 }); return; }
        var options = msg.options;
        var optionsJson = typeof options === 'string' ? options : JSON.stringify(options || {});
        var input = msg.input !== undefined ? msg.input : msg.text;
        if (input instanceof ArrayBuffer) input = new Uint8Array(input);
        if (!(input instanceof Uint8Array)) input = String(input == null ? '' : input);
        self.postMessage({ id: id, stage: 'checking' });
        var t0 = Date.now();
        // Kept for crossYear() unless the caller only wants the result (the JS API).
        var json = msg.keep === false ? m.check(input, optionsJson) : session.check(input, optionsJson);
        self.postMessage({ id: id, json: String(json), ms: Date.now() - t0 });
      } catch (e) {
        self.postMessage({ id: id, error: describe(e) });
      }
    },
    function (e) {
      self.postMessage({ id: id, error: describe(e) });
    }
  );
};
