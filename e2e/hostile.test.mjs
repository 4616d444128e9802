// Hostile and clumsy inputs (issue 18) in real Chromium, each chosen through the file input after
// a good report: floods show their first problems and "and N more of this kind" while the report
// shown stays; a Shift_JIS file is converted by the browser's TextDecoder with a warning; invalid
// UTF-8 is an error at its line; a typo year is a warning; a 19 MB title is shown shortened with
// the full text on demand. Timings are the benchmark's business (bench/run.mjs), not asserted here.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { HOSTILE } from '../bench/hostile.mjs';
import { VALID_TITLE, appUrl, chooseFile, loadValid, openApp, problems, screenshot, startHarness, testId, title, waitReady } from './lib.mjs';

const input = (name) => HOSTILE.find((h) => h.name === name).bytes();

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

function panelOf(page, name) {
  return page.locator(`[data-testid="problems"][aria-label*="${name}"]`);
}

for (const lang of ['ja', 'en']) {
  test(`floods show their first problems and the count of the rest, the report stays (${lang})`, async (t) => {
    const app = await openApp(h, { lang });
    t.after(() => app.close());
    const { page } = app;
    await loadValid(page);
    const cases = [
      ['type-errors-100k.json', 'wrong-type', '99,900'],
      ['duplicate-keys-50k.json', 'duplicate-key', '49,900'],
    ];
    for (const [name, code, more] of cases) {
      await chooseFile(page, name, input(name));
      const panel = panelOf(page, name);
      await panel.waitFor();
      const items = await panel.locator('[data-testid="problem"]').evaluateAll((els) =>
        els.map((el) => ({ code: el.getAttribute('data-code'), of: el.getAttribute('data-of'), text: el.textContent })),
      );
      assert.equal(items.filter((i) => i.code === code).length, 100, name);
      const summary = items.find((i) => i.code === 'more' && i.of === code);
      assert.ok(summary, `${name}: no summary in ${JSON.stringify(items.slice(-2))}`);
      assert.ok(summary.text.includes(more), summary.text);
      assert.ok(summary.text.includes(lang === 'ja' ? '件あります' : 'more of this kind'), summary.text);
      assert.equal(await title(page), VALID_TITLE, `${name}: the report shown stays`);
      if (lang === 'ja' && code === 'wrong-type') await screenshot(page, 'hostile-flood-ja');
      await panel.locator('button').click();
    }
    app.assertNoErrors();
  });
}

test('a Shift_JIS file is converted by the browser and says so; EUC-JP too', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  for (const [name, encoding] of [['shift-jis.json', 'Shift_JIS'], ['euc-jp.json', 'EUC-JP']]) {
    await loadValid(page);
    await chooseFile(page, name, input(name));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="title"]')?.textContent.trim() === 'メール配送遅延のご報告',
    );
    const list = await problems(page);
    const warning = list.find((p) => p.code === 'converted-encoding');
    assert.ok(warning, JSON.stringify(list));
    assert.ok(warning.text.includes(encoding), warning.text);
    assert.ok(!list.some((p) => p.severity === 'error'), JSON.stringify(list));
  }
  app.assertNoErrors();
});

test('invalid UTF-8 is an error at its line and the report stays', async (t) => {
  const app = await openApp(h, { lang: 'en' });
  t.after(() => app.close());
  const { page } = app;
  await loadValid(page);
  await chooseFile(page, 'invalid-utf8.json', input('invalid-utf8.json'));
  const panel = panelOf(page, 'invalid-utf8.json');
  await panel.waitFor();
  const text = await panel.textContent();
  assert.match(text, /line 4, column \d+/);
  assert.match(text, /0xFF/);
  assert.equal(await title(page), VALID_TITLE);
  app.assertNoErrors();
});

test('a typo year is a warning naming the dates it stands apart from', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await loadValid(page);
  await chooseFile(page, 'typo-year.json', input('typo-year.json'));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="problem"]')].some((el) => el.getAttribute('data-code') === 'far-from-others'),
  );
  const far = (await problems(page)).filter((p) => p.code === 'far-from-others');
  assert.equal(far.length, 1, JSON.stringify(far));
  assert.ok(far[0].text.includes('reports[6].incident.start'), far[0].text);
  assert.ok(far[0].text.includes('0206-05-05') && far[0].text.includes('2020-05-05'), far[0].text);
  await screenshot(page, 'hostile-typo-year');
  app.assertNoErrors();
});

test('a 19 MB title is shown shortened, with the full text on demand', async (t) => {
  const app = await openApp(h, { lang: 'en' });
  t.after(() => app.close());
  const { page } = app;
  await loadValid(page);
  await chooseFile(page, 'title-19mb.json', input('title-19mb.json'));
  const more = testId(page, 'title').locator('[data-testid="show-full-text"]');
  await more.waitFor({ timeout: 60_000 });
  assert.match(await more.textContent(), /Show all \(\d{1,3}(,\d{3})+ characters\)/);
  const shown = await title(page);
  assert.ok(shown.length < 400, `${shown.length} characters in the heading`);
  await screenshot(page, 'hostile-long-title');
  // Too large for the tab's crash-recovery copy: the copy of the report before it is dropped,
  // so the crash screen's reload cannot bring that one back as if it were this one.
  await page.waitForFunction(() => sessionStorage.getItem('hokoku:last-good') === null, null, { timeout: 30_000 });
  await page.goto(appUrl(h, { lang: 'en', restore: '1' }));
  await waitReady(page);
  assert.notEqual(await title(page), VALID_TITLE, 'the reload does not reopen the earlier report');
  app.assertNoErrors();
});
