// Japanese typesetting and print as a reader sees them, on a messy fictional report
// (e2e/fixtures/typesetting.json: 12-hour clock, a 24-hour phase between two short ones, IP
// ranges such as 125.206.*.*, long names, a date-only and an unknown-time event). The letter is
// printed to PDF and read back with `pdftotext -bbox`: every word box has its page and position,
// so "this phrase sits on one line" and "the last page holds more than 以上" are measurable.
// Screens are checked with the layout boxes Chromium reports. PNGs land in e2e/out/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { OUT, fixtureUrl, openApp, screenshot, startHarness, testId } from './lib.mjs';

let h;
before(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await h?.close();
});

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Prints the current view to NAME.pdf (+ PNG per page) and returns its pages as lines of words. */
async function printPages(page, name) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  for (const f of readdirSync(OUT)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(OUT, f));
  }
  run('pdftoppm', ['-png', '-r', '70', pdf, join(OUT, name)]);
  return pdfLines(run('pdftotext', ['-bbox', pdf, '-']));
}

/**
 * pdftotext -bbox gives one <word> per run of glyphs with its box; a word whose vertical middle
 * lies inside a line's box is on that line (digits and kana come from different fonts, so their
 * boxes differ a little). Returns [[line text, …] per page], words left to right.
 */
function pdfLines(xhtml) {
  const pages = [];
  for (const p of xhtml.split('<page ').slice(1)) {
    const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), top: Number(m[2]), bottom: Number(m[4]), text: m[5].replace(/&amp;/g, '&') }));
    words.sort((a, b) => a.top - b.top || a.x - b.x);
    const lines = [];
    for (const w of words) {
      const mid = (w.top + w.bottom) / 2;
      const line = lines.find((l) => mid > l.top && mid < l.bottom);
      if (line) line.words.push(w);
      else lines.push({ top: w.top, bottom: w.bottom, words: [w] });
    }
    pages.push(lines.map((l) => l.words.sort((a, b) => a.x - b.x).map((w) => w.text).join('')));
  }
  return pages;
}

/** Every occurrence of each phrase sits whole on one printed line (it is never cut in two). */
function assertWhole(pages, phrases, what) {
  const all = pages.flat();
  const joined = all.join('');
  for (const phrase of phrases) {
    const total = joined.split(phrase).length - 1;
    const onOneLine = all.reduce((n, l) => n + (l.split(phrase).length - 1), 0);
    assert.ok(total > 0, `${what}: ${phrase} is not printed at all`);
    assert.equal(onOneLine, total, `${what}: ${phrase} is broken across lines ${total - onOneLine} of ${total} times`);
  }
}

test('the printed letter keeps times, durations, addresses and ids whole and ends with more than 以上', async (t) => {
  const app = await openApp(h, { src: fixtureUrl(h, 'typesetting.json'), view: 'letter' });
  t.after(() => app.close());
  const pages = await printPages(app.page, 'typesetting-letter');
  assertWhole(pages, ['午前8時55分頃', '午後2時10分', '125.206.*.*', '2001:db8:4a2::/48', 'MLK-FX-000482-B', '0120-000-392', '2時間29分'], 'letter');
  // No line starts with a small kana, a long-vowel mark, closing punctuation or a bracket.
  const bad = pages.flat().filter((l) => /^[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー、。，．）」』】〕！？]/.test(l));
  assert.deepEqual(bad, [], 'lines breaking 禁則');
  const last = pages[pages.length - 1].filter((l) => !/^-\d+\/\d+-$/.test(l.replace(/\s/g, '')));
  assert.ok(last.length > 1 && last.join('') !== '以上', `the last page holds only ${JSON.stringify(last)}`);
  // 以上 is not alone at the top of a page, and the contact box is not alone on one.
  for (const [i, p] of pages.entries()) {
    const body = p.filter((l) => !/^-\d+\/\d+-$/.test(l.replace(/\s/g, '')));
    assert.notEqual(body[0], '以上', `page ${i + 1} starts with 以上`);
  }
  app.assertNoErrors();
});

test('no printed page ends with a heading, a caption or a day of the 経緯 whose content is on the next (issue 13)', async (t) => {
  for (const [name, params] of [
    ['sample', { view: 'letter' }],
    ['sample-en', { view: 'letter', src: 'examples/sample-en.json' }],
    ['typesetting', { view: 'letter', src: fixtureUrl(h, 'typesetting.json') }],
  ]) {
    const app = await openApp(h, params);
    const headings = await app.page.evaluate(() =>
      [...document.querySelectorAll('.hk-letter__heading, .hk-impact__caption, .hk-letter__day-row th')].map((e) => e.textContent.replace(/\s+/g, '')),
    );
    assert.ok(headings.length >= 3, `${name}: headings found`);
    const pages = await printPages(app.page, `typesetting-feet-${name}`);
    for (const [i, p] of pages.slice(0, -1).entries()) {
      const body = p.filter((l) => !/^-\d+\/\d+-$/.test(l.replace(/\s/g, '')));
      const foot = body[body.length - 1]?.replace(/\s+/g, '');
      assert.ok(!headings.includes(foot), `${name}: page ${i + 1} of ${pages.length} ends with the heading ${JSON.stringify(foot)}`);
    }
    app.assertNoErrors();
    await app.close();
  }
});

test('the printed timeline and impact table keep time phrases whole', async (t) => {
  for (const view of ['table', 'timeline']) {
    const app = await openApp(h, { src: fixtureUrl(h, 'typesetting.json'), view });
    const pages = await printPages(app.page, `typesetting-${view}`);
    assertWhole(pages, view === 'table' ? ['午前8時55分頃', '2時間29分', '125.206.*.*'] : ['午前8時55分頃', '午後2時10分'], view);
    app.assertNoErrors();
    await app.close();
  }
});

test('phone-width screens never cut a time phrase or a word', async (t) => {
  for (const view of ['letter', 'table', 'timeline']) {
    const app = await openApp(h, { src: fixtureUrl(h, 'typesetting.json'), view }, { viewport: { width: 390, height: 844 } });
    // Every element marked unbreakable renders on one line (one client rect per text run).
    const broken = await app.page.evaluate(() => [...document.querySelectorAll('.hk-nobr')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const tops = new Set([...r.getClientRects()].map((c) => Math.round(c.top)));
        return tops.size > 1;
      })
      .map((el) => el.textContent));
    assert.deepEqual(broken, [], `${view}: phrases broken at 390 px`);
    await screenshot(app.page, `typesetting-${view}-390`);
    app.assertNoErrors();
    await app.close();
  }
});
