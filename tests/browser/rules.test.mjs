// The page names rules as the core's registry does (nianbao/rules.hpp; the worker sends the
// binding's rules() with its ready message): the rule filter and the rules' titles show the
// registry's zh-CN or English name by the page language, and a rule the registry lacks its id.
// The names expected are those of `nianbao rules` (env NIANBAO_CLI, default build/native/nianbao).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ruleName } from '../../web/src/engine.js';
import { fixtures, launch, noProblems, openPage, pasteAndCheck, repo, startServer, waitState } from './helpers.mjs';

const cli = path.resolve(process.env.NIANBAO_CLI || path.join(repo, 'build', 'native', 'nianbao'));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

function registry() {
  assert.ok(fs.existsSync(cli), `${cli} missing: run scripts/build first`);
  return new Map(JSON.parse(execFileSync(cli, ['rules'], { encoding: 'utf8' })).rules.map((r) => [r.id, r]));
}

test('a rule the registry lacks is named by its id; a known one by the page language', () => {
  const names = new Map([['t3-balance', { zh_CN: '表三平衡', en: 'T3 balance' }]]);
  assert.equal(ruleName(names, 'zh-CN', 't3-balance'), '表三平衡');
  assert.equal(ruleName(names, 'en', 't3-balance'), 'T3 balance');
  assert.equal(ruleName(names, 'en', 'no-such-rule'), 'no-such-rule');
  assert.equal(ruleName(new Map(), 'zh-CN', 't3-balance'), 't3-balance');
});

test('the rule filter and the rules\' titles show the core\'s names, in zh-CN and in English', { timeout: 120000 }, async () => {
  const rules = registry();
  const balance = rules.get('t3-balance');
  assert.ok(balance && balance.name.zh_CN && balance.name.en, 't3-balance is in the registry with both names');
  const { context, page, watch } = await openPage(browser, server.url);
  await waitState(page, 'ready', 30000);
  await pasteAndCheck(page, fs.readFileSync(path.join(fixtures, 'reports', 'r2021-err', 'pipe-rows.txt'), 'utf8'));

  const shown = async () => {
    const options = await page.locator('nianbao-check .rule-chips button.chip').evaluateAll((bs) => bs.map((b) => [b.dataset.rule, b.textContent.replace(/^[✖⚠ℹ] /, '')]));
    const titles = await page.locator('nianbao-check li.finding code.rule').evaluateAll((cs) => cs.map((c) => [c.textContent, c.title]));
    return { options: options.filter(([v]) => v), titles };
  };
  for (const [lang, key] of [['zh-CN', 'zh_CN'], ['en', 'en']]) {
    if (lang === 'en') {
      await page.locator('nianbao-check button.lang').click();
      assert.equal(await page.locator('nianbao-check').getAttribute('lang'), 'en');
    }
    const { options, titles } = await shown();
    assert.ok(options.some(([v]) => v === 't3-balance'), 'the report has a t3-balance finding');
    for (const [id, text] of options) {
      const name = rules.get(id).name[key];
      assert.match(text, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+$`), `${lang}: chip of ${id}`);
    }
    assert.ok(titles.length > 0);
    for (const [id, title] of titles) assert.equal(title, rules.get(id).name[key], `${lang}: title of ${id}`);
    // The one the issue names, spelled out.
    const option = options.find(([v]) => v === 't3-balance')[1];
    assert.ok(option.startsWith(balance.name[key] + ' ') && /^\d+$/.test(option.slice(balance.name[key].length + 1)), option);
  }
  noProblems(watch);
  await context.close();
});
