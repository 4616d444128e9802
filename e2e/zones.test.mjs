// Time zones in Chromium: the wasm asks the browser's Intl for a named zone's offsets, so these
// check what the native tests cannot: a Statuspage page in America/Los_Angeles whose incident
// spans the 2026-03-08 spring-forward opens on the page's own clock and in its language (event
// list, axis, letter on screen and printed), ?lang=ja converts it in Japanese on the same clock,
// an Etc/UTC page shows 17:39 – 18:12 UTC, and a misspelled zone is a warning with its place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { OUT, chooseFile, openApp, problems, screenshot, startHarness, testId, title } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The native tests' fixtures, read here too so both sides check the same files. */
const fixture = (path) => readFileSync(join(ROOT, 'tests', 'fixtures', path), 'utf8');
const squash = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

let h;
before(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await h?.close();
});

async function open(file, params = {}) {
  const app = await openApp(h, params);
  await chooseFile(app.page, file.split('/').pop(), fixture(file));
  return app;
}

test('a Los Angeles page across the spring-forward reads on its own clock, in English', async (t) => {
  const app = await open('statuspage/los-angeles-dst.json');
  t.after(() => app.close());
  await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent.includes('Webhook'));
  assert.equal(await title(app.page), 'Webhook deliveries delayed');
  await testId(app.page, 'view-timeline').waitFor();

  const list = squash(await testId(app.page, 'event-list').textContent());
  for (const shown of ['00:34 UTC-8', '01:45 UTC-8', '03:40 UTC-7', '04:30 UTC-7']) {
    assert.ok(list.includes(shown), `${shown} in the event list: ${list}`);
  }
  assert.ok(!/調査中|原因特定|特定済み/.test(list), 'English labels');
  const timeline = squash(await testId(app.page, 'timeline').textContent());
  assert.ok(timeline.includes('America/Los_Angeles'), 'the legend names the zone');

  // The axis is on the local clock: 01:45 PST is followed by 03:00 PDT, no tick at 02:xx.
  const ticks = await app.page.locator('[data-testid="timeline-chart"] text').allTextContents();
  const times = ticks.filter((s) => /^\d\d:\d\d$/.test(s.trim())).map((s) => s.trim());
  assert.ok(times.includes('01:45') || times.includes('01:30'), `ticks before the change: ${times}`);
  assert.ok(times.includes('03:00'), `03:00 after the change: ${times}`);
  assert.ok(!times.some((s) => s.startsWith('02:')), `no tick in the skipped hour: ${times}`);
  assert.ok(!times.some((s) => /^1[7-9]:/.test(s)), `not on Tokyo's clock: ${times}`);
  // Each phase's label stays inside its band: with both offsets written, the label of ② is
  // longer, and the width estimate must match the bold 12px the stylesheet draws it in.
  const spill = await app.page.locator('.hk-timeline__band').evaluateAll((bands) =>
    bands.flatMap((g) => {
      const rect = g.querySelector('rect')?.getBBox();
      const text = g.querySelector('text');
      if (!rect || !text || !text.textContent.trim()) return [];
      const box = text.getBBox();
      return box.x + box.width > rect.x + rect.width + 1 ? [`${text.textContent} (${Math.round(box.x + box.width - rect.x - rect.width)} px over)`] : [];
    }),
  );
  assert.deepEqual(spill, [], 'band labels overflow their band');
  await screenshot(app.page, 'zones-la-timeline');

  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  const letter = squash(await testId(app.page, 'letter').textContent());
  for (const shown of [
    '00:30 – 01:45 UTC-8 (1 hour 15 minutes)',
    '01:45 UTC-8 – 03:40 UTC-7 (55 minutes)',
    '03:40 – 04:30 UTC-7 (50 minutes)',
    'All times are local time in America/Los_Angeles',
  ]) {
    assert.ok(letter.includes(shown), `${shown} in the letter: ${letter}`);
  }
  assert.ok(!/[調記敬]/.test(letter), 'no Japanese in an English page\'s letter');
  await screenshot(app.page, 'zones-la-letter');

  // Printed: the same times on paper.
  await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = join(OUT, 'zones-la-letter.pdf');
  await app.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const printed = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  assert.ok(printed.includes('UTC-8') && printed.includes('UTC-7'), printed);
  assert.ok(printed.includes('(55 minutes)'), printed);
  app.assertNoErrors();
});

test('?lang=ja converts the same page in Japanese, still on its clock', async (t) => {
  const app = await open('statuspage/los-angeles-dst.json', { lang: 'ja' });
  t.after(() => app.close());
  await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent.includes('Webhook'));
  const list = squash(await testId(app.page, 'event-list').textContent());
  assert.ok(list.includes('0時34分(UTC-8)') || list.includes('00:34'), list);
  await testId(app.page, 'tab-table').click();
  const table = squash(await testId(app.page, 'impact-table').textContent());
  assert.ok(table.includes('調査中'), `Japanese labels: ${table}`);
  assert.ok(table.includes('1時45分(UTC-8)～3時40分(UTC-7)'), table);
  app.assertNoErrors();
});

test('an Etc/UTC page shows 17:39 – 18:12 UTC, not the next morning in Tokyo', async (t) => {
  const app = await open('statuspage/utc-page.json');
  t.after(() => app.close());
  // An incidents.json of one incident: a history of one, or straight to the report.
  await app.page.waitForFunction(
    () => document.querySelector('[data-testid="history-open"]') || document.querySelector('[data-testid="title"]')?.textContent.includes('API'),
  );
  if (await testId(app.page, 'history-open').count()) {
    const listed = squash(await testId(app.page, 'history').textContent());
    assert.ok(listed.includes('17:39') && !listed.includes('02:39'), `the list on the page's clock: ${listed}`);
    await testId(app.page, 'history-open').first().click();
  }
  await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent.includes('API'));
  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  const letter = squash(await testId(app.page, 'letter').textContent());
  assert.ok(letter.includes('17:39 – 18:12 UTC'), letter);
  assert.ok(!letter.includes('02:39') && !letter.includes('調査中'), letter);
  app.assertNoErrors();
});

test('a misspelled zone is a warning at its line and column; the report still opens', async (t) => {
  const app = await open('zones/bad-zone.json');
  t.after(() => app.close());
  await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent.includes('misspelled'));
  const found = await problems(app.page);
  const zone = found.find((p) => p.code === 'unknown-zone');
  assert.ok(zone, JSON.stringify(found));
  assert.equal(zone.severity, 'warning');
  assert.match(zone.text, /America\/Nowhere/);
  assert.match(zone.text, /4:11|4, column 11|line 4/);
  assert.match(zone.text, /UTC-04:00/);
  app.assertNoErrors();
});

test('a hokoku report in America/New_York: wall-clock times read on the browser\'s tz data', async (t) => {
  const app = await open('zones/new-york.json');
  t.after(() => app.close());
  await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent.includes('Checkout'));
  assert.deepEqual((await problems(app.page)).map((p) => p.code), []);
  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  const letter = squash(await testId(app.page, 'letter').textContent());
  // 00:45 EST (a time written without offset) to 03:30 EDT is 1 h 45 min on instants.
  assert.ok(letter.includes('00:45 UTC-5 – 03:30 UTC-4 (1 hour 45 minutes)'), letter);
  // The event written as 06:40Z is shown on New York's clock.
  assert.ok(letter.includes('01:40 UTC-5'), letter);
  app.assertNoErrors();
});
