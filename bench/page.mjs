// The app from a build folder in headless Chromium, for the one-scenario profilers
// (bench/select.mjs, bench/zoom.mjs): a static server on a free port, one page at 1280 × 900
// with the app ready, console errors printed. bench/run.mjs serves more (vis-timeline, data) and
// keeps its own server.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Serves `dist` and opens the app; `close()` stops both. */
export async function openBuiltApp(dist) {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const f = join(dist, p);
    if (!existsSync(f)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream' });
    res.end(readFileSync(f));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.on('listening', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('console:', m.text());
  });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(origin + '/');
  await page.locator('.hokoku[data-ready="true"]').first().waitFor({ state: 'attached' });
  return {
    page,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
