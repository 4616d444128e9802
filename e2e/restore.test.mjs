// The crash screen's way back: the shell keeps the tab's last good document in sessionStorage,
// and `?restore=1` (the crash screen's reload link) reopens it instead of the sample.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, appUrl, chooseFile, fixtureText, title, waitReady } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('?restore=1 reopens the last good document of the tab', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const sampleTitle = await title(app.page);
  await chooseFile(app.page, 'small.json', fixtureText('small.json'));
  await app.page.waitForFunction((before) => document.querySelector('[data-testid="title"]')?.textContent.trim() !== before, sampleTitle);
  const loaded = await title(app.page);
  assert.notEqual(loaded, sampleTitle);

  await app.page.goto(appUrl(h, { restore: '1' }));
  await waitReady(app.page);
  assert.equal(await title(app.page), loaded, 'the chosen file, not the sample');
  app.assertNoErrors();
});

test('?restore=1 without a stored document shows the sample', async (t) => {
  const app = await openApp(h, { restore: '1' });
  t.after(() => app.close());
  assert.ok((await title(app.page)).length > 0);
  app.assertNoErrors();
});
