// The edit view in real Chromium: writing a report from the smallest template (an error at the
// right line, the cursor put there by a click, the fix, the timeline and the letter updated),
// the draft kept across a reload, a pasted Statuspage export turned into an editable document,
// completion and insert actions, and axe-core on the whole view; screenshots at 1280 and
// 390 px in light and dark for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { OUT, startHarness, openApp, testId, checkA11y, formatViolations, screenshot, fixtureText, waitReady } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** A small report with one mistake: the end time (line 10) has no UTC offset. */
const WITH_ERROR = `{
  "version": 1,
  "report": {
    "title": "社内チャット接続障害のご報告",
    "issued": "2026-07-02",
    "issuer": "株式会社ミカヅキ技研"
  },
  "incident": {
    "start": "2026-07-01T09:10:00+09:00",
    "end": "2026-07-01T10:25:00"
  },
  "timeline": [
    { "at": "2026-07-01T09:12:00+09:00", "kind": "detection", "text": "接続エラーの増加を検知。" }
  ]
}
`;

const editorText = (page) => testId(page, 'editor-text');

/** Replaces the whole text as a person would: select all, then type (insertText is one input). */
async function typeText(page, text) {
  await editorText(page).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function waitSummary(page, re) {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-testid="editor-summary"]')?.textContent ?? ''),
    re.source,
  );
}

test('write a small report from the smallest template: error at its line, click, fix, timeline and letter', async (t) => {
  const app = await openApp(h, { view: 'edit' });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'editor').waitFor();
  await page.locator('[data-testid="editor-new"] summary').click();
  await testId(page, 'template-minimal').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]').value.includes('メール配送遅延のご報告'));

  await typeText(page, WITH_ERROR);
  await waitSummary(page, /エラー 1 件/);
  const problem = testId(page, 'editor-problem').first();
  assert.equal(await problem.getAttribute('data-code'), 'missing-offset');
  assert.equal(await problem.getAttribute('data-line'), '10', 'the error is on the line of "end"');
  assert.match(await problem.textContent(), /時差/, 'the message is in the document language');
  assert.equal(await testId(page, 'gutter-mark').getAttribute('data-line'), '10');
  // The preview keeps the last good version, marked out of date.
  assert.equal(await testId(page, 'preview').getAttribute('data-stale'), 'true');
  await testId(page, 'preview-stale').waitFor();
  assert.ok(await page.locator('[data-testid="preview"] svg').count() > 0, 'the last good timeline is still drawn');

  await testId(page, 'editor-problems').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/editor-error.png` });
  await testId(page, 'editor-problem-go').first().click();
  const caret = await editorText(page).evaluate((el) => {
    const before = el.value.slice(0, el.selectionStart);
    return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), focused: document.activeElement === el };
  });
  assert.deepEqual(caret, { line: 10, column: 12, focused: true }, 'cursor at the value of "end"');

  // Fix it where the cursor is: to the end of the value, then add the offset.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.insertText('+09:00');
  await waitSummary(page, /問題はありません/);
  assert.equal(await testId(page, 'preview').getAttribute('data-stale'), 'false');
  await page.locator('[data-testid="preview"] [data-testid="timeline-chart"], [data-testid="preview"] svg').first().waitFor();
  assert.match(await testId(page, 'preview').textContent(), /接続エラーの増加を検知/);

  await testId(page, 'preview-letter').click();
  await page.locator('[data-testid="preview"] .hk-letter').waitFor();
  const letter = await page.locator('[data-testid="preview"] .hk-letter').textContent();
  assert.match(letter, /社内チャット接続障害のご報告/);
  assert.match(letter, /株式会社ミカヅキ技研/);
  assert.match(letter, /10時25分/);
  await page.screenshot({ path: `${OUT}/editor-letter-preview.png` });
  app.assertNoErrors();
});

test('typing re-renders the app without rewriting <html lang> or an unchanged title (each write restyles the whole page)', async (t) => {
  const app = await openApp(h, { view: 'edit' });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'editor').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]')?.value.includes('"title"'));
  await page.evaluate(() => {
    window.__writes = { lang: 0, title: 0 };
    new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === 'lang') window.__writes.lang++;
    }).observe(document.documentElement, { attributes: true });
    new MutationObserver(() => window.__writes.title++).observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
  });
  // Typing in a text the title does not come from: every check re-renders the app.
  const area = editorText(page);
  await area.evaluate((el) => {
    const at = el.value.indexOf('"issuer"');
    el.focus();
    el.setSelectionRange(at, at);
  });
  for (const ch of ' \n ') {
    await page.keyboard.insertText(ch);
    await waitSummary(page, /問題はありません/);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__writes), { lang: 0, title: 0 });
  app.assertNoErrors();
});

test('the draft survives a reload and is offered back; a bad file loaded meanwhile changes nothing', async (t) => {
  const app = await openApp(h, { view: 'edit' });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'editor').waitFor();
  await page.locator('[data-testid="editor-new"] summary').click();
  await testId(page, 'template-minimal').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]').value.includes('メール配送遅延'));
  const written = WITH_ERROR.replace('社内チャット', '社内ファイル共有');
  await typeText(page, written);
  await waitSummary(page, /エラー 1 件/);

  // A bad file: the draft and the text stay.
  await testId(page, 'file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
  await testId(page, 'problems').waitFor();
  assert.equal(await editorText(page).inputValue(), written);

  await page.reload();
  await waitReady(page);
  await testId(page, 'draft-restored').waitFor();
  await page.waitForFunction((w) => document.querySelector('[data-testid="editor-text"]')?.value === w, written);
  await waitSummary(page, /エラー 1 件/);

  // Listed, and discardable.
  await page.locator('[data-testid="editor-drafts"] summary').click();
  await testId(page, 'draft').first().waitFor();
  assert.ok((await testId(page, 'draft').count()) >= 1);
  assert.match(await page.locator('[data-testid="editor-drafts"]').textContent(), /編集中/);
  app.assertNoErrors();
});

test('pasted Statuspage JSON becomes an editable hokoku document', async (t) => {
  const app = await openApp(h, { view: 'edit' });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'editor').waitFor();
  await page.locator('[data-testid="editor-new"] summary').click();
  // A broken paste first: the draft stays and the problems are shown.
  const before = await editorText(page).inputValue();
  await testId(page, 'statuspage-paste').fill('{"incidents": [');
  await testId(page, 'statuspage-convert').click();
  await page.locator('[data-testid="editor-new"] [data-testid="problems"]').waitFor();
  assert.equal(await editorText(page).inputValue(), before);

  await testId(page, 'statuspage-paste').fill(fixtureText('statuspage-incidents.json'));
  await testId(page, 'statuspage-convert').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]').value.includes('"version": 1'));
  const text = await editorText(page).inputValue();
  assert.ok(!text.includes('"incident_updates"'), 'converted, not the Statuspage text');
  assert.doesNotThrow(() => JSON.parse(text));
  await waitSummary(page, /エラー 0 件|問題はありません/);
  assert.equal(await testId(page, 'preview').getAttribute('data-stale'), 'false');
  app.assertNoErrors();
});

test('completion offers the codes and ids the decoder knows; insert writes at the cursor', async (t) => {
  const app = await openApp(h, { view: 'edit' });
  t.after(() => app.close());
  const { page } = app;
  await testId(page, 'editor').waitFor();
  await page.locator('[data-testid="editor-new"] summary').click();
  await testId(page, 'template-minimal').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]').value.includes('メール配送遅延'));
  await typeText(page, WITH_ERROR.replace('T10:25:00"', 'T10:25:00+09:00"'));
  await waitSummary(page, /問題はありません/);

  // Cursor into the event's kind value, retype it.
  await editorText(page).evaluate((el) => {
    const at = el.value.indexOf('"detection"') + 1;
    el.setSelectionRange(at, at + 'detection'.length);
  });
  await page.keyboard.type('rec');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="completion"] [role="option"]').length === 1);
  assert.deepEqual(await page.locator('[data-testid="completion"] [role="option"]').allTextContents(), ['recovery']);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page).inputValue(), /"kind": "recovery"/);

  // Insert an event at a given time after the one under the cursor.
  await testId(page, 'insert-time').fill('2026-07-01T10:25');
  await testId(page, 'insert-event').click();
  await page.keyboard.insertText('復旧を確認。');
  const after = await editorText(page).inputValue();
  assert.match(after, /\{ "at": "2026-07-01T10:25:00\+09:00", "kind": "action", "text": "復旧を確認。" \}/);
  assert.ok(after.startsWith(WITH_ERROR.slice(0, 200).replace('T10:25:00"', 'T10:25:00+09:00"').slice(0, 150)), 'the rest is as written');
  await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('復旧を確認。'));
  assert.match(await testId(page, 'editor-summary').textContent(), /問題はありません/);
  app.assertNoErrors();
});

test('the edit view passes axe and is looked at: 1280 and 390 px, light and dark', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const app = await openApp(h, { view: 'edit' }, { colorScheme, viewport: { width, height: 900 } });
      t.after(() => app.close());
      const { page } = app;
      await testId(page, 'editor').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]')?.value.length > 0);
      // An error to show the gutter marker and the out-of-date preview.
      await editorText(page).evaluate((el) => el.setSelectionRange(0, 0));
      await editorText(page).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.insertText(' oops');
      await waitSummary(page, /エラー [1-9]/);
      await screenshot(page, `editor-${width}-${colorScheme}`);
      await page.screenshot({ path: `${OUT}/editor-${width}-${colorScheme}-view.png` });
      if (width === 390) {
        await testId(page, 'pane-preview').click();
        await testId(page, 'preview').waitFor();
        await page.screenshot({ path: `${OUT}/editor-${width}-${colorScheme}-preview.png` });
      }
      const violations = await checkA11y(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      app.assertNoErrors();
    }
  }
});
