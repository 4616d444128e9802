#!/usr/bin/env node
//! Zoom and pan steps, profiled (issue 15): the wheel steps of `bench/run.mjs` (50 zoom steps at
//! "fit all", then 6 zooms in and 50 pan steps, alternating direction) on a generated report,
//! with per step the main thread's busy time (CDP TaskDuration, thread time, as run.mjs) and
//! input → next frame; then, over a second series of steps, where the time went: a Chromium
//! trace's main-thread work by event name (script, style, layout, paint…) and the CPU profile's
//! top self times. Counts are exact; times depend on the machine's load (print `uptime` next
//! to them).
//!
//!   node bench/zoom.mjs                      the release build in dist/ (build it first)
//!   DIST=/tmp/other N=1000 STEPS=50 node bench/zoom.mjs
//!
//! Env: `DIST` (default dist), `N` (events, default 10000), `STEPS` (default 50), `PROFILE=0`
//! skips the trace and profile, `CPU=0` the CPU profile (it slows the page), `SAVE=prefix` writes prefix-trace.json and prefix-cpu.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { openBuiltApp } from './page.mjs';
import { report } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const N = Number(process.env.N ?? 10000);
const STEPS = Number(process.env.STEPS ?? 50);
const PROFILE = process.env.PROFILE !== '0';
const CPU = process.env.CPU !== '0';
const { page, close } = await openBuiltApp(DIST);
const doc = report(N);
await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 1)) });
await page.waitForFunction((t) => document.querySelector('[data-testid="title"]')?.textContent.trim() === t, doc.report.title);
await page.waitForTimeout(800);
const svg = '[data-testid="timeline-chart"] svg';
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;

const ZOOM = { ctrlKey: true, deltaX: 0, deltaY: -120 };
const PAN = { ctrlKey: false, deltaX: 120, deltaY: 0 };
const wheel = (init, dir) =>
  page.evaluate(async ({ svg, init, dir }) => {
    const el = document.querySelector(svg);
    const r = el.getBoundingClientRect();
    const t0 = performance.now();
    el.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + Math.min(r.height / 2, 200), deltaMode: 0, ctrlKey: init.ctrlKey, deltaX: init.deltaX * dir, deltaY: init.deltaY * dir }));
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    return performance.now() - t0;
  }, { svg, init, dir });
async function steps(init, n) {
  const work = [];
  const frame = [];
  for (let i = 0; i < n; i++) {
    const before = await busy();
    frame.push(await wheel(init, i % 2 ? -1 : 1));
    work.push((await busy()) - before);
  }
  return { work, frame };
}
const zoomIn = async () => { for (let i = 0; i < 6; i++) await wheel(ZOOM, 1); };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const stat = (r) => `busy p50 ${pct(r.work, 50).toFixed(1)} / p95 ${pct(r.work, 95).toFixed(1)} ms; frame p50 ${pct(r.frame, 50).toFixed(1)} / p95 ${pct(r.frame, 95).toFixed(1)} ms`;
const nodes = () => page.evaluate((svg) => document.querySelector(svg).getElementsByTagName('*').length, svg);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** DOM mutations of one step, by kind (exact, unlike the times). */
const mutations = (init, dir) =>
  page.evaluate(async ({ svg, init, dir }) => {
    const el = document.querySelector(svg);
    const r = el.getBoundingClientRect();
    const count = { attributes: 0, added: 0, removed: 0, text: 0, byAttribute: {} };
    const mo = new MutationObserver((list) => {
      for (const m of list) {
        if (m.type === 'attributes') { count.attributes++; count.byAttribute[m.attributeName] = (count.byAttribute[m.attributeName] ?? 0) + 1; }
        else if (m.type === 'characterData') count.text++;
        else { count.added += m.addedNodes.length; count.removed += m.removedNodes.length; }
      }
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    el.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + Math.min(r.height / 2, 200), deltaMode: 0, ctrlKey: init.ctrlKey, deltaX: init.deltaX * dir, deltaY: init.deltaY * dir }));
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    mo.takeRecords();
    mo.disconnect();
    return count;
  }, { svg, init, dir });

console.log(`N=${N} dist=${DIST} load ${load()}`);
console.log(`chart nodes at fit all: ${await nodes()}`);
const zoom = await steps(ZOOM, STEPS);
console.log(`zoom  ${stat(zoom)}  (load ${load()})`);
await zoomIn();
console.log(`chart nodes zoomed in: ${await nodes()}`);
const pan = await steps(PAN, STEPS);
console.log(`pan   ${stat(pan)}  (load ${load()})`);
console.log('mutations of one pan step:', JSON.stringify(await mutations(PAN, 1)));
for (let i = 0; i < 8; i++) await wheel(ZOOM, -1);
console.log('mutations of one zoom step from fit all:', JSON.stringify(await mutations(ZOOM, 1)));
console.log('mutations of the zoom step back:', JSON.stringify(await mutations(ZOOM, -1)));

if (PROFILE) {
  // A second series, traced and profiled: 20 zoom steps from fit all, 20 pan steps zoomed in.
  await page.evaluate(() => { const u = new URL(location.href); u.searchParams.delete('range'); history.replaceState(null, '', u); });
  for (const [name, init, prep] of [['zoom', ZOOM, async () => { /* at fit all? step back out */ for (let i = 0; i < 8; i++) await wheel(ZOOM, -1); }], ['pan', PAN, zoomIn]]) {
    await prep();
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    await cdp.send('Tracing.start', { categories: process.env.CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink', transferMode: 'ReportEvents' });
    // The sampling profiler slows the page down: a trace alone gives the cleaner split.
    if (CPU) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await steps(init, 20);
    const { profile } = CPU ? await cdp.send('Profiler.stop') : { profile: null };
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    // Main thread: the renderer's CrRendererMain. Self time per event name (nested events
    // subtracted), in thread time (`tdur`): waiting for a core under load is not counted.
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const selfBy = new Map();
    const stack = [];
    for (const e of mine) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const cpu = e.tdur ?? e.dur;
      if (stack.length) stack[stack.length - 1].self -= cpu;
      const rec = { ts: e.ts, dur: e.dur, self: cpu, name: e.name };
      stack.push(rec);
      e._rec = rec;
    }
    for (const e of mine) selfBy.set(e.name, (selfBy.get(e.name) ?? 0) + Math.max(0, e._rec.self));
    console.log(`\n${name}: trace self time on the main thread over 20 steps (ms per step)`);
    for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(String((v / 1000 / 20).toFixed(2)).padStart(8), k);
    const layouts = mine.filter((e) => e.name === 'UpdateLayoutTree');
    const counted = layouts.map((e) => e.args?.elementCount).filter((x) => x != null);
    if (counted.length) console.log(`   UpdateLayoutTree ×${layouts.length}, elements per run: max ${Math.max(...counted)}`);
    cdp.removeAllListeners('Tracing.dataCollected');
    if (process.env.SAVE) writeFileSync(`${process.env.SAVE}-${name}-trace.json`, JSON.stringify(events));
    if (!profile) continue;
    if (process.env.SAVE) writeFileSync(`${process.env.SAVE}-${name}-cpu.json`, JSON.stringify(profile));
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, k) => { const n = byId.get(id); const fn = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(fn, (self.get(fn) ?? 0) + (dt[k] ?? 0)); });
    console.log(`${name}: CPU profile top self (ms per step)`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(String((v / 1000 / 20).toFixed(2)).padStart(8), k);
  }
}
await close();
