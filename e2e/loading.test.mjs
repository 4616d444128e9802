// Downloads and the user's later actions: the latest action wins, a download in flight can be
// cancelled, and progress without a length says how much has arrived. Downloads are held by the
// test server (/held/, /stream/) until the test releases them, so nothing depends on timing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, title, fixtureText, chooseFile, waitReady } from './lib.mjs';

const SMALL_TITLE = 'かもめクラウドストレージ 接続障害のご報告';
const INTRUDER_TITLE = '重要: 個人情報漏えいのお詫び (偽の報告)';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function openLoader(page) {
  await testId(page, 'paste-text').evaluate((el) => {
    const details = el.closest('details');
    if (details && !details.open) details.querySelector('summary')?.click();
  });
  await testId(page, 'paste-text').waitFor({ state: 'visible' });
}

/** The app downloading `name` slowly: the test server holds the body back. */
async function slowDownload(name) {
  const path = `/held/fixtures/${name}`;
  const app = await openApp(h, { src: `${h.server.origin}${path}` }, { waitReady: false });
  await testId(app.page, 'progress').waitFor({ state: 'visible' });
  return { app, path, abortedBefore: h.server.aborted.length };
}

/** Waits until the app has dropped the held download, then lets any other one finish. */
async function expectAborted({ path, abortedBefore }) {
  const aborted = await h.server.waitAborted(abortedBefore + 1);
  assert.equal(aborted.at(-1), path);
  h.server.release();
}

test('a slow download never overwrites a report the user pasted after it started', async (t) => {
  const slow = await slowDownload('intruder.json');
  const { app } = slow;
  t.after(() => app.close());
  const { page } = app;
  await openLoader(page);
  await testId(page, 'paste-text').fill(fixtureText('small.json'));
  await testId(page, 'paste-load').click();
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  await testId(page, 'progress').waitFor({ state: 'detached' });
  // The download was stopped when the paste replaced it; nothing of it can arrive now.
  await expectAborted(slow);
  await waitReady(page);
  assert.equal(await title(page), SMALL_TITLE);
  assert.equal(await testId(page, 'source-name').textContent(), '貼り付けた JSON');
  app.assertNoErrors();
});

test('a slow download never overwrites a file the user chose after it started', async (t) => {
  const slow = await slowDownload('intruder.json');
  const { app } = slow;
  t.after(() => app.close());
  const { page } = app;
  await openLoader(page);
  await chooseFile(page, 'chosen.json', fixtureText('small.json'));
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  await expectAborted(slow);
  await waitReady(page);
  assert.equal(await title(page), SMALL_TITLE);
  assert.notEqual(await title(page), INTRUDER_TITLE);
  app.assertNoErrors();
});

test('a download in flight can be cancelled; the page stays usable and nothing arrives later', async (t) => {
  const slow = await slowDownload('intruder.json');
  const { app } = slow;
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'cancel-load').click();
  await testId(page, 'progress').waitFor({ state: 'detached' });
  await expectAborted(slow);
  assert.notEqual(await title(page), INTRUDER_TITLE);
  // The loader still works afterwards.
  await openLoader(page);
  await testId(page, 'paste-text').fill(fixtureText('small.json'));
  await testId(page, 'paste-load').click();
  await page.waitForFunction((want) => document.querySelector('[data-testid="title"]')?.textContent.trim() === want, SMALL_TITLE);
  app.assertNoErrors();
});

test('without a length, progress says how much has arrived (not 0 / 0)', async (t) => {
  const app = await openApp(h, { src: `${h.server.origin}/stream/fixtures/small.json` }, { waitReady: false });
  t.after(() => app.close());
  const { page } = app;
  const half = Math.floor(Buffer.byteLength(fixtureText('small.json')) / 2);
  // The first half has been sent; wait until the page has counted it.
  await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="progress-text"]')?.textContent ?? ''));
  const text = await testId(page, 'progress-text').textContent();
  assert.doesNotMatch(text, /\//, `no total is claimed: ${text}`);
  assert.match(text, /^[\d.]+ (B|KB) 受信$/, text);
  const shown = Number.parseFloat(text) * (text.includes('KB') ? 1000 : 1);
  assert.ok(shown > 0 && Math.abs(shown - half) <= 100, `${text} for ${half} bytes sent`);
  h.server.release();
  await waitReady(page);
  assert.equal(await title(page), SMALL_TITLE);
  app.assertNoErrors();
});
