#!/usr/bin/env node
// Edit view benchmark: keystroke → problems and preview updated, in headless Chromium, on the
// release build in dist/ (build it first: trunk build --release --offline).
//
//   node bench/editor.mjs [--keys 30] [--preview timeline|table|letter]   (default: all three)
//
// For the built-in sample and for a generated report of 1,000 events, it opens ?view=edit, puts
// the cursor in the report's title, and types one character at a time as the browser's own
// editing does (execCommand insertText fires the same input event as a key). For each key it
// times, in the page, from the input to the frame painted after the header title (drawn from the
// same checked document as the preview) and the problems summary show the change. The checking
// waits for a pause in typing, so each key is typed only after the previous one was drawn.
// It also times the input handler itself (what the text area waits for), which must stay small.
// Prints median and p95; no thresholds (see bench/README.md for the budget).

import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { report } from './generate.mjs';
import { startHarness, openApp, testId, chooseFile } from '../e2e/lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const KEYS = Number(opt('--keys', '30'));
/** Which views the preview shows while typing: all three unless one is named. */
const PREVIEWS = argv.includes('--preview') ? [opt('--preview')] : ['timeline', 'table', 'letter'];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function measure(h, name, load, preview) {
  // The file is loaded first, then the edit view opened on it (as a writer would).
  const app = await openApp(h, load ? {} : { view: 'edit' });
  const { page } = app;
  if (load) {
    await chooseFile(page, `${name}.json`, load);
    await page.waitForFunction((n) => document.querySelector('.hk-footer')?.textContent.includes(n), `${name}.json`);
    await testId(page, 'tab-edit').click();
  }
  await testId(page, 'editor').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-text"]')?.value.includes('"title"'));
  await testId(page, `preview-${preview}`).click();
  const result = await page.evaluate(async (keys) => {
    const area = document.querySelector('[data-testid="editor-text"]');
    const title = () => document.querySelector('[data-testid="title"]').textContent;
    const at = area.value.indexOf('"title": "') + '"title": "'.length;
    area.focus();
    area.setSelectionRange(at, at);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const totals = [];
    const handlers = [];
    let typed = '';
    for (let i = 0; i < keys; i++) {
      const ch = 'あいうえおかきくけこ'[i % 10];
      typed = ch + typed; // typed in front of the cursor: the title grows at the insertion point
      const t0 = performance.now();
      document.execCommand('insertText', false, ch);
      handlers.push(performance.now() - t0);
      const want = title().length + 1;
      await new Promise((resolve) => {
        const check = () => (title().length >= want ? resolve() : requestAnimationFrame(check));
        check();
      });
      await frame();
      totals.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { totals, handlers, size: area.value.length };
  }, KEYS);
  await app.close();
  return { name, preview, ...result };
}

const h = await startHarness();
const out = [];
try {
  for (const preview of PREVIEWS) {
    out.push(await measure(h, 'sample', null, preview));
    out.push(await measure(h, 'events-1000', JSON.stringify(report(1000), null, 2), preview));
  }
} finally {
  await h.close();
}
for (const r of out) {
  console.log(
    `[${r.preview}] ${r.name} (${(r.size / 1000).toFixed(0)} k chars): keystroke → preview median ${pct(r.totals, 50).toFixed(0)} ms, p95 ${pct(r.totals, 95).toFixed(0)} ms; input handler median ${pct(r.handlers, 50).toFixed(1)} ms, p95 ${pct(r.handlers, 95).toFixed(1)} ms (${r.totals.length} keys)`,
  );
}
// The record beside the other results (bench/RESULTS.md is written by run.mjs alone).
const rows = out.map((r) => `| ${r.preview} | ${r.name} | ${(r.size / 1000).toFixed(0)} k | ${pct(r.totals, 50).toFixed(0)} ms | ${pct(r.totals, 95).toFixed(0)} ms | ${pct(r.handlers, 50).toFixed(1)} ms | ${pct(r.handlers, 95).toFixed(1)} ms | ${r.totals.length} |`);
writeFileSync(
  join(import.meta.dirname, 'RESULTS-editor.md'),
  [
    '# Edit view: keystroke → problems and preview updated',
    '',
    `Written by \`node bench/editor.mjs\` on ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} (2 cores). Budget (issue 16): p95 ≤ 100 ms for the sample, ≤ 300 ms at 1,000 events; the check waits for a pause in typing (\`check_after_ms\`: 10 ms, 60 ms from 30 k chars, 120 ms from 100 k), which is part of every figure.`,
    '',
    '| preview | document | text | key → preview p50 | p95 | input handler p50 | p95 | keys |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
);
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'editor.json'), JSON.stringify(out, null, 2));
