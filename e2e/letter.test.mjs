// The apology letter in real Chromium: printed to PDF the way a user's "印刷 / PDF" does it, then
// read back with poppler (pdfinfo, pdftotext -layout) for page size, the order of the letter's
// parts, every time of the timeline, page numbers and the absence of interface text; the pages
// are saved as PNGs in e2e/out/ for a person to look at (alignment, font, margins, breaks).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { OUT, checkA11y, formatViolations, openApp, screenshot, startHarness, testId } from './lib.mjs';
import { ROOT } from './server.mjs';

const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'sample.json'), 'utf8'));
const HISTORY = JSON.parse(readFileSync(join(ROOT, 'examples', 'history.json'), 'utf8'));

let h;
before(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await h?.close();
});

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' });
/** Text without any white space: pdftotext breaks lines and pads columns where it likes. */
const flat = (s) => s.replace(/\s+/g, '');

/** Asserts that each needle occurs in `text` after the previous one. */
function assertInOrder(text, needles, what) {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `${what}: ${JSON.stringify(needle)} missing or out of order (after offset ${from})`);
    from = at + needle.length;
  }
}

/**
 * Prints the letter on the page as the button does (beforeprint sets the title, the print
 * stylesheet applies), to NAME.pdf in e2e/out/, with PNGs of every page beside it.
 * Returns { pdf, info, text, pages }.
 */
async function printLetter(page, name) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const info = run('pdfinfo', [pdf]);
  const text = run('pdftotext', ['-layout', pdf, '-']);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  for (const f of readdirSync(OUT)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(OUT, f));
  }
  run('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, name)]);
  return { pdf, info, text, pages };
}

function assertA4(info, what) {
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  assert.ok(m, `${what}: no page size in pdfinfo`);
  const [w, hgt] = [Number(m[1]), Number(m[2])];
  // A4 is 595.28 x 841.89 pt; portrait.
  assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(hgt - 841.9) < 2, `${what}: page is ${w} x ${hgt} pt, not A4 portrait`);
}

/** "- 1 / 3 -" … "- 3 / 3 -" in the bottom margins. */
function assertPageNumbers(text, pages, what) {
  const f = flat(text);
  for (let n = 1; n <= pages; n++) {
    assert.ok(f.includes(`-${n}/${pages}-`), `${what}: page number ${n} / ${pages} missing`);
  }
}

test('the sample letter prints as an A4 letter with every part in order', async (t) => {
  const app = await openApp(h, { view: 'letter' });
  t.after(() => app.close());
  const letter = testId(app.page, 'letter');
  await letter.waitFor();
  await screenshot(app.page, 'letter-screen');

  const headings = await letter.locator('.hk-letter__heading').evaluateAll((els) => els.map((e) => e.textContent.trim()));
  assert.equal(headings.length, 10, headings.join(' | '));
  const times = await letter
    .locator('.hk-letter__timeline tbody td.hk-letter__time')
    .evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));
  assert.equal(times.length, SAMPLE.timeline.length, 'one 経緯 row per timeline event');

  // Interface text that must not reach the paper: buttons and tabs of the app.
  const chrome = await app.page
    .locator('.hk-chrome button, .hk-chrome [role="tab"], .hk-chrome summary')
    .evaluateAll((els) => els.map((e) => e.textContent.trim()).filter(Boolean));
  assert.ok(chrome.includes('印刷 / PDF'), `the print button is chrome: ${chrome.join(', ')}`);

  const { info, text, pages } = await printLetter(app.page, 'letter-sample');
  assertA4(info, 'sample');
  assert.match(info, /^Title:\s+2026-03-03 ハルカゼメール メール受信・Webメール停止障害のご報告とお詫び$/m);
  const f = flat(text);
  assertInOrder(
    f,
    [
      'ハ運発第2026-014号',
      '2026年3月3日',
      'ハルカゼメールをご利用のお客様各位',
      '株式会社ハルカゼネット',
      '停止障害のご報告とお詫び（最終報告）',
      '拝啓',
      '深くお詫び申し上げます。',
      '敬具',
      '記',
      ...headings.map(flat),
      '以上',
      '本件に関するお問い合わせ窓口',
      'TEL:0120-000-814',
    ],
    'sample',
  );
  for (const time of times.filter(Boolean)) {
    assert.ok(f.includes(flat(time)), `the time ${time} is not in the PDF`);
  }
  // A tab may share words with the letter (「影響範囲」 is also a heading); only what the sheet
  // itself does not say must be absent.
  const sheet = flat(await app.page.locator('.hk-letter__paper').innerText());
  const foreign = chrome.filter((label) => !sheet.includes(flat(label)));
  assert.ok(foreign.includes('印刷 / PDF'));
  for (const label of foreign) {
    assert.ok(!f.includes(flat(label)), `interface text in the PDF: ${label}`);
  }
  assertPageNumbers(text, pages, 'sample');
  assert.ok(pages >= 3 && pages <= 9, `the sample prints on ${pages} pages`);
  t.diagnostic(`sample letter: ${pages} pages, PNGs in e2e/out/letter-sample-*.png`);
  app.assertNoErrors();
});

test('the print button prints under a meaningful title and puts the page title back', async (t) => {
  const app = await openApp(h, { view: 'letter' });
  t.after(() => app.close());
  await testId(app.page, 'letter').waitFor();
  const before = await app.page.title();
  // Headless Chromium has no print dialog: record what window.print() saw instead.
  await app.page.evaluate(() => {
    window.print = () => {
      window.__printedTitle = document.title;
    };
  });
  await testId(app.page, 'print').click();
  assert.equal(
    await app.page.evaluate(() => window.__printedTitle),
    '2026-03-03 ハルカゼメール メール受信・Webメール停止障害のご報告とお詫び',
  );
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await app.page.title(), before);
  // Ctrl+P (beforeprint without the button) does the same.
  await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.match(await app.page.title(), /^2026-03-03 /);
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await app.page.title(), before);
  app.assertNoErrors();
});

test('every report of the history prints as a letter (謹啓 … 謹白, 和暦)', async (t) => {
  const outcome = [];
  for (const [i, report] of HISTORY.reports.entries()) {
    const app = await openApp(h, { src: 'examples/history.json', view: 'letter', report: report.report?.id ?? report.id ?? `r${i + 1}` });
    try {
      const letter = testId(app.page, 'letter');
      await letter.waitFor();
      const headings = await letter.locator('.hk-letter__heading').evaluateAll((els) => els.map((e) => e.textContent.trim()));
      const { info, text, pages } = await printLetter(app.page, `letter-history-${String(i + 1).padStart(2, '0')}`);
      const what = `history report ${i + 1}`;
      assertA4(info, what);
      const f = flat(text);
      assertInOrder(f, ['令和', 'お客様各位', '謹啓', '謹白', '記', ...headings.map(flat), '以上'], what);
      assert.ok(!/(19|20)\d\d年/.test(f), `${what}: 西暦 in a 和暦 letter`);
      assertPageNumbers(text, pages, what);
      outcome.push(`${i + 1}: ${pages} p.`);
      app.assertNoErrors();
    } finally {
      await app.close();
    }
  }
  t.diagnostic(`history letters: ${outcome.join(', ')}`);
});

test('the English sample is a formal English letter', async (t) => {
  const app = await openApp(h, { src: 'examples/sample-en.json', view: 'letter' });
  t.after(() => app.close());
  await testId(app.page, 'letter').waitFor();
  assert.equal(await testId(app.page, 'print').innerText(), 'Print / PDF');
  const { info, text, pages } = await printLetter(app.page, 'letter-english');
  assertA4(info, 'English');
  const f = flat(text);
  assertInOrder(f, ['September12,2025', 'Toourcustomers', '(FinalReport)', 'DearCustomers,', 'Sincerely,', 'KestrelFormsInc.', '1.Dateandtime', 'Timeline', 'Questionsaboutthisreport'], 'English');
  for (const ja of ['拝啓', '敬具', '以上']) assert.ok(!f.includes(ja), `${ja} in the English letter`);
  assertPageNumbers(text, pages, 'English');
  app.assertNoErrors();
});

test('the letter is accessible and reads on a narrow screen and in dark mode', async (t) => {
  const app = await openApp(h, { view: 'letter' }, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  t.after(() => app.close());
  await testId(app.page, 'letter').waitFor();
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  // The sheet stays paper-white in dark mode.
  const paper = await app.page.locator('.hk-letter__paper').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(paper, 'rgb(255, 255, 255)');
  await screenshot(app.page, 'letter-narrow-dark');
  const violations = await checkA11y(app.page, { include: '[data-testid="letter"]' });
  assert.deepEqual(violations, [], formatViolations(violations));
  app.assertNoErrors();
});
