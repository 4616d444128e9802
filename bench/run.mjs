#!/usr/bin/env node
// The benchmark: hokoku's release build side by side with vis-timeline, in headless Chromium.
//
//   npm ci --prefix bench          once: vis-timeline, pinned in bench/package-lock.json
//   node bench/run.mjs             build, measure, write bench/RESULTS.md (and bench/out/results.json)
//
// Options: --runs N (default 5; medians are reported), --report-only (rewrite RESULTS.md from
// bench/out/results.json), --no-build (measure bench/out/dist as it is), --events 100,1000,10000,
// --history 1000, --vis-limit MS. It takes a few minutes and uses both cores, so it
// is NOT part of the test command; only the size ratchet (bench/check-size.mjs) is.
//
// What it measures, each from a fresh browser context (cold cache, new heap):
// - transfer size of what the page loads (raw, gzip -9, brotli 11), and of vis-timeline's
//   standalone bundle + css;
// - navigation → the sample's title, first view, timeline and letter drawn (next frame painted);
// - generated reports of N events and a history of 1,000 reports, chosen through the file input:
//   from the input's change event to the report drawn, JS heap and wasm memory after a GC, DOM
//   nodes; vis-timeline draws the same events from the same text (JSON.parse included);
// - interaction at 1,000 and more events: wheel zoom and pan steps (main-thread busy time per
//   step, and input → next frame), selecting an event, switching views;
// - print: the sample's letter to a PDF.
// Figures whose feature does not exist yet in the build are reported as "n/a" with the reason.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { history, report } from './generate.mjs';
import { HOSTILE } from './hostile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const DIST = join(OUT, 'dist');
const DATA = join(OUT, 'data');
const VIS_DIR = join(HERE, 'node_modules', 'vis-timeline');
const VIS_JS = join(VIS_DIR, 'standalone', 'umd', 'vis-timeline-graph2d.min.js');
const VIS_CSS = join(VIS_DIR, 'styles', 'vis-timeline-graph2d.min.css');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(opt('--runs', '5'));
const EVENTS = opt('--events', '100,1000,10000').split(',').map(Number);
const HISTORY = Number(opt('--history', '1000'));
const BUILD = !argv.includes('--no-build');
/** Only the hostile scenario (issue 18), written to bench/RESULTS-hostile.md. */
const HOSTILE_ONLY = argv.includes('--hostile-only');
/** Rewrites RESULTS.md from bench/out/results.json without measuring (after editing the table code). */
const REPORT_ONLY = argv.includes('--report-only');
const STEPS = 50;
/** vis-timeline may take minutes on large inputs: a draw slower than this is cut and reported as "> limit". */
const VIS_LIMIT_MS = Number(opt('--vis-limit', '60000'));

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => {
  if (x === Infinity) return `> ${(VIS_LIMIT_MS / 1000).toFixed(0)} s`;
  return Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms` : 'n/a';
};
const kB = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} kB` : 'n/a');
const MB = (x) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(1)} MB` : 'n/a');
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const ratio = (a, b) => {
  if (Number.isFinite(a) && b === Infinity) return `< ${(a / VIS_LIMIT_MS).toFixed(3)}`;
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}` : '—';
};

// ---------------------------------------------------------------------------------------------
// Build, data and server

function build() {
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  console.log('building the release app into bench/out/dist (trunk build --release --offline)…');
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', DIST], { cwd: ROOT, env, stdio: 'inherit' });
}

function writeData() {
  mkdirSync(DATA, { recursive: true });
  const files = {};
  for (const n of EVENTS) {
    const doc = report(n);
    files[`events-${n}`] = { name: `events-${n}.json`, title: doc.report.title, text: JSON.stringify(doc, null, 1), events: n };
  }
  const h = history(HISTORY);
  // A history shows its newest report first.
  files.history = { name: `history-${HISTORY}.json`, title: h.reports[h.reports.length - 1].report.title, text: JSON.stringify(h, null, 1) };
  for (const f of Object.values(files)) writeFileSync(join(DATA, f.name), f.text);
  return files;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};

/** /app/ → the build, /vis/ → the vis-timeline page, /data/ → generated reports. */
function serve() {
  const routes = [
    ['/app/', DIST],
    ['/data/', DATA],
  ];
  const vis = {
    '/vis/': join(HERE, 'vis.html'),
    '/vis/vis-timeline-graph2d.min.js': VIS_JS,
    '/vis/vis-timeline-graph2d.min.css': VIS_CSS,
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = vis[path];
    for (const [prefix, dir] of routes) {
      if (!file && path.startsWith(prefix)) {
        const rel = normalize(path.slice(prefix.length) || 'index.html');
        if (!rel.startsWith('..')) file = join(dir, rel);
      }
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Sizes

function sizes(files) {
  const rows = files.map((file) => {
    const bytes = readFileSync(file);
    return {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

// ---------------------------------------------------------------------------------------------
// In the page

/** Installed before any page script: marks, the wasm memory, and a "drawn" waiter. */
function instrument() {
  const bench = (window.__bench = { marks: {}, memory: null });
  const keep = (result) => {
    const instance = result?.instance ?? result;
    const memory = instance?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) bench.memory = memory;
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
  document.addEventListener('change', () => (bench.marks.change = performance.now()), true);
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  bench.frame = frame;
  /** Resolves with { dom, frame } times once `test()` holds: at the mutation, then painted. */
  bench.when = (test, timeout = 60_000) =>
    new Promise((resolve) => {
      let done = false;
      const finish = (value) => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      };
      const check = () => {
        let ok = false;
        try {
          ok = test();
        } catch {
          ok = false;
        }
        if (ok && !done) {
          const dom = performance.now();
          frame().then(() => finish({ dom, frame: performance.now() }));
          observer.disconnect();
        }
        return ok;
      };
      const observer = new MutationObserver(check);
      const timer = setTimeout(() => finish(null), timeout);
      if (!check()) observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  // Navigation marks: recorded from the very first mutation on.
  const q = (s) => document.querySelector(s);
  const filled = (el) => el && el.childElementCount > 0;
  const probes = {
    title: () => (q('[data-testid="title"]')?.textContent ?? '').trim().length > 0,
    view: () => filled(q('.hokoku [data-testid^="view-"]')),
    timeline: () => !!q('[data-testid="view-timeline"] svg, [data-testid="view-timeline"] canvas'),
    letter: () => filled(q('[data-testid="letter"]')),
  };
  for (const [name, test] of Object.entries(probes)) {
    bench.when(test, 30_000).then((t) => (bench.marks[name] = t));
  }
}

const PAGE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    // A browser asks for /favicon.ico on its own; the app does not ship one.
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if ((m.type() === 'error' && !/Failed to load resource/.test(m.text())) || /panicked/.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(instrument);
  return { page, context, errors, close: () => context.close() };
}

/** JS heap after a full GC, wasm linear memory, DOM nodes (all, and in the shown view). */
async function memoryAndNodes(page, chartSelector) {
  return page.evaluate(async (sel) => {
    if (window.gc) {
      window.gc();
      window.gc();
    }
    await window.__bench.frame();
    // The first selector that matches wins (a selector list would pick by document order).
    const chart = sel.map((one) => document.querySelector(one)).find(Boolean);
    return {
      heap: performance.memory?.usedJSHeapSize ?? NaN,
      wasm: window.__bench.memory?.buffer.byteLength ?? NaN,
      nodes: document.getElementsByTagName('*').length,
      chartNodes: chart ? chart.getElementsByTagName('*').length : NaN,
    };
  }, chartSelector);
}

/** Whose nodes count as "the chart": the timeline's chart when it is shown, else the view. */
const CHART = ['[data-testid="timeline-chart"]', '.hokoku [data-testid^="view-"]'];

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * The hostile scenario: the sample shown, then each hostile input chosen through the file input.
 * Settled: the page shows the file's outcome (its problems panel, or a new title) and a frame has
 * been painted. Longest task: the longest main-thread task (PerformanceObserver "longtask",
 * which reports tasks over 50 ms) from the change event until one second after settling.
 */
async function hostile(browser, origin) {
  const out = {};
  for (const h of HOSTILE) {
    const settled = [];
    const longest = [];
    const bytes = h.bytes();
    // Chosen from a file on disk (CDP DOM.setFileInputFiles): given a buffer, Playwright builds
    // the File by script in the page (base64, atob), one task that also dispatches the change
    // event, so its own 1-2 s for 19 MB counted as the app's longest task.
    const file = join(DATA, 'hostile', h.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    for (let i = 0; i < RUNS; i++) {
      const p = await newPage(browser);
      await p.page.goto(`${origin}/app/`);
      await p.page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
      const before = (await p.page.locator('[data-testid="title"]').first().textContent()).trim();
      await p.page.evaluate(() => {
        window.__bench.tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__bench.tasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: false });
      });
      const drawn = p.page.evaluate(
        ({ name, before }) =>
          window.__bench.when(() => {
            const panel = document.querySelector(`[data-testid="problems"][aria-label*="${name}"]`);
            const title = (document.querySelector('[data-testid="title"]')?.textContent ?? '').trim();
            return !!panel || title !== before;
          }, 120_000),
        { name: h.name, before },
      );
      await p.page.locator('[data-testid="file-input"]').setInputFiles(file);
      const t = await drawn;
      await p.page.waitForTimeout(1000);
      const { marks, tasks } = await p.page.evaluate(() => ({ marks: window.__bench.marks, tasks: window.__bench.tasks }));
      if (!t) throw new Error(`${h.name}: the page did not settle (errors: ${p.errors.join('; ')})`);
      settled.push(t.frame - marks.change);
      const mine = tasks.filter((x) => x.start + x.duration >= marks.change);
      longest.push(mine.length ? Math.max(...mine.map((x) => x.duration)) : 0);
      await p.close();
    }
    out[h.name] = { about: h.about, bytes: bytes.length, settled: median(settled), longest: median(longest) };
    console.log(`  ${h.name}: settled ${ms(out[h.name].settled)}, longest task ${ms(out[h.name].longest)}`);
  }
  return out;
}

function hostileMarkdown(r) {
  const L = [];
  L.push('| input (chosen after the sample is shown) | size | settled | longest task | budget (≤ 2 s, no task over 200 ms) |', '|---|---:|---:|---:|---|');
  for (const [name, v] of Object.entries(r)) {
    const ok = v.settled <= 2000 && v.longest <= 200;
    L.push(`| ${v.about} (\`${name}\`) | ${int(v.bytes)} B | ${ms(v.settled)} | ${v.longest ? ms(v.longest) : '< 50 ms'} | ${ok ? 'met' : '**not met**'} |`);
  }
  L.push('', 'Longest task counts tasks over 50 ms (the "longtask" entries); "< 50 ms" means none was reported.');
  return L.join('\n');
}

async function navigation(browser, origin) {
  const out = { title: [], view: [], timeline: [], letter: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [url, names] of [
      [`${origin}/app/`, ['title', 'view', 'timeline']],
      [`${origin}/app/?view=letter`, ['letter']],
    ]) {
      const p = await newPage(browser);
      await p.page.goto(url);
      await p.page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
      // Give absent features their chance (the probes time out after 30 s; a short wait is enough
      // to tell present from absent, as present ones are drawn within the ready frame or so).
      await p.page.waitForTimeout(1500);
      const marks = await p.page.evaluate(() => window.__bench.marks);
      for (const n of names) out[n].push(marks[n]?.frame ?? NaN);
      if (p.errors.length) throw new Error(`errors in the page: ${p.errors.join('; ')}`);
      await p.close();
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}

/** Opens the app (sample shown), chooses `file` through the file input, waits until drawn. */
async function hokokuLoad(browser, origin, file) {
  const p = await newPage(browser);
  await p.page.goto(`${origin}/app/`);
  await p.page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
  const drawn = p.page.evaluate((title) => {
    const q = (s) => document.querySelector(s);
    return window.__bench.when(() => {
      const shown = (q('[data-testid="title"]')?.textContent ?? '').trim() === title;
      const view = q('.hokoku [data-testid^="view-"]');
      return shown && view && view.childElementCount > 0;
    }, 120_000);
  }, file.title);
  // From disk (writeData put it there): given a buffer, Playwright builds the File by script in
  // the page, in the task that fires the change event, and that cost was counted as the app's.
  await p.page.locator('[data-testid="file-input"]').setInputFiles(join(DATA, file.name));
  const t = await drawn;
  const marks = await p.page.evaluate(() => window.__bench.marks);
  if (!t) throw new Error(`${file.name} was not drawn (errors: ${p.errors.join('; ')})`);
  const problems = await p.page.locator('[data-testid="problem"]').count();
  if (problems) throw new Error(`${file.name}: the generated report has ${problems} problems`);
  const view = await p.page.locator('.hokoku [data-testid^="view-"]').first().getAttribute('data-testid');
  return { p, ms: t.frame - marks.change, view };
}

async function visLoad(browser, origin, file, visOptions = { stack: true }) {
  const p = await newPage(browser);
  await p.page.goto(`${origin}/vis/`);
  await p.page.waitForFunction(() => typeof window.runVis === 'function');
  let timer;
  const limit = new Promise((resolve) => (timer = setTimeout(() => resolve(null), VIS_LIMIT_MS)));
  const r = await Promise.race([p.page.evaluate(([text, o]) => window.runVis(text, o), [file.text, visOptions]).catch(() => null), limit]);
  clearTimeout(timer);
  if (!r) {
    // Still drawing: the renderer is busy, so the context is closed without asking the page.
    await p.close().catch(() => {});
    return { p: null, ms: Infinity, chartNodes: NaN };
  }
  return { p, ms: r.ms, chartNodes: r.nodes };
}

/** vis-timeline's default (stacked rows) and its fast mode (stack: false). */
const VIS_MODES = { vis: { stack: true }, visFlat: { stack: false } };

async function loads(browser, origin, files) {
  const results = {};
  for (const [key, file] of Object.entries(files)) {
    const h = { ms: [], heap: [], wasm: [], nodes: [], chartNodes: [] };
    const v = Object.fromEntries(Object.keys(VIS_MODES).map((m) => [m, { ms: [], heap: [], nodes: [], chartNodes: [] }]));
    const tooSlow = new Set();
    let drawnView = '';
    for (let i = 0; i < RUNS; i++) {
      const a = await hokokuLoad(browser, origin, file);
      const m = await memoryAndNodes(a.p.page, CHART);
      h.ms.push(a.ms);
      drawnView = a.view;
      for (const k of ['heap', 'wasm', 'nodes', 'chartNodes']) h[k].push(m[k]);
      await a.p.close();
      if (!file.events) continue;
      for (const [mode, visOptions] of Object.entries(VIS_MODES)) {
        if (tooSlow.has(mode)) {
          v[mode].ms.push(Infinity);
          continue;
        }
        const b = await visLoad(browser, origin, file, visOptions);
        if (!b.p) {
          // Past the limit once: the other runs would be too, and each costs the whole limit.
          tooSlow.add(mode);
          v[mode].ms.push(Infinity);
          continue;
        }
        const mv = await memoryAndNodes(b.p.page, ['#chart']);
        v[mode].ms.push(b.ms);
        v[mode].heap.push(mv.heap);
        v[mode].nodes.push(mv.nodes);
        v[mode].chartNodes.push(mv.chartNodes);
        await b.p.close();
      }
    }
    const med = (o) => Object.fromEntries(Object.entries(o).map(([k, xs]) => [k, median(xs)]));
    results[key] = { view: drawnView, hokoku: med(h), vis: file.events ? med(v.vis) : null, visFlat: file.events ? med(v.visFlat) : null };
    const r = results[key];
    console.log(`${key}: hokoku ${ms(r.hokoku.ms)}${file.events ? `, vis-timeline ${ms(r.vis.ms)}, stack: false ${ms(r.visFlat.ms)}` : ''}`);
  }
  return results;
}

/**
 * `STEPS` wheel events on `selector`, each timed two ways: input → next frame (wall clock, so it
 * includes waiting for the frame), and the main thread's busy time for the step (CDP
 * Performance.getMetrics TaskDuration, in thread time), which is what must fit in a 16 ms frame.
 */
async function wheelSteps(page, selector, init, signature) {
  if (!(await page.locator(selector).count())) return null;
  const firstSignature = await page.evaluate(signature);
  let moved = false;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const frame = [];
  const work = [];
  const started = Date.now();
  // At most a minute in all: a slow chart gives fewer steps rather than a run of an hour.
  for (let i = 0; i < STEPS && Date.now() - started < 60_000; i++) {
    const before = await busy();
    const t = await page.evaluate(
      async ({ selector, init, dir }) => {
        const el = document.querySelector(selector);
        const r = el.getBoundingClientRect();
        const t0 = performance.now();
        el.dispatchEvent(
          new WheelEvent('wheel', {
            bubbles: true,
            cancelable: true,
            clientX: r.left + r.width / 2,
            clientY: r.top + Math.min(r.height / 2, 200),
            deltaMode: 0,
            ctrlKey: init.ctrlKey,
            deltaX: init.deltaX * dir,
            deltaY: init.deltaY * dir,
          }),
        );
        await window.__bench.frame();
        return performance.now() - t0;
      },
      // Alternate direction so the view stays in range for every step.
      { selector, init, dir: i % 2 ? -1 : 1 },
    );
    work.push((await busy()) - before);
    frame.push(t);
    // A step that changed nothing measures nothing: check that the first one moved the view.
    if (i === 0) moved = (await page.evaluate(signature)) !== firstSignature;
  }
  await cdp.detach();
  return { frame, work, moved };
}

/** Zooms in a few steps, untimed: at "fit all" there is nothing to pan to. */
async function zoomIn(page, selector) {
  await page.evaluate(async (selector) => {
    const el = document.querySelector(selector);
    const r = el.getBoundingClientRect();
    for (let i = 0; i < 6; i++) {
      el.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + Math.min(r.height / 2, 200), ctrlKey: true, deltaY: -120 }));
      await window.__bench.frame();
    }
  }, selector);
}

/** p50/p95 of both timings of `wheelSteps`. */
function stepStats(r) {
  if (!r) return { p50: NaN, p95: NaN, frame50: NaN, frame95: NaN, n: 0, moved: false };
  if (!r.moved) return { p50: NaN, p95: NaN, frame50: NaN, frame95: NaN, n: r.work.length, moved: false };
  return { p50: median(r.work), p95: percentile(r.work, 95), frame50: median(r.frame), frame95: percentile(r.frame, 95), n: r.work.length, moved: true };
}

const ZOOM = { ctrlKey: true, deltaX: 0, deltaY: -120 };
const PAN = { ctrlKey: false, deltaX: 120, deltaY: 0 };

/**
 * Clicks events on the chart: click → that event's details drawn and the next frame. A chart that
 * shows only clusters (many events at "fit all") is zoomed into a cluster first, as a reader would.
 */
async function selectEvents(page) {
  const chart = '[data-testid="timeline-chart"]';
  for (let zooms = 0; zooms < 8 && !(await page.locator(`${chart} [data-event]`).count()); zooms++) {
    const cluster = page.locator(`${chart} [data-cluster]`).first();
    if (!(await cluster.count())) break;
    await cluster.dispatchEvent('click');
    await page.waitForTimeout(200);
  }
  const times = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const t = await page.evaluate(async ({ chart, i }) => {
      const markers = [...document.querySelectorAll(`${chart} [data-event]`)];
      if (!markers.length) return null;
      const target = markers[(i * 7) % markers.length];
      const id = target.getAttribute('data-event');
      const drawn = window.__bench.when(() => {
        const detail = document.querySelector(`[data-testid="event-detail"][data-selected-event="${id}"]`);
        return !!detail && detail.textContent.trim().length > 0;
      }, 10_000);
      const t0 = performance.now();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const r = await drawn;
      return r ? r.frame - t0 : NaN;
    }, { chart, i });
    if (t === null) break;
    times.push(t);
  }
  return times.length ? { p50: median(times), p95: percentile(times, 95), n: times.length } : null;
}

async function interaction(browser, origin, file, visTooSlow) {
  const out = { hokoku: {}, vis: {} };
  // hokoku: the timeline's chart, when the build has one.
  const a = await hokokuLoad(browser, origin, file);
  const page = a.p.page;
  // The wheel listener is on the chart's svg (a wheel on the wrapper would not reach it).
  const chart = '[data-testid="timeline-chart"] svg';
  const tab = page.locator('[role="tab"][aria-controls="hk-view-timeline"]');
  if (await tab.count()) await tab.click();
  if (await page.locator(chart).count()) {
    // The visible range is kept in the URL: it changes with every zoom or pan step.
    const where = '(document.querySelector(\'[data-testid="visible-range"]\')?.textContent ?? "") + location.search';
    out.hokoku.zoom = stepStats(await wheelSteps(page, chart, ZOOM, where));
    await zoomIn(page, chart);
    out.hokoku.pan = stepStats(await wheelSteps(page, chart, PAN, where));
    out.hokoku.select = await selectEvents(page);
  } else {
    out.hokoku.note = 'no timeline chart in this build yet';
  }
  // View switches: each tab, from click to its panel drawn.
  const tabs = await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-controls')));
  const switches = [];
  for (let i = 0; i < RUNS; i++) {
    for (const id of [...tabs.slice(1), tabs[0]]) {
      if (!id || tabs.length < 2) continue;
      const drawn = page.evaluate((id) => {
        const el = () => document.getElementById(id);
        return window.__bench.when(() => el() && el().childElementCount > 0);
      }, id);
      const t0 = await page.evaluate(() => performance.now());
      await page.locator(`[role="tab"][aria-controls="${id}"]`).click();
      const t = await drawn;
      if (t) switches.push(t.frame - t0);
    }
  }
  out.hokoku.switchView = tabs.length >= 2 ? median(switches) : NaN;
  if (tabs.length < 2) out.hokoku.switchNote = `${tabs.length} view(s) in this build`;
  await a.p.close();

  // vis-timeline: wheel over its centre panel (ctrl+wheel zooms, wheel scrolls sideways), in its
  // fast mode (stack: false), as the default mode may not even draw the largest input in time.
  const b = visTooSlow ? { p: null } : await visLoad(browser, origin, file, VIS_MODES.visFlat);
  if (!b.p) {
    out.vis = { zoom: stepStats(null), pan: stepStats(null), drew: false, note: `vis-timeline did not draw ${file.events} events within ${VIS_LIMIT_MS / 1000} s` };
    return out;
  }
  const where = 'JSON.stringify(window.timeline.getWindow())';
  out.vis.zoom = stepStats(await wheelSteps(b.p.page, '.vis-panel.vis-center', ZOOM, where));
  await zoomIn(b.p.page, '.vis-panel.vis-center');
  out.vis.pan = stepStats(await wheelSteps(b.p.page, '.vis-panel.vis-center', PAN, where));
  await b.p.close();
  return out;
}

async function print(browser, origin) {
  const times = [];
  let note;
  for (let i = 0; i < RUNS; i++) {
    const p = await newPage(browser);
    await p.page.goto(`${origin}/app/?view=letter`);
    await p.page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
    if (!(await p.page.locator('[data-testid="letter"]').count())) {
      note = 'no letter view in this build yet';
      await p.close();
      break;
    }
    const t0 = performance.now();
    await p.page.pdf({ format: 'A4', printBackground: true });
    times.push(performance.now() - t0);
    await p.close();
  }
  return { ms: median(times), note };
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(browserVersion) {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${browserVersion} headless, Node ${process.version}`;
}

function budget(value, limit) {
  if (!Number.isFinite(value) || Number.isNaN(limit)) return 'n/a';
  return value <= limit ? 'met' : '**not met**';
}

function markdown(r) {
  const L = [];
  const largest = `events-${Math.max(...EVENTS)}`;
  L.push('# Benchmark results', '');
  L.push(`Measured ${r.date} at commit ${r.commit}${r.dirty ? ' (with uncommitted changes in the work tree)' : ''} by \`node bench/run.mjs\` (${r.runs} runs each, medians).`);
  L.push(`Machine: ${r.machine}.`);
  L.push('');
  L.push('Absolute times depend on the machine and on what else it is doing; compare the **ratios** (hokoku / vis-timeline, lower is better for hokoku). Sizes are exact.');
  L.push('');
  L.push('## Transfer size', '');
  L.push('| | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|');
  L.push(`| hokoku (wasm + js + css + html) | ${kB(r.size.hokoku.raw)} | ${kB(r.size.hokoku.gzip)} | ${kB(r.size.hokoku.brotli)} |`);
  L.push(`| vis-timeline ${r.visVersion} standalone (js + css + page) | ${kB(r.size.vis.raw)} | ${kB(r.size.vis.gzip)} | ${kB(r.size.vis.brotli)} |`);
  L.push(`| ratio hokoku / vis-timeline | ${ratio(r.size.hokoku.raw, r.size.vis.raw)} | ${ratio(r.size.hokoku.gzip, r.size.vis.gzip)} | ${ratio(r.size.hokoku.brotli, r.size.vis.brotli)} |`);
  L.push('', `Budget: hokoku gzip ≤ 156 kB (vis-timeline's bundle alone): ${budget(r.size.hokoku.gzip, 156_000)}.`, '');
  L.push('## Loading', '');
  L.push('vis-timeline is measured in its default mode (stacked: overlapping items on their own rows) and with `stack: false` (faster); each ratio is against the **faster** of the two.', '');
  L.push('| measure | hokoku | vis-timeline (default) | vis-timeline (stack: false) | ratio | budget |', '|---|---:|---:|---:|---:|---|');
  L.push(`| navigation → sample title drawn | ${ms(r.nav.title)} | | | | |`);
  L.push(`| navigation → sample first view drawn | ${ms(r.nav.view)} | | | | |`);
  L.push(`| navigation → sample timeline drawn | ${ms(r.nav.timeline)} | | | | ≤ 300 ms: ${budget(r.nav.timeline, 300)} |`);
  L.push(`| navigation → sample letter drawn | ${ms(r.nav.letter)} | | | | |`);
  const best = (v) => (v ? Math.min(v.vis.ms, v.visFlat.ms) : NaN);
  for (const [key, v] of Object.entries(r.loads)) {
    const label = key === 'history' ? `history of ${(r.historySize ?? HISTORY).toLocaleString('en-US')} reports` : `${Number(key.replace('events-', '')).toLocaleString('en-US')} events`;
    const isLargest = key === largest;
    const vs = v.vis ? `${ms(v.vis.ms)} | ${ms(v.visFlat.ms)} | ${ratio(v.hokoku.ms, best(v))}` : ' | | ';
    const b = isLargest ? `≤ 500 ms: ${budget(v.hokoku.ms, 500)}; ≥ 10× faster: ${v.vis ? budget(v.hokoku.ms, best(v) / 10) : 'n/a'}` : '';
    L.push(`| ${label}: parse + validate + first render | ${ms(v.hokoku.ms)} | ${vs} | ${b} |`);
  }
  L.push('', '## Memory and DOM after the first render', '');
  L.push('| input | hokoku JS heap | hokoku wasm memory | hokoku total | vis-timeline JS heap (default / stack: false) | hokoku DOM nodes (page / shown view) | vis-timeline chart DOM nodes (default / stack: false) |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [key, v] of Object.entries(r.loads)) {
    const h = v.hokoku;
    const vh = v.vis ? `${MB(v.vis.heap)} / ${MB(v.visFlat.heap)}` : '';
    const vn = v.vis ? `${int(v.vis.chartNodes)} / ${int(v.visFlat.chartNodes)}` : '';
    L.push(`| ${key} | ${MB(h.heap)} | ${MB(h.wasm)} | ${MB(h.heap + h.wasm)} | ${vh} | ${int(h.nodes)} / ${int(h.chartNodes)} | ${vn} |`);
  }
  const big = r.loads[largest]?.hokoku;
  if (big) {
    L.push('', `Budgets at ${largest.replace('events-', '')} events: memory ≤ 40 MB: ${budget(big.heap + big.wasm, 40e6)}; chart DOM nodes ≤ 1,500: ${budget(big.chartNodes, 1500)} (counted in ${r.loads[largest].view === 'view-timeline' ? 'the timeline chart' : `the shown view, ${r.loads[largest].view}, as the build has no timeline chart`}).`);
  }
  L.push('', '## Interaction', '');
  L.push(`${STEPS} wheel steps each (alternating direction). **Busy** is the main thread's work for a step (CDP TaskDuration, thread time): what must fit in a 16 ms frame. **Frame** is input → next frame on the wall clock, which also includes waiting for the frame. vis-timeline with \`stack: false\`.`, '');
  L.push('| events | measure | hokoku busy p50 / p95 | hokoku frame p50 / p95 | vis-timeline busy p50 / p95 | vis-timeline frame p50 / p95 | ratio busy p95 | budget (at the largest) |', '|---:|---|---:|---:|---:|---:|---:|---|');
  for (const [key, it] of Object.entries(r.interaction)) {
    const n = Number(key.replace('events-', '')).toLocaleString('en-US');
    for (const k of ['zoom', 'pan']) {
      const h = it.hokoku[k] ?? { p50: NaN, p95: NaN, frame50: NaN, frame95: NaN };
      const v = it.vis[k];
      const vp95 = it.vis.drew === false ? Infinity : v.p95;
      const b = key === largest ? `busy p95 ≤ 16 ms: ${budget(h.p95, 16)}; ≥ 10× faster: ${budget(h.p95, vp95 / 10)}` : '';
      const vcells = it.vis.drew === false ? 'not drawn | not drawn' : `${ms(v.p50)} / ${ms(v.p95)} | ${ms(v.frame50)} / ${ms(v.frame95)}`;
      L.push(`| ${n} | ${k} step | ${ms(h.p50)} / ${ms(h.p95)} | ${ms(h.frame50)} / ${ms(h.frame95)} | ${vcells} | ${it.vis.drew === false ? '—' : ratio(h.p95, v.p95)} | ${b} |`);
    }
  }
  L.push('', '| events | measure | hokoku p50 | hokoku p95 |', '|---:|---|---:|---:|');
  for (const [key, it] of Object.entries(r.interaction)) {
    const n = Number(key.replace('events-', '')).toLocaleString('en-US');
    L.push(`| ${n} | switch view: click → view drawn + next frame | ${ms(it.hokoku.switchView)} | |`);
    const sel = it.hokoku.select;
    L.push(`| ${n} | select an event: click → its details drawn + next frame | ${ms(sel?.p50)} | ${ms(sel?.p95)} |`);
  }
  L.push('', '## Print', '');
  L.push(`| the sample's letter → PDF (page.pdf, A4) | ${ms(r.print.ms)} |`, '|---|---:|');
  if (r.hostile) L.push('', '## Hostile inputs', '', hostileMarkdown(r.hostile));
  L.push('', '## Notes', '');
  const notes = [];
  for (const [key, it] of Object.entries(r.interaction)) {
    if (it.hokoku.note) notes.push(`Zoom and pan at ${key}: ${it.hokoku.note}.`);
    if (it.hokoku.switchNote) notes.push(`View switch at ${key}: ${it.hokoku.switchNote}.`);
    if (!it.hokoku.select && !it.hokoku.note) notes.push(`Selecting an event at ${key}: no event marker could be reached on the chart.`);
    for (const k of ['zoom', 'pan']) {
      if (it.hokoku[k] && !it.hokoku[k].moved) notes.push(`hokoku ${k} at ${key}: the synthetic wheel did not move the view, so no figure.`);
      if (it.vis.drew !== false && !it.vis[k].moved) notes.push(`vis-timeline ${k} at ${key}: the synthetic wheel did not move the view, so no figure.`);
    }
    if (it.vis.note) notes.push(`Interaction at ${key}: ${it.vis.note}.`);
  }
  if (r.print.note) notes.push(`Print: ${r.print.note}.`);
  if (!Number.isFinite(r.nav.timeline)) notes.push('Navigation → timeline: the build draws no timeline yet.');
  if (!Number.isFinite(r.nav.letter)) notes.push('Navigation → letter: the build has no letter view yet.');
  const views = [...new Set(Object.values(r.loads).map((v) => v.view))].join(', ');
  notes.push(`hokoku's first render is of the view shown by default (${views})${views.includes('timeline') ? '' : ': while the build has no timeline view, the loading figures do not yet include drawing the chart'}.`);
  notes.push('hokoku times start at the file input\'s change event (file read, parse, validate, render, next frame); vis-timeline times start with the same text in hand (JSON.parse, DataSet, draw, next frame).');
  notes.push('JS heap is performance.memory.usedJSHeapSize after two forced GCs; wasm memory is the linear memory size (it only grows, so it is the high-water mark of the whole visit).');
  for (const n of notes) L.push(`- ${n}`);
  L.push('');
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (REPORT_ONLY) {
    // "Infinity" marks a draw cut at the time limit (JSON has no infinity).
    const saved = JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8'), (_, v) => (v === 'Infinity' ? Infinity : v));
    writeFileSync(join(HERE, 'RESULTS.md'), markdown(saved));
    console.log('rewrote bench/RESULTS.md from bench/out/results.json');
    return;
  }
  if (HOSTILE_ONLY) {
    if (BUILD) build();
    writeData();
    const server = await serve();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: PAGE_ARGS });
    try {
      console.log('hostile inputs…');
      const r = await hostile(browser, server.origin);
      const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
      const head = [
        '# Hostile inputs (issue 18)',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} at commit ${git('rev-parse', '--short', 'HEAD')} by \`node bench/run.mjs --hostile-only\` (${RUNS} runs each, medians), ${machine(browser.version())}.`,
        '',
      ];
      writeFileSync(join(HERE, 'RESULTS-hostile.md'), head.join('\n') + hostileMarkdown(r) + '\n');
      writeFileSync(join(OUT, 'hostile.json'), JSON.stringify(r, null, 2) + '\n');
      console.log('wrote bench/RESULTS-hostile.md');
    } finally {
      await browser.close();
      await server.close();
    }
    return;
  }
  if (!existsSync(VIS_JS)) throw new Error('vis-timeline is missing: run `npm ci --prefix bench` first');
  if (BUILD) build();
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('bench/out/dist is missing: run without --no-build');
  const files = writeData();
  const appFiles = readdirSync(DIST)
    .filter((n) => /\.(wasm|js|css|html)$/.test(n))
    .map((n) => join(DIST, n));
  const size = { hokoku: sizes(appFiles), vis: sizes([VIS_JS, VIS_CSS, join(HERE, 'vis.html')]) };
  const server = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: PAGE_ARGS });
  try {
    console.log('navigation…');
    const nav = await navigation(browser, server.origin);
    console.log('loads…');
    const loaded = await loads(browser, server.origin, files);
    console.log('interaction…');
    const interactionResult = {};
    for (const n of EVENTS.filter((n) => n >= 1000 || n === Math.max(...EVENTS))) {
      const key = `events-${n}`;
      interactionResult[key] = await interaction(browser, server.origin, files[key], loaded[key].visFlat.ms === Infinity);
    }
    console.log('print…');
    const printed = await print(browser, server.origin);
    console.log('hostile inputs…');
    const hostileResult = await hostile(browser, server.origin);
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
    const results = {
      date: new Date().toISOString().slice(0, 10),
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: git('status', '--porcelain', '--untracked-files=no').length > 0,
      machine: machine(browser.version()),
      visVersion: JSON.parse(readFileSync(join(VIS_DIR, 'package.json'), 'utf8')).version,
      runs: RUNS,
      historySize: HISTORY,
      size,
      nav,
      loads: loaded,
      interaction: interactionResult,
      print: printed,
      hostile: hostileResult,
    };
    writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, (_, v) => (v === Infinity ? 'Infinity' : v), 2) + '\n');
    writeFileSync(join(HERE, 'RESULTS.md'), markdown(results));
    console.log('wrote bench/RESULTS.md and bench/out/results.json');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
