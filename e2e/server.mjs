// A small static server for the built app (dist/), used by the e2e tests and by scripts/serve.sh.
//
// It listens on 127.0.0.1 only. Routes, with BASE the sub-path the app is deployed under
// ('/support/incidents/' in the tests, to prove dist/ works below any path; '/' for serve.sh):
//   BASE…                         files of dist/ (BASE itself is index.html)
//   BASE embedded-NAME.html       dist/index.html with e2e/fixtures/NAME.json inlined as
//                                 <script type="application/json" id="hokoku-data">, built per
//                                 request, so relative asset URLs resolve as for index.html
//   /fixtures/NAME                e2e/fixtures/NAME (for ?src= tests); 404 when missing
//   /held/fixtures/NAME           the same file, but the body is held back until the test calls
//                                 server.release(): lets a test see the app mid-download without
//                                 depending on timing
//   /favicon.ico                  204 when BASE is not '/' (the host site's icon, which browsers
//                                 request from the origin's root whatever page they show)
//   anything else                 404
// Every answer has a correct Content-Type (application/wasm for .wasm) and no-store caching.
//
// Library use:  const server = await startServer({ base: '/support/incidents/' });
//               server.appUrl   → 'http://127.0.0.1:PORT/support/incidents/'
//               server.origin   → 'http://127.0.0.1:PORT'
//               await server.close();
// Command line: node e2e/server.mjs [--port 8080] [--base /] [--dist dist]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(HERE, 'fixtures');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export function mimeType(path) {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves `rel` inside `dir`, or null when it would leave it (../, absolute, NUL). */
function inside(dir, rel) {
  if (rel.includes('\0')) return null;
  const full = normalize(join(dir, rel));
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

async function readIfFile(path) {
  if (!path) return null;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return readIfFile(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

/** dist/index.html with a JSON document inlined as the host page's data island. */
export function embedPage(indexHtml, json) {
  // `<` escaped so no text in the data can close the script element early.
  const safe = json.replace(/</g, '\\u003c');
  const island = `<script type="application/json" id="hokoku-data">${safe}</script>`;
  return indexHtml.includes('</body>')
    ? indexHtml.replace('</body>', `${island}\n</body>`)
    : indexHtml + island;
}

/**
 * Starts the server. Options: base (default '/'), port (0 = a free one), dist, fixtures.
 * Resolves to { origin, appUrl, port, release(), close(), requests }.
 */
export async function startServer({ base = '/', port = 0, dist = DIST, fixtures = FIXTURES } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with /: ${base}`);
  dist = resolve(dist);
  fixtures = resolve(fixtures);
  let held = [];
  /** Paths asked for, in order (tests may check what the app fetched). */
  const requests = [];

  const send = (res, status, type, body, req) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const notFound = (req, res) => send(res, 404, 'text/plain; charset=utf-8', `404 not found: ${req.url}\n`, req);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', req);
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return notFound(req, res);
      }
      requests.push(path);

      if (path.startsWith('/fixtures/') || path.startsWith('/held/fixtures/')) {
        const isHeld = path.startsWith('/held/');
        const file = await readIfFile(inside(fixtures, path.slice(isHeld ? '/held/fixtures/'.length : '/fixtures/'.length)));
        if (!file) return notFound(req, res);
        if (!isHeld) return send(res, 200, mimeType(file.path), file.body, req);
        // Headers and the first byte now, the rest when the test says so.
        res.writeHead(200, {
          'Content-Type': mimeType(file.path),
          'Content-Length': file.body.length,
          'Cache-Control': 'no-store',
        });
        res.write(file.body.subarray(0, 1));
        held.push(() => res.end(file.body.subarray(1)));
        return;
      }

      // The host site's icon: browsers ask the origin's root for it whatever the sub-path.
      if (path === '/favicon.ico' && base !== '/') {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return res.end();
      }

      if (!path.startsWith(base)) return notFound(req, res);
      const rel = path.slice(base.length);

      const embedded = /^embedded-([A-Za-z0-9_-]+)\.html$/.exec(rel);
      if (embedded) {
        const index = await readIfFile(join(dist, 'index.html'));
        const data = await readIfFile(inside(fixtures, `${embedded[1]}.json`));
        if (!index || !data) return notFound(req, res);
        return send(res, 200, MIME['.html'], embedPage(index.body.toString('utf8'), data.body.toString('utf8')), req);
      }

      const file = await readIfFile(inside(dist, rel));
      if (!file) return notFound(req, res);
      return send(res, 200, mimeType(file.path), file.body, req);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `500: ${e}\n`, req);
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actualPort = server.address().port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    port: actualPort,
    appUrl: origin + base,
    base,
    requests,
    /** Sends the rest of every held response. */
    release() {
      const pending = held;
      held = [];
      for (const finish of pending) finish();
      return pending.length;
    },
    close() {
      this.release();
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

// Command line: serve dist/ for people (scripts/serve.sh).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const server = await startServer({
    port: Number(opt('port', process.env.PORT ?? 8080)),
    base: opt('base', '/'),
    dist: opt('dist', DIST),
  });
  console.log(`hokoku: serving ${relativeDist(opt('dist', DIST))} on ${server.appUrl}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function relativeDist(d) {
  const full = resolve(d);
  return full.startsWith(ROOT + sep) ? full.slice(ROOT.length + 1) + '/' : full;
}
