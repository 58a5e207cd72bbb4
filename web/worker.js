/* nianbao — classic Web Worker that owns the wasm core.
 *
 * Protocol (docs/web.md):
 *   page -> worker  { id, input, options }   check: input a string, or bytes (Uint8Array/ArrayBuffer)
 *                                             for DOCX; options an object or JSON string (file, format).
 *                                             The worker's Session keeps each report checked
 *                                             (keep: false: check without keeping).
 *                   { id, op: 'crossYear' }   the kept reports' cross-year pairs (JSON)
 *                   { id, op: 'clear' }       forget the kept reports
 *                   { id, op: 'draftForm' }   the 2021 form (draft.hpp form_json)
 *                   { id, op: 'checkDraft', draft }      a draft (object) rendered and checked
 *                   { id, op: 'draftStart', input, options }  last year's report as a start
 *   worker -> page  { id, stage }            progress: 'checking' once the core has the input
 *                   { id, json, ms }          json: the spec §9 JSON string; ms: time in the core
 *                   { id, error }             error: message string
 *                   { id, error, reset: true }  the module itself failed (abort, trap): this request
 *                                             fails, a fresh instance with an empty Session serves
 *                                             the next ones (the kept reports are gone)
 *   once, unasked:  { ready: true, version, rules }  or  { ready: false, error }
 *                   rules: the core's rule registry, m.rules() as returned (a JSON string:
 *                   {"schema","rules":[{id,family,severity,name:{zh_CN,en},description,spec}]})
 * Served: importScripts('nianbao.js'), which loads nianbao.wasm next to it. Offline single
 * file: the page builds this worker as a blob whose source starts with the single-file module
 * (wasm inlined), so createNianbao already exists and nothing is loaded at all.
 */
'use strict';

var modulePromise = null;  // the current instance of the module (createNianbao's promise)
var session = null;        // its Session
var compiled = null;       // the compiled wasm (WebAssembly.Module), kept for a fresh instance

// Make Content-Security-Policy violations visible (DevTools, and the browser test).
self.addEventListener('securitypolicyviolation', function (e) {
  console.error('nianbao worker: CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')');
});

// While an instance starts from scratch (the first one), two things are patched, and restored after:
// - fetch: Emscripten 3.1.6 (Debian) with SINGLE_FILE first tries fetch() on the embedded data:
//   URL, which a CSP (connect-src) may refuse, and only then decodes the base64 itself. A data:
//   fetch is refused here without touching the network, so it goes straight to its own decoder.
// - WebAssembly.instantiate(Streaming): both resolve to { module, instance }; the module is kept,
//   so that a fresh instance is made from it, with nothing fetched or decoded again.
var real = { fetch: self.fetch, instantiate: WebAssembly.instantiate, instantiateStreaming: WebAssembly.instantiateStreaming };
function keepCompiled(result) {
  if (result && result.module instanceof WebAssembly.Module) compiled = result.module;
  return result;
}
var startup = {
  fetch: function (input) {
    var url = typeof input === 'string' ? input : (input && input.url) || '';
    if (String(url).slice(0, 5) === 'data:') {
      return Promise.reject(new TypeError('nianbao: the embedded wasm is decoded, not fetched'));
    }
    return real.fetch.apply(self, arguments);
  },
  instantiate: function () { return real.instantiate.apply(WebAssembly, arguments).then(keepCompiled); },
  instantiateStreaming: function () { return real.instantiateStreaming.apply(WebAssembly, arguments).then(keepCompiled); },
};
function patch(on) {
  if (typeof real.fetch === 'function') self.fetch = on ? startup.fetch : real.fetch;
  WebAssembly.instantiate = on ? startup.instantiate : real.instantiate;
  if (typeof real.instantiateStreaming === 'function') {
    WebAssembly.instantiateStreaming = on ? startup.instantiateStreaming : real.instantiateStreaming;
  }
}
function unpatch() { patch(false); }

/** A new instance of the module, and its Session. */
function start() {
  var fromScratch = !compiled;
  if (fromScratch) patch(true);
  modulePromise = new Promise(function (resolve, reject) {
    var options = {};
    if (compiled) {
      options.instantiateWasm = function (imports, receive) {
        WebAssembly.instantiate(compiled, imports).then(function (instance) { receive(instance, compiled); }, reject);
        return {};
      };
    }
    createNianbao(options).then(resolve, reject);
  }).then(function (m) {
    session = new m.Session();
    return m;
  });
  if (fromScratch) modulePromise.then(unpatch, unpatch);
}

try {
  if (typeof createNianbao !== 'function') importScripts('nianbao.js');
  start();
} catch (e) {
  modulePromise = Promise.reject(e);
}

function describe(e) {
  if (e && e.message) return String(e.message);
  return String(e);
}

modulePromise.then(
  function (m) {
    var version = '';
    var rules = '';
    try {
      version = String(m.version());
    } catch (e) {
      version = '';
    }
    try {
      rules = String(m.rules());
    } catch (e) {
      rules = '';  // the page still checks, and names the rules by their ids
    }
    self.postMessage({ ready: true, version: version, rules: rules });
  },
  function (e) {
    self.postMessage({ ready: false, error: describe(e) });
  }
);

/** Answers one request; a call into the module that throws replaces the module. */
function handle(m, msg) {
  var id = msg.id;
  var call;
  var checking = false;
  if (msg.op === 'crossYear') {
    call = function () { return String(session.crossYear()); };
  } else if (msg.op === 'clear') {
    call = function () { session.clear(); return '{}'; };
  } else if (msg.op === 'draftForm') {
    call = function () { return String(m.draftForm()); };
  } else if (msg.op === 'checkDraft') {
    call = function () { return String(m.checkDraft(JSON.stringify(msg.draft || {}))); };
  } else if (msg.op === 'draftStart') {
    var startInput = msg.input instanceof ArrayBuffer ? new Uint8Array(msg.input) : msg.input;
    if (!(startInput instanceof Uint8Array)) startInput = String(startInput == null ? '' : startInput);
    call = function () { return String(m.draftStart(startInput, JSON.stringify(msg.options || {}))); };
  } else {
    var options = msg.options;
    var optionsJson = typeof options === 'string' ? options : JSON.stringify(options || {});
    var input = msg.input !== undefined ? msg.input : msg.text;
    if (input instanceof ArrayBuffer) input = new Uint8Array(input);
    if (!(input instanceof Uint8Array)) input = String(input == null ? '' : input);
    self.postMessage({ id: id, stage: 'checking' });
    checking = true;
    // Kept for crossYear() unless the caller only wants the result (the JS API).
    call = function () { return String(msg.keep === false ? m.check(input, optionsJson) : session.check(input, optionsJson)); };
  }
  var t0 = Date.now();
  var json;
  try {
    json = call();
  } catch (e) {
    // The binding returns every error of the core as data (JSON, as for bad input), so a throw
    // is the module failing: abort() or a trap (WebAssembly.RuntimeError), a C++ exception out
    // of the wasm, a stack overflow. Its memory can no longer be trusted: a fresh instance.
    start();
    self.postMessage({ id: id, error: describe(e), reset: true });
    return;
  }
  self.postMessage({ id: id, json: json, ms: checking ? Date.now() - t0 : 0 });
}

// One request after another, each on the module current when its turn comes.
var queue = Promise.resolve();
self.onmessage = function (ev) {
  var msg = ev.data || {};
  queue = queue
    .then(function () { return modulePromise; })
    .then(function (m) { handle(m, msg); })
    .catch(function (e) { self.postMessage({ id: msg.id, error: describe(e) }); });
};
