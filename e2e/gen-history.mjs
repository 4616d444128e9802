// Generates a long incident history like a real status page's over 14 years (issue 14, point 7):
// N reports (1,300 by default) from 2012 to 2026, busier in later years, in several offsets
// (+09:00, +00:00, -08:00 / -07:00, +05:30) entry by entry, some still ongoing (no end), some
// with an end not stated, long English and Japanese titles, 1 to 4 phases over 8 services with
// every level, maintenance among them, a few timeline events each. Optionally `bad` entries with
// an error (an impossible date, an unknown service) to check that one bad report never sinks a
// history. Deterministic for a given seed.
//
// Library:      import { generateHistory } from './gen-history.mjs';
//               const doc = generateHistory({ reports: 1300, bad: 3 });
// Command line: node e2e/gen-history.mjs [reports] [bad] [seed] > history.json

import { fileURLToPath } from 'node:url';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIRST = Date.UTC(2012, 3, 2);
const LAST = Date.UTC(2026, 5, 30);

const SERVICES = [
  ['git', 'Git operations'], ['api', 'API requests'], ['web', 'Web pages'], ['hooks', 'Webhooks'],
  ['issues', 'Issues and pull requests'], ['actions', 'Actions'], ['pages', 'Pages'], ['mail', 'メール配信'],
].map(([id, name]) => ({ id, name }));

const LEVELS = ['outage', 'partial', 'degraded', 'degraded', 'partial', 'operational'];

// Offsets a page might state over the years: JST, UTC, US Pacific (standard and daylight), India.
const ZONES = [
  { off: '+09:00', min: 540 }, { off: '+00:00', min: 0 }, { off: '-08:00', min: -480 },
  { off: '-07:00', min: -420 }, { off: '+05:30', min: 330 },
];

const TITLES_EN = [
  'Increased error rates for %s', 'Degraded performance for %s', 'Elevated latency on %s',
  'Incident with %s and several dependent services in multiple regions, including delayed notifications, failed deployments and intermittent timeouts for a subset of customers',
  'Disruption with some %s',
];
const TITLES_JA = ['%sの障害について', '%sの遅延に関するご報告', '%sが一部のお客様でご利用いただけなかった事象について（第二報：原因と再発防止策を含む詳細なご報告）'];

function stamp(ms, zone) {
  const d = new Date(ms + zone.min * MINUTE);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:00${zone.off}`;
}

/** Start times: more incidents in later years (a page's traffic grows), sorted oldest first. */
function starts(n, r) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = Math.sqrt(r()); // density rising linearly with time
    out.push(Math.floor((FIRST + u * (LAST - FIRST)) / MINUTE) * MINUTE);
  }
  return out.sort((a, b) => a - b);
}

export function generateHistory({ reports = 1300, bad = 0, seed = 14 } = {}) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const times = starts(reports, r);
  const badAt = new Set(Array.from({ length: bad }, (_, k) => Math.floor(((k + 0.5) * reports) / bad)));
  const entries = times.map((t0, i) => {
    const zone = pick(ZONES);
    const ja = zone.min === 540;
    const hit = [...SERVICES].sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 3));
    const maintenance = r() < 0.06;
    const name = hit.map((s) => s.name).join(ja ? '・' : ', ');
    const title = (maintenance ? (ja ? '%sの計画メンテナンス' : 'Scheduled maintenance of %s') : pick(ja ? TITLES_JA : TITLES_EN)).replace('%s', name);
    const phases = [];
    let t = t0;
    const count = 1 + Math.floor(r() * 3.2);
    for (let k = 0; k < count; k++) {
      const len = Math.round((5 + r() * r() * 600) * MINUTE);
      const impact = Object.fromEntries(hit.map((s) => [s.id, maintenance ? 'maintenance' : pick(LEVELS)]));
      phases.push({ start: stamp(t, zone), end: stamp(t + len, zone), impact });
      t += len + (r() < 0.2 ? Math.round(r() * 3 * DAY) : 0);
    }
    const incident = { start: phases[0].start, end: phases.at(-1).end, phases };
    const newest = i >= reports - 3;
    const fate = r();
    if (newest && i === reports - 1) {
      // Still going on: no end yet.
      delete incident.end;
      delete phases.at(-1).end;
    } else if (fate < 0.04) {
      // The end was never written down: not stated.
      incident.end = null;
      delete phases.at(-1).end;
    }
    const timeline = [
      { at: phases[0].start, kind: 'detection', text: ja ? '監視で異常を検知' : 'We are investigating reports of errors.' },
      { at: stamp(t0 + 20 * MINUTE, zone), kind: 'action', text: ja ? '原因の調査を開始' : 'The cause has been identified and a fix is being rolled out.' },
    ];
    if (incident.end) timeline.push({ at: incident.end, kind: 'recovery', text: ja ? '復旧を確認' : 'This incident has been resolved.' });
    const entry = {
      zone: zone.off,
      report: {
        id: `h${i + 1}`,
        title,
        issued: stamp(t0 + DAY, zone).slice(0, 10),
        summary: ja ? `${name}に影響がありました。` : `Some users of ${name} were affected.`,
      },
      services: [],
      incident,
      timeline,
    };
    delete entry.services;
    if (badAt.has(i)) {
      // One broken entry: an impossible date and an unknown service.
      entry.incident.start = entry.incident.start.replace(/-(\d\d)T/, '-31T').replace(/^(\d{4})-\d\d-/, '$1-02-');
      phases[0].impact = { nowhere: 'outage' };
      entry.report.title = `BROKEN ${title}`;
    }
    return entry;
  });
  return {
    version: 1,
    lang: 'en',
    services: SERVICES,
    issuer: 'Example Hub, Inc.',
    reports: entries,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n = '1300', bad = '0', seed = '14'] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(generateHistory({ reports: Number(n), bad: Number(bad), seed: Number(seed) }), null, 1));
}
