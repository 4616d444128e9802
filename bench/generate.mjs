// Generated inputs for the benchmark: one report with N timeline events, and a history of N
// reports. Deterministic (a fixed-seed generator), so every run and machine measures the same
// documents; valid under schema v1, so hokoku shows them without a single problem.

const KINDS = ['occurrence', 'detection', 'action', 'notice', 'action', 'action', 'recovery'];
const ACTORS = [
  { id: 'us', name: '弊社', role: 'us' },
  { id: 'dc', name: 'データセンター', role: 'datacenter' },
  { id: 'vendor', name: '保守ベンダー', role: 'vendor' },
  { id: 'mon', name: '監視システム', role: 'monitoring' },
];
const SERVICES = [
  { id: 'pop', name: 'メール受信' },
  { id: 'smtp', name: 'メール送信' },
  { id: 'web', name: 'Webメール' },
  { id: 'panel', name: 'コントロールパネル' },
  { id: 'dns', name: 'DNS' },
];
const WORDS = ['ストレージ', '監視', '切り替え', '再起動', '確認', 'ネットワーク', '応答遅延', '復旧作業', 'ログ', '調査'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** RFC 3339 in +09:00 for `minutes` after 2026-03-01T00:00+09:00. */
function at(minutes) {
  const ms = Date.UTC(2026, 1, 28, 15, 0) + minutes * 60_000;
  const d = new Date(ms + 9 * 3600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+09:00`;
}

/** One incident whose timeline has `events` events spread over `events` minutes in 3 phases. */
export function report(events, { seed = 1, title } = {}) {
  const r = rng(seed);
  const span = Math.max(events, 60);
  const cut1 = Math.floor(span / 3);
  const cut2 = Math.floor((2 * span) / 3);
  const timeline = [];
  for (let i = 0; i < events; i++) {
    const minute = Math.floor((i * span) / events);
    const words = Array.from({ length: 3 + Math.floor(r() * 4) }, () => WORDS[Math.floor(r() * WORDS.length)]);
    const e = {
      at: at(minute),
      actor: ACTORS[Math.floor(r() * ACTORS.length)].id,
      kind: KINDS[Math.floor(r() * KINDS.length)],
      text: `${words.join('・')}(${i + 1})`,
      phase: minute < cut1 ? 'p1' : minute < cut2 ? 'p2' : 'p3',
    };
    if (r() < 0.3) e.services = [SERVICES[Math.floor(r() * SERVICES.length)].id];
    timeline.push(e);
  }
  return {
    version: 1,
    lang: 'ja',
    zone: '+09:00',
    report: {
      title: title ?? `生成した障害報告 (${events} 件)`,
      issued: '2026-03-20',
      kind: 'final',
      issuer: { organization: '株式会社ベンチマーク', department: '運用部' },
    },
    services: SERVICES,
    actors: ACTORS,
    incident: {
      start: at(0),
      end: at(span),
      phases: [
        { id: 'p1', start: at(0), end: at(cut1), summary: '全面停止', impact: { pop: 'outage', smtp: 'outage', web: 'outage' } },
        { id: 'p2', start: at(cut1), end: at(cut2), summary: '一部復旧', impact: { pop: 'partial', smtp: 'degraded', web: 'outage' } },
        { id: 'p3', start: at(cut2), end: at(span), summary: '遅延', impact: { pop: 'degraded', web: 'degraded' } },
      ],
      cause: { summary: 'ストレージ装置の故障', chain: ['冷却装置の停止', '温度上昇', 'コントローラー停止'] },
      actions: ['予備機へ切り替えました。'],
      measures: [{ text: '監視項目を追加します。', due: '2026-04', status: 'planned' }],
    },
    timeline,
  };
}

/** A history of `count` reports (one company over time), each with a few events. */
export function history(count, { seed = 7 } = {}) {
  const reports = [];
  for (let i = 0; i < count; i++) {
    const one = report(6, { seed: seed + i, title: `障害報告 第${i + 1}号` });
    // Each entry on its own day, so the history spans count days.
    const shift = i * 24 * 60;
    const move = (s) => at(Math.round((Date.parse(s) - Date.parse(at(0))) / 60_000) + shift);
    one.incident.start = move(one.incident.start);
    one.incident.end = move(one.incident.end);
    for (const p of one.incident.phases) {
      p.start = move(p.start);
      p.end = move(p.end);
    }
    for (const e of one.timeline) e.at = move(e.at);
    reports.push({ report: { ...one.report, id: `r${i + 1}` }, incident: one.incident, timeline: one.timeline });
  }
  return { version: 1, lang: 'ja', zone: '+09:00', services: SERVICES, actors: ACTORS, reports };
}
