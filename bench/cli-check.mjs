// Benchmark of the command line (NOT part of the tests): `hokoku check` over a folder of many
// reports, as a CI job would run it. Writes N generated reports (bench/generate.mjs, 20 to 60
// events each; every 50th made invalid so errors are printed too) into bench/out/reports/, then
// times the release binary over the folder several times and prints the median and the range.
//
//   cargo build --release --features cli --bin hokoku
//   node bench/cli-check.mjs [--reports 1300] [--runs 7]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

import { report } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('reports', 1300);
const runs = arg('runs', 7);
const bin = join(ROOT, 'target', 'release', 'hokoku');
if (!existsSync(bin)) {
  console.error(`${bin} is missing: cargo build --release --features cli --bin hokoku`);
  process.exit(2);
}

const dir = join(HERE, 'out', 'reports');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (let i = 0; i < count; i++) {
  const doc = report(20 + (i % 41), { seed: i + 1, title: `生成された報告 ${i + 1}` });
  if (i % 50 === 49) doc.incident.end = '2026-02-01T00:00:00+09:00'; // before the start: an error
  const text = JSON.stringify(doc, null, 2);
  bytes += Buffer.byteLength(text);
  writeFileSync(join(dir, `report-${String(i + 1).padStart(4, '0')}.json`), text);
}

const times = [];
let last;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  last = spawnSync(bin, ['check', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
console.log(`${version}: check of ${count} reports (${(bytes / 1e6).toFixed(1)} MB) in one folder`);
console.log(`exit status ${last.status}; ${last.stderr.trim()}`);
console.log(`median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs (process start included)`);
