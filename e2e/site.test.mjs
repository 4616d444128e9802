// The static site of `hokoku build` (src/site): built from examples/history.json with the app
// of dist/ beside it, served under a sub-path. With JavaScript disabled the pages show the
// letter, the impact table and the timeline's list with its static chart, and the history
// index links to each report; with JavaScript the app takes over from the embedded document
// and the timeline is interactive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startHarness, testId, screenshot } from './lib.mjs';
import { ROOT, DIST, startServer } from './server.mjs';

const BASE = '/status/';
let h;
let site;
let server;

before(async () => {
  // The command line is a native binary of the same crate (feature `cli`).
  execFileSync('cargo', ['build', '--quiet', '--features', 'cli', '--bin', 'hokoku'], { cwd: ROOT, stdio: 'inherit' });
  assert.ok(existsSync(join(DIST, 'hokoku_bg.wasm')), 'dist/ is built (trunk build --release --offline)');
  site = mkdtempSync(join(tmpdir(), 'hokoku-site-'));
  execFileSync(join(ROOT, 'target', 'debug', 'hokoku'), ['build', 'examples/history.json', '--out', site, '--app', DIST], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  h = await startHarness();
  server = await startServer({ base: BASE, dist: site });
});

after(async () => {
  await server?.close();
  await h?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function open(path, javaScriptEnabled) {
  const context = await h.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(new URL(path, server.appUrl).href);
  return { page, errors, close: () => context.close() };
}

test('without JavaScript: the index links every report, a report page shows the letter and the timeline list', async (t) => {
  const index = await open('index.html', false);
  t.after(() => index.close());
  const links = testId(index.page, 'history-open');
  assert.equal(await links.count(), 12, 'one link per report');
  assert.equal(await index.page.locator('link[rel="alternate"][type="application/atom+xml"][href="feed.atom"]').count(), 1);
  assert.ok(await index.page.locator('.hk-history__overview').isVisible(), 'calendar and monthly figures');
  await screenshot(index.page, 'site-index-nojs');

  await links.first().click();
  await index.page.waitForURL(/reports\/.+\.html$/);
  const page = index.page;
  assert.ok(await testId(page, 'letter').isVisible(), 'the letter');
  assert.match(await testId(page, 'letter').textContent(), /敬具|謹白|以上/);
  assert.ok(await testId(page, 'event-list').isVisible(), 'the timeline as its list twin');
  assert.ok((await testId(page, 'event-item').count()) > 0);
  assert.ok(await page.locator('[data-testid="timeline-chart"] svg [data-event]').first().isVisible(), 'the static chart');
  assert.ok(await page.locator('.hk-impact__table, [data-testid="impact-phases"]').first().isVisible(), 'the impact table');
  assert.equal(await page.locator('.hk-timeline__controls').isVisible(), false, 'controls that need JavaScript are hidden');
  assert.equal(await page.locator('link[rel="alternate"][href="../feed.atom"]').count(), 1, 'the page links its feed');
  await screenshot(page, 'site-report-nojs');

  // Printed from the browser's menu: the letter from the first sheet on, A4, no blank page.
  const pdf = join(site, 'printed.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  assert.match(pages[0].replace(/\s+/g, ''), /(拝啓|謹啓)/, 'the first printed page is the letter, not a blank sheet');
  assert.ok(pages.every((p, i) => i === pages.length - 1 || p.trim() !== ''), 'no blank page');
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /\(A4\)/);
});

test('with JavaScript: the app takes over from the embedded document with the interactive timeline', async (t) => {
  const app = await open('reports/2026-03-storage.html', true);
  t.after(() => app.close());
  const root = app.page.locator('#hokoku-root');
  await root.locator('.hokoku[data-ready="true"]').waitFor();
  assert.equal(await app.page.locator('.hk-static').isVisible(), false, 'the static copy steps aside');
  assert.equal(await root.locator('.hokoku').getAttribute('lang'), await app.page.locator('html').getAttribute('lang'), "the app keeps the page's language");
  const staticTitle = (await app.page.locator('.hk-static [data-testid="title"]').textContent()).trim();
  assert.equal((await root.locator('[data-testid="title"]').textContent()).trim(), staticTitle, 'same report');
  await root.locator('[data-testid="tab-timeline"]').click();
  const timeline = root.locator('[data-testid="timeline"]');
  await timeline.locator('[data-event]').first().waitFor();
  assert.equal(await timeline.getAttribute('data-measured'), 'true', 'the chart is measured and drawn by the app');
  await timeline.locator('[data-event]').first().click();
  await root.locator('.hk-timeline__detail').waitFor();
  assert.deepEqual(app.errors, []);
  await screenshot(app.page, 'site-report-js');
});
