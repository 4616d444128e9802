// Hostile and clumsy inputs (issue 18), generated rather than committed (some are 19 MB): the
// benchmark's "hostile" scenario loads each after a good report, the e2e tier checks what the
// page shows, and `node bench/hostile.mjs DIR` writes them as files for the native timing
// harness (`cargo bench --bench hostile -- DIR`).
//
// Each entry: { name, about, bytes: () => Buffer }. Deterministic.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { report } from './generate.mjs';

const utf8 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

function base(title = '配送遅延のご報告') {
  return {
    version: 1,
    report: { title, issued: '2026-05-12', issuer: '株式会社ミナモ通信' },
    incident: { start: '2026-05-11T14:20:00+09:00', end: '2026-05-11T15:05:00+09:00' },
  };
}

/** A history with one report per given year (each on 5 May, 10:00–11:00 JST). */
function historyOfYears(years) {
  const pad = (n) => String(n).padStart(4, '0');
  const reports = years.map((y, i) => ({
    report: { id: `r${i + 1}`, title: `障害報告 第${i + 1}号`, issued: `${pad(y)}-05-05`, issuer: '株式会社ミナモ通信' },
    incident: {
      start: `${pad(y)}-05-05T10:00:00+09:00`,
      end: `${pad(y)}-05-05T11:00:00+09:00`,
      phases: [{ id: 'p1', start: `${pad(y)}-05-05T10:00:00+09:00`, end: `${pad(y)}-05-05T11:00:00+09:00`, impact: { mail: 'outage' } }],
    },
    timeline: [
      { at: `${pad(y)}-05-05T10:00:00+09:00`, kind: 'occurrence', text: '発生' },
      { at: `${pad(y)}-05-05T11:00:00+09:00`, kind: 'recovery', text: '復旧' },
    ],
  }));
  return { version: 1, lang: 'ja', zone: '+09:00', services: [{ id: 'mail', name: 'メール' }], reports };
}

/** Bytes of `text` in a Japanese legacy encoding, built from the platform's own decoder. */
function legacyEncode(text, label) {
  const decoder = new TextDecoder(label);
  const table = new Map();
  const leads = label === 'shift_jis' ? [[0x81, 0x9f], [0xe0, 0xfc]] : [[0xa1, 0xfe]];
  const trails = label === 'shift_jis' ? [0x40, 0xfc] : [0xa1, 0xfe];
  for (const [lo, hi] of leads) {
    for (let a = lo; a <= hi; a++) {
      for (let b = trails[0]; b <= trails[1]; b++) {
        const ch = decoder.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`${label} cannot encode ${ch}`);
  }
  return Buffer.from(out);
}

const TITLE_MB = 19;

export const HOSTILE = [
  {
    name: 'type-errors-100k.json',
    about: 'a timeline array of 100,000 numbers (100,000 type errors)',
    bytes: () => {
      const doc = base();
      doc.timeline = Array.from({ length: 100_000 }, (_, i) => i);
      return utf8(doc);
    },
  },
  {
    name: 'duplicate-keys-50k.json',
    about: '50,000 duplicate keys',
    bytes: () => {
      const text = JSON.stringify(base());
      const dupes = Array.from({ length: 50_000 }, (_, i) => `"title":"件名${i}"`).join(',');
      return utf8(text.replace('"report":{', `"report":{${dupes},`));
    },
  },
  {
    name: 'years-0001-9999.json',
    about: 'a history whose reports span the years 0001–9999',
    bytes: () => utf8(historyOfYears([1, 500, 1000, 1500, 2000, 2024, 2025, 2026, 5000, 9999])),
  },
  {
    name: 'typo-year.json',
    about: 'a history with one typo year (0206 for 2026)',
    bytes: () => utf8(historyOfYears([2020, 2021, 2022, 2023, 2024, 2025, 206, 2026])),
  },
  {
    name: 'typo-year-event.json',
    about: 'one report whose timeline has an event in 0206 (for 2026)',
    bytes: () => {
      const doc = base();
      doc.timeline = [
        { at: '2026-05-11T14:20:00+09:00', kind: 'occurrence', text: '発生' },
        { at: '0206-05-11T14:40:00+09:00', kind: 'action', text: '対応' },
        { at: '2026-05-11T15:05:00+09:00', kind: 'recovery', text: '復旧' },
      ];
      return utf8(doc);
    },
  },
  {
    name: 'title-19mb.json',
    about: `a ${TITLE_MB} MB title`,
    bytes: () => utf8(base('長い件名'.repeat((TITLE_MB * 1_000_000) / 12))),
  },
  {
    name: 'shift-jis.json',
    about: 'a file saved as Shift_JIS',
    bytes: () => legacyEncode(JSON.stringify(base('メール配送遅延のご報告'), null, 2), 'shift_jis'),
  },
  {
    name: 'euc-jp.json',
    about: 'a file saved as EUC-JP',
    bytes: () => legacyEncode(JSON.stringify(base('メール配送遅延のご報告'), null, 2), 'euc-jp'),
  },
  {
    name: 'invalid-utf8.json',
    about: 'invalid UTF-8 bytes inside a string',
    bytes: () => {
      const text = JSON.stringify(base('配送遅延XX'), null, 2);
      const bytes = Buffer.from(text);
      const at = bytes.indexOf(Buffer.from('XX'));
      bytes[at] = 0xff;
      bytes[at + 1] = 0xc3;
      return bytes;
    },
  },
];

export { report, legacyEncode };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), 'out', 'hostile');
  mkdirSync(dir, { recursive: true });
  for (const h of HOSTILE) {
    const bytes = h.bytes();
    writeFileSync(join(dir, h.name), bytes);
    console.log(`${h.name}\t${bytes.length.toLocaleString('en-US')} bytes\t${h.about}`);
  }
}
