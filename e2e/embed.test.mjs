// Embedding on a company site: the iframe mode with its postMessage protocol (height out, report
// in, origins checked both ways), two direct mounts on one host page whose styles stay out, and
// the whole app under a strict Content-Security-Policy with zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, screenshot, waitReady } from './lib.mjs';
import { startServer } from './server.mjs';

/** The header docs/embedding.md recommends, with the host site allowed to frame the app. */
export const CSP_BASE = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
const csp = () => `${CSP_BASE} ${host.origin}`;

let h;
let host; // a second origin standing for the company site
before(async () => {
  h = await startHarness();
  host = await startServer({ base: '/site/' });
  // The deployer lists the company site as the one host that may send reports.
  h.server.deploy({ hostOrigins: [host.origin] });
});
after(async () => {
  await host?.close();
  await h?.close();
});

/** The host's iframe page on origin B, pointing at the app on origin A. */
function iframeHostUrl(view = 'table') {
  const app = new URL('index.html', h.server.appUrl).href;
  const url = new URL('examples/embed/iframe.html', host.appUrl);
  url.searchParams.set('app', app);
  url.searchParams.set('view', view);
  return url.href;
}

/** A host page; every response of the app's origin carries the strict CSP. */
async function openHost(url) {
  const context = await h.browser.newContext({ viewport: { width: 1100, height: 900 } });
  await withCsp(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, context, errors };
}

test('iframe embed: one view, no chrome, and the frame sizes itself from its reported height', async (t) => {
  const { page, context, errors } = await openHost(iframeHostUrl('table'));
  t.after(() => context.close());
  const frame = page.frameLocator('#hokoku-frame');
  await frame.locator('.hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  await frame.locator('[data-testid="view-table"]').waitFor();
  assert.equal(await frame.locator('[role="tablist"]').count(), 0, 'no view switcher in embed mode');
  assert.equal(await frame.locator('[data-testid="file-input"]').count(), 0, 'no loader in embed mode');
  // The host sets the iframe's height from the frame's hokoku:height message.
  await page.waitForFunction(() => parseFloat(document.getElementById('hokoku-frame').style.height) > 400);
  const frameHeight = await page.evaluate(() => parseFloat(document.getElementById('hokoku-frame').style.height));
  const contentHeight = await frame.locator('.hokoku').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 1, `frame ${frameHeight}px, content ${contentHeight}px`);
  await screenshot(page, 'embed-iframe');
  assert.deepEqual(errors, []);
  const appFrame = page.frames().find((f) => f.url().startsWith(h.server.origin));
  assert.deepEqual(await appFrame.evaluate(() => window.__cspViolations), [], 'the framed app under the strict CSP');
});

test('iframe embed: ?view=edit is refused, with a note; the frame shows the report', async (t) => {
  const { page, context, errors } = await openHost(iframeHostUrl('edit'));
  t.after(() => context.close());
  const frame = page.frameLocator('#hokoku-frame');
  await frame.locator('.hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  await frame.locator('[data-testid="view-timeline"]').waitFor();
  assert.match(await frame.locator('[data-testid="edit-refused"]').textContent(), /埋め込み表示では開けません/);
  assert.equal(await frame.locator('[data-testid="editor"], textarea').count(), 0, 'no editor, no text area');
  assert.deepEqual(errors, []);
});

test('iframe embed: a report posted by the allowed origin is shown; other origins are ignored', async (t) => {
  const { page, context } = await openHost(iframeHostUrl('table'));
  t.after(() => context.close());
  const frame = page.frameLocator('#hokoku-frame');
  const view = frame.locator('[data-testid="view-table"]');
  await view.waitFor();
  assert.doesNotMatch(await view.textContent(), /Form submission/);

  // Ignored: a message claiming another origin, sent inside the frame itself.
  const appFrame = page.frames().find((f) => f.url().startsWith(h.server.origin));
  assert.ok(appFrame, 'app frame found');
  const english = await (await fetch(new URL('examples/sample-en.json', h.server.appUrl))).text();
  await appFrame.evaluate((json) => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'hokoku:load', json }, origin: 'https://evil.example' }));
  }, english);
  // And a real cross-origin message from a page the deployer did not list, naming itself in
  // ?allow_origin= (ignored), on a deployment without the CSP (which would not let it frame the
  // app at all: e2e/trust.test.mjs).
  const other = await startServer({ base: '/other/' });
  t.after(() => other.close());
  const framed = new URL('index.html', h.server.appUrl);
  framed.search = new URLSearchParams({ embed: '1', view: 'table', allow_origin: other.origin }).toString();
  const noCsp = await h.browser.newContext();
  t.after(() => noCsp.close());
  const intruder = await noCsp.newPage();
  await intruder.goto(`${other.origin}/other/examples/embed/iframe.html`);
  await intruder.evaluate(
    ([src, json]) =>
      new Promise((ok) => {
        const f = document.createElement('iframe');
        f.src = src;
        f.onload = () => {
          f.contentWindow.postMessage({ type: 'hokoku:load', json }, '*');
          setTimeout(ok, 500);
        };
        document.body.append(f);
      }),
    [framed.href, english],
  );
  const intruded = intruder.frames().find((f) => f.url().startsWith(framed.origin) && f.url().includes('embed=1'));
  assert.ok(intruded, 'intruder frame loaded');
  await intruded.locator('.hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  assert.doesNotMatch(await intruded.locator('[data-testid="view-table"]').textContent(), /Form submission/, 'message from a non-listed origin ignored');
  assert.doesNotMatch(await view.textContent(), /Form submission/, 'spoofed origin ignored');

  // Accepted: the host page (the listed origin) sends the English sample.
  await page.click('#send-report');
  await frame.locator('[data-testid="view-table"]', { hasText: "Form submission" }).waitFor();
  await screenshot(page, 'embed-iframe-posted');
});

test('direct mount: two instances on one host page, host styles stay out', async (t) => {
  const { page, context, errors } = await openHost(new URL('examples/embed/mount.html', h.server.appUrl).href);
  t.after(() => context.close());
  await page.locator('#incident-a .hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  await page.locator('#incident-b .hokoku[data-ready="true"]').waitFor({ state: 'attached' });
  assert.match(await page.locator('#incident-b').textContent(), /Form submission/);
  assert.equal(await page.locator('#incident-b .hokoku').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#incident-a .hokoku').getAttribute('lang'), 'ja');
  // The host's `td { border: 3px dotted }` must not reach hokoku's cells.
  const cellBorder = await page.locator('#incident-a .hokoku td').first().evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.notEqual(cellBorder, 'dotted');
  // And hokoku's styles must not reach the host: the host's own heading keeps its font.
  const hostFont = await page.locator('.host-header h1').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(hostFont, /Georgia/);
  // Mounting leaves the host's URL and title alone.
  assert.equal(await page.title(), 'Host page: hokoku mounted directly');
  assert.ok(!page.url().includes('view='), page.url());
  await screenshot(page, 'embed-mount');
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the mounting page under the strict CSP');
});

/** Serves every app response with the CSP header and records violations in the page. */
async function withCsp(context) {
  await context.route(`${h.server.origin}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': csp() };
    await route.fulfill({ response, headers });
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

test('strict CSP: loading, switching views, embed mode and printing cause no violation', async (t) => {
  for (const params of [{}, { embed: '1', view: 'table' }, { lang: 'en' }]) {
    const app = await openApp(h, params, { waitReady: false });
    t.after(() => app.close());
    await withCsp(app.context);
    await app.page.reload();
    await waitReady(app.page);
    const tabs = await app.page.locator('[role="tab"]').all();
    for (const tab of tabs) {
      await tab.click();
      await app.page.waitForTimeout(100);
    }
    // The timeline's interactions (hover tooltip, selection, zoom) must not need inline styles.
    if (tabs.length) {
      await app.page.locator('[data-testid="tab-timeline"]').click();
      const marker = app.page.locator('[data-testid="timeline"] [data-event]').first();
      await marker.hover({ force: true });
      await marker.focus();
      await app.page.keyboard.press('Enter');
      await app.page.keyboard.press('ArrowRight');
      await app.page.keyboard.press('Escape');
      await app.page.waitForTimeout(100);
    }
    await app.page.emulateMedia({ media: 'print' });
    await app.page.pdf({ format: 'A4' });
    await app.page.emulateMedia({ media: 'screen' });
    const violations = await app.page.evaluate(() => window.__cspViolations);
    assert.deepEqual(violations, [], `CSP violations with ${JSON.stringify(params)}`);
    app.assertNoErrors();
  }
});

test('?src= refuses other schemes under the CSP too', async (t) => {
  const app = await openApp(h, { src: 'data:application/json,{}' }, { waitReady: false });
  t.after(() => app.close());
  await testId(app.page, 'problems').waitFor();
  assert.equal(await testId(app.page, 'problem').first().getAttribute('data-code'), 'bad-source');
});
