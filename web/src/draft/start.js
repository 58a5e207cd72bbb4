// 编制 mode: where last year's report comes in to start from (any input the checker reads):
// a file chosen or dropped here (read by the page's readFile, as the check mode reads files),
// or its text pasted. What is carried over is the core's business (start_from_json).

/** The area; on.file(File), on.text(string) and on.html(string) start from it. */
export function startArea(ctx, on) {
  const { el, t } = ctx;
  const files = el('input', { type: 'file', id: 'draft-start-file', class: 'visually-hidden', accept: '.txt,.text,.md,.html,.htm,.docx,.pdf' });
  files.addEventListener('change', () => { if (files.files.length) on.file(files.files[0]); files.value = ''; });
  const choose = el('label', { for: files.id, class: 'button', tabindex: '0', role: 'button', text: t('chooseFiles') });
  choose.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); files.click(); } });
  const paste = el('textarea', { id: 'draft-start-text', rows: '3', spellcheck: 'false', autocomplete: 'off' });
  // A web page copied into an empty box keeps its tables: its HTML goes to the core (as data;
  // never into the page), as in the check mode.
  let html = null;
  paste.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    if (!data || ![...data.types].includes('text/html') || paste.value.trim() !== '') return;
    e.preventDefault();
    paste.value = data.getData('text/plain');
    html = { html: data.getData('text/html'), plain: paste.value };
  });
  paste.addEventListener('input', () => { if (html && paste.value !== html.plain) html = null; });
  const go = el('button', { type: 'button', 'data-action': 'draftStartText', text: t('draftStartFromText') });
  go.addEventListener('click', () => {
    if (!paste.value.trim()) { paste.focus(); return; }
    if (html && html.plain === paste.value) on.html(html.html); else on.text(paste.value);
    paste.value = '';
    html = null;
  });
  const area = el('details', { class: 'draft-start' }, [
    el('summary', { text: t('draftStart') }),
    el('p', { class: 'help', text: t('draftStartHelp') }),
    el('div', { class: 'actions' }, [choose, files, el('span', { class: 'drop-hint', text: t('dropHere') })]),
    el('label', { for: paste.id, class: 'label', text: t('draftStartPaste') }), paste,
    el('div', { class: 'actions' }, [go]),
  ]);
  area.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { e.preventDefault(); area.classList.add('dragging'); } });
  area.addEventListener('dragleave', () => area.classList.remove('dragging'));
  area.addEventListener('drop', (e) => {
    area.classList.remove('dragging');
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    e.stopPropagation();
    on.file(e.dataTransfer.files[0]);
  });
  return area;
}
