// Only the deployer decides what the company's page shows. Each test plays an attacker on a
// second origin (another port of 127.0.0.1, its own server) trying to put a report of its own on
// the app's origin, and shows it fails; and the deployer-configured path next to it works, so a
// refusal is never just a broken app:
// - ?allow_origin= in the URL (window.open, iframe) is ignored; the deployer's
//   <meta name="hokoku-host-origins"> decides, and the recommended CSP keeps other sites from
//   framing the app at all (frame-ancestors);
// - ?src= loads from the page's own origin only (checked again after redirects), other origins
//   only when <meta name="hokoku-source-origins"> lists them; the page says where a report came from.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, title, problems, screenshot, waitReady, fixtureText, appUrl } from './lib.mjs';
import { startServer } from './server.mjs';

const INTRUDER_TITLE = '重要: 個人情報漏えいのお詫び (偽の報告)';
const SAMPLE_TITLE_PART = '障害';

let h;
let attacker; // an origin nobody listed
let company; // the company's own site, listed by the deployer when a test says so
before(async () => {
  h = await startHarness();
  attacker = await startServer({ base: '/evil/' });
  company = await startServer({ base: '/site/' });
});
after(async () => {
  await company?.close();
  await attacker?.close();
  await h?.close();
});
beforeEach(() => h.server.deploy({}));

/** A page on `server`'s origin (any of its pages: it only runs the test's script). */
async function pageOn(context, server) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.origin}/fixtures/intruder.json`);
  return page;
}

/** Counts the messages a window receives, after hokoku's own listener (registered at start). */
async function countMessages(frameOrPage) {
  await frameOrPage.evaluate(() => {
    window.__messages = 0;
    addEventListener('message', () => window.__messages++);
  });
}

async function waitMessages(frameOrPage, n) {
  await frameOrPage.waitForFunction((n) => window.__messages >= n, n);
}

/** Opens the app with window.open from `opener` (a page on another origin) and posts a report. */
async function openAndPost(context, opener, params) {
  const url = appUrl(h, params);
  const [tab] = await Promise.all([context.waitForEvent('page'), opener.evaluate((url) => (window.__tab = window.open(url)), url)]);
  tab.setDefaultTimeout(30_000);
  await waitReady(tab);
  await countMessages(tab);
  await opener.evaluate((json) => window.__tab.postMessage({ type: 'hokoku:load', json }, '*'), fixtureText('intruder.json'));
  await waitMessages(tab, 1);
  return tab;
}

test('?allow_origin= in a link does not let its author post a report into the tab it opens', async (t) => {
  const context = await h.browser.newContext();
  t.after(() => context.close());
  const evil = await pageOn(context, attacker);
  const tab = await openAndPost(context, evil, { allow_origin: attacker.origin, embed: '1', view: 'letter' });
  assert.ok((await tab.locator('.hokoku').textContent()).includes(SAMPLE_TITLE_PART));
  assert.ok(!(await tab.locator('.hokoku').textContent()).includes('個人情報漏えい'), 'the intruder report is not shown');
  assert.ok(!(await tab.title()).includes('個人情報漏えい'), 'nor in the tab title');
  const stored = await tab.evaluate(() => sessionStorage.getItem('hokoku:last-good') ?? '');
  assert.ok(!stored.includes('個人情報漏えい'), 'nor kept as the last good document');
  await screenshot(tab, 'trust-allow-origin-ignored');
});

test('a host origin the deployer listed may post a report into a tab it opened (and the page says so)', async (t) => {
  h.server.deploy({ hostOrigins: [company.origin] });
  const context = await h.browser.newContext();
  t.after(() => context.close());
  const site = await pageOn(context, company);
  const tab = await openAndPost(context, site, { embed: '1', view: 'letter' });
  await tab.locator('.hokoku', { hasText: '個人情報漏えい' }).waitFor();
  assert.equal(await testId(tab, 'source-name').textContent(), company.origin, 'the report says where it came from');
  // The same deployment still ignores a site it did not list, even one naming itself in the URL.
  const evil = await pageOn(context, attacker);
  const other = await openAndPost(context, evil, { allow_origin: attacker.origin, embed: '1', view: 'letter' });
  assert.ok(!(await other.locator('.hokoku').textContent()).includes('個人情報漏えい'));
});

test('an iframe on a site the deployer did not list: its messages are ignored (a deployment without CSP)', async (t) => {
  const context = await h.browser.newContext();
  t.after(() => context.close());
  const evil = await pageOn(context, attacker);
  const src = appUrl(h, { embed: '1', view: 'letter', allow_origin: attacker.origin });
  await evil.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, src);
  const frame = await (await evil.waitForSelector('iframe')).contentFrame();
  await frame.locator('.hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  await countMessages(frame);
  await evil.evaluate((json) => document.querySelector('iframe').contentWindow.postMessage({ type: 'hokoku:load', json }, '*'), fixtureText('intruder.json'));
  await waitMessages(frame, 1);
  assert.ok(!(await frame.locator('.hokoku').textContent()).includes('個人情報漏えい'));
});

test('with the recommended CSP (frame-ancestors), a site that is not listed cannot frame the app at all', async (t) => {
  const context = await h.browser.newContext();
  t.after(() => context.close());
  // The header of docs/embedding.md, with the company site allowed to frame the app.
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' ${company.origin}`;
  await context.route(`${h.server.origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  const src = appUrl(h, { embed: '1', view: 'letter' });
  const frameIn = async (server) => {
    const page = await pageOn(context, server);
    await page.evaluate(
      (src) =>
        new Promise((ok) => {
          const f = document.createElement('iframe');
          f.onload = ok;
          f.src = src;
          document.body.append(f);
        }),
      src,
    );
    return (await page.$('iframe')).contentFrame();
  };
  const listed = await frameIn(company);
  await listed.locator('.hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  const blocked = await frameIn(attacker);
  assert.ok(!blocked.url().startsWith(h.server.origin), `the frame stayed empty: ${blocked.url()}`);
});

test('?src= on another origin is refused by default, before anything is requested', async (t) => {
  const path = '/cors/fixtures/intruder.json';
  for (const src of [`//127.0.0.1:${attacker.port}${path}`, `${attacker.origin}${path}`, `HTTP://127.0.0.1:${attacker.port}${path}`]) {
    const app = await openApp(h, { src }, { waitReady: false });
    t.after(() => app.close());
    await testId(app.page, 'problem').first().waitFor();
    const list = await problems(app.page);
    assert.deepEqual(list.map((p) => p.code), ['source-not-allowed'], src);
    assert.ok(list[0].text.includes(attacker.origin), list[0].text);
    assert.notEqual(await title(app.page), INTRUDER_TITLE);
    app.assertNoErrors();
  }
  assert.ok(!attacker.requests.includes(path), `the other origin was never asked: ${attacker.requests}`);
});

test('a same-origin redirect to another origin is refused: the final URL decides', async (t) => {
  const target = `${attacker.origin}/cors/fixtures/intruder.json`;
  const src = `${h.server.origin}/redirect?to=${encodeURIComponent(target)}`;
  const app = await openApp(h, { src }, { waitReady: false });
  t.after(() => app.close());
  await testId(app.page, 'problem').first().waitFor();
  const list = await problems(app.page);
  assert.deepEqual(list.map((p) => p.code), ['source-not-allowed']);
  assert.ok(list[0].text.includes(attacker.origin), list[0].text);
  assert.ok(!(await app.page.locator('.hokoku').textContent()).includes('個人情報漏えい'));
  await screenshot(app.page, 'trust-redirect-refused');
  app.assertNoErrors();
});

test('an origin the deployer listed may serve reports, directly or by redirect; the page shows the final URL', async (t) => {
  h.server.deploy({ sourceOrigins: [company.origin] });
  const target = `${company.origin}/cors/fixtures/small.json`;
  for (const src of [target, `${h.server.origin}/redirect?to=${encodeURIComponent(target)}`]) {
    const app = await openApp(h, { src });
    t.after(() => app.close());
    assert.match(await title(app.page), /かもめクラウドストレージ/);
    assert.equal(await testId(app.page, 'source-name').textContent(), target);
    app.assertNoErrors();
  }
});

test('a report from the page\'s own origin shows where it came from, in the app and embedded', async (t) => {
  for (const params of [{ src: 'examples/sample-en.json' }, { src: 'examples/sample-en.json', embed: '1', view: 'table' }]) {
    const app = await openApp(h, params);
    t.after(() => app.close());
    const shown = await testId(app.page, 'source').textContent();
    assert.equal(shown, `Source: ${new URL('examples/sample-en.json', h.server.appUrl).href}`);
    app.assertNoErrors();
  }
});
