/* nianbao — classic Web Worker that owns the wasm core.
 *
 * Protocol (see docs/contracts.md):
 *   page -> worker  { id, text, options }        options: object or JSON string
 *   worker -> page  { id, json }                  json: the spec §9 JSON string
 *                   { id, error }                 error: message string
 *   once, unasked:  { ready: true, version }  or  { ready: false, error }
 * nianbao.js is the Emscripten output (MODULARIZE, EXPORT_NAME=createNianbao,
 * SINGLE_FILE), so the wasm comes inside it and nothing else is fetched.
 */
'use strict';

var modulePromise = null;

// Make Content-Security-Policy violations visible (DevTools, and the browser test).
self.addEventListener('securitypolicyviolation', function (e) {
  console.error('nianbao worker: CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')');
});

// Emscripten 3.1.6 (Debian) with SINGLE_FILE first tries fetch() on the embedded data: URL,
// which CSP (connect-src 'self') refuses and logs as a violation, and only then decodes the
// base64 itself.  While the module starts, a data: fetch is refused here without touching
// the network, so it goes straight to its own decoder; fetch is restored afterwards.
var realFetch = self.fetch;
function startupFetch(input) {
  var url = typeof input === 'string' ? input : (input && input.url) || '';
  if (String(url).slice(0, 5) === 'data:') {
    return Promise.reject(new TypeError('nianbao: the embedded wasm is decoded, not fetched'));
  }
  return realFetch.apply(self, arguments);
}

try {
  if (typeof realFetch === 'function') self.fetch = startupFetch;
  importScripts('nianbao.js');
  modulePromise = createNianbao();
} catch (e) {
  modulePromise = Promise.reject(e);
}
modulePromise.then(restoreFetch, restoreFetch);
function restoreFetch() {
  if (self.fetch === startupFetch) self.fetch = realFetch;
}

function describe(e) {
  if (e && e.message) return String(e.message);
  return String(e);
}

modulePromise.then(
  function (m) {
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
        var options = msg.options;
        var optionsJson = typeof options === 'string' ? options : JSON.stringify(options || {});
        var json = m.check(String(msg.text == null ? '' : msg.text), optionsJson);
        self.postMessage({ id: id, json: String(json) });
      } catch (e) {
        self.postMessage({ id: id, error: describe(e) });
      }
    },
    function (e) {
      self.postMessage({ id: id, error: describe(e) });
    }
  );
};
