#!/usr/bin/env node
//! Selecting an event, profiled (issue 15): clicks markers on the chart of a generated report and
//! prints, per click, click → details drawn (`dom`) and → next frame (`frame`) in ms, the DOM
//! mutations the click caused, the list rows and chart nodes afterwards; then the CPU profile's
//! top self times (CDP Profiler). Counts are exact; times depend on the machine's load.
//!
//!   node bench/select.mjs                    the release build in dist/ (build it first)
//!   DIST=bench/out/dist N=1000 CLICKS=20 MID=1 node bench/select.mjs
//!
//! MID=1 zooms into the middle cluster first (events far down the list, as bench/run.mjs reaches
//! after its zoom and pan steps); otherwise into the first one. SAVE=file.json keeps the profile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBuiltApp } from './page.mjs';
import { report } from './generate.mjs';
const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, process.env.DIST ?? 'dist');
const N = Number(process.env.N ?? 10000);
const CLICKS = Number(process.env.CLICKS ?? 10);
const { page, close } = await openBuiltApp(DIST);
const file = report(N);
const text = JSON.stringify(file);
await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(text) });
await page.waitForFunction((n) => document.querySelector('[data-testid="event-list"]')?.textContent.includes(String(n)), N);
await page.waitForTimeout(500);
const chart = '[data-testid="timeline-chart"]';
for (let z = 0; z < 8 && !(await page.locator(`${chart} [data-event]`).count()); z++) {
  { const cl = page.locator(`${chart} [data-cluster]`); const n = await cl.count(); await (process.env.MID ? cl.nth(Math.floor(n / 2)) : cl.first()).dispatchEvent('click'); }
  await page.waitForTimeout(300);
}
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const rows = [];
for (let i = 0; i < CLICKS; i++) {
  const r = await page.evaluate(async ({ chart, i }) => {
    const markers = [...document.querySelectorAll(`${chart} [data-event]`)];
    const target = markers[(i * 7) % markers.length];
    const id = target.getAttribute('data-event');
    let muts = 0;
    const mo = new MutationObserver((l) => (muts += l.length));
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const t0 = performance.now();
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    while (!document.querySelector(`[data-testid="event-detail"][data-selected-event="${id}"]`)) await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t2 = performance.now();
    mo.disconnect();
    return { id, dom: Math.round(t1 - t0), frame: Math.round(t2 - t0), muts, listRows: document.querySelectorAll('[data-testid="event-item"]').length, chartNodes: document.querySelector(chart).getElementsByTagName('*').length };
  }, { chart, i });
  rows.push(r);
  console.log(JSON.stringify(r));
}
const { profile } = await cdp.send('Profiler.stop');
// self time per function
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, k) => { const n = byId.get(id); const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(name, (self.get(name) ?? 0) + (dt[k] ?? 0)); total += dt[k] ?? 0; });
console.log('profile total ms', Math.round(total / 1000));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(Math.round(v / 1000)).padStart(7), k);
if (process.env.SAVE) writeFileSync(process.env.SAVE, JSON.stringify(profile));
await close();
