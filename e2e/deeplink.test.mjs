// Deep links to events whose ids are not ASCII: the app writes #event-<percent-encoded id>, and
// opening that URL in a new page selects the same event and keeps the fragment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, waitReady } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('an event with a non-ASCII id round-trips through the URL', async (t) => {
  const app = await openApp(h, { src: `${h.server.origin}/fixtures/unicode-ids.json`, view: 'timeline' });
  t.after(() => app.close());
  const { page } = app;
  for (const [index, id] of [['0', '検知-1'], ['1', '復旧 作業/2']]) {
    await page.locator(`[data-testid="event-item"][data-event="${index}"]`).click();
    await testId(page, 'event-detail').waitFor();
    await page.waitForFunction((want) => location.hash === want, `#event-${encodeURIComponent(id)}`);

    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    t.after(() => context.close());
    const again = await context.newPage();
    await again.goto(page.url());
    await waitReady(again);
    await testId(again, 'event-detail').waitFor();
    assert.equal(await testId(again, 'event-detail').getAttribute('data-selected-event'), index, id);
    assert.equal(new URL(again.url()).hash, `#event-${encodeURIComponent(id)}`, 'the fragment is kept');
  }
  app.assertNoErrors();
});
