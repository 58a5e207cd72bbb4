// Browser test of the static page with Debian Chromium (playwright-core, no downloaded browser).
// Run: node --test tests/browser/      (after scripts/build has made build/site)
// Env: NIANBAO_SITE (default <repo>/build/site), NIANBAO_SEEDS (default <repo>/../shared/seeds),
//      NIANBAO_CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = path.resolve(process.env.NIANBAO_SITE || path.join(repo, 'build', 'site'));
const seedsDir = path.resolve(process.env.NIANBAO_SEEDS || path.join(repo, '..', 'shared', 'seeds'));
const chromiumPath = process.env.NIANBAO_CHROMIUM || '/usr/bin/chromium';
const screenshot = path.join(repo, 'build', 'screenshots', 'page-seed003.png');

function seed(prefix) {
  const name = fs.existsSync(seedsDir) && fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix}*.txt not found in ${seedsDir}`);
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), '--dir', site, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error(`server did not start: ${err}`)); }, 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /nianbao: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ proc, url: m[1] }); }
    });
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

let server;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(site, 'index.html')), `${site}/index.html missing: run scripts/build first`);
  assert.ok(fs.existsSync(path.join(site, 'nianbao.js')), `${site}/nianbao.js missing: run scripts/build first`);
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} missing: run scripts/setup (apt-get install chromium)`);
  server = await startServer();
  // launch() gives every run a fresh temporary profile (and removes it on close).
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      // Belt and braces: nothing but loopback can even be resolved.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) { server.proc.removeAllListeners('exit'); server.proc.kill(); }
});

test('seed 003: legacy-sum finding for 行政诉讼 and the failing cell', { timeout: 120000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const problems = [];
  const foreign = [];
  const allowed = new URL(server.url);
  const isLocal = (u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
    return url.hostname === allowed.hostname;
  };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isLocal(u)) return route.continue();
    foreign.push(u);
    return route.abort();
  });
  context.on('request', (req) => { if (!isLocal(req.url())) foreign.push(req.url()); });

  const page = await context.newPage();
  // Console messages of the page and of its worker both arrive here; CSP violations are
  // logged by app.js/worker.js, so they count too.
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => { if (isLocal(r.url())) problems.push(`request failed: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });

  await page.goto(server.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.title(), /年报检查/);
  // The worker loads the wasm and reports ready (version in the footer).
  await page.locator('#status[data-state="ready"]').waitFor({ timeout: 30000 });

  await page.getByLabel('粘贴年报全文').fill(seed('003_'));
  await page.getByRole('button', { name: '检查' }).click();
  await page.locator('#status[data-state="done"], #status[data-state="failed"]').waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#status').getAttribute('data-state'), 'done', await page.locator('#status').textContent());

  // Summary: at least one error, legacy format.
  const errors = Number(await page.locator('#summary').getAttribute('data-errors'));
  assert.ok(errors >= 1, `summary error count ${errors}`);
  assert.match(await page.locator('#summary [data-key="format"] dd').textContent(), /旧版/);

  // The finding: legacy-sum, mentions 行政诉讼, expected 6, actual 9, error shown with text (not colour alone).
  const finding = page.locator('#findings li[data-rule="legacy-sum"]').filter({ hasText: '行政诉讼' });
  assert.equal(await finding.count(), 1, 'one legacy-sum finding about 行政诉讼');
  assert.equal(await finding.getAttribute('data-severity'), 'error');
  assert.equal((await finding.locator('.sev').textContent()).trim().replace(/^\S+\s*/, ''), '错误');
  assert.equal((await finding.locator('.expected').textContent()).trim(), '6');
  assert.equal((await finding.locator('.actual').textContent()).trim(), '9');
  assert.match(await finding.locator('.line').textContent(), /^第 \d+ 行$/);
  assert.match(await finding.locator('.excerpt mark').textContent(), /9/);

  // The rebuilt legacy table marks the failing cell.
  const table = page.locator('table[data-table-id="legacy"]');
  assert.equal(await table.count(), 1, 'one legacy table');
  const fail = table.locator('td.fail');
  assert.ok((await fail.count()) >= 1, 'a cell marked fail');
  const failing = fail.filter({ hasText: '9' }).first();
  assert.equal(await failing.getAttribute('data-row'), '五、行政诉讼数量');
  assert.match(await failing.getAttribute('title'), /行政诉讼/);

  // 在原文中定位 selects the span in the textarea.
  await finding.getByRole('button', { name: '在原文中定位' }).click();
  const selected = await page.locator('#report').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.match(selected, /9/);

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.locator('#result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: true });

  assert.deepEqual([...new Set(problems)], [], 'no console errors, page errors or failed requests');
  assert.deepEqual(foreign, [], 'no request leaves 127.0.0.1');
  await context.close();
});

test('narrow viewport: page renders without horizontal overflow of the form', { timeout: 60000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px viewport`);
  assert.ok(await page.getByRole('button', { name: '检查' }).isVisible());
  await context.close();
});
