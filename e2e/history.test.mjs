// A history document and a Statuspage export: the list opens first, a report opens its views,
// `?report=` deep-links to one report, and its letter prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, testId, title, screenshot, checkA11y, formatViolations, fixtureUrl } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('a history opens on its list; a report opens its views and its letter prints', async (t) => {
  const app = await openApp(h, { src: 'examples/history.json' });
  t.after(() => app.close());
  await testId(app.page, 'history').waitFor();
  const items = testId(app.page, 'history-item');
  assert.ok((await items.count()) >= 8, 'at least 8 reports listed');
  assert.match(app.page.url(), /view=history/);
  const violations = await checkA11y(app.page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(app.page, 'history-list');

  // Open the third report listed.
  const third = items.nth(2);
  const chosen = (await third.locator('[data-testid="history-open"]').textContent()).trim();
  await third.locator('[data-testid="history-open"]').click();
  await testId(app.page, 'view-timeline').waitFor();
  assert.equal(await title(app.page), chosen);
  assert.match(app.page.url(), /report=/);

  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  const pdf = await app.page.pdf({ preferCSSPageSize: true });
  assert.ok(pdf.length > 10_000, 'a PDF came out');
  await screenshot(app.page, 'history-letter');
  app.assertNoErrors();
});

test('?report= deep-links to one report of a history', async (t) => {
  const first = await openApp(h, { src: 'examples/history.json' });
  t.after(() => first.close());
  const item = testId(first.page, 'history-item').nth(4);
  const chosen = (await item.locator('[data-testid="history-open"]').textContent()).trim();
  await item.locator('[data-testid="history-open"]').click();
  await testId(first.page, 'view-timeline').waitFor();
  const id = new URL(first.page.url()).searchParams.get('report');
  assert.ok(id);

  const linked = await openApp(h, { src: 'examples/history.json', report: id });
  t.after(() => linked.close());
  await testId(linked.page, 'view-timeline').waitFor();
  assert.equal(await title(linked.page), chosen);
});

test('a Statuspage incidents.json opens as a history with timelines, tables and letters', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'statuspage-incidents.json') });
  t.after(() => app.close());
  await testId(app.page, 'history').waitFor();
  assert.ok((await testId(app.page, 'history-item').count()) >= 2);
  await testId(app.page, 'history-open').first().click();
  await testId(app.page, 'view-timeline').waitFor();
  assert.ok((await app.page.locator('[data-testid="timeline"] [data-event]').count()) >= 1, 'updates drawn as events');
  await testId(app.page, 'tab-table').click();
  await testId(app.page, 'view-table').waitFor();
  assert.ok((await app.page.locator('[data-testid="impact-table"] [data-phase]').count()) >= 1, 'phases from the status progression');
  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  assert.match(await testId(app.page, 'letter').textContent(), /記/);
  await screenshot(app.page, 'statuspage-letter');
  app.assertNoErrors();
});
