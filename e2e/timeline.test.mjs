// End-to-end tests of the timeline (経緯) in headless Chromium: on the built-in sample, on the
// history sample's reports, and on a generated 10,000-event file. Zoom buttons, wheel and drag
// change the visible range; clicking an event opens its detail and sets #event-<id>; loading
// that URL selects it; keyboard navigation; lane and kind filters hide events in chart and list;
// the chart's DOM stays under 1,500 nodes; a screenshot of every state lands in e2e/out/.
//
// The 10,000-event file is generated in memory (e2e/gen-events.mjs) and served to the page by a
// Playwright route, so nothing large is written to the repository. Its load and render times are
// written to e2e/out/timeline-perf.json and printed as test diagnostics; no test fails on a time.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { OUT, appUrl, checkA11y, formatViolations, openApp, screenshot, testId, waitReady } from './lib.mjs';
import { startHarness } from './lib.mjs';
import { generate } from './gen-events.mjs';

const NODE_LIMIT = 1500;

let h;
let big;
before(async () => {
  h = await startHarness();
  big = generate({ events: 10_000 });
});
after(async () => {
  await h?.close();
});

const chartNodes = (page) => page.evaluate(() => document.querySelectorAll('[data-testid="timeline-chart"] *').length);

/** The visible range as the chart reports it: [from, to] in ms. */
async function visibleRange(page) {
  const el = testId(page, 'visible-range');
  return [Number(await el.getAttribute('data-from')), Number(await el.getAttribute('data-to'))];
}

function urlRange(page) {
  const r = new URL(page.url()).searchParams.get('range');
  return r ? r.split(',').map(Number) : null;
}

/** Waits until the visible range differs from `before`. */
async function rangeChanged(page, before) {
  await page.waitForFunction(
    ([a, b]) => {
      const el = document.querySelector('[data-testid="visible-range"]');
      return el && (Number(el.getAttribute('data-from')) !== a || Number(el.getAttribute('data-to')) !== b);
    },
    before,
  );
  return visibleRange(page);
}

/** Opens the timeline, or skips the test when the shell does not show it (yet). */
async function openTimeline(t, params = {}, opts = {}) {
  const app = await openApp(h, { view: 'timeline', ...params }, opts);
  t.after(() => app.close());
  if ((await testId(app.page, 'timeline').count()) === 0) {
    t.skip('the shell does not show the timeline view');
    return null;
  }
  await measured(app.page);
  return app;
}

/** The chart is laid out at its container's width (after the first measurement). */
async function measured(page) {
  await page.locator('[data-testid="timeline"][data-measured="true"]').waitFor({ state: 'attached' });
}

/** Opens the generated file through ?src= (served by a route), returning timings in ms. */
async function openBig(t, { hash = '', params = {} } = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) errors.push(m.text());
  });
  const src = `${h.server.origin}/generated/events-10000.json`;
  await page.route(src, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: big }));
  await page.goto(appUrl(h, { view: 'timeline', src, ...params }) + hash);
  await waitReady(page);
  if ((await testId(page, 'timeline').count()) === 0) {
    t.skip('the shell does not show the timeline view');
    return null;
  }
  // Checked every animation frame; the first frame that has the chart is when it was drawn.
  await page.waitForFunction(
    () => {
      const drawn = document.querySelector('[data-testid="timeline"][data-measured="true"] .hk-timeline__events');
      if (drawn && window.__hkChartDrawn === undefined) window.__hkChartDrawn = performance.now();
      return Boolean(drawn);
    },
    undefined,
    { polling: 'raf' },
  );
  const timing = await page.evaluate((src) => {
    const json = performance.getEntriesByName(src)[0];
    return { drawn: window.__hkChartDrawn, jsonLoaded: json ? json.responseEnd : null };
  }, src);
  return { page, errors, timing };
}

test('the sample: lanes, phase bands, breaks, markers and the list', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const chart = testId(page, 'timeline-chart');
  assert.equal(await chart.locator('[data-lane]').count(), 4, 'one lane per actor');
  assert.equal(await chart.locator('[data-phase]').count(), 3, 'three phase bands');
  assert.ok((await chart.locator('.hk-timeline__break').count()) >= 1, 'a quiet stretch is cut');
  assert.equal(await chart.locator('[data-eta]').count(), 3, 'three ETA announcements');
  assert.equal(await testId(page, 'event-item').count(), 37, 'every event in the list');
  assert.equal(await testId(page, 'unknown-tray').locator('[data-event]').count(), 1, 'the unknown-time event');
  assert.ok((await chartNodes(page)) <= NODE_LIMIT);
  await screenshot(page, 'timeline-sample');
  const violations = await checkA11y(page, { include: '[data-testid="timeline"]' });
  assert.deepEqual(violations, [], formatViolations(violations));
  app.assertNoErrors();
});

/**
 * Label boxes (event labels, phase band labels, day labels) that cross an axis break's zigzag:
 * a break is drawn as two zigzag lines at the left and right of its gap, so a label crosses it
 * when one of those lines runs between the label's left and right edge and both share rows.
 */
function labelsCrossingBreaks(page) {
  return page.evaluate(() => {
    const chart = document.querySelector('[data-testid="timeline-chart"]');
    const breaks = [...chart.querySelectorAll('.hk-timeline__break rect')].map((r) => r.getBoundingClientRect());
    const labels = [...chart.querySelectorAll('text[data-label-event], [data-phase] text, .hk-timeline__day')];
    const crossing = [];
    for (const l of labels) {
      const a = l.getBoundingClientRect();
      if (a.width === 0) continue;
      for (const b of breaks) {
        const rows = a.top < b.bottom && b.top < a.bottom;
        const line = [b.left, b.right].some((x) => a.left + 1 < x && x < a.right - 1);
        if (rows && line) crossing.push(`${l.textContent.slice(0, 30)} @${Math.round(a.left)}–${Math.round(a.right)} across ${Math.round(b.left)}–${Math.round(b.right)}`);
      }
    }
    return { crossing, labels: labels.length, breaks: breaks.length };
  });
}

test('labels never run across the axis-break zigzags, at 1280 and 390 px (issue 13)', async (t) => {
  for (const width of [1280, 390]) {
    const app = await openTimeline(t, {}, { viewport: { width, height: 900 } });
    if (!app) return;
    const found = await labelsCrossingBreaks(app.page);
    assert.ok(found.breaks >= 1 && found.labels >= 3, `the sample has breaks and labels at ${width} px: ${JSON.stringify(found)}`);
    assert.deepEqual(found.crossing, [], `at ${width} px`);
    await app.close();
  }
});

test('a cluster is a stacked card with its count, never a circled number like a phase label (issue 13)', async (t) => {
  const opened = await openBig(t);
  if (!opened) return;
  const { page } = opened;
  const cluster = testId(page, 'timeline-chart').locator('[data-cluster]').first();
  await cluster.waitFor();
  const shape = await cluster.evaluate((g) => ({
    cards: g.querySelectorAll('rect.hk-timeline__cluster-card').length,
    circles: g.querySelectorAll('circle, ellipse').length,
    text: g.querySelector('text')?.textContent ?? '',
    count: g.getAttribute('data-count'),
  }));
  assert.equal(shape.cards, 1);
  assert.equal(shape.circles, 0, 'no circle that reads as ①②③');
  assert.doesNotMatch(shape.text, /[\u2460-\u24ff\u3251-\u32bf]/, 'no circled digit');
  assert.match(shape.text, /\d/);
});

test('zoom buttons change the visible range and the URL keeps it', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const fit = await visibleRange(page);
  await testId(page, 'zoom-in').click();
  const zoomed = await rangeChanged(page, fit);
  assert.ok(zoomed[1] - zoomed[0] < (fit[1] - fit[0]) * 0.6, `zoomed in: ${zoomed} vs ${fit}`);
  await page.waitForFunction(() => new URL(location.href).searchParams.has('range'));
  const inUrl = urlRange(page);
  await screenshot(page, 'timeline-zoomed');

  // A link with that range reopens the same view.
  const again = await openTimeline(t, { range: inUrl.join(',') });
  await again.page.waitForFunction(
    ([a, b]) => {
      const el = document.querySelector('[data-testid="visible-range"]');
      return Math.abs(Number(el?.dataset.from) - a) < 60_000 && Math.abs(Number(el?.dataset.to) - b) < 60_000;
    },
    zoomed,
  );

  await testId(page, 'zoom-out').click();
  const out = await rangeChanged(page, zoomed);
  assert.ok(out[1] - out[0] > zoomed[1] - zoomed[0]);
  await testId(page, 'zoom-in').click();
  await testId(page, 'zoom-in').click();
  await testId(page, 'zoom-fit').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('range'));
  assert.deepEqual(await visibleRange(page), fit);
  app.assertNoErrors();
});

test('clicking a phase band zooms to it and selects it', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const fit = await visibleRange(page);
  await testId(page, 'timeline-chart').locator('[data-phase="2"] text').click();
  const r = await rangeChanged(page, fit);
  assert.ok(r[1] - r[0] < 6 * 3_600_000, `phase ③ is under two hours: ${(r[1] - r[0]) / 3_600_000} h shown`);
  assert.equal(await page.locator('[data-phase="2"]').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'timeline-phase');
  app.assertNoErrors();
});

test('wheel zooms at the pointer and dragging pans', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const box = await page.locator('.hk-timeline__svg').boundingBox();
  const fit = await visibleRange(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + 30);
  await page.mouse.wheel(0, -400);
  const zoomed = await rangeChanged(page, fit);
  assert.ok(zoomed[1] - zoomed[0] < fit[1] - fit[0]);
  // Drag the background (the axis row) to the left: the window moves later in time.
  await page.mouse.move(box.x + box.width * 0.6, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + 20, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.3, box.y + 20, { steps: 5 });
  await page.mouse.up();
  const panned = await rangeChanged(page, zoomed);
  // Later in time (the span in time may differ: a break may have come into view).
  assert.ok(panned[0] > zoomed[0] && panned[1] > zoomed[1], `panned: ${panned} vs ${zoomed}`);
  app.assertNoErrors();
});

test('clicking an event opens its detail and sets the URL hash; the link reopens it', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const marker = testId(page, 'timeline-chart').locator('.hk-timeline__events [data-event]').first();
  const index = await marker.getAttribute('data-event');
  await marker.locator('.hk-timeline__shape').click();
  await testId(page, 'event-detail').waitFor();
  assert.equal(await testId(page, 'event-detail').getAttribute('data-selected-event'), index);
  await page.waitForFunction(() => location.hash.startsWith('#event-'));
  const hash = new URL(page.url()).hash;
  // The list row is highlighted too.
  assert.equal(await page.locator(`[data-testid="event-item"][data-event="${index}"]`).getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'timeline-selected');

  // A fresh page at that URL (a new document, not a same-document hash change).
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const again = await context.newPage();
  await again.goto(page.url());
  await waitReady(again);
  await testId(again, 'event-detail').waitFor();
  assert.equal(await testId(again, 'event-detail').getAttribute('data-selected-event'), index);
  assert.equal(new URL(again.url()).hash, hash);
  app.assertNoErrors();
});

test('keyboard: arrows move through events, Escape clears, + and 0 zoom', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const items = testId(page, 'event-item');
  await items.nth(0).focus();
  await page.keyboard.press('Enter');
  await testId(page, 'event-detail').waitFor();
  const first = await items.nth(0).getAttribute('data-event');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((first) => {
    const d = document.querySelector('[data-testid="event-detail"]');
    return d && d.getAttribute('data-selected-event') !== first;
  }, first);
  const second = await items.nth(1).getAttribute('data-event');
  assert.equal(await testId(page, 'event-detail').getAttribute('data-selected-event'), second);
  // Focus followed the selection.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-event')), second);
  await page.keyboard.press('Escape');
  await testId(page, 'event-detail').waitFor({ state: 'detached' });

  // In the chart: the tab stop marker, then arrows.
  await page.locator('.hk-timeline__svg').focus();
  const fit = await visibleRange(page);
  await page.keyboard.press('+');
  const zoomed = await rangeChanged(page, fit);
  assert.ok(zoomed[1] - zoomed[0] < fit[1] - fit[0]);
  await page.keyboard.press('ArrowRight');
  const panned = await rangeChanged(page, zoomed);
  assert.ok(panned[0] > zoomed[0]);
  await page.keyboard.press('0');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('range'));
  const stop = page.locator('.hk-timeline__events [data-event][tabindex="0"]');
  await stop.focus();
  const from = await stop.getAttribute('data-event');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((from) => {
    const d = document.querySelector('[data-testid="event-detail"]');
    return d && d.getAttribute('data-selected-event') !== from;
  }, from);
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-event'));
  assert.equal(focused, await testId(page, 'event-detail').getAttribute('data-selected-event'), 'focus follows in the chart');
  await screenshot(page, 'timeline-keyboard');
  app.assertNoErrors();
});

test('a lane filter hides its events in the chart and the list; kinds too', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  const listed = (actor) => page.locator(`[data-testid="event-item"][data-actor="${actor}"]`).count();
  const drawn = (actor) => testId(page, 'timeline-chart').locator(`.hk-timeline__events [data-actor="${actor}"]`).count();
  assert.ok((await listed(1)) > 0 && (await drawn(1)) > 0);
  const all = await testId(page, 'event-item').count();
  await page.locator('[data-testid="lane-filter"][data-actor="1"]').uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-testid="event-item"][data-actor="1"]'));
  assert.equal(await listed(1), 0);
  assert.equal(await drawn(1), 0);
  assert.equal(await testId(page, 'timeline-chart').locator('[data-lane="1"]').count(), 0, 'the lane is gone');
  assert.ok((await testId(page, 'event-item').count()) < all);
  await screenshot(page, 'timeline-lane-filter');
  await page.locator('[data-testid="lane-filter"][data-actor="1"]').check();
  await page.locator('[data-testid="kind-filter"][data-kind="action"]').uncheck();
  await page.waitForFunction(() => !document.querySelector('[data-testid="event-item"][data-kind="action"]'));
  assert.equal(await testId(page, 'timeline-chart').locator('.hk-timeline__marker--action').count(), 0);
  app.assertNoErrors();
});

test('real time scale removes the breaks', async (t) => {
  const app = await openTimeline(t);
  if (!app) return;
  const { page } = app;
  assert.ok((await page.locator('.hk-timeline__break').count()) > 0);
  await testId(page, 'real-time').click();
  await page.waitForFunction(() => document.querySelectorAll('.hk-timeline__break').length === 0);
  assert.equal(await testId(page, 'real-time').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'timeline-real-time');
  app.assertNoErrors();
});

test('dark mode, English, a phone, and print', async (t) => {
  const dark = await openTimeline(t, {}, { colorScheme: 'dark' });
  if (!dark) return;
  await screenshot(dark.page, 'timeline-dark');
  const violations = await checkA11y(dark.page, { include: '[data-testid="timeline"]' });
  assert.deepEqual(violations, [], formatViolations(violations));

  const en = await openTimeline(t, { src: 'examples/sample-en.json' });
  assert.match(await testId(en.page, 'timeline').textContent(), /Fit all/);
  await screenshot(en.page, 'timeline-en');

  const phone = await openTimeline(t, {}, { viewport: { width: 390, height: 844 } });
  await screenshot(phone.page, 'timeline-phone');

  // Print: a static fit-all figure without controls, whatever the zoom on screen.
  const { page } = await openTimeline(t);
  await testId(page, 'zoom-in').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('range'));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('[data-testid="zoom-fit"]')?.disabled);
  assert.equal(await testId(page, 'zoom-in').isVisible(), false, 'no controls in print');
  await screenshot(page, 'timeline-print');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => !document.querySelector('[data-testid="zoom-fit"]')?.disabled);
  dark.assertNoErrors();
});

test('the history sample: each report draws its own timeline', async (t) => {
  const app = await openApp(h, { src: 'examples/history.json' });
  t.after(() => app.close());
  const { page } = app;
  // Reports without an id are given r1, r2… by the decoder.
  const count = await page.evaluate(async () => {
    const doc = await (await fetch('examples/history.json')).json();
    return (doc.reports ?? []).length;
  });
  assert.ok(count > 0, 'the history sample has reports');
  let shown = 0;
  for (let i = 1; i <= count; i++) {
    const id = `r${i}`;
    await page.goto(appUrl(h, { src: 'examples/history.json', report: id, view: 'timeline' }));
    await waitReady(page);
    if ((await testId(page, 'timeline').count()) === 0) continue;
    await measured(page);
    shown += 1;
    assert.ok((await chartNodes(page)) <= NODE_LIMIT);
    const events = await page.evaluate(() => document.querySelector('[data-testid="event-list"]')?.textContent ?? '');
    assert.ok(events.length > 0, `report ${id} has its list`);
    await screenshot(page, `timeline-history-${id}`);
  }
  if (shown === 0) t.skip('the shell does not show the timeline view for history reports');
  app.assertNoErrors();
});

test('10,000 events: small DOM at any zoom, clusters zoom in, a deep link selects', async (t) => {
  const opened = await openBig(t);
  if (!opened) return;
  const { page, errors, timing } = opened;
  const fitNodes = await chartNodes(page);
  assert.ok(fitNodes <= NODE_LIMIT, `${fitNodes} chart nodes at fit-all`);
  assert.equal(await testId(page, 'event-item').count(), 100, 'the list is paged');
  await testId(page, 'list-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-item"]').length === 200);
  await screenshot(page, 'timeline-10000');

  // Zoom where the events are densest: phase ①, then further in.
  const counts = [fitNodes];
  let range = await visibleRange(page);
  await testId(page, 'timeline-chart').locator('[data-phase="0"] text').click();
  range = await rangeChanged(page, range);
  counts.push(await chartNodes(page));
  for (let i = 0; i < 5; i++) {
    await testId(page, 'zoom-in').click();
    range = await rangeChanged(page, range);
    counts.push(await chartNodes(page));
  }
  assert.ok(Math.max(...counts) <= NODE_LIMIT, `chart nodes while zooming: ${counts}`);
  await screenshot(page, 'timeline-10000-zoomed');

  // A cluster zooms in on click.
  await testId(page, 'zoom-fit').click();
  range = await rangeChanged(page, range);
  const cluster = testId(page, 'timeline-chart').locator('[data-cluster]').first();
  await cluster.click();
  const afterCluster = await rangeChanged(page, range);
  assert.ok(afterCluster[1] - afterCluster[0] < range[1] - range[0]);

  // Clicking a marker selects; its hash reopens it on a fresh load of the same big file.
  const marker = testId(page, 'timeline-chart').locator('.hk-timeline__events [data-event]').first();
  await marker.locator('.hk-timeline__shape').click();
  await testId(page, 'event-detail').waitFor();
  await page.waitForFunction(() => location.hash.startsWith('#event-'));
  const hash = new URL(page.url()).hash;
  const index = await testId(page, 'event-detail').getAttribute('data-selected-event');
  const second = await openBig(t, { hash });
  await testId(second.page, 'event-detail').waitFor();
  assert.equal(await testId(second.page, 'event-detail').getAttribute('data-selected-event'), index);
  assert.ok((await chartNodes(second.page)) <= NODE_LIMIT);

  const perf = {
    events: 10_000,
    loadToChartMs: Math.round(timing.drawn),
    jsonToChartMs: timing.jsonLoaded == null ? null : Math.round(timing.drawn - timing.jsonLoaded),
    chartNodesFit: fitNodes,
    chartNodesMax: Math.max(...counts),
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'timeline-perf.json'), JSON.stringify(perf, null, 2));
  t.diagnostic(`10,000 events: ${JSON.stringify(perf)}`);
  assert.deepEqual(errors, []);
});
