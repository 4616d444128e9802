// A long history in Chromium (issue 14, points 5 and 7; issue 13's history on a phone): a
// generated history of 1,300 reports over 14 years, three of them broken, at 1280 and 390 px,
// light and dark. Behaviour only, no timing: a bounded number of DOM nodes, the broken reports
// listed with their problems grouped per report while the others open, pages that keep the
// keyboard's place, search over every report, a deep link into the history, labels whose boxes
// never intersect, a table and a calendar that are not cut off on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startHarness, openApp, appUrl, testId, title, screenshot, checkA11y, formatViolations, waitReady } from './lib.mjs';
import { generateHistory } from './gen-history.mjs';

const NAME = 'generated-history-1300.json';
const DOC = generateHistory({ reports: 1300, bad: 3 });
const TEXT = JSON.stringify(DOC, null, 1);
const MAX_NODES = 3000;

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** The app showing the generated history (served by a route, so no file is written). */
async function openLong(opts = {}, params = {}) {
  const app = await openApp(h, {}, opts);
  await app.page.route(`**/${NAME}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: TEXT }));
  await app.page.goto(appUrl(h, { src: NAME, ...params }));
  await waitReady(app.page);
  return app;
}

/** Pairs of boxes (of the elements `selector` matches inside each `scope`) that intersect. */
async function overlaps(page, scope, selector) {
  return page.locator(scope).evaluateAll(
    (scopes, sel) => {
      const out = [];
      for (const s of scopes) {
        const boxes = [...s.querySelectorAll(sel)].map((el) => ({ text: el.textContent, r: el.getBoundingClientRect() })).filter((b) => b.r.width > 0);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i].r, boxes[j].r];
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i].text} × ${boxes[j].text}`);
          }
      }
      return out;
    },
    selector,
  );
}

const nodes = (page) => page.evaluate(() => document.getElementsByTagName('*').length);

for (const [width, scheme] of [[1280, 'light'], [390, 'light'], [1280, 'dark'], [390, 'dark']]) {
  test(`1,300 reports at ${width} px, ${scheme}: bounded, readable, labels apart`, async (t) => {
    const app = await openLong({ viewport: { width, height: 900 }, colorScheme: scheme });
    t.after(() => app.close());
    const { page } = app;
    await testId(page, 'history').waitFor();
    assert.equal(await testId(page, 'history-item').count(), 50, 'one page of the list');
    assert.ok((await nodes(page)) <= MAX_NODES, `${await nodes(page)} DOM nodes`);
    // Over 14 years the figures are per year and the calendar is a month grid.
    assert.equal(await page.locator('[data-testid="history-chart"][data-span="year"]').count(), 3);
    assert.equal(await testId(page, 'history-month-grid').count(), 1);
    // Chart labels, month-grid labels: no two boxes intersect.
    assert.deepEqual(await overlaps(page, '.hk-history__chart', '[data-testid="chart-label"]'), []);
    assert.deepEqual(await overlaps(page, '.hk-history__grid-svg', 'text.hk-history__axis'), []);
    // Nothing of the overview is wider than the screen: the grid is whole, the table's frame
    // fits (its content scrolls inside it, never cut by the page).
    const right = await page.evaluate(() =>
      ['.hk-history__grid-svg', '.hk-history__table-wrap', '.hk-history__charts'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().right)),
    );
    for (const r of right) assert.ok(r <= width, `${r} px > ${width} px`);
    // The header names the history; no report is shown as open.
    assert.match(await title(page), /history/i);
    const violations = await checkA11y(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await screenshot(page, `history-long-${width}-${scheme}`);
    app.assertNoErrors();
  });
}

test('the broken reports are listed with their problems, grouped per report; the others open', async (t) => {
  const app = await openLong();
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'history').waitFor();
  assert.equal(await testId(page, 'history-broken').count(), 3);
  assert.match(await testId(page, 'history-count').textContent(), /1297 reports/);
  const groups = page.locator('[data-testid="problem-group"][data-broken="true"]');
  assert.equal(await groups.count(), 3);
  for (let i = 0; i < 3; i++) {
    const g = groups.nth(i);
    assert.ok((await g.locator('[data-testid="problem"][data-severity="error"]').count()) >= 1);
    // Each problem says where: a JSON path and a line and column.
    assert.match(await g.locator('[data-testid="problem"]').first().textContent(), /reports\[\d+\]\..*\d+.*\d+/);
  }
  // The button of a broken report brings its group into view with the focus.
  const entry = await testId(page, 'history-broken').first().getAttribute('data-entry');
  await testId(page, 'history-broken').first().locator('button').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-entry')), entry);
  // A good report still opens.
  await testId(page, 'history-open').first().click();
  await testId(page, 'view-timeline').waitFor();
  app.assertNoErrors();
});

test('pages: keyboard, focus, search over every report, the page of the report opened last', async (t) => {
  const app = await openLong();
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'history').waitFor();
  const firstTitle = await testId(page, 'history-open').first().textContent();
  // Keyboard: focus "older", press Enter; the list takes the focus and shows the next 50.
  await page.locator('[data-testid="history-pager"][data-place="top"] [data-testid="history-older"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('[data-testid="history-open"]').textContent !== t, firstTitle);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'history-list');
  assert.match(await testId(page, 'history-page').first().textContent(), /51–100 of 1297 \(page 2 of 26\)/);
  // Search looks at every report, not only the page; back to its first page.
  await testId(page, 'history-search').fill('webhooks');
  const count = await testId(page, 'history-count').textContent();
  const matches = DOC.reports.filter((r) => !/^BROKEN/.test(r.report.title) && /webhooks/i.test(`${r.report.title} ${r.report.summary}`)).length;
  assert.match(count, new RegExp(`^${matches} of 1297 reports match`));
  assert.ok((await testId(page, 'history-item').count()) <= 50);
  // Open a report on page 3 of the whole list, come back: the list is at page 3.
  await testId(page, 'history-search').fill('');
  await page.locator('[data-testid="history-pager"][data-place="top"] [data-testid="history-older"]').click();
  await page.locator('[data-testid="history-pager"][data-place="top"] [data-testid="history-older"]').click();
  await page.waitForFunction(() => /page 3 of/.test(document.querySelector('[data-testid="history-page"]').textContent));
  const chosen = (await testId(page, 'history-open').nth(7).textContent()).trim();
  await testId(page, 'history-open').nth(7).click();
  await testId(page, 'view-timeline').waitFor();
  assert.equal(await title(page), chosen);
  await testId(page, 'tab-history').click();
  await testId(page, 'history').waitFor();
  assert.match(await testId(page, 'history-page').first().textContent(), /page 3 of 26/);
  // A deep link to that report still opens it.
  const id = new URL(page.url()).searchParams.get('report');
  assert.ok(id, page.url());
  const linked = await openLong({}, { report: id });
  t.after(() => linked.close());
  await testId(linked.page, 'view-timeline').waitFor();
  assert.equal(await title(linked.page), chosen);
  app.assertNoErrors();
});

test('on paper the pager is left out and the page says which reports it holds', async (t) => {
  const app = await openLong();
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'history').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await testId(page, 'history-pager').first().isVisible(), false, 'the pager is chrome');
  const range = testId(page, 'history-print-range');
  assert.equal(await range.count(), 1);
  assert.ok(await range.isVisible(), 'the printed range is on paper');
  assert.equal((await range.textContent()).trim(), 'This printout lists reports 1–50 of 1297 (page 1 of 26).');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await range.isVisible(), false, 'on screen the pager says it');
  app.assertNoErrors();
});
