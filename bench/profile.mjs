#!/usr/bin/env node
// Where the main thread's time goes while a big file loads (issues 14 and 18): a CDP trace and a
// sampling CPU profile of one load, summarised as the longest tasks, what each spent its time on
// (script, GC, style, layout, paint) and the functions with the most samples inside it. A
// measuring tool, not a test.
//
//   node bench/profile.mjs [--dist DIR] [--out DIR] hostile NAME   (a bench/hostile.mjs input,
//                                                                   chosen after the sample)
//   node bench/profile.mjs [--dist DIR] [--out DIR] history [N]    (N reports by ?src=)
//
// A release build strips wasm function names, so wasm frames show as `$funcNNN` unless the build
// kept them; the JS glue's imports (`__wbg_…`) always keep theirs, which says which browser API
// the wasm called. The raw trace and profile are written to --out (default bench/out/profile)
// for chrome://tracing or the DevTools Performance panel.

import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { generateHistory } from '../e2e/gen-history.mjs';
import { HOSTILE } from './hostile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [v] = argv.splice(i, 2).slice(1);
  return v;
};
const DIST = opt('--dist', join(HERE, '..', 'dist'));
const OUT = resolve(opt('--out', join(HERE, 'out', 'profile')));
const TRACE_ONLY = argv.includes('--trace-only') && argv.splice(argv.indexOf('--trace-only'), 1).length > 0;
const [CASE = 'history', ARG] = argv;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

const REPORTS = Number(CASE === 'history' ? (ARG ?? 1300) : 0);
const HISTORY = REPORTS ? JSON.stringify(generateHistory({ reports: REPORTS }), null, 1) : '';

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/app/history.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(HISTORY);
    const rel = normalize(path.replace(/^\/app\//, '') || 'index.html');
    const file = join(DIST, rel === '.' ? 'index.html' : rel);
    if (!path.startsWith('/app/') || rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'toplevel'].join(',');

async function record(page, cdp, act) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  if (!TRACE_ONLY) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  if (!TRACE_ONLY) await cdp.send('Profiler.start');
  await act();
  const { profile } = TRACE_ONLY ? { profile: null } : await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  return { events, profile };
}

/** The renderer main thread's top-level tasks over 50 ms in time order, each with what it spent
 * its time on (the trace events inside it, by name, longest first). */
function tasks(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.dur);
  const runs = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  // Outermost only: the two task events nest.
  const top = [];
  for (const t of runs) if (!top.length || t.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(t);
  const skip = /RunTask|^Blink\.|UpdateTime|LifecyclePhase|^V8\.GC_|ProfileChunk/;
  return top.filter((t) => t.dur > 50_000).map((t) => {
    const by = {};
    for (const e of mine) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur || skip.test(e.name)) continue;
      by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
    }
    const children = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${Math.round(v)}`);
    return { start: t.ts, at: Math.round((t.ts - top[0].ts) / 1000), ms: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000, children };
  });
}

/** Main-thread CPU time (thread time, which other processes' load disturbs less than the wall
 * clock) of every task from the first one until the first frame painted after the file's load
 * handler (XHRLoad, or the file input's read): the load as the reader waits for it. */
function untilDrawn(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.dur);
  const runs = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const t of runs) if (!top.length || t.ts >= top[top.length - 1].ts + top[top.length - 1].dur) top.push(t);
  const load = mine.filter((e) => e.name === 'XHRLoad' || e.name === 'FileReader::OnLoad' || /DidFinishLoadingBody/.test(e.name)).map((e) => e.ts);
  const loadEnd = Math.max(...top.filter((t) => load.some((x) => x >= t.ts && x <= t.ts + t.dur)).map((t) => t.ts + t.dur), 0);
  const paint = mine.filter((e) => e.name === 'Paint' && e.ts >= loadEnd).sort((a, b) => a.ts - b.ts)[0];
  if (!paint) return null;
  const inTop = top.filter((t) => t.ts <= paint.ts);
  return { wall: Math.round((paint.ts + paint.dur - inTop[0].ts) / 1000), cpu: Math.round(inTop.reduce((a, t) => a + (t.tdur ?? t.dur), 0) / 1000) };
}

/** Self and total (inclusive) sampled time per function between `from` and `to` (µs). */
function functions(profile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split('/').pop() : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  let t = profile.startTime;
  let sampled = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (t < from || t > to) continue;
    sampled += dt;
    let id = profile.samples[i];
    const leaf = name(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    while (id !== undefined) {
      const k = name(byId.get(id));
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt), seen.add(k);
      id = parent.get(id);
    }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v).toString().padStart(6)} ms  ${k}`);
  return { sampledMs: Math.round(sampled), self: top(self, 20), total: top(total, 30) };
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  // A first visit that is not recorded: the browser's font and code caches are then as warm as
  // in bench/history.mjs and bench/run.mjs, whose medians come from one browser (the first
  // shaping of Japanese text in a fresh browser costs several hundred ms of layout).
  const warm = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const warmPage = await warm.newPage();
  await warmPage.goto(`${origin}/app/index.html${CASE === 'history' ? '?src=history.json' : ''}`);
  await warmPage.locator(CASE === 'history' ? '[data-testid="history-item"]' : '.hokoku[data-ready="true"]').first().waitFor({ state: 'attached', timeout: 120_000 });
  await warm.close();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let result;
  if (CASE === 'hostile') {
    const h = HOSTILE.find((x) => x.name === ARG) ?? HOSTILE.find((x) => x.name.startsWith('title'));
    // From a file on disk: a buffer would be turned into a File by script in the page (base64,
    // atob), a long task of Playwright's own that would hide the app's.
    const file = join(OUT, h.name);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, h.bytes());
    await page.goto(`${origin}/app/`);
    await page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
    const before = (await page.locator('[data-testid="title"]').first().textContent()).trim();
    result = await record(page, cdp, async () => {
      await page.locator('[data-testid="file-input"]').setInputFiles(file);
      await page.waitForFunction((was) => {
        const title = (document.querySelector('[data-testid="title"]')?.textContent ?? '').trim();
        return document.querySelector('[data-testid="problems"]') || title !== was;
      }, before, { timeout: 120_000, polling: 50 });
      await page.waitForTimeout(3000);
    });
  } else {
    result = await record(page, cdp, async () => {
      await page.goto(`${origin}/app/index.html?src=history.json`);
      await page.locator('[data-testid="history-item"]').first().waitFor({ state: 'attached', timeout: 120_000 });
      await page.waitForTimeout(2000);
    });
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${CASE}.trace.json`), JSON.stringify({ traceEvents: result.events }));
  if (result.profile) writeFileSync(join(OUT, `${CASE}.cpuprofile`), JSON.stringify(result.profile));
  const longest = tasks(result.events);
  console.log('longest main-thread tasks:');
  for (const t of longest) console.log(`  at +${t.at} ms: ${Math.round(t.ms)} ms (cpu ${Math.round(t.cpu)} ms) — ${t.children.join(', ')}`);
  if (CASE === 'history') console.log('first page → list painted:', JSON.stringify(untilDrawn(result.events)));
  for (const t of TRACE_ONLY ? [] : [...longest].sort((a, b) => b.ms - a.ms).slice(0, 4)) {
    const f = functions(result.profile, t.start, t.start + t.ms * 1000);
    console.log(`\nin the ${Math.round(t.ms)} ms task (${f.sampledMs} ms sampled): self time`);
    console.log(f.self.join('\n'));
    console.log('total (inclusive) time');
    console.log(f.total.join('\n'));
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
