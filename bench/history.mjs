#!/usr/bin/env node
// The long-history benchmark (issue 14, point 7): a generated history of 1,300 reports over 14
// years (e2e/gen-history.mjs) opened by navigation (`?src=`), in headless Chromium, from a fresh
// browser context each run.
//
//   node bench/history.mjs [--dist DIR] [--reports 1300] [--runs 5] [--label NAME]
//
// DIR is a release build (default: dist/, as `trunk build --release --offline` leaves it). It
// prints, as medians over the runs: navigation → first list item in the DOM and → the next frame
// painted ("list drawn"), JS heap after two forced GCs plus wasm linear memory, DOM nodes of the
// page, page height, and a search typed in the list's box → the count updated and painted. It
// also reports the drawn size of the calendar and chart graphics. It is NOT part of the tests (it
// uses both cores for a minute); bench/RESULTS.md records its figures.

import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { generateHistory } from '../e2e/gen-history.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const DIST = opt('--dist', join(HERE, '..', 'dist'));
const REPORTS = Number(opt('--reports', '1300'));
const RUNS = Number(opt('--runs', '5'));
const LABEL = opt('--label', DIST);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const NAME = `history-${REPORTS}.json`;
const DATA = JSON.stringify(generateHistory({ reports: REPORTS }), null, 1);

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === `/app/${NAME}`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(DATA);
      return;
    }
    const rel = normalize(path.replace(/^\/app\//, '') || 'index.html');
    const file = join(DIST, rel === '.' ? 'index.html' : rel);
    if (!path.startsWith('/app/') || rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs in the page before anything else: keeps the wasm memory and marks the list's first item. */
function instrument() {
  const bench = (window.__bench = { memory: null, drawn: null, painted: null });
  const keep = (result) => {
    const memory = (result?.instance ?? result)?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) bench.memory = memory;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
  const observer = new MutationObserver(() => {
    if (bench.drawn === null && document.querySelector('[data-testid="history-item"]')) {
      bench.drawn = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (bench.painted = performance.now()), 0));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function once(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${origin}/app/index.html?src=${NAME}`);
  await page.waitForFunction(() => window.__bench.painted !== null, null, { timeout: 120_000 });
  const m = await page.evaluate(async () => {
    window.gc?.();
    window.gc?.();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const box = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return `${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    return {
      drawn: window.__bench.drawn,
      painted: window.__bench.painted,
      heap: performance.memory?.usedJSHeapSize ?? NaN,
      wasm: window.__bench.memory?.buffer.byteLength ?? NaN,
      nodes: document.getElementsByTagName('*').length,
      height: document.documentElement.scrollHeight,
      items: document.querySelectorAll('[data-testid="history-item"]').length,
      calendar: box('.hk-history__grid-svg') ?? box('.hk-history__calendar-svg'),
      chart: box('.hk-history__chart-svg'),
    };
  });
  // A search: one word typed, until the count says it and a frame is painted.
  const before = await page.locator('[data-testid="history-count"]').textContent();
  m.search = await page.evaluate(async (was) => {
    const input = document.querySelector('[data-testid="history-search"]');
    const count = document.querySelector('[data-testid="history-count"]');
    const t0 = performance.now();
    input.value = 'webhooks';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    while (count.textContent === was) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, before);
  await context.close();
  return m;
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) runs.push(await once(browser, origin));
} finally {
  await browser.close();
  server.close();
}
const pick = (k) => median(runs.map((r) => r[k]));
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;
const out = {
  label: LABEL,
  reports: REPORTS,
  json: `${(DATA.length / 1e6).toFixed(2)} MB`,
  runs: RUNS,
  firstItemMs: Math.round(pick('drawn')),
  listDrawnMs: Math.round(pick('painted')),
  memory: MB(pick('heap') + pick('wasm')),
  heap: MB(pick('heap')),
  wasm: MB(pick('wasm')),
  domNodes: pick('nodes'),
  pageHeightPx: pick('height'),
  itemsDrawn: pick('items'),
  searchMs: Math.round(pick('search')),
  calendar: runs[0].calendar,
  chart: runs[0].chart,
};
console.log(JSON.stringify(out, null, 1));
