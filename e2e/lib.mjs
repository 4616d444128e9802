// Shared helpers for the end-to-end tests (run with `node --test e2e/` by scripts/test.sh, after
// `trunk build --release` has filled dist/).
//
// Writing a new test file (e2e/<view>.test.mjs):
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { startHarness, openApp, testId, checkA11y, formatViolations, screenshot } from './lib.mjs';
//
//   let h;
//   before(async () => { h = await startHarness(); });   // server + browser, once per file
//   after(async () => { await h.close(); });
//
//   test('the timeline shows the sample', async (t) => {
//     const app = await openApp(h, { view: 'timeline' });  // waits for data-ready="true"
//     t.after(() => app.close());
//     await testId(app.page, 'view-timeline').waitFor();
//     await screenshot(app.page, 'timeline-sample');        // → e2e/out/timeline-sample.png
//     assert.deepEqual(await checkA11y(app.page), [], 'axe');  // or formatViolations(...) in message
//     app.assertNoErrors();                                 // console errors, page errors, panics
//   });
//
// What is here:
//   startHarness({ base })      static server (e2e/server.mjs) under a sub-path + headless Chromium
//   openApp(h, params, opts)    a new page at BASE?params; opts: { path, waitReady, lang (locale),
//                               colorScheme, viewport, dialogs } → { page, context, errors,
//                               dialogs, assertNoErrors(allow), close() }
//   appUrl(h, params, path)     the URL openApp would open
//   fixtureUrl(h, name)         absolute URL of e2e/fixtures/NAME as served (/fixtures/NAME)
//   fixtureText(name)           the fixture's text, e.g. for paste or setInputFiles
//   testId(page, id)            page.locator('[data-testid="id"]')
//   waitReady(page)             waits for .hokoku[data-ready="true"]
//   title(page)                 text of data-testid="title"
//   problems(page)              [{ severity, code, text }] of the problems panel
//   chooseFile(page, name, text)   sets the file input to an in-memory file
//   dropFile(page, name, text, selector)  dispatches dragenter/dragover/drop with a File
//   checkA11y(page, opts)       runs axe-core (WCAG 2 A/AA) → violations (empty is good)
//   formatViolations(list)      a readable message for assert
//   screenshot(page, name)      full-page PNG in e2e/out/ (gitignored; look at them)
//
// Chromium is Debian's /usr/bin/chromium driven by npm playwright-core; Playwright gives each
// launch its own new, empty profile directory (the equivalent of a fresh --user-data-dir).

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { FIXTURES, ROOT, startServer } from './server.mjs';

export const OUT = join(ROOT, 'e2e', 'out');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The sub-path the tests deploy dist/ under: the app must work below any path. */
export const BASE = '/support/incidents/';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A server for dist/ under `base` and one headless Chromium; `close()` stops both. */
export async function startHarness({ base = BASE } = {}) {
  const server = await startServer({ base });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw new Error(`could not start ${CHROMIUM} (scripts/setup.sh --test installs it): ${e.message}`);
  }
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** BASE + path + ?params. `params` is an object (values are stringified) or a query string. */
export function appUrl(h, params = {}, path = '') {
  const url = new URL(path, h.server.appUrl);
  const search = typeof params === 'string' ? new URLSearchParams(params) : new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  url.search = search.toString();
  return url.href;
}

export function fixtureUrl(h, name) {
  return `${h.server.origin}/fixtures/${name}`;
}

export function fixtureText(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function testId(page, id) {
  return page.locator(`[data-testid="${id}"]`);
}

export async function waitReady(page) {
  await page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
}

export async function title(page) {
  return (await testId(page, 'title').first().textContent())?.trim() ?? '';
}

export async function problems(page) {
  return testId(page, 'problem').evaluateAll((els) =>
    els.map((el) => ({
      severity: el.getAttribute('data-severity'),
      code: el.getAttribute('data-code'),
      text: el.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * Opens the app in a new browser context.
 * opts.path: a page below BASE instead of index (e.g. 'embedded-small.html');
 * opts.waitReady (default true): wait until a document is shown;
 * opts.locale / colorScheme / viewport: passed to the context;
 * Dialogs (alert/confirm) are recorded in `dialogs` and dismissed.
 */
export async function openApp(h, params = {}, opts = {}) {
  const { path = '', waitReady: wait = true, locale, colorScheme, viewport = { width: 1280, height: 900 } } = opts;
  const context = await h.browser.newContext({ locale, colorScheme, viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  const dialogs = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() !== 'error' && !/panicked at/.test(text)) return;
    // Chromium's "Failed to load resource" does not say which: add the URL.
    const where = msg.location()?.url;
    errors.push(`console.${msg.type()}: ${text}${where && /Failed to load/.test(text) ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('crash', () => errors.push('page crashed'));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(appUrl(h, params, path));
  if (wait) await waitReady(page);
  return {
    page,
    context,
    errors,
    dialogs,
    /** Fails unless no console error, page error or panic happened; `allow` lists RegExps to ignore. */
    assertNoErrors(allow = []) {
      const left = errors.filter((e) => !allow.some((re) => re.test(e)));
      if (left.length) throw new Error(`errors in the page:\n  ${left.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/** Chooses a file in the loader, as a user would; `text` is a string or the file's bytes. */
export async function chooseFile(page, name, text) {
  await testId(page, 'file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** A small valid report, loaded before a bad input to check that it stays shown. */
export const VALID = 'small.json';
export const VALID_TITLE = JSON.parse(fixtureText(VALID)).report.title;

/** Loads the valid fixture and waits until its title is shown. */
export async function loadValid(page) {
  await chooseFile(page, VALID, fixtureText(VALID));
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want,
    VALID_TITLE,
  );
}

/** Drops a file as a user dragging it from the desktop would (dragenter, dragover, drop). */
export async function dropFile(page, name, text, selector = 'body') {
  const dataTransfer = await page.evaluateHandle(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    [name, text],
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core in the page (WCAG 2.0/2.1/2.2 A and AA rules) and returns the violations.
 * opts.include / opts.exclude: CSS selectors to limit the check to part of the page.
 */
export async function checkA11y(page, { include, exclude, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  }
  const results = await page.evaluate(
    async ({ include, exclude, tags }) => {
      let context = document;
      if (include || exclude) {
        context = {};
        if (include) context.include = [include];
        if (exclude) context.exclude = [exclude];
      }
      const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { include, exclude, tags },
  );
  return results;
}

export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}: ${n.summary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
}

export async function screenshot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
