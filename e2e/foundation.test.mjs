// The app shell in real Chromium: every way to load a report, the problems panel, language,
// downloads and the schema link, and accessibility. dist/ is served under a sub-path
// (/support/incidents/), so every test also proves the build works below any path.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  appUrl,
  checkA11y,
  chooseFile,
  dropFile,
  fixtureText,
  fixtureUrl,
  formatViolations,
  openApp,
  problems,
  screenshot,
  startHarness,
  testId,
  title,
  waitReady,
} from './lib.mjs';

const SMALL = JSON.parse(fixtureText('small.json'));
const SMALL_TITLE = SMALL.report.title;
/** `12行 5列` in Japanese, `line 12, column 5` in English. */
const JA_POSITION = /\d+行 \d+列/;
const EN_POSITION = /line \d+, column \d+/;
/** Chromium logs every failed download as a console error; the tests that cause one allow it. */
const HTTP_404 = /Failed to load resource.*404/;

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Opens the loader (it may sit in a closed <details>) so its controls can be used. */
async function openLoader(page) {
  await testId(page, 'paste-text').evaluate((el) => {
    const details = el.closest('details');
    if (details && !details.open) details.querySelector('summary')?.click();
  });
  await testId(page, 'paste-text').waitFor({ state: 'visible' });
}

async function paste(page, text) {
  await openLoader(page);
  await testId(page, 'paste-text').fill(text);
  await testId(page, 'paste-load').click();
}

/** Waits until the problems panel lists at least one problem. */
async function waitProblems(page) {
  await testId(page, 'problem').first().waitFor();
  return problems(page);
}

test('the built-in sample renders under a sub-path with no errors', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  assert.ok((await title(page)).length > 0, 'the title is shown');
  assert.ok(((await testId(page, 'issuer').first().textContent()) ?? '').trim().length > 0, 'the issuer is shown');
  assert.equal(await page.locator('.hokoku').count(), 1, 'one app root');
  assert.equal(await testId(page, 'problem').count(), 0, 'the sample has no problems');
  await screenshot(page, 'shell-sample');
  app.assertNoErrors();
});

test('the view switcher shows only real views and keeps the view in the URL', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  const tabs = page.locator('[role="tablist"] [role="tab"]');
  const count = await tabs.count();
  if (count === 0) {
    t.skip('no view exists yet');
    return;
  }
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const id = await tab.getAttribute('data-testid');
    assert.match(id ?? '', /^tab-(timeline|table|letter|edit)$/, 'tab test id');
    const view = id.slice('tab-'.length);
    await tab.click();
    await page.waitForURL((url) => url.searchParams.get('view') === view);
    await testId(page, `view-${view}`).waitFor({ state: 'visible' });
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    await screenshot(page, `shell-view-${view}`);
  }
  // A reload with ?view= opens that view.
  const last = (await tabs.nth(count - 1).getAttribute('data-testid')).slice('tab-'.length);
  await page.goto(appUrl(h, { view: last }));
  await waitReady(page);
  await testId(page, `view-${last}`).waitFor({ state: 'visible' });
  app.assertNoErrors();
});

test('a bad file chosen with the file input shows every error with line and column and keeps the shown report', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  const before = await title(page);
  await chooseFile(page, 'errors.json', fixtureText('errors.json'));
  const list = await waitProblems(page);
  const errors = list.filter((p) => p.severity === 'error');
  assert.ok(errors.length >= 6, `several errors listed, got ${JSON.stringify(list, null, 1)}`);
  const codes = new Set(errors.map((p) => p.code));
  for (const code of ['bad-date', 'missing-offset', 'unknown-ref', 'end-before-start', 'wrong-type']) {
    assert.ok(codes.has(code), `error ${code} listed (got ${[...codes]})`);
  }
  for (const p of errors) assert.match(p.text, JA_POSITION, `position in "${p.text}"`);
  const offset = errors.find((p) => p.code === 'missing-offset');
  assert.match(offset.text, /incident\.start/, 'the JSON path is shown');
  assert.match(offset.text, /12行 14列/, 'the exact position is shown');
  assert.equal(await title(page), before, 'the shown report is kept');
  await screenshot(page, 'shell-bad-file');
  app.assertNoErrors();
});

test('a valid file chosen with the file input replaces the report', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await chooseFile(page, 'small.json', fixtureText('small.json'));
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  assert.equal(await testId(page, 'problem').count(), 0);
  app.assertNoErrors();
});

test('?src= with a relative URL loads that file', async (t) => {
  // From /support/incidents/ two levels up reaches the fixtures at /fixtures/.
  const app = await openApp(h, { src: '../../fixtures/small.json' });
  t.after(() => app.close());
  assert.equal(await title(app.page), SMALL_TITLE);
  assert.ok(h.server.requests.includes('/fixtures/small.json'), 'the fixture was downloaded');
  await screenshot(app.page, 'shell-src');
  app.assertNoErrors();
});

test('?src= with an absolute URL loads that file', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'small.json') });
  t.after(() => app.close());
  assert.equal(await title(app.page), SMALL_TITLE);
  app.assertNoErrors();
});

test('?src= of a missing file shows the http-status problem', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'no-such-file.json') }, { waitReady: false });
  t.after(() => app.close());
  const list = await waitProblems(app.page);
  assert.deepEqual(list.map((p) => [p.severity, p.code]), [['error', 'http-status']]);
  assert.match(list[0].text, /404/);
  await screenshot(app.page, 'shell-src-missing');
  app.assertNoErrors([HTTP_404]);
});

test('?src=javascript: is refused as bad-source and runs nothing', async (t) => {
  const app = await openApp(h, { src: 'javascript:alert(1)' }, { waitReady: false });
  t.after(() => app.close());
  const list = await waitProblems(app.page);
  assert.deepEqual(list.map((p) => [p.severity, p.code]), [['error', 'bad-source']]);
  assert.deepEqual(app.dialogs, [], 'no dialog was opened');
  await screenshot(app.page, 'shell-src-javascript');
  app.assertNoErrors();
});

test('a download shows progress until it is complete', async (t) => {
  const app = await openApp(h, { src: `${h.server.origin}/held/fixtures/small.json` }, { waitReady: false });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'progress').waitFor({ state: 'visible' });
  await screenshot(page, 'shell-progress');
  assert.equal(h.server.release(), 1, 'one download was waiting');
  await waitReady(page);
  await testId(page, 'progress').waitFor({ state: 'detached' });
  assert.equal(await title(page), SMALL_TITLE);
  app.assertNoErrors();
});

test('JSON embedded in the host page is shown', async (t) => {
  const app = await openApp(h, {}, { path: 'embedded-small.html' });
  t.after(() => app.close());
  assert.equal(await title(app.page), SMALL_TITLE);
  await screenshot(app.page, 'shell-embedded');
  app.assertNoErrors();
});

test('pasted JSON is shown, and a pasted syntax error is reported with its position', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await paste(page, fixtureText('small.json'));
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  await paste(page, fixtureText('syntax-error.json'));
  const list = await waitProblems(page);
  assert.deepEqual(list.map((p) => [p.severity, p.code]), [['error', 'syntax']]);
  assert.match(list[0].text, /6行 3列/);
  assert.equal(await title(page), SMALL_TITLE, 'the shown report is kept');
  await screenshot(page, 'shell-paste-syntax');
  app.assertNoErrors();
});

test('a file dropped on the page is loaded', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await dropFile(page, 'small.json', fixtureText('small.json'), '.hokoku');
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  app.assertNoErrors();
});

test('?lang=en switches the interface to English', async (t) => {
  const app = await openApp(h, { lang: 'en' });
  t.after(() => app.close());
  const { page } = app;
  const lang = await page.evaluate(() => document.documentElement.lang || document.querySelector('.hokoku')?.lang);
  assert.equal(lang, 'en');
  const labels = await page.locator('[role="tab"]').allTextContents();
  const english = { 'tab-timeline': 'Timeline', 'tab-table': 'Impact', 'tab-letter': 'Letter' };
  for (const [id, label] of Object.entries(english)) {
    if (await testId(page, id).count()) assert.equal((await testId(page, id).textContent()).trim(), label);
  }
  assert.ok(labels.every((l) => !/[経影お]/.test(l)), `English tab labels: ${labels}`);
  await chooseFile(page, 'errors.json', fixtureText('errors.json'));
  const list = await waitProblems(page);
  for (const p of list) assert.match(p.text, EN_POSITION, `English position in "${p.text}"`);
  await screenshot(page, 'shell-en-problems');
  app.assertNoErrors();
});

test('the Japanese interface has Japanese tab labels', async (t) => {
  const app = await openApp(h, { lang: 'ja' });
  t.after(() => app.close());
  const { page } = app;
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  const japanese = { 'tab-timeline': '経緯', 'tab-table': '影響範囲', 'tab-letter': 'お詫び状' };
  for (const [id, label] of Object.entries(japanese)) {
    if (await testId(page, id).count()) assert.equal((await testId(page, id).textContent()).trim(), label);
  }
  app.assertNoErrors();
});

test('the normalized JSON can be downloaded', async (t) => {
  const app = await openApp(h, { src: '../../fixtures/small.json' });
  t.after(() => app.close());
  const { page } = app;
  const [download] = await Promise.all([page.waitForEvent('download'), testId(page, 'download-json').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.equal(json.version, 1);
  assert.equal(JSON.stringify(json).includes(SMALL_TITLE), true, 'the download holds the shown report');
  app.assertNoErrors();
});

test('the schema link points at schema/v1.json, which is served as JSON', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  const href = await testId(page, 'schema-link').evaluate((a) => a.href);
  assert.match(href, /schema\/v1\.json$/);
  assert.ok(href.startsWith(h.server.appUrl), `the link stays below the sub-path: ${href}`);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  const schema = await res.json();
  assert.equal(typeof schema, 'object');
  assert.ok(schema.$schema || schema.type || schema.properties, 'looks like a JSON Schema');
  app.assertNoErrors();
});

test('the shell has no WCAG 2 A/AA violations (axe-core), light and dark, with and without problems', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const app = await openApp(h, {}, { colorScheme });
    t.after(() => app.close());
    const { page } = app;
    let violations = await checkA11y(page);
    assert.deepEqual(violations, [], `sample, ${colorScheme}:\n${formatViolations(violations)}`);
    await openLoader(page);
    await chooseFile(page, 'errors.json', fixtureText('errors.json'));
    await waitProblems(page);
    violations = await checkA11y(page);
    await screenshot(page, `shell-a11y-${colorScheme}`);
    assert.deepEqual(violations, [], `problems shown, ${colorScheme}:\n${formatViolations(violations)}`);
    app.assertNoErrors();
  }
});

test('a phone-width screen shows the shell without horizontal scrolling', async (t) => {
  const app = await openApp(h, {}, { viewport: { width: 360, height: 740 } });
  t.after(() => app.close());
  const { page } = app;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await screenshot(page, 'shell-phone');
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  app.assertNoErrors();
});
