// Statuspage bodies of several eras (tests/fixtures/statuspage/bodies.json: 2012 <p>/<br>, 2016
// <ul><li><strong>, references, malformed tags, 2021 Markdown, hostile markup) in Chromium: the
// history list, the timeline (list and detail) and the letter show paragraphs, lists and links,
// never a tag as text; the printed letter sets the list as indented items and prints each link's
// URL; nothing hostile runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startHarness, openApp, chooseFile, testId, screenshot, OUT } from './lib.mjs';
import { ROOT } from './server.mjs';

const BODIES = readFileSync(join(ROOT, 'tests', 'fixtures', 'statuspage', 'bodies.json'), 'utf8');
/** Markup that must never reach a reader as text. */
const LITERAL = /<\/?(p|ul|ol|li|br|strong|b|a|div)\b|&(amp|lt|gt|quot|#39|nbsp|mdash);|\*\*/i;

let h;
before(async () => {
  h = await startHarness();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await h?.close();
});

/** Opens the fixture's history and one report of it by title, on the given tab. */
async function openReport(page, titleText) {
  await chooseFile(page, 'bodies.json', BODIES);
  await testId(page, 'history').waitFor();
  await testId(page, 'history-open').filter({ hasText: titleText }).click();
  await testId(page, 'view-timeline').waitFor();
}

test('history, timeline and letter show structure, not tags', async (t) => {
  const app = await openApp(h, { lang: 'en' }, { lang: 'en-US', viewport: { width: 1280, height: 900 } });
  t.after(() => app.close());
  await chooseFile(app.page, 'bodies.json', BODIES);
  await testId(app.page, 'history').waitFor();
  const history = await testId(app.page, 'history').innerText();
  assert.doesNotMatch(history, LITERAL, 'history list');
  assert.match(history, /All systems are operational\./);

  await testId(app.page, 'history-open').filter({ hasText: 'Degraded builds and deploys' }).click();
  await testId(app.page, 'view-timeline').waitFor();
  const list = app.page.locator('.hk-timeline__entry-text').first();
  assert.doesNotMatch(await list.innerText(), LITERAL, 'timeline list');
  assert.equal(await list.locator('[role="listitem"]').count(), 3, 'the list twin keeps the three items');
  await testId(app.page, 'event-item').first().click();
  const detail = testId(app.page, 'event-detail');
  await detail.waitFor();
  const detailText = await detail.innerText();
  assert.doesNotMatch(detailText, LITERAL, 'timeline detail');
  assert.match(detailText, /Details at our status page\./, 'spaces around a link kept');
  assert.equal(await detail.locator('ul.hk-text__list > li').count(), 3);
  assert.equal(await detail.locator('li strong').first().innerText(), 'Git operations');
  const link = detail.locator('a.hk-text__link');
  assert.equal(await link.getAttribute('href'), 'https://status.nebula-rack.example/incidents/nr2016ul0001');
  assert.equal(await link.innerText(), 'our status page');
  await detail.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'rich-text-timeline-detail');

  await testId(app.page, 'tab-letter').click();
  const letter = testId(app.page, 'letter');
  await letter.waitFor();
  const letterText = await letter.innerText();
  assert.doesNotMatch(letterText, LITERAL, 'letter');
  assert.match(letterText, /Details at our status page\./, 'spaces around a link kept');
  assert.match(letterText, /1\. Restarted the queue\n2\. Drained the backlog/, 'a numbered list as numbered lines');
  assert.equal(await letter.locator('.hk-letter__timeline ul.hk-text__list > li').count(), 3, 'the bulleted list in 経緯');
  // Printed: the items are indented under their sentence, and each link's URL is on the paper.
  await app.page.emulateMedia({ media: 'print' });
  const indent = await letter.locator('.hk-letter__timeline ul.hk-text__list > li').first().evaluate((li) => {
    const cell = li.closest('td').getBoundingClientRect();
    return li.getBoundingClientRect().left - cell.left;
  });
  assert.ok(indent > 8, `list items indented in print (${indent}px)`);
  await app.page.emulateMedia({ media: null });
  await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = join(OUT, 'rich-text-letter.pdf');
  await app.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(text.includes('ourstatuspage(https://status.nebula-rack.example/incidents/nr2016ul0001)'), 'link URL printed');
  assert.ok(text.includes('GitoperationsoverSSH'), 'list item printed');
  assert.doesNotMatch(text, /<\/?(p|ul|li)>/, 'no tag printed');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, join(OUT, 'rich-text-letter')]);
  app.assertNoErrors();
});

test('hostile bodies run nothing and link nowhere but http(s)', async (t) => {
  const app = await openApp(h, { lang: 'en' }, { lang: 'en-US' });
  t.after(() => app.close());
  await openReport(app.page, 'Dashboard unavailable');
  for (const i of [0, 1]) {
    await testId(app.page, 'event-item').nth(i).click();
    await testId(app.page, 'event-detail').waitFor();
  }
  await testId(app.page, 'tab-letter').click();
  await testId(app.page, 'letter').waitFor();
  const found = await app.page.evaluate(() => {
    const all = [...document.querySelectorAll('.hokoku *')];
    return {
      scripts: document.querySelectorAll('.hokoku script, .hokoku iframe, .hokoku img').length,
      handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      styled: all.filter((el) => el.closest('.hk-text') && el.hasAttribute('style')).length,
      links: [...document.querySelectorAll('.hokoku a[href]')].map((a) => a.getAttribute('href')),
    };
  });
  assert.equal(found.scripts, 0);
  assert.equal(found.handlers, 0);
  assert.equal(found.styled, 0);
  assert.ok(found.links.every((href) => !/^\s*javascript:/i.test(href)), found.links.join(' '));
  assert.equal(app.dialogs.length, 0, 'no dialog opened');
  // The Markdown-like body's script is shown as the text it is.
  assert.match(await testId(app.page, 'letter').innerText(), /<script>alert\(7\)<\/script>/);
  app.assertNoErrors();
});

test("hokoku's own markup: a Japanese letter sets the list with 「・」 and prints the link's URL", async (t) => {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'sample.json'), 'utf8'));
  doc.timeline[1].text =
    '**影響範囲を確認。**\n\n- メール受信(POP3)\n- Web メール\n\n詳細は [障害情報ページ](https://status.example.jp/i/1) をご覧ください。';
  const app = await openApp(h, {}, { lang: 'ja-JP' });
  t.after(() => app.close());
  await chooseFile(app.page, 'markup.json', JSON.stringify(doc));
  await testId(app.page, 'tab-letter').click();
  const letter = testId(app.page, 'letter');
  await letter.waitFor();
  const items = letter.locator('.hk-letter__timeline ul.hk-text__list > li');
  assert.equal(await items.count(), 2);
  assert.equal(await items.first().evaluate((li) => getComputedStyle(li).listStyleType), '"・"');
  assert.equal(await letter.locator('.hk-letter__timeline strong').first().innerText(), '影響範囲を確認。');
  assert.doesNotMatch(await letter.innerText(), LITERAL);
  await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = join(OUT, 'rich-text-letter-ja.pdf');
  await app.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(text.includes('障害情報ページ(https://status.example.jp/i/1)'), 'link URL printed');
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, 'rich-text-letter-ja')]);
  app.assertNoErrors();
});
