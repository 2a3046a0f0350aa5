// Workshop mode in the browser: three employers, each in their own browser, share codes
// (one with their name); a facilitator in a fourth creates the workshop, runs the
// projector view, collects the codes (refusing tampered, cut-off and repeated ones),
// shows the room and exports it; the room's code then tells each employer where they
// stand. Every expected number below is worked out from the answers in `participant`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openApp, watchedPage, assertClean, assertAccessible, assertNoHorizontalScroll, shot, h1, waitForFocus } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Indicators per criterion (src/content/criteria.toml).
const INDICATORS = {
  'L1.1': 'abcd', 'L1.2': 'abcde', 'L1.3': 'abcd',
  'L2.1': 'abcd', 'L2.2': 'abc', 'L2.3': 'abcd', 'L2.4': 'abcd', 'L2.5': 'abcd', 'L2.6': 'abcd',
  'L3.1': 'abc', 'L3.2': 'abc', 'L3.3': 'abc', 'L3.4': 'abcd', 'L3.5': 'abc', 'L3.6': 'abcd',
};

/** An assessment file answering every indicator of a level the same way (`yes` with
 *  evidence, so it counts as met) and leaving the other levels unanswered. */
function participant(name, byLevel) {
  const answers = {};
  for (const [criterion, letters] of Object.entries(INDICATORS)) {
    const answer = byLevel[criterion[1]];
    if (!answer) continue;
    for (const l of letters) {
      answers[`${criterion}.${l}`] = { answer, changed: '2026-01-01T00:00:00Z', ...(answer === 'yes' ? { evidence: 'Policy document' } : {}) };
    }
  }
  return {
    format: 'carer-benchmark-assessment', version: 1,
    organisation: { name, sector: 'private', size: '50-249', nation: 'england' },
    created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', answers,
  };
}

// Alpha: Level 1 met, Level 2 partly, Level 3 unanswered → ready / on track / not yet.
// Beta: Levels 1 and 2 met, Level 3 partly → ready / ready / on track.
// Gamma: Level 1 partly, the rest unanswered → on track / not yet / not yet.
const ALPHA = participant('Alpha Care Ltd', { 1: 'yes', 2: 'partly' });
const BETA = participant('Beta Logistics', { 1: 'yes', 2: 'yes', 3: 'partly' });
const GAMMA = participant('Gamma Foods', { 1: 'partly' });

async function importAndShare(page, file) {
  await page.setInputFiles('#cb-import', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('button:has-text("Share your results with a workshop")').click();
  await page.waitForSelector('#cb-share-code');
  assert.equal(await h1(page), 'Share your results with a workshop');
}

const cells = (page, table) => page.locator(`${table} tbody tr`).evaluateAll((rows) =>
  rows.map((r) => [...r.children].map((c) => c.innerText.trim())));

/** The same code with one character changed to another the code alphabet uses. */
function tamper(code, at) {
  const c = code[at];
  const other = c === '7' ? '8' : '7';
  return code.slice(0, at) + other + code.slice(at + 1);
}

async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('three employers share, the facilitator collects and shows the room, each employer compares', async () => {
  // ── The participants ──
  const people = {};
  for (const [key, file] of [['alpha', ALPHA], ['beta', BETA], ['gamma', GAMMA]]) {
    const { context, page } = await openApp(browser, server.url);
    await importAndShare(page, file);
    people[key] = { context, page };
  }
  const { alpha, beta, gamma } = people;
  await waitForFocus(alpha.page, 'h1', 'the share page takes focus when it opens');
  assert.equal(await alpha.page.locator('#cb-share-consent').isChecked(), false, 'sharing the name is opt-in');
  assert.match(await alpha.page.locator('.cb-inset').innerText(), /Your answers, your evidence notes/);
  assert.match(await alpha.page.locator('.cb-ws-named').innerText(), /does not include your organisation's name/);
  await assertAccessible(alpha.page, 'share page');
  await shot(alpha.page, 'workshop-share');

  // The share file holds no name unless the box is ticked.
  const anonymous = await downloadText(gamma.page, () => gamma.page.locator('button:has-text("Download the share file")').click());
  assert.equal(JSON.parse(anonymous.text).format, 'carer-benchmark-share');
  assert.equal(JSON.parse(anonymous.text).organisation, undefined);
  assert.doesNotMatch(anonymous.name + anonymous.text, /Gamma/);

  const before = await beta.page.locator('#cb-share-code').inputValue();
  await beta.page.locator('#cb-share-consent').check();
  const named = await beta.page.locator('#cb-share-code').inputValue();
  assert.notEqual(named, before, 'consent changes the code');
  assert.ok(named.length > before.length, 'the named code carries the name');
  assert.match(await beta.page.locator('.cb-ws-named').innerText(), /includes your organisation's name/);
  const betaFile = await downloadText(beta.page, () => beta.page.locator('button:has-text("Download the share file")').click());
  assert.equal(JSON.parse(betaFile.text).organisation, 'Beta Logistics');

  const codes = {
    alpha: await alpha.page.locator('#cb-share-code').inputValue(),
    beta: named,
    gamma: await gamma.page.locator('#cb-share-code').inputValue(),
  };
  for (const c of Object.values(codes)) assert.match(c, /^CB1-[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);

  // ── The facilitator ──
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 1280, height: 720 } });
  await page.locator('button:has-text("Open the workshop facilitator\'s view")').click();
  await page.waitForSelector('#cb-ws-title');
  assert.equal(await h1(page), 'Create a workshop');
  await assertAccessible(page, 'create a workshop');
  await page.fill('#cb-ws-date', '');
  await page.locator('button[type=submit]').click();
  await waitForFocus(page, '#cb-error-summary', 'a failed submit focuses the error summary');
  const problems = await page.locator('.cb-error-summary li').allInnerTexts();
  assert.deepEqual(problems, ['Enter a title for the workshop', 'Enter the date of the workshop as a real date, for example 22 November 2026']);
  await assertAccessible(page, 'create a workshop, with errors');
  await page.locator('.cb-error-summary a').first().click();
  await waitForFocus(page, '#cb-ws-title', 'the error links to its field');
  await page.fill('#cb-ws-title', 'Supporting carers at work');
  await page.fill('#cb-ws-date', '2026-11-22');
  await page.fill('#cb-ws-organisation', 'Anytown Carers');
  await page.locator('button[type=submit]').click();
  await page.waitForSelector('.cb-summary');
  assert.equal(await h1(page), 'Supporting carers at work');
  assert.match(await page.locator('.cb-summary').innerText(), /22 November 2026[\s\S]*Anytown Carers/);
  await assertAccessible(page, 'workshop overview');

  // The running order: times follow the start time.
  await page.locator('button:has-text("Running order and discussion prompts")').click();
  assert.equal(await h1(page), 'Running order');
  await page.fill('#cb-ws-start', '10:00');
  await page.locator('#cb-ws-start').dispatchEvent('change');
  await page.waitForSelector('.cb-ws-agenda__time:has-text("10:00–10:15")');
  assert.ok((await page.locator('.cb-ws-prompts li').count()) >= 14, 'prompts for each part');
  await assertAccessible(page, 'running order');

  // The projector view: full screen width, large type, keys and buttons move through it.
  await page.locator('.cb-button:has-text("Show the running order on the projector")').click();
  await page.waitForSelector('.cb-ws-projector');
  assert.equal(await h1(page), 'Supporting carers at work');
  const box = await page.locator('.cb-ws-projector').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1280, 720], 'the projector view fills the screen');
  await assertAccessible(page, 'projector: title');
  await shot(page, 'workshop-projector-title');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('h1:has-text("Welcome: carers in your workforce")');
  assert.match(await page.locator('.cb-ws-slide__kicker').innerText(), /Part 1 of 9 · 10:00–10:15 · 15 minutes/);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('h1:has-text("Level 1: recognising carers")');
  await shot(page, 'workshop-projector-level1');
  const size = await page.locator('.cb-ws-slide__prompts li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 28, `prompts are projector-sized (${size}px)`);
  const h1Size = await page.locator('h1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(h1Size >= 40, `the heading is projector-sized (${h1Size}px)`);
  const fits = await page.locator('.cb-ws-projector').evaluate((el) => el.scrollHeight <= el.clientHeight);
  assert.ok(fits, 'a part fits on a 1280×720 screen without scrolling');
  await assertAccessible(page, 'projector: a part');
  await page.locator('.cb-ws-projector__button:has-text("Next")').click();
  await page.waitForSelector('h1:has-text("Level 2")');
  await shot(page, 'workshop-projector-level2');
  const tall = await page.locator('.cb-ws-projector').evaluate((el) => el.scrollHeight <= el.clientHeight);
  assert.ok(tall, 'the part with four prompts fits too');
  await page.locator('.cb-ws-projector__button:has-text("Previous")').click();
  await page.waitForSelector('h1:has-text("Level 1")');
  await page.keyboard.press('End');
  await page.waitForSelector('.cb-ws-projector__count:has-text("10 / 10")');
  assert.equal(await page.locator('.cb-ws-projector__button:has-text("Next")').isDisabled(), true);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#cb-ws-start');
  assert.equal(await h1(page), 'Running order');

  // Collecting: three good codes pasted at once.
  await page.locator('button:has-text("Back to the workshop")').click();
  await page.locator('button:has-text("Collect participants\' codes")').click();
  assert.equal(await h1(page), "Collect participants' codes");
  await assertAccessible(page, 'collect codes, empty');
  await page.fill('#cb-ws-codes', `${codes.alpha}\n${codes.beta}\n\n${codes.gamma}\n`);
  await page.locator('button:has-text("Add the codes")').click();
  await waitForFocus(page, '#cb-ws-added', 'the result of adding is announced and focused');
  assert.match(await page.locator('#cb-ws-added').innerText(), /Counted: 3/);
  assert.deepEqual((await cells(page, '.cb-ws-participants')).map((r) => r.slice(1, 5)), [
    ['Not named', 'Ready to apply', 'On track', 'Not yet'],
    ['Beta Logistics', 'Ready to apply', 'Ready to apply', 'On track'],
    ['Not named', 'On track', 'Not yet', 'Not yet'],
  ]);
  assert.equal(await page.locator('#cb-ws-codes').inputValue(), '', 'counted codes leave the box');

  // A changed code, a cut-off code, something that is not a code and a repeat: each
  // named, none counted, the room unchanged, the bad lines left to correct.
  const tampered = tamper(codes.alpha, 12);
  const truncated = codes.gamma.slice(0, codes.gamma.lastIndexOf('-'));
  await page.fill('#cb-ws-codes', [tampered, truncated, 'hello there', codes.alpha].join('\n'));
  await page.locator('button:has-text("Add the codes")').click();
  await waitForFocus(page, '#cb-error-summary', 'problems are focused');
  const errors = await page.locator('.cb-error-summary li').allInnerTexts();
  assert.equal(errors.length, 4, errors.join('\n'));
  assert.match(errors[0], /^Line 1 \(CB1-.*\): This code was changed or mistyped \(the check digits don't match\)/);
  assert.match(errors[1], /^Line 2 \(CB1-.*\): This code is incomplete \(it looks cut off\): copy the whole code and try again/);
  assert.match(errors[2], /^Line 3 \(hello there\): This isn't a workshop code/);
  assert.match(errors[3], /^Line 4 \(CB1-.*\): already counted as participant 1 \(share [0-9A-Z]{4}-[0-9A-Z]{4}\), so it was not counted again/);
  assert.match(await page.locator('.cb-error-summary').innerText(), /Nothing already collected has changed/);
  assert.equal(await page.locator('.cb-ws-participants tbody tr').count(), 3, 'the room is unchanged');
  assert.equal(await page.locator('#cb-ws-codes').inputValue(), [tampered, truncated, 'hello there'].join('\n'));
  await assertAccessible(page, 'collect codes, with problems');
  await shot(page, 'workshop-collect-errors');
  await page.locator('.cb-error-summary a').first().click();
  await waitForFocus(page, '#cb-ws-codes', 'the error links to the box');

  // Share files, several at once: a repeat (named, as Beta consented) and a file
  // with no code in it.
  await page.setInputFiles('#cb-ws-files', [
    { name: betaFile.name, mimeType: 'application/json', buffer: Buffer.from(betaFile.text) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('see you on Tuesday') },
  ]);
  await waitForFocus(page, '#cb-error-summary', 'file problems are focused');
  const fileErrors = await page.locator('.cb-error-summary li').allInnerTexts();
  assert.match(fileErrors[0], /\.json: already counted as participant 2, Beta Logistics \(share/);
  assert.match(fileErrors[1], /^notes\.txt: No workshop code found in this file/);
  assert.equal(await page.locator('.cb-ws-participants tbody tr').count(), 3);

  // The room.
  await page.locator('.cb-button:has-text("See the room\'s results")').click();
  assert.equal(await h1(page), "The room's results");
  assert.equal(await page.locator('.cb-ws-count__n').innerText(), '3');
  assert.deepEqual(await cells(page, '.cb-ws-levels-table'), [
    ['Level 1: Active', '2', '1', '0'],
    ['Level 2: Accomplished', '1', '1', '1'],
    ['Level 3: Ambassador', '0', '1', '2'],
  ]);
  // Identifying carers (22 points): Alpha 12 (55%), Beta 19 (86%), Gamma 4 (18%).
  // Policy (26): Alpha 22 (85%), Beta 26 (100%), Gamma 9 (35%). Practical (24): 4 (17%),
  // 16 (67%), 0. Peer (20): 7 (35%), 17 (85%), 0. Promoting (20): 4 (20%), 14 (70%), 0.
  assert.deepEqual(await cells(page, '.cb-ws-area-table'), [
    ['Identifying carers', '1', '0', '1', '1', '55%'],
    ['Policy and guidance', '0', '1', '0', '2', '85%'],
    ['Practical support', '2', '0', '1', '0', '17%'],
    ['Peer support and networks', '1', '1', '0', '1', '35%'],
    ['Promoting the support', '2', '0', '1', '0', '20%'],
  ]);
  const chart = page.locator('svg.cb-ws-chart');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match(await chart.locator('title').textContent(), /how many participants score/);
  const missing = await page.locator('.cb-ws-missing li').allInnerTexts();
  assert.equal(missing.length, 15);
  assert.match(missing[0], /^L3\.1 .*\s*not met by 3 of 3$/);
  assert.match(missing[6], /^L2\.1 .*\s*not met by 2 of 3$/);
  assert.match(missing[14], /^L1\.3 .*\s*not met by 1 of 3$/);
  assert.deepEqual(await page.locator('.cb-ws-names li').allInnerTexts(), ['Beta Logistics']);
  const roomCode = await page.locator('#cb-ws-room-code').inputValue();
  assert.match(roomCode, /^CB1-/);
  assert.doesNotMatch(roomCode, /Beta/);
  await assertAccessible(page, 'the room');
  await shot(page, 'workshop-room');

  // The room on the projector.
  await page.locator('button:has-text("Show on the projector")').click();
  await page.waitForSelector('.cb-ws-projector--room');
  assert.equal(await page.locator('.cb-ws-projector--room .cb-ws-count__n').innerText(), '3');
  await assertAccessible(page, 'the room on the projector');
  await shot(page, 'workshop-projector-room');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#cb-ws-room-code');

  // Exports: CSV and Markdown, and a print view that prints only the summary.
  const csv = await downloadText(page, () => page.locator('button:has-text("Download as CSV")').click());
  assert.match(csv.name, /^supporting-carers-at-work-results-carer-benchmark-2026-11-22\.csv$/);
  assert.match(csv.text, /\r\nParticipants,,,3\r\n/);
  assert.match(csv.text, /\r\nLevel,Level 2,Not yet,1\r\n/);
  assert.match(csv.text, /\r\nNamed participant,,,Beta Logistics\r\n/);
  const md = await downloadText(page, () => page.locator('button:has-text("Download as Markdown")').click());
  assert.match(md.text, /^# Workshop results: Supporting carers at work/);
  assert.match(md.text, /\| Level 1 \| 2 \| 1 \| 0 \|/);
  await page.locator('.cb-button:has-text("Print the room\'s results")').click();
  assert.equal(await h1(page), 'Workshop results: Supporting carers at work');
  await waitForFocus(page, 'h1', 'the print view focuses its heading');
  assert.match(await page.locator('.cb-print-participants').innerText(), /Participants: 3/);
  await assertAccessible(page, 'print view');
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.locator('button:has-text("Print")').last().click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the Print button opens the print dialog');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const root = document.querySelector('#carer-benchmark').shadowRoot;
    const shown = (s) => { const el = root.querySelector(s); return !!el && getComputedStyle(el).display !== 'none'; };
    return { summary: shown('.cb-print-summary'), controls: shown('.cb-ws-print-controls'), header: shown('.cb-header'), footer: shown('.cb-footer') };
  });
  assert.deepEqual(printed, { summary: true, controls: false, header: false, footer: false });
  await page.emulateMedia({ media: 'screen' });
  await shot(page, 'workshop-print');

  // ── Each employer against the room ──
  await beta.page.fill('#cb-room-code', codes.alpha);
  await beta.page.locator('button:has-text("Compare with the room")').click();
  await waitForFocus(beta.page, '#cb-error-summary', 'a wrong code is reported');
  assert.match(await beta.page.locator('.cb-error-summary').innerText(), /this is a participant's code, not the room's summary code/);
  await assertAccessible(beta.page, 'compare, wrong code');
  await beta.page.fill('#cb-room-code', roomCode);
  await beta.page.locator('button:has-text("Compare with the room")').click();
  await waitForFocus(beta.page, '#cb-comparison', 'the comparison is focused');
  assert.equal(await beta.page.locator('.cb-error-summary').count(), 0);
  assert.match(await beta.page.locator('#cb-comparison h2').innerText(), /You against the room \(3 participants\)/);
  const betaRows = await cells(beta.page, '.cb-ws-compare-areas');
  assert.deepEqual(betaRows, [
    ['Identifying carers', '86%', '55%', 'Above the room'],
    ['Policy and guidance', '100%', '85%', 'Above the room'],
    ['Practical support', '67%', '17%', 'Above the room'],
    ['Peer support and networks', '85%', '35%', 'Above the room'],
    ['Promoting the support', '70%', '20%', 'Above the room'],
  ]);
  // Levels: the room's middle participant is ready / on track / not yet.
  assert.deepEqual(await cells(beta.page, '.cb-ws-compare-levels'), [
    ['Level 1: Active', 'Ready to apply', '2 of 3', 'Around the middle'],
    ['Level 2: Accomplished', 'Ready to apply', '1 of 3', 'Above the room'],
    ['Level 3: Ambassador', 'On track', '0 of 3', 'Above the room'],
  ]);
  await assertAccessible(beta.page, 'comparison with the room');
  await shot(beta.page, 'workshop-compare');
  await beta.page.setViewportSize({ width: 320, height: 640 });
  await assertNoHorizontalScroll(beta.page, 'the share page at 320px');

  await gamma.page.fill('#cb-room-code', roomCode.toLowerCase().replaceAll('-', ' '));
  await gamma.page.locator('button:has-text("Compare with the room")').click();
  await gamma.page.waitForSelector('#cb-comparison');
  assert.deepEqual((await cells(gamma.page, '.cb-ws-compare-areas')).map((r) => r[3]), Array(5).fill('Below the room'));
  assert.deepEqual((await cells(gamma.page, '.cb-ws-compare-levels')).map((r) => r[3]),
    ['Below the room', 'Below the room', 'Around the middle']);

  await alpha.page.fill('#cb-room-code', roomCode);
  await alpha.page.locator('button:has-text("Compare with the room")').click();
  await alpha.page.waitForSelector('#cb-comparison');
  assert.deepEqual((await cells(alpha.page, '.cb-ws-compare-areas')).map((r) => r[3]), Array(5).fill('Around the middle'),
    'Alpha is the middle participant in every area');

  // ── The room survives a reload, which reopens the same page; a participant can be
  // removed; the room cleared ──
  await page.reload();
  await page.waitForSelector('.cb-print-participants');
  assert.match(await page.locator('.cb-print-participants').innerText(), /Participants: 3/);
  assert.equal(new URL(page.url()).searchParams.get('cb'), 'workshop/print');
  await page.goto(`${server.url}?cb=workshop`);
  await page.waitForSelector('.cb-summary');
  assert.equal(await h1(page), 'Supporting carers at work');
  assert.match(await page.locator('.cb-task-list').innerText(), /3 collected/);
  assert.match(await page.locator('.cb-task-list').innerText(), /10:00 to /, 'the start time was kept');
  // A phone: wide tables scroll in their own box, never the page.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.locator('button:has-text("See the room\'s results")').click();
  await page.waitForSelector('.cb-ws-area-table');
  await assertNoHorizontalScroll(page, 'the room at 320px');
  await assertAccessible(page, 'the room at 320px');
  await page.locator('button:has-text("Collect more codes")').click();
  await page.waitForSelector('.cb-ws-participants');
  await assertNoHorizontalScroll(page, 'collecting at 320px');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('.cb-ws-participants button:has-text("Remove")').nth(2).click();
  await waitForFocus(page, '#cb-ws-participants-status', 'removing says so');
  assert.match(await page.locator('#cb-ws-participants-status').innerText(), /Participant 3 was removed/);
  assert.equal(await page.locator('.cb-ws-participants tbody tr').count(), 2);
  await page.fill('#cb-ws-codes', codes.gamma);
  await page.locator('button:has-text("Add the codes")').click();
  assert.match(await page.locator('#cb-ws-added').innerText(), /counted as participant 3/);

  await page.locator('button:has-text("Clear the room")').click();
  await waitForFocus(page, '#cb-ws-confirm', 'the confirmation takes focus');
  assert.match(await page.locator('#cb-ws-confirm').innerText(), /removes all 3 participants' results/);
  await assertAccessible(page, 'clear the room, confirmation');
  await page.locator('#cb-ws-confirm button:has-text("Cancel")').click();
  assert.equal(await page.locator('.cb-ws-participants tbody tr').count(), 3, 'cancel keeps the room');
  await page.locator('button:has-text("Clear the room")').click();
  await page.locator('button:has-text("Yes, clear the room")').click();
  await page.waitForSelector('text=No codes collected yet.');
  assert.match(await page.locator('#cb-ws-participants-status').innerText(), /The room was cleared/);
  await page.reload();
  await page.waitForSelector('text=No codes collected yet.'); // the same page, still cleared
  await page.goto(`${server.url}?cb=workshop`);
  await page.waitForSelector('.cb-summary');
  assert.match(await page.locator('.cb-task-list').innerText(), /0 collected/, 'clearing is kept too');

  for (const p of [alpha, beta, gamma]) {
    await assertClean(p.page);
    await p.context.close();
  }
  await assertClean(page);
  await context.close();
});

test('the Copy button copies where the browser allows, and selects the code where it does not', async () => {
  const granted = await openApp(browser, server.url);
  await granted.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await importAndShare(granted.page, ALPHA);
  await granted.page.locator('button:has-text("Copy the code")').click();
  await granted.page.waitForSelector('.cb-ws-code__status:has-text("Copied")');
  const copied = await granted.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await granted.page.locator('#cb-share-code').inputValue());
  await assertClean(granted.page);
  await granted.context.close();

  // No clipboard API at all (an older browser, or a page that is not secure).
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const page = await watchedPage(context);
  await page.goto(server.url);
  await page.locator('.cb-button--start').waitFor();
  await importAndShare(page, ALPHA);
  await page.locator('button:has-text("Copy the code")').click();
  await page.waitForSelector('.cb-ws-code__status:has-text("press Ctrl and C")');
  const selection = await page.evaluate(() => {
    const input = document.querySelector('#carer-benchmark').shadowRoot.querySelector('#cb-share-code');
    return { start: input.selectionStart, end: input.selectionEnd, length: input.value.length, focused: window.__deepActive() === input };
  });
  assert.deepEqual(selection, { start: 0, end: selection.length, length: selection.length, focused: true }, 'the whole code is selected');
  assert.equal(await page.locator('#cb-share-code').getAttribute('readonly'), '');
  await assertClean(page);
  await context.close();
});

test('when the browser will not store anything, the room still lasts between pages and says it will not survive a reload', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await watchedPage(context);
  await page.goto(server.url);
  await page.locator('.cb-button--start').waitFor();
  await page.locator('button:has-text("Open the workshop facilitator\'s view")').click();
  await page.fill('#cb-ws-title', 'No storage');
  await page.locator('button[type=submit]').click();
  await page.waitForSelector('.cb-summary');
  assert.match(await page.locator('.cb-warning').innerText(), /This browser would not save the workshop/);
  await page.locator('button:has-text("Collect participants\' codes")').click();
  const code = 'CB1-0401B-1ATHP-0J8R0-001A0-0001T-MAZMQ';
  await page.fill('#cb-ws-codes', code);
  await page.locator('button:has-text("Add the codes")').click();
  await page.waitForSelector('#cb-ws-added');
  await page.locator('button:has-text("Back to the workshop")').click();
  assert.match(await page.locator('.cb-task-list').innerText(), /1 collected/);
  assert.match(await page.locator('.cb-warning').innerText(), /download the results before you do/);
  await assertAccessible(page, 'overview with storage off');
  await assertClean(page);
  await context.close();
});

test('a stored workshop record this version cannot read is kept aside, not written over', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.setItem('carer-benchmark:workshop', '{"title": "cut off'));
  await page.locator('button:has-text("Open the workshop facilitator\'s view")').click();
  await page.waitForFunction(() => document.querySelector('#carer-benchmark').shadowRoot.querySelector('h1')?.textContent === 'Create a workshop');
  const aside = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('carer-benchmark:workshop:unreadable:'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"title": "cut off'], 'the unreadable record is copied aside');
  await assertAccessible(page, 'create a workshop after unreadable storage');
  await assertClean(page);
  await context.close();
});
