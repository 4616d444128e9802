// Hostile text in every string field of a report: it must stay text. No dialog, no script or
// event-handler attribute from data, no javascript: link, and the views stay usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startHarness, openApp, chooseFile, testId, title, problems, screenshot } from './lib.mjs';
import { ROOT } from './server.mjs';

const PAYLOADS = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img")>',
  '</style><svg onload=alert("xss-svg")><style>',
  '"><a href="javascript:alert(1)">link</a>',
  '\u202Egnp.exe\u202C reversed',
  'javascript:alert("xss-text")',
];

/** Keys whose strings are ids, codes or times: changing them would only make the file invalid. */
const STRUCTURAL = new Set([
  '$schema', 'id', 'at', 'date', 'part', 'approx', 'kind', 'actor', 'phase', 'role', 'issued', 'due',
  'status', 'lang', 'zone', 'local_offset', 'opening', 'closing', 'calendar', 'clock', 'items',
  'services', 'unaffected', 'impact', 'eta', 'start', 'end', 'url',
]);

/** The sample with a payload appended to every free-text string. */
function hostileSample() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'sample.json'), 'utf8'));
  let n = 0;
  const walk = (value, key) => {
    if (typeof value === 'string') return `${value} ${PAYLOADS[n++ % PAYLOADS.length]}`;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      // `services` holds objects at the top level (free text inside) and ids inside events.
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) =>
          STRUCTURAL.has(k) && !(k === 'services' && Array.isArray(v) && typeof v[0] === 'object') ? [k, v] : [k, walk(v, k)],
        ),
      );
    }
    return value;
  };
  const hostile = walk(doc, '');
  hostile.report.contact.url = 'javascript:alert("xss-url")';
  hostile.report.summary = 'あ'.repeat(100_000);
  return { json: JSON.stringify(hostile), count: n };
}

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('hostile strings in every field stay text in every view', async (t) => {
  const { json, count } = hostileSample();
  assert.ok(count > 100, `payloads placed: ${count}`);
  const app = await openApp(h);
  t.after(() => app.close());
  const before = await title(app.page);
  await chooseFile(app.page, 'hostile.json', json);
  await app.page.waitForFunction((b) => document.querySelector('[data-testid="title"]')?.textContent.trim() !== b, before);
  assert.match(await title(app.page), /<script>/, 'the payload is shown as text');
  const found = await problems(app.page);
  assert.ok(found.some((p) => p.code === 'unsafe-url'), 'the javascript: contact url is refused with a warning');
  assert.ok(found.some((p) => p.code === 'bidi-control-removed'), 'direction overrides are removed with a warning');
  assert.ok(!(await app.page.locator('.hokoku').textContent()).includes('\u202E'), 'no U+202E left in the page');

  for (const view of ['timeline', 'table', 'letter']) {
    await testId(app.page, `tab-${view}`).click();
    await testId(app.page, `view-${view}`).waitFor();
    if (view === 'timeline') {
      await app.page.locator('[data-testid="timeline"] [data-event]').first().focus();
      await app.page.keyboard.press('Enter');
    }
    const report = await app.page.evaluate(() => {
      const root = document.querySelector('.hokoku');
      const all = [...root.querySelectorAll('*')];
      return {
        scripts: document.querySelectorAll('script:not([src]):not([type="application/json"])').length + root.querySelectorAll('script').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
        jsLinks: [...document.querySelectorAll('[href]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href'))).length,
        images: root.querySelectorAll('img').length,
        tabsVisible: [...document.querySelectorAll('[role="tab"]')].every((el) => el.getBoundingClientRect().width > 0),
      };
    });
    assert.equal(report.scripts, 0, `${view}: no script element from data`);
    assert.deepEqual(report.handlers, [], `${view}: no event-handler attributes`);
    assert.equal(report.jsLinks, 0, `${view}: no javascript: links`);
    assert.equal(report.images, 0, `${view}: no <img> from data`);
    assert.ok(report.tabsVisible, `${view}: the view switcher is still usable`);
    await screenshot(app.page, `xss-${view}`);
  }
  assert.deepEqual(app.dialogs, [], 'no dialog opened');
  app.assertNoErrors();
});
