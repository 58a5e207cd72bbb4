// Accessibility: keyboard-only use, visible focus, a name on every control, AA contrast of the
// severity colours, the large-text mode, English, and a portal toolbar zooming the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, noProblems, openPage, pasteAndCheck, seed, startServer, waitState } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

/** The focused element inside the component (or the page's). */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  const cs = getComputedStyle(a);
  return { tag: a.tagName.toLowerCase(), text: (a.textContent || '').trim().slice(0, 40), role: a.getAttribute('role'),
    outline: cs.outlineStyle + ' ' + cs.outlineWidth, cls: a.className || '' };
});

test('keyboard only: paste box, check, tabs, a finding located — with a visible focus ring', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  // Tab from the top of the page to the paste box.
  let f;
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    if (f.tag === 'textarea') break;
  }
  assert.equal(f.tag, 'textarea');
  assert.match(f.outline, /^solid 3px$/, 'focus ring');
  await page.keyboard.insertText(seed('002_'));
  // On to 检查 and press it.
  for (let i = 0; i < 5 && f.text !== '检查'; i++) { await page.keyboard.press('Tab'); f = await focused(page); }
  assert.equal(f.text, '检查');
  await page.keyboard.press('Enter');
  assert.equal(await waitState(page, ['done', 'failed']), 'done');
  // The result heading has the focus; the tabs answer the arrow keys.
  assert.equal((await focused(page)).tag, 'h2');
  await page.locator('nianbao-check [role=tab][data-tab=report]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('nianbao-check [role=tab][aria-selected=true]').getAttribute('data-tab'), 'tables');
  assert.equal((await focused(page)).role, 'tab');
  await page.keyboard.press('ArrowLeft');
  // Locate a finding with the keyboard: its mark gets the focus.
  await page.locator('nianbao-check li.finding[data-rule="numbering"] button.locate').focus();
  await page.keyboard.press('Enter');
  const mark = await focused(page);
  assert.equal(mark.tag, 'mark');
  assert.match(mark.text, /二、主要做法和工作成效/);
  noProblems(watch);
  await context.close();
});

test('every control has a name; severity colours meet WCAG AA; marks carry an icon and a word', { timeout: 120000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, seed('003_'));
  const unnamed = await page.locator('nianbao-check').evaluate((host) => {
    const root = host.shadowRoot;
    const name = (e) => {
      if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
      if (e.labels && e.labels.length) return [...e.labels].map((l) => l.textContent).join(' ');
      if (e.getAttribute('aria-labelledby')) return root.getElementById(e.getAttribute('aria-labelledby'))?.textContent || '';
      return e.textContent || e.getAttribute('title') || '';
    };
    return [...root.querySelectorAll('button, input, select, textarea, [role=tab], [tabindex="0"]')]
      .filter((e) => !name(e).trim()).map((e) => e.outerHTML.slice(0, 80));
  });
  assert.deepEqual(unnamed, []);
  const pairs = await page.locator('nianbao-check').evaluate((host) => {
    const root = host.shadowRoot;
    const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const out = [];
    for (const sel of ['.count.sev-error', '.count.sev-warning', '.count.sev-info', 'li.finding .sev', '.help', 'button.primary', '[role=tab][aria-selected=true]']) {
      const e = root.querySelector(sel);
      if (!e) continue;
      let bgEl = e, bg = getComputedStyle(e).backgroundColor;
      while (/rgba\(0, 0, 0, 0\)|transparent/.test(bg) && bgEl.parentElement) { bgEl = bgEl.parentElement; bg = getComputedStyle(bgEl).backgroundColor; }
      if (/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) bg = 'rgb(250, 250, 247)';
      out.push([sel, ratio(getComputedStyle(e).color, bg)]);
    }
    return out;
  });
  assert.ok(pairs.length >= 6, JSON.stringify(pairs));
  for (const [sel, r] of pairs) assert.ok(r >= 4.5, `${sel}: contrast ${r.toFixed(2)}`);
  // Never colour alone: each error mark that opens a span has an icon and a hidden word.
  const marks = await page.locator('nianbao-check .textview mark.sev-error:has(.icon)').evaluateAll((ms) =>
    ms.map((m) => m.querySelector('.icon').textContent + '|' + m.querySelector('.visually-hidden').textContent));
  assert.ok(marks.length >= 24);
  for (const m of marks) assert.equal(m, '✖|错误：');
  await context.close();
});

test('large-text mode, English, and a toolbar zoom of 150% keep everything usable', { timeout: 120000 }, async () => {
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  const size = () => page.locator('nianbao-check textarea').evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
  const before = await size();
  await page.locator('nianbao-check button.large-toggle').click();
  assert.equal(await page.locator('nianbao-check button.large-toggle').getAttribute('aria-pressed'), 'true');
  assert.ok(await size() >= before * 1.2, 'text grows by a quarter');
  await page.locator('nianbao-check button.lang').click();
  assert.equal(await page.locator('nianbao-check').getAttribute('lang'), 'en');
  assert.equal((await page.locator('nianbao-check label.label').textContent()).trim(), 'Paste the report');
  assert.equal((await page.locator('nianbao-check button.primary').textContent()).trim(), 'Check');
  await pasteAndCheck(page, seed('001_'));
  assert.match(await page.locator('nianbao-check [role=tab][data-tab=tables]').textContent(), /Rebuilt tables/);
  await page.locator('nianbao-check button.lang').click();
  assert.equal((await page.locator('nianbao-check button.primary').textContent()).trim(), '检查');
  assert.equal(await page.locator('nianbao-check li.finding').count() > 0, true, 'the result survives the switch');
  // A portal's zoom tool scales the whole page: nothing spills sideways.
  await page.evaluate(() => { document.body.style.zoom = '1.5'; });
  await page.setViewportSize({ width: 1024, height: 800 });
  const spill = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(spill <= 0, `${spill}px of horizontal overflow at 150% zoom`);
  noProblems(watch);
  await context.close();
});

test('narrow viewport (360px): no horizontal overflow, the panes stack', { timeout: 120000 }, async () => {
  const { context, page } = await openPage(browser, server.url, { width: 360, height: 740 });
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, seed('003_'));
  const spill = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(spill <= 0, `${spill}px wider than the viewport`);
  const [a, b] = await page.locator('nianbao-check .split > section').evaluateAll((s) => s.map((x) => x.getBoundingClientRect().top));
  assert.ok(b > a, 'text below the findings');
  await context.close();
});
