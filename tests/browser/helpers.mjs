// Shared by the browser tests: the loopback server, Debian Chromium through playwright-core
// (never a downloaded browser), and the page's parts. Playwright's CSS selectors pierce the
// Shadow DOM of <nianbao-check>.
// Env: NIANBAO_SITE (default <repo>/build/site), NIANBAO_SEEDS (<repo>/../shared/seeds),
//      NIANBAO_CHROMIUM (/usr/bin/chromium).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const site = path.resolve(process.env.NIANBAO_SITE || path.join(repo, 'build', 'site'));
export const seedsDir = path.resolve(process.env.NIANBAO_SEEDS || path.join(repo, '..', 'shared', 'seeds'));
export const fixtures = path.join(repo, 'tests', 'fixtures');
export const screenshots = path.join(repo, 'build', 'screenshots');
const chromiumPath = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';

export function seedName(prefix) {
  const name = fs.existsSync(seedsDir) && fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix}*.txt not found in ${seedsDir}`);
  return name;
}
export const seed = (prefix) => fs.readFileSync(path.join(seedsDir, seedName(prefix)), 'utf8');

export function startServer() {
  assert.ok(fs.existsSync(path.join(site, 'index.html')), `${site}/index.html missing: run scripts/build first`);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), '--dir', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error(`server did not start: ${err}`)); }, 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /nianbao: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ proc, url: m[1], stop: () => { proc.removeAllListeners('exit'); proc.kill(); } }); }
    });
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

export function launch() {
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} missing: run scripts/setup (apt-get install chromium)`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      // Belt and braces: nothing but loopback can even be resolved.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

/**
 * A page with everything it does watched: console errors and warnings (CSP violations are
 * logged by the page and its worker), page errors, failed and non-loopback requests, and every
 * request after `markLoaded()`.
 */
export async function openPage(browser, url, { width = 1280, height = 900, lang = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: lang, acceptDownloads: true });
  const watch = { problems: [], foreign: [], requests: [], loaded: false };
  const local = (u) => {
    const x = new URL(u);
    if (['data:', 'blob:', 'about:', 'file:'].includes(x.protocol)) return true;
    return x.hostname === '127.0.0.1';
  };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (local(u)) return route.continue();
    watch.foreign.push(u);
    return route.abort();
  });
  context.on('request', (req) => {
    if (!local(req.url())) watch.foreign.push(req.url());
    const proto = new URL(req.url()).protocol;
    if (watch.loaded && proto !== 'blob:' && proto !== 'data:') watch.requests.push(req.url());
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => { if (local(r.url())) watch.problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) watch.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('dialog', (d) => { watch.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  return { context, page, watch, markLoaded: () => { watch.loaded = true; } };
}

/** The element's status line reaches `state` ("ready", "done", "failed"). */
export async function waitState(page, states, timeout = 60000) {
  const list = [].concat(states);
  await page.locator(list.map((s) => `nianbao-check .status[data-state="${s}"]`).join(', ')).first().waitFor({ timeout });
  return page.locator('nianbao-check .status').getAttribute('data-state');
}

export async function pasteAndCheck(page, text) {
  await page.locator('nianbao-check textarea').fill(text);
  await page.locator('nianbao-check button.primary').click();
  const state = await waitState(page, ['done', 'failed']);
  assert.equal(state, 'done', await page.locator('nianbao-check .status').textContent());
}

/** Files dropped onto the element, as a user drags them from the desktop. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: path.basename(f), type: '', data: fs.readFileSync(f).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const target = document.querySelector('nianbao-check').shadowRoot.querySelector('.nb');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

export async function cells(page, tableId) {
  return page.locator(`nianbao-check table[data-table-id="${tableId}"] td[data-row]`).evaluateAll((tds) =>
    tds.map((td) => `${td.dataset.row}|${td.dataset.col}|${td.textContent.replace(/[✖⚠]\s*/g, '').replace(/（错误：.*$/, '').trim()}`));
}

/** The file an export button (data-action) downloads: { name, bytes }. */
export async function downloadedFile(page, action) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`nianbao-check [data-action=${action}]`).click()]);
  const chunks = [];
  for await (const c of await d.createReadStream()) chunks.push(c);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** A reviewer's correction of one cell (更正单元格): the tables tab, edit mode, the value typed
 *  and Enter; resolves when the report was checked again and the cell shows as corrected. */
export async function correctCell(page, tableId, row, value) {
  await page.locator('nianbao-check [role=tab][data-tab=tables]').click();
  await page.locator('nianbao-check button.edit-cells').click();
  const input = page.locator(`nianbao-check table[data-table-id="${tableId}"] input.cell-edit[data-row="${row}"]`);
  await input.fill(String(value));
  await input.press('Enter');
  await page.locator(`nianbao-check table[data-table-id="${tableId}"] td.corrected[data-row="${row}"]`).first().waitFor({ timeout: 30000 });
}

/** The text of the file an export button (data-action) downloads. */
export async function downloaded(page, action) {
  return (await downloadedFile(page, action)).bytes.toString('utf8');
}

export function shot(page, name, fullPage = true) {
  fs.mkdirSync(screenshots, { recursive: true });
  return page.screenshot({ path: path.join(screenshots, name + '.png'), fullPage });
}

export function noProblems(watch) {
  assert.deepEqual([...new Set(watch.problems)], [], 'no console errors, page errors, dialogs or failed requests');
  assert.deepEqual(watch.foreign, [], 'no request leaves 127.0.0.1');
}
