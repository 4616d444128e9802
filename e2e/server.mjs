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
//   /stream/fixtures/NAME         the same, sent without a length (chunked): its first half now,
//                                 the rest on server.release()
//   /cors/fixtures/NAME           the file with Access-Control-Allow-Origin: * (a site that lets
//                                 any page read its files)
//   /redirect?to=URL              302 to URL (with Access-Control-Allow-Origin: *)
//   /favicon.ico                  204 when BASE is not '/' (the host site's icon, which browsers
//                                 request from the origin's root whatever page they show)
//   anything else                 404
// Every answer has a correct Content-Type (application/wasm for .wasm) and no-store caching.
// index.html and the embedded-* pages carry the deployer settings given with server.deploy():
// the <meta name="hokoku-host-origins"> and <meta name="hokoku-source-origins"> a deployer edits.
//
// Library use:  const server = await startServer({ base: '/support/incidents/' });
//               server.appUrl   → 'http://127.0.0.1:PORT/support/incidents/'
//               server.origin   → 'http://127.0.0.1:PORT'
//               server.deploy({ hostOrigins: [...], sourceOrigins: [...] })  (until changed)
//               server.aborted  → paths of held/streamed answers the client gave up on
//               await server.waitAborted(n)  until n of them were given up
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

/** A page with the deployer's settings written into its <meta> tags, as a deployer would. */
export function deployPage(html, { hostOrigins = [], sourceOrigins = [] } = {}) {
  // The release build's minifier writes the empty tags as `<meta name=hokoku-host-origins>`.
  const set = (name, list) =>
    html.replace(new RegExp(`<meta name="?${name}"?[^>]*>`), `<meta name="${name}" content="${list.join(' ')}">`);
  html = set('hokoku-host-origins', hostOrigins);
  return set('hokoku-source-origins', sourceOrigins);
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
  let settings = {};
  /** Paths asked for, in order (tests may check what the app fetched). */
  const requests = [];
  /** Held or streamed answers whose client went away before the rest was sent. */
  const aborted = [];
  let abortWaiters = [];

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

      if (path === '/redirect') {
        const to = url.searchParams.get('to') ?? '/';
        res.writeHead(302, { Location: to, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
        return res.end();
      }

      const served = /^\/(held\/|stream\/|cors\/)?fixtures\/(.+)$/.exec(path);
      if (served) {
        const mode = served[1]?.slice(0, -1);
        const file = await readIfFile(inside(fixtures, served[2]));
        if (!file) return notFound(req, res);
        if (!mode) return send(res, 200, mimeType(file.path), file.body, req);
        if (mode === 'cors') {
          res.setHeader('Access-Control-Allow-Origin', '*');
          return send(res, 200, mimeType(file.path), file.body, req);
        }
        // Held: headers and the first byte now, the rest when the test says so. Streamed: no
        // length (chunked), the first half now.
        const first = mode === 'held' ? 1 : Math.floor(file.body.length / 2);
        res.writeHead(200, {
          'Content-Type': mimeType(file.path),
          ...(mode === 'held' ? { 'Content-Length': file.body.length } : {}),
          'Cache-Control': 'no-store',
        });
        res.write(file.body.subarray(0, first));
        let finished = false;
        res.on('close', () => {
          if (finished) return;
          aborted.push(path);
          for (const w of abortWaiters.splice(0)) w();
        });
        held.push(() => {
          finished = true;
          res.end(file.body.subarray(first));
        });
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
        const page = deployPage(index.body.toString('utf8'), settings);
        return send(res, 200, MIME['.html'], embedPage(page, data.body.toString('utf8')), req);
      }

      const file = await readIfFile(inside(dist, rel));
      if (!file) return notFound(req, res);
      if (file.path === join(dist, 'index.html')) {
        return send(res, 200, MIME['.html'], deployPage(file.body.toString('utf8'), settings), req);
      }
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
    aborted,
    /**
     * Resolves when the client has given up `count` held or streamed answers in all (rejects
     * after 30 s, like Playwright's waits, so a test that expects an abort fails instead of hanging).
     */
    async waitAborted(count) {
      const deadline = Date.now() + 30_000;
      while (aborted.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} aborted downloads, saw ${aborted.length}: ${aborted}`);
        await new Promise((ok) => {
          abortWaiters.push(ok);
          setTimeout(ok, 1000);
        });
      }
      return aborted.slice();
    },
    /** The deployer's settings for index.html from now on: { hostOrigins, sourceOrigins }. */
    deploy(next = {}) {
      settings = next;
    },
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
