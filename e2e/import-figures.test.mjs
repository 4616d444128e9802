// An imported Statuspage incident's figures in real Chromium: each service's own outage time
// and its time per level in the impact summary (not the worst state of its whole phase), and an
// incident without components saying so where the matrix would be. Screenshots to look at.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { checkA11y, fixtureUrl, formatViolations, openApp, screenshot, startHarness, testId } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('eight components: each service has its own outage time and time per level', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'statuspage-eight-components.json'), view: 'table' });
  t.after(() => app.close());
  const summary = testId(app.page, 'impact-summary');
  await summary.waitFor();
  // The conversion language is Japanese today and may follow ?lang= or the page: either reads.
  const outage = await summary.locator('[data-fact="service-outage"]').innerText();
  for (const line of [
    /REST API(: 1 hour 18 minutes|：1時間18分)/,
    /Web console(: 25 minutes|：25分)/,
    /Build runners(: 1 hour 27 minutes|：1時間27分)/,
    /Email notifications(: not stated|：記載なし)/,
  ]) {
    assert.match(outage, line);
  }
  assert.doesNotMatch(outage, /5 hours 28 minutes|5時間28分/);
  const own = await summary.locator('[data-fact="service-times"]').innerText();
  assert.match(own, /Build runners(: Outage 1 hour 27 minutes, Degraded 4 hours 28 minutes|：停止 1時間27分、遅延・性能低下 4時間28分)/);
  assert.match(
    await summary.locator('[data-fact="outage"]').innerText(),
    /3 hours 56 minutes \(not counting 1 outage with no stated end\)|3時間56分（終了時刻の記載がない停止1件は含まず）/,
  );
  assert.equal(await app.page.locator('[data-testid="impact-matrix"] tbody tr').count(), 8);
  await screenshot(app.page, 'import-eight-components');
  const violations = await checkA11y(app.page, { include: '[data-testid="impact-table"]' });
  assert.deepEqual(violations, [], formatViolations(violations));
  app.assertNoErrors();
});

test('an incident without components says so instead of an empty matrix', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'statuspage-no-components.json'), view: 'table' });
  t.after(() => app.close());
  const sentence = testId(app.page, 'impact-no-services');
  await sentence.waitFor();
  assert.match(await sentence.innerText(), /^(サービス（コンポーネント）ごとの影響は記載されていません。|No impact per service \(component\) is given\.)$/);
  assert.equal(await app.page.locator('[data-testid="impact-matrix"]').count(), 0);
  assert.match(await testId(app.page, 'impact-phases').innerText(), /コンポーネント（サービス）の記載がありません|names no component \(service\)/);
  await screenshot(app.page, 'import-no-components');
  app.assertNoErrors();
});
