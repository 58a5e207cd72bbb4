// The checker in a Web Worker (web/worker.js owns the wasm core). One engine serves every
// request of a page; requests run one after another in the worker.
//   const engine = createEngine();
//   const { result, json, ms } = await engine.check(input, { file, format }, onStage);
//   const { version, rules } = await engine.ready;   // rules: id -> { zh_CN, en } (the core's registry)

/** Where the worker and the lazily loaded parts come from: next to this module when served,
 * or the strings the offline single file carries (self.__NIANBAO_INLINE__). */
export function assetUrl(name) {
  const inline = globalThis.__NIANBAO_INLINE__;
  if (inline && inline.urls && inline.urls[name]) return inline.urls[name];
  return new URL(name, import.meta.url).href;
}

function inlineWorkerUrl() {
  const inline = globalThis.__NIANBAO_INLINE__;
  if (!inline || !inline.worker) return null;
  if (!inline.workerUrl) inline.workerUrl = URL.createObjectURL(new Blob([inline.worker], { type: 'text/javascript' }));
  return inline.workerUrl;
}

/** The rule registry's JSON (the binding's rules()) as a Map: id -> its names { zh_CN, en }. */
function ruleNames(json) {
  const names = new Map();
  try {
    for (const r of JSON.parse(json).rules || []) if (r && r.id && r.name) names.set(String(r.id), r.name);
  } catch (e) {
    // No registry: every rule is shown by its id.
  }
  return names;
}

/** The name of `rule` in the page language ("zh-CN" or "en"); its id when the registry lacks it. */
export function ruleName(names, lang, rule) {
  const n = names && names.get(rule);
  return (n && (lang === 'en' ? n.en : n.zh_CN)) || rule;
}

export function createEngine() {
  let worker;
  let nextId = 1;
  const waiting = new Map();  // id -> { resolve, reject, onStage }
  let readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  ready.catch(() => {});

  try {
    worker = new Worker(inlineWorkerUrl() || assetUrl('worker.js'));
  } catch (e) {
    readyReject(e);
  }
  if (worker) {
    worker.onmessage = (ev) => {
      const msg = ev.data || {};
      if (msg.ready === true) { readyResolve({ version: String(msg.version || ''), rules: ruleNames(msg.rules || '') }); return; }
      if (msg.ready === false) { readyReject(new Error(String(msg.error))); return; }
      const w = waiting.get(msg.id);
      if (!w) return;
      if (msg.stage) { if (w.onStage) w.onStage(msg.stage); return; }
      waiting.delete(msg.id);
      // reset: the worker replaced a failed module; the reports it kept are gone.
      if (msg.error !== undefined) { w.reject(Object.assign(new Error(String(msg.error)), { reset: msg.reset === true })); return; }
      try {
        w.resolve({ result: JSON.parse(msg.json), json: msg.json, ms: msg.ms || 0 });
      } catch (e) {
        w.reject(e);
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      const err = new Error(ev.message || 'worker failed');
      readyReject(err);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
  }

  function send(message, transfer, onStage) {
    if (!worker) return Promise.reject(new Error('no worker'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject, onStage });
      worker.postMessage({ id, ...message }, transfer || []);
    });
  }
  /** Checks one input; the worker keeps the report for crossYear() unless keep is false. */
  const check = (input, options, onStage, keep = true) =>
    send({ input, options: options || {}, keep }, input instanceof Uint8Array ? [input.buffer] : [], onStage);
  /** The kept reports' pairs of consecutive years of one body (cross_year.hpp). */
  const crossYear = () => send({ op: 'crossYear' }).then((r) => r.result.cross_year || []);
  /** Forgets the kept reports. */
  const forget = () => send({ op: 'clear' });

  /** 编制 (draft.hpp): the 2021 form; a draft checked as the text it renders to
   *  ({ markdown, result }); last year's report as a start ({ draft, carried, notes }). */
  const draftForm = () => send({ op: 'draftForm' }).then((r) => r.result);
  const checkDraft = (draft) => send({ op: 'checkDraft', draft }).then((r) => r.result);
  const draftStart = (input, options) =>
    send({ op: 'draftStart', input, options: options || {} }, input instanceof Uint8Array ? [input.buffer] : []).then((r) => r.result);

  return { ready, check, crossYear, forget, draftForm, checkDraft, draftStart, terminate: () => worker && worker.terminate() };
}
