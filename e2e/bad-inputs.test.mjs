// The bad-input corpus (tests/bad-inputs/, with manifest.json) loaded in real Chromium through the
// file input, after a valid report: each error file shows the problems panel with its expected
// problem code, the report shown stays, and nothing panics. Warning files replace the report and
// list their warning. A 30 MB file (generated here, not committed) is refused as too large.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VALID_TITLE, chooseFile, loadValid, openApp, problems, startHarness, testId, title } from './lib.mjs';
import { ROOT } from './server.mjs';

const CORPUS = join(ROOT, 'tests', 'bad-inputs');
const MANIFEST = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')).files;
const entries = Object.entries(MANIFEST);
const errorFiles = entries.filter(([, e]) => e.severity === 'error');
const warningFiles = entries.filter(([, e]) => e.severity === 'warning');

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Closes a failure panel left by the previous file, so the next one is seen fresh. */
async function dismissFailure(page) {
  const panels = testId(page, 'problems').filter({ has: page.locator('button') });
  while ((await panels.count()) > 0) {
    await panels.first().locator('button').click();
  }
}

/** The failure panel of the file `name` (its label quotes the file name). */
function failurePanel(page, name) {
  return page.locator(`[data-testid="problems"][aria-label*="${name}"]`);
}

test(`each of the ${errorFiles.length} error files shows its problem and keeps the report shown`, async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await loadValid(page);
  const failures = [];
  for (const [name, want] of errorFiles) {
    await dismissFailure(page);
    await chooseFile(page, name, readFileSync(join(CORPUS, name)));
    const panel = failurePanel(page, name);
    try {
      await panel.waitFor({ timeout: 15_000 });
    } catch {
      failures.push(`${name}: no problems panel`);
      continue;
    }
    const codes = await panel.locator('[data-testid="problem"]').evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-severity')}:${el.getAttribute('data-code')}`),
    );
    if (!codes.includes(`error:${want.code}`)) failures.push(`${name}: expected error:${want.code}, got ${codes.join(' ')}`);
    const shown = await title(page);
    if (shown !== VALID_TITLE) failures.push(`${name}: the title changed to "${shown.slice(0, 80)}"`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  app.assertNoErrors();
});

test(`each of the ${warningFiles.length} warning files is shown with its warning`, async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  const failures = [];
  for (const [name, want] of warningFiles) {
    // From a known report each time, so a file that failed to replace it is noticed.
    await loadValid(page);
    await chooseFile(page, name, readFileSync(join(CORPUS, name)));
    try {
      await page.waitForFunction(
        (code) => [...document.querySelectorAll('[data-testid="problem"]')].some((el) => el.getAttribute('data-code') === code),
        want.code,
        { timeout: 15_000 },
      );
    } catch {
      failures.push(`${name}: warning ${want.code} not listed (got ${JSON.stringify(await problems(page))})`);
      continue;
    }
    const list = await problems(page);
    if (list.some((p) => p.severity === 'error')) failures.push(`${name}: errors listed: ${JSON.stringify(list)}`);
    if ((await title(page)) === VALID_TITLE) failures.push(`${name}: the report was not replaced`);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  app.assertNoErrors();
});

test('a 30 MB file is refused as too large and the report shown stays', async (t) => {
  const app = await openApp(h);
  t.after(() => app.close());
  const { page } = app;
  await loadValid(page);
  const big = Buffer.alloc(30_000_000, 0x20);
  big.write('{"version": 1, "x": "', 0);
  big.write('"}', big.length - 2);
  await chooseFile(page, 'huge.json', big);
  const panel = failurePanel(page, 'huge.json');
  await panel.waitFor();
  const codes = await panel.locator('[data-testid="problem"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
  assert.deepEqual(codes, ['too-large']);
  assert.equal(await title(page), VALID_TITLE);
  app.assertNoErrors();
});
