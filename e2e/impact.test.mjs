// The impact view in real Chromium: selecting a phase row by mouse and by keyboard, the matrix
// column following the selection, the link to the timeline (when that view is in the app),
// accessibility, and screenshots for a person to look at.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkA11y, formatViolations, openApp, screenshot, startHarness, testId } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const row = (page, i) => page.locator(`[data-testid="impact-phases"] tr[data-phase="${i}"]`);
const rowButton = (page, i) => row(page, i).locator('button.hk-impact__select');

/** data-selected of every phase row, in order: e.g. ['false', 'true', 'false']. */
async function selectedRows(page) {
  return page
    .locator('[data-testid="impact-phases"] tr[data-phase]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-selected')));
}

test('the sample shows summary, one row per phase and the matrix', async (t) => {
  const app = await openApp(h, { view: 'table' });
  t.after(() => app.close());
  const table = testId(app.page, 'impact-table');
  await table.waitFor();
  assert.equal(await app.page.locator('[data-testid="impact-phases"] tbody tr').count(), 3);
  assert.equal(await app.page.locator('[data-testid="impact-matrix"] tbody tr').count(), 7);
  assert.match(await testId(app.page, 'impact-summary').innerText(), /2026年2月17日\(火\)9時40分頃～2月24日\(火\)11時50分/);
  assert.match(await table.innerText(), /なお、メール送信\(SMTP\)、ホームページ公開、DNSは正常に稼働しておりました。/);
  await screenshot(app.page, 'impact-sample');
  const violations = await checkA11y(app.page, { include: '[data-testid="impact-table"]' });
  assert.deepEqual(violations, [], formatViolations(violations));
  app.assertNoErrors();
});

test('a row is selected by a click anywhere on it, and a second click clears it', async (t) => {
  const app = await openApp(h, { view: 'table' });
  t.after(() => app.close());
  await row(app.page, 1).locator('td.hk-impact__content').click();
  assert.deepEqual(await selectedRows(app.page), ['false', 'true', 'false']);
  assert.equal(await rowButton(app.page, 1).getAttribute('aria-pressed'), 'true');
  // The matrix highlights the same phase's column.
  const head = app.page.locator('[data-testid="impact-matrix"] th[data-phase="1"]');
  assert.match(await head.getAttribute('class'), /hk-impact__col--selected/);
  await screenshot(app.page, 'impact-selected');
  await row(app.page, 1).locator('td.hk-impact__period').click();
  assert.deepEqual(await selectedRows(app.page), ['false', 'false', 'false']);
  app.assertNoErrors();
});

test('rows are selectable with the keyboard (Enter and Space)', async (t) => {
  const app = await openApp(h, { view: 'table' });
  t.after(() => app.close());
  await rowButton(app.page, 0).focus();
  await app.page.keyboard.press('Enter');
  assert.deepEqual(await selectedRows(app.page), ['true', 'false', 'false']);
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Space');
  assert.deepEqual(await selectedRows(app.page), ['false', 'true', 'false']);
  await app.page.keyboard.press('Space');
  assert.deepEqual(await selectedRows(app.page), ['false', 'false', 'false']);
  app.assertNoErrors();
});

test('a matrix column header selects its phase too', async (t) => {
  const app = await openApp(h, { view: 'table' });
  t.after(() => app.close());
  await app.page.locator('[data-testid="impact-matrix"] th[data-phase="2"] button').click();
  assert.deepEqual(await selectedRows(app.page), ['false', 'false', 'true']);
  app.assertNoErrors();
});

test('selecting a row highlights the phase in the timeline', async (t) => {
  const app = await openApp(h, { view: 'table' });
  t.after(() => app.close());
  if ((await testId(app.page, 'tab-timeline').count()) === 0) {
    t.skip('the timeline view is not in the app yet');
    return;
  }
  await row(app.page, 1).locator('td.hk-impact__content').click();
  await testId(app.page, 'tab-timeline').click();
  const band = app.page.locator('[data-testid="view-timeline"] [data-phase="1"][aria-pressed]').first();
  await band.waitFor();
  assert.equal(await band.getAttribute('aria-pressed'), 'true');
  await screenshot(app.page, 'impact-linked-timeline');
  app.assertNoErrors();
});

test('the table reads on a narrow screen and in dark mode', async (t) => {
  const app = await openApp(h, { view: 'table' }, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  t.after(() => app.close());
  await testId(app.page, 'impact-table').waitFor();
  // The wide tables scroll inside their own regions; the page itself does not scroll sideways.
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await screenshot(app.page, 'impact-narrow-dark');
  const violations = await checkA11y(app.page, { include: '[data-testid="impact-table"]' });
  assert.deepEqual(violations, [], formatViolations(violations));
  app.assertNoErrors();
});
