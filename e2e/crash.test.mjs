// A crash that is not a Rust panic: a WebAssembly trap (RuntimeError, as memory exhaustion
// gives) or a module that cannot start. web/boot.js must show the same recovery screen as the
// panic hook, make the dead app inert, and its reload must reopen the tab's last good document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, title, fixtureText, chooseFile, waitReady, screenshot } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

// A module whose one function is `unreachable`: calling it traps for real, in the page.
const TRAP_MODULE = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> ()
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export "f"
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // body: unreachable, end
];

test('a WebAssembly trap shows the recovery screen, and its reload reopens the last good document', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  const sample = await title(page);
  await chooseFile(page, 'small.json', fixtureText('small.json'));
  await page.waitForFunction((before) => document.querySelector('[data-testid="title"]')?.textContent.trim() !== before, sample);
  const loaded = await title(page);

  await page.evaluate((bytes) => {
    const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.f;
    setTimeout(trap); // uncaught, as a trap inside an event handler of the app would be
  }, TRAP_MODULE);
  await testId(page, 'crash').waitFor();
  assert.equal(await page.locator('#hokoku-root').getAttribute('inert'), '', 'the dead app cannot be clicked');
  await screenshot(page, 'crash-trap');
  await Promise.all([page.waitForURL(/restore=1/), testId(page, 'crash').locator('a').click()]);
  await waitReady(page);
  assert.equal(await title(page), loaded, 'the last good document, not the sample');
  assert.equal(await testId(page, 'crash').count(), 0);
  app.assertNoErrors([/unreachable/]); // the trap itself, and only it
});

test('a module that cannot start shows the recovery screen instead of a blank page', async (t) => {
  const app = await openApp(h, {}, { waitReady: false });
  t.after(() => app.close());
  const { page, context } = app;
  await context.route('**/hokoku_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  await page.reload();
  await testId(page, 'crash').waitFor();
  assert.match(await testId(page, 'crash').textContent(), /Something went wrong/);
  assert.match(await testId(page, 'crash').locator('a').getAttribute('href'), /restore=1/);
  app.assertNoErrors([/hokoku could not start/, /WebAssembly/]);
});
