// Generates a large incident document for the timeline's performance tests: a three-week
// incident with a relapse, five actors and N events (10,000 by default) with every kind of time
// the schema allows (exact, 頃, 過ぎ, まで, part of day, date only, unknown, local time) and ETA
// announcements that slip. Deterministic for a given seed, so a failure can be reproduced.
//
// Library:      import { generate } from './gen-events.mjs';  const json = generate({ events: 10000 });
// Command line: node e2e/gen-events.mjs [events] [seed] > big.json

import { fileURLToPath } from 'node:url';

/** A small seeded PRNG (mulberry32): the same seed gives the same document. */
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

const ZONE = '+09:00';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-03-01T08:55 JST */
const T0 = Date.UTC(2026, 2, 1, 8 - 9, 55);

/** An instant in JST as RFC 3339 with the zone's offset. */
function jst(ms) {
  const d = new Date(ms + 9 * HOUR);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:00${ZONE}`;
}

function jstDate(ms) {
  return jst(ms).slice(0, 10);
}

const PHASES = [
  { id: 'p1', start: T0, end: T0 + 13 * HOUR + 5 * MINUTE, impact: { pop: 'outage', webmail: 'outage', smtp: 'operational' } },
  { id: 'p2', start: T0 + 13 * HOUR + 5 * MINUTE, end: T0 + 37 * HOUR, impact: { pop: 'degraded', webmail: 'partial', smtp: 'operational' } },
  { id: 'p3', start: T0 + 14 * DAY + 30 * MINUTE, end: T0 + 14 * DAY + 3 * HOUR, impact: { pop: 'outage', webmail: 'degraded', smtp: 'operational' } },
];

const ACTORS = [
  { id: 'us', name: '弊社', role: 'us' },
  { id: 'dc', name: 'データセンター', role: 'datacenter' },
  { id: 'vendor', name: '保守ベンダー', role: 'vendor' },
  { id: 'mon', name: '監視システム', role: 'monitoring' },
  { id: 'cust', name: 'お客様窓口', role: 'customer' },
];

const TEXTS = [
  'ストレージ装置の応答遅延を確認',
  '影響範囲の調査を継続',
  'メールキューの滞留件数を確認',
  'ログの解析を実施',
  '設定変更を適用',
  'お客様からのお問い合わせに回答',
  '障害情報ページを更新',
  '冗長系への切り替えを試行',
  'ディスク使用率が閾値を超過',
  '再起動後の動作を確認',
];

const KINDS = ['action', 'action', 'action', 'notice', 'detection', 'occurrence', 'recovery', 'report'];
const PARTS = ['early_morning', 'morning', 'afternoon', 'evening', 'night'];

/** The document as JSON text. */
export function generate({ events = 10_000, seed = 20260301 } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Most events fall inside a phase; a few in the quiet time between.
  const when = () => {
    const r = random();
    const phase = r < 0.55 ? PHASES[0] : r < 0.85 ? PHASES[1] : r < 0.97 ? PHASES[2] : null;
    if (!phase) return T0 + 37 * HOUR + random() * 13 * DAY;
    return phase.start + random() * (phase.end - phase.start);
  };
  const timeline = [];
  for (let i = 0; i < events; i++) {
    const ms = Math.floor(when() / MINUTE) * MINUTE;
    const e = { id: `g${i + 1}` };
    const shape = random();
    if (shape < 0.003) {
      e.at = null;
    } else if (shape < 0.006) {
      e.date = jstDate(ms);
    } else if (shape < 0.01) {
      e.date = jstDate(ms);
      e.part = pick(PARTS);
    } else {
      e.at = jst(ms);
      const q = random();
      if (q < 0.12) e.approx = 'about';
      else if (q < 0.16) e.approx = 'after';
      else if (q < 0.18) e.approx = 'until';
      if (random() < 0.03) e.local_offset = '-08:00';
    }
    e.actor = pick(ACTORS).id;
    e.kind = pick(KINDS);
    // Every 500th exact event announces a recovery time two to six hours ahead (the slips).
    if (i % 500 === 0 && e.at) {
      e.kind = 'eta';
      e.eta = { at: jst(ms + (2 + Math.floor(random() * 5)) * HOUR), approx: 'about' };
    }
    e.text = `${pick(TEXTS)}(${i + 1})`;
    if (random() < 0.02) e.quote = { source: 'データセンター', text: '現在、担当者が対応しております。' };
    timeline.push(e);
  }
  const doc = {
    version: 1,
    lang: 'ja',
    zone: ZONE,
    report: {
      id: 'gen-10000',
      title: `大量イベント試験(${events}件)障害のご報告`,
      issued: '2026-03-20',
      kind: 'final',
      issuer: { organization: '株式会社試験', department: 'サービス運用部' },
    },
    services: [
      { id: 'pop', name: 'メール受信(POP)' },
      { id: 'webmail', name: 'Webメール' },
      { id: 'smtp', name: 'メール送信(SMTP)' },
    ],
    actors: ACTORS,
    incident: {
      start: jst(T0),
      end: jst(PHASES[2].end),
      phases: PHASES.map((p) => ({ id: p.id, start: jst(p.start), end: jst(p.end), impact: p.impact })),
    },
    timeline,
  };
  return JSON.stringify(doc, null, 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const events = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 20260301);
  process.stdout.write(generate({ events, seed }));
}
