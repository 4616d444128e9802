#!/usr/bin/env node
// Size ratchet: the gzip size of what the page loads (the release dist/'s top-level .wasm, .js,
// .css and .html) may not grow more than 5% over the record in bench/size-budget.json.
//
//   node bench/check-size.mjs                  check the dist/ already built (CI: after trunk build)
//   node bench/check-size.mjs --build          run the release build first (scripts/lib.sh)
//   node bench/check-size.mjs --update "why"   write the current sizes as the new record
//   --dist DIR                                 measure another build directory than dist/
//
// Size is deterministic for a given toolchain, so unlike timings it can be a test. Growth is
// allowed, but only deliberately: updating the record is a commit that says why.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = join(ROOT, 'bench', 'size-budget.json');
/** Allowed growth over the record before the check fails. */
const TOLERANCE = 0.05;
/** Issue 15's budgets for the whole app: gzip -9 and brotli 11. */
const TARGET_GZIP = 200_000;
const TARGET_BROTLI = 160_000;
/** Its stretch goal: vis-timeline's standalone bundle alone, gzipped (155,695 bytes for 8.5.4). */
const STRETCH_GZIP = 156_000;

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const DIST = distAt >= 0 ? args[distAt + 1] : join(ROOT, 'dist');
const build = args.includes('--build');
const updateAt = args.indexOf('--update');
const reason = updateAt >= 0 ? args[updateAt + 1] : undefined;
if (updateAt >= 0 && (!reason || reason.startsWith('--'))) {
  fail('--update needs a reason: node bench/check-size.mjs --update "what grew and why"');
}

function fail(message) {
  console.error(`size check: ${message}`);
  process.exit(1);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

if (build) {
  execFileSync('bash', ['-c', 'source scripts/lib.sh && build_release'], { cwd: ROOT, stdio: 'inherit' });
}
if (!DIST || !existsSync(DIST)) {
  fail(`${DIST ?? '--dist needs a directory; dist/'} does not exist. Build it first (trunk build --release --offline) or pass --build.`);
}

/** What a first visit downloads; examples/ and schema/ are only fetched on demand. */
const files = readdirSync(DIST)
  .filter((name) => /\.(wasm|js|css|html)$/.test(name) && statSync(join(DIST, name)).isFile())
  .sort();
if (!files.some((f) => f.endsWith('.wasm'))) fail('no .wasm in dist/: is the build complete?');

const measured = files.map((name) => {
  const bytes = readFileSync(join(DIST, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = measured.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});

console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const f of measured) {
  // Hashed names change every build; the kind of file is what matters.
  console.log(f.name.padEnd(40), String(f.raw).padStart(10), String(f.gzip).padStart(10), String(f.brotli).padStart(10));
}
console.log('total'.padEnd(40), String(total.raw).padStart(10), String(total.gzip).padStart(10), String(total.brotli).padStart(10));
const met = (n, budget) => (n <= budget ? 'met' : 'NOT met');
console.log(`gzip total ${kb(total.gzip)}; budget ${kb(TARGET_GZIP)}: ${met(total.gzip, TARGET_GZIP)}; stretch (vis-timeline standalone) ${kb(STRETCH_GZIP)}: ${met(total.gzip, STRETCH_GZIP)}`);
console.log(`brotli total ${kb(total.brotli)}; budget ${kb(TARGET_BROTLI)}: ${met(total.brotli, TARGET_BROTLI)}`);

if (reason) {
  const record = {
    about:
      'Gzip (level 9) size of the release dist/ top-level .wasm/.js/.css/.html, recorded by `node bench/check-size.mjs --update "reason"`. ' +
      'The check fails when the total grows more than 5% over gzip_total. Update deliberately, with the reason, in its own commit.',
    date: new Date().toISOString().slice(0, 10),
    reason,
    gzip_total: total.gzip,
    raw_total: total.raw,
    brotli_total: total.brotli,
    target_gzip: TARGET_GZIP,
    target_brotli: TARGET_BROTLI,
    files: Object.fromEntries(measured.map((f) => [f.name, { raw: f.raw, gzip: f.gzip, brotli: f.brotli }])),
  };
  writeFileSync(RECORD, JSON.stringify(record, null, 2) + '\n');
  console.log(`recorded ${total.gzip} bytes gzip in bench/size-budget.json; commit it with the reason.`);
  process.exit(0);
}

if (!existsSync(RECORD)) fail('bench/size-budget.json is missing: create it with --update "first record".');
const record = JSON.parse(readFileSync(RECORD, 'utf8'));
const limit = Math.floor(record.gzip_total * (1 + TOLERANCE));
const change = ((total.gzip - record.gzip_total) / record.gzip_total) * 100;
const sign = change >= 0 ? '+' : '';
console.log(`record ${record.gzip_total} bytes (${record.date}); now ${total.gzip} (${sign}${change.toFixed(1)}%); limit ${limit}`);
if (total.gzip > limit) {
  fail(
    `the app grew to ${total.gzip} bytes gzip, more than 5% over the record of ${record.gzip_total} (${record.date}).\n` +
      'If the growth is deliberate, record it in its own commit, saying why:\n' +
      '  node bench/check-size.mjs --update "what grew and why" && git add bench/size-budget.json\n' +
      'Otherwise find what grew: compare the per-file table above with bench/size-budget.json.',
  );
}
if (change < -TOLERANCE * 100) {
  console.log(`smaller than the record by ${(-change).toFixed(1)}%: lock the gain in with --update "what shrank".`);
}
console.log('size check: ok');
