/* nianbao — page logic.  Renders the core's JSON (spec §9); decides nothing itself.
 * Classic script, no inline handlers, no eval (CSP: script-src 'self' 'wasm-unsafe-eval').
 * Depends on offsets.js (self.NianbaoOffsets), loaded before it. */
(function () {
  'use strict';

  var Offsets = self.NianbaoOffsets;

  var SEVERITY = {
    error: { icon: '✖', label: '错误' },
    warning: { icon: '⚠', label: '警告' },
    info: { icon: 'ℹ', label: '提示' }
  };
  var FORMAT_LABEL = {
    legacy: '旧版（2008–2018，统计表）',
    '2019': '2019 年格式（国办公开办函〔2019〕60号）',
    '2021': '2021 年格式（国办公开办函〔2021〕30号）',
    unknown: '未识别'
  };
  var KIND_LABEL = { government: '人民政府', department: '政府部门', unknown: '未识别' };
  var SCRIPT_LABEL = { hans: '简体', hant: '繁体' };
  var TABLE_LABEL = {
    T2: '二、主动公开政府信息情况',
    T3: '三、收到和处理政府信息公开申请情况',
    T4: '四、政府信息公开行政复议、行政诉讼情况',
    legacy: '政府信息公开情况统计表'
  };
  var TEMPLATE_LABEL = { '2019': '2019 年格式', '2021': '2021 年格式', legacy: '旧版统计表' };

  var $ = function (id) { return document.getElementById(id); };
  var form = $('check-form');
  var textarea = $('report');
  var button = $('check');
  var statusEl = $('status');
  var resultEl = $('result');
  var summaryEl = $('summary');
  var findingsEl = $('findings');
  var noFindingsEl = $('no-findings');
  var tablesEl = $('tables');
  var noTablesEl = $('no-tables');
  var versionEl = $('version');

  /* ---- small DOM helpers (text only, never innerHTML) ---- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function setStatus(state, text) {
    statusEl.dataset.state = state;
    statusEl.textContent = text;
  }
  function show(v) {
    if (v === null || v === undefined || v === '') return '';
    return String(v);
  }
  function spanKey(sp) { return sp ? sp.start + ':' + sp.end : ''; }
  function severityOf(f) { return SEVERITY[f.severity] ? f.severity : 'info'; }

  /* ---- worker ---- */
  var worker = null;
  var workerState = 'loading';
  var nextId = 1;
  var pending = null; // { id, text, started }

  function startWorker() {
    try {
      worker = new Worker('worker.js');
    } catch (e) {
      workerFailed(e && e.message ? e.message : String(e));
      return;
    }
    worker.onmessage = onWorkerMessage;
    worker.onerror = function (ev) {
      ev.preventDefault();
      workerFailed(ev.message || '无法启动检查程序');
    };
  }

  function workerFailed(message) {
    workerState = 'failed';
    setStatus('failed', '检查程序加载失败：' + message);
    button.disabled = true;
  }

  function onWorkerMessage(ev) {
    var msg = ev.data || {};
    if (msg.ready === true) {
      workerState = 'ready';
      versionEl.textContent = show(msg.version);
      if (!pending) setStatus('ready', '检查程序已就绪。');
      return;
    }
    if (msg.ready === false) {
      workerFailed(show(msg.error));
      return;
    }
    if (!pending || msg.id !== pending.id) return; // a stale answer
    var req = pending;
    pending = null;
    button.disabled = false;
    if (msg.error !== undefined) {
      setStatus('failed', '检查出错：' + show(msg.error));
      return;
    }
    var result;
    try {
      result = JSON.parse(msg.json);
    } catch (e) {
      setStatus('failed', '检查结果无法解析：' + e.message);
      return;
    }
    render(result, req.text);
    var ms = Math.round(performance.now() - req.started);
    setStatus('done', '检查完成（用时 ' + ms + ' 毫秒）。');
  }

  function submit(ev) {
    ev.preventDefault();
    if (workerState === 'failed') return;
    var raw = textarea.value;
    if (!raw.trim()) {
      setStatus(workerState === 'ready' ? 'ready' : 'loading', '请先粘贴年报全文。');
      textarea.focus();
      return;
    }
    // Well-formed UTF-16 so that the core's UTF-8 byte offsets map back exactly.
    var text = typeof raw.toWellFormed === 'function' ? raw.toWellFormed() : raw;
    pending = { id: nextId++, text: text, started: performance.now() };
    button.disabled = true;
    setStatus('busy', workerState === 'ready' ? '正在检查…' : '正在加载检查程序，随后检查…');
    worker.postMessage({ id: pending.id, text: text, options: { file: 'paste' } });
  }

  /* ---- rendering ---- */
  function render(result, text) {
    var mapper = Offsets.createMapper(text);
    var findings = Array.isArray(result.findings) ? result.findings : [];
    var tables = Array.isArray(result.tables) ? result.tables : [];

    renderSummary(result);
    renderFindings(findings, text, mapper);
    renderTables(tables, findings);
    resultEl.hidden = false;
  }

  function renderSummary(result) {
    clear(summaryEl);
    // The core counts (stats); the page only shows them.
    var stats = result.stats || {};
    var counts = { error: stats.errors || 0, warning: stats.warnings || 0, info: stats.infos || 0 };
    summaryEl.dataset.errors = counts.error;
    summaryEl.dataset.warnings = counts.warning;
    summaryEl.dataset.infos = counts.info;

    var countLine = el('p', { class: 'counts' });
    ['error', 'warning', 'info'].forEach(function (sev, i) {
      if (i) countLine.appendChild(document.createTextNode(' · '));
      countLine.appendChild(el('span', { class: 'count sev-' + sev }, [
        el('span', { class: 'icon', 'aria-hidden': 'true', text: SEVERITY[sev].icon }),
        ' ' + SEVERITY[sev].label + ' ',
        el('strong', { text: String(counts[sev]) })
      ]));
    });
    summaryEl.appendChild(countLine);

    var meta = result.meta || {};
    var dl = el('dl', { class: 'meta' });
    function item(term, value, key) {
      dl.appendChild(el('div', { 'data-key': key }, [
        el('dt', { text: term }),
        el('dd', { text: value === '' ? '未识别' : value })
      ]));
    }
    var format = show(meta.format);
    item('格式', FORMAT_LABEL[format] || format, 'format');
    var templates = [];
    (result.tables || []).forEach(function (t) {
      var label = TEMPLATE_LABEL[t.template] || show(t.template);
      if (label && templates.indexOf(label) < 0) templates.push(label);
    });
    if (templates.length) item('表格模板', templates.join('、'), 'template');
    item('机关', show(meta.agency), 'agency');
    item('年度', meta.year ? meta.year + ' 年' : '', 'year');
    item('发布日期', show(meta.published), 'published');
    if (meta.kind && meta.kind !== 'unknown') item('机关类型', KIND_LABEL[meta.kind] || show(meta.kind), 'kind');
    if (meta.script) item('文字', SCRIPT_LABEL[meta.script] || show(meta.script), 'script');
    summaryEl.appendChild(dl);
  }

  /* The source line around a span, clipped, with the span itself in <mark>. */
  function excerpt(text, range) {
    var CONTEXT = 40;
    var lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
    var lineEnd = text.indexOf('\n', range.end);
    if (lineEnd < 0) lineEnd = text.length;
    var markEnd = Math.min(range.end, lineEnd);
    var from = Math.max(lineStart, range.start - CONTEXT);
    var to = Math.min(lineEnd, Math.max(markEnd, range.start) + CONTEXT);
    var marked = text.slice(range.start, markEnd);
    if (marked.length > 120) marked = marked.slice(0, 120) + '…';
    return el('p', { class: 'excerpt' }, [
      el('span', { class: 'excerpt-label', text: '原文：' }),
      (from > lineStart ? '…' : '') + text.slice(from, range.start),
      el('mark', { text: marked }),
      text.slice(markEnd, to) + (to < lineEnd ? '…' : '')
    ]);
  }

  /* Vertical position (px, from the top of the content) of string index `index` in the
   * textarea, measured on an invisible copy with the same metrics (lines wrap). */
  function caretTop(ta, index) {
    var cs = getComputedStyle(ta);
    var mirror = document.createElement('div');
    ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'wordSpacing',
      'tabSize', 'textIndent', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'
    ].forEach(function (p) { mirror.style[p] = cs[p]; });
    mirror.style.position = 'absolute';
    mirror.style.visibility = 'hidden';
    mirror.style.top = '0';
    mirror.style.left = '-10000px';
    mirror.style.boxSizing = 'border-box';
    mirror.style.border = '0';
    mirror.style.width = ta.clientWidth + 'px';
    mirror.style.whiteSpace = 'pre-wrap';
    mirror.style.overflowWrap = 'break-word';
    mirror.textContent = ta.value.slice(0, index);
    var marker = document.createElement('span');
    marker.textContent = '\u200b';
    mirror.appendChild(marker);
    document.body.appendChild(mirror);
    var top = marker.offsetTop;
    document.body.removeChild(mirror);
    return top;
  }

  function locate(range) {
    textarea.scrollIntoView({ block: 'center' });
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(range.start, range.end);
    textarea.scrollTop = Math.max(0, caretTop(textarea, range.start) - textarea.clientHeight / 3);
  }

  function renderFindings(findings, text, mapper) {
    clear(findingsEl);
    noFindingsEl.hidden = findings.length > 0;
    findings.forEach(function (f) {
      var sev = severityOf(f);
      var sp = f.span || null;
      var line = sp && sp.line ? sp.line : 0;
      var head = el('div', { class: 'finding-head' }, [
        el('span', { class: 'sev sev-' + sev }, [
          el('span', { class: 'icon', 'aria-hidden': 'true', text: SEVERITY[sev].icon }),
          ' ' + SEVERITY[sev].label
        ]),
        el('code', { class: 'rule', text: show(f.rule) }),
        line ? el('span', { class: 'line', 'data-line': line, text: '第 ' + line + ' 行' }) : null
      ]);
      var li = el('li', {
        class: 'finding sev-' + sev,
        'data-rule': show(f.rule),
        'data-severity': sev
      }, [head, el('p', { class: 'msg', text: show(f.message) })]);

      var hasExp = f.expected !== undefined && f.expected !== null;
      var hasAct = f.actual !== undefined && f.actual !== null;
      if (hasExp || hasAct) {
        var nums = el('p', { class: 'numbers' });
        if (hasExp) nums.appendChild(el('span', {}, ['应为 ', el('strong', { class: 'expected', text: show(f.expected) })]));
        if (hasExp && hasAct) nums.appendChild(document.createTextNode('，'));
        if (hasAct) nums.appendChild(el('span', {}, ['实际 ', el('strong', { class: 'actual', text: show(f.actual) })]));
        li.appendChild(nums);
      }
      if (f.hint) li.appendChild(el('p', { class: 'hint', text: '建议：' + show(f.hint) }));

      var range = mapper.span(sp);
      if (range && range.end >= range.start && text.length) {
        li.appendChild(excerpt(text, range));
        var btn = el('button', { type: 'button', class: 'locate', text: '在原文中定位' });
        btn.addEventListener('click', function () { locate(range); });
        li.appendChild(btn);
      }
      findingsEl.appendChild(li);
    });
  }

  function rowLabel(label) {
    var cut = label.lastIndexOf('/');
    if (cut <= 0) return [label];
    return [el('span', { class: 'parent', text: label.slice(0, cut + 1) }), label.slice(cut + 1)];
  }

  function renderTables(tables, findings) {
    clear(tablesEl);
    noTablesEl.hidden = tables.length > 0;

    var failBySpan = {};
    var relatedBySpan = {};
    findings.forEach(function (f) {
      if (f.severity === 'error' && f.span) {
        var k = spanKey(f.span);
        (failBySpan[k] = failBySpan[k] || []).push(show(f.message));
      }
      (f.related || []).forEach(function (r) { relatedBySpan[spanKey(r)] = true; });
    });

    tables.forEach(function (t, ti) {
      var cells = Array.isArray(t.cells) ? t.cells : [];
      var rows = [];
      var cols = [];
      var byKey = {};
      cells.forEach(function (c) {
        var r = show(c.row);
        var col = show(c.col);
        if (rows.indexOf(r) < 0) rows.push(r);
        if (cols.indexOf(col) < 0) cols.push(col);
        var k = r + '\u0000' + col;
        if (!(k in byKey)) byKey[k] = c;
      });

      var id = show(t.id);
      var captionText = (TABLE_LABEL[id] || id) + (t.template ? '（' + (TEMPLATE_LABEL[t.template] || t.template) + '）' : '');
      var table = el('table', { 'data-table-id': id, 'data-template': show(t.template) }, [
        el('caption', { class: 'visually-hidden', text: captionText })
      ]);
      var headRow = el('tr', {}, [el('th', { scope: 'col', text: '项目' })]);
      cols.forEach(function (c) { headRow.appendChild(el('th', { scope: 'col', text: c })); });
      table.appendChild(el('thead', {}, [headRow]));

      var tbody = el('tbody');
      rows.forEach(function (r) {
        var tr = el('tr', {}, [el('th', { scope: 'row' }, rowLabel(r))]);
        cols.forEach(function (col) {
          var c = byKey[r + '\u0000' + col];
          if (!c) { tr.appendChild(el('td', { class: 'none' })); return; }
          var raw = show(c.raw).trim();
          var shown = raw !== '' ? raw : (c.value === null || c.value === undefined ? '' : String(c.value));
          var k = spanKey(c.span);
          var fails = c.span ? failBySpan[k] : null;
          var cls = [];
          if (fails) cls.push('fail');
          else if (c.span && relatedBySpan[k]) cls.push('related');
          if (shown === '') cls.push('blank');
          var td = el('td', {
            class: cls.join(' ') || null,
            title: fails ? fails.join('\n') : null,
            'data-row': r,
            'data-col': col
          }, [
            fails ? el('span', { class: 'icon', 'aria-hidden': 'true', text: SEVERITY.error.icon + ' ' }) : null,
            shown === '' ? el('span', { class: 'blank-mark', text: '（空）' }) : shown,
            fails ? el('span', { class: 'visually-hidden', text: '（错误：' + fails.join('；') + '）' }) : null
          ]);
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);

      var headingId = 'table-' + ti;
      tablesEl.appendChild(el('section', { class: 'table-block', 'aria-labelledby': headingId }, [
        el('h4', { id: headingId, text: captionText }),
        el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': headingId }, [table])
      ]));
    });
  }

  // Make Content-Security-Policy violations visible (DevTools, and the browser test).
  document.addEventListener('securitypolicyviolation', function (e) {
    console.error('nianbao: CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')');
  });
  form.addEventListener('submit', submit);
  startWorker();
})();
