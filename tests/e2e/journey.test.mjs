// The assessment journey as an HR manager walks it: keyboard only, every screen
// checked with axe, state surviving a reload, bad imports refused with nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, openApp, assertClean, assertAccessible, assertNoHorizontalScroll, shot, tabTo, h1, focused, waitForFocus } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LEVEL1 = ['L1.1', 'L1.2', 'L1.3'];

/** Creates an assessment using only the keyboard; returns on the task list. */
async function createByKeyboard(page, name) {
  await tabTo(page, '.cb-button--start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#cb-org-name');
  assert.equal(await h1(page), 'About your organisation');
  await waitForFocus(page, 'h1', 'after navigating');
  // Submitting the empty form shows the error summary, focused, with links to fields.
  await tabTo(page, 'form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.cb-error-summary');
  await waitForFocus(page, '#cb-error-summary', 'after a failed submit');
  await assertAccessible(page, 'new assessment with errors');
  await shot(page, 'new-assessment-errors');
  await tabTo(page, '.cb-error-summary a[href="#cb-org-name"]');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'cb-org-name', 'the error link focuses its field');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab'); // into the sector radios: first one
  await page.keyboard.press('Space');
  await tabTo(page, '#cb-size');
  await page.keyboard.type('5'); // typeahead picks "50-249 people"
  await tabTo(page, '#cb-nation-england');
  await page.keyboard.press('Space');
  await tabTo(page, 'form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.cb-task-list');
  assert.equal(await h1(page), name);
}

/** Answers every indicator on the current question page Yes with evidence. */
async function answerPageYesByKeyboard(page) {
  const groups = await page.locator('fieldset.cb-indicator').count();
  for (let g = 0; g < groups; g++) {
    const ids = await page.locator('fieldset.cb-indicator').nth(g).locator('input[type=radio]').evaluateAll((els) => els.map((e) => e.id));
    await tabTo(page, `#${ids[0]}`);          // the "No" radio: first stop in the group
    await page.keyboard.press('ArrowRight');  // Partly
    await page.keyboard.press('ArrowRight');  // Yes
    assert.ok(await page.locator(`#${ids[2]}`).isChecked(), `${ids[2]} checked by keyboard`);
    await page.keyboard.press('Tab');         // the evidence box, enabled once answered
    await page.keyboard.type(`Carers policy 2026, section ${g + 1}`);
    await page.keyboard.press('Tab');         // leaving the box saves it
  }
}

test('keyboard only: from no data to Level 1 ready, every screen accessible, all kept after reload', async () => {
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await assertAccessible(page, 'start page (empty)');

  await createByKeyboard(page, 'Acme Care & Support <Ltd>');
  await assertAccessible(page, 'task list');
  await shot(page, 'task-list-desktop');

  // Level 1: three criteria, one page each, reached with Save and continue.
  await tabTo(page, '.cb-task-criterion');
  await page.keyboard.press('Enter');
  for (const id of LEVEL1) {
    await page.locator(`h1:text-matches("^${id.replace('.', '\\.')} ")`).waitFor();
    if (id === 'L1.1') {
      await assertAccessible(page, 'question page');
      await page.locator('details summary').first().focus();
      await page.keyboard.press('Enter'); // open "What good looks like"
      await assertAccessible(page, 'question page with guidance open');
      await shot(page, 'question-desktop');
    }
    await answerPageYesByKeyboard(page);
    await tabTo(page, '.cb-button-group .cb-button');
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('.cb-summary');
  assert.match(await h1(page), /^Check your answers: Level 1: Active/);
  assert.equal(await page.locator('.cb-summary__value >> text=Not answered').count(), 0);
  await assertAccessible(page, 'check your answers');
  await shot(page, 'check-answers-desktop');
  await tabTo(page, '.cb-button-group .cb-button');
  await page.keyboard.press('Enter');

  await page.waitForSelector('.cb-levels');
  const level1 = page.locator('.cb-level').first();
  assert.match(await level1.innerText(), /Ready to apply/);
  assert.match(await level1.innerText(), /3 of 3 criteria at this level met/);
  assert.match(await page.locator('.cb-level').nth(1).innerText(), /Not yet/);
  assert.equal(await page.locator('.cb-chart__bar').count(), 5, 'one bar per area');
  assert.equal(await page.locator('table.cb-table').first().locator('tbody tr').count(), 5, 'table twin of the chart');
  await assertAccessible(page, 'results');
  await shot(page, 'results-desktop');
  await page.waitForSelector('.cb-header__saved:has-text("Saved at")');

  // Close and come back: the same page, and everything is there.
  const resultsHeading = await h1(page);
  await page.reload();
  await page.waitForSelector('.cb-chart');
  assert.equal(await h1(page), resultsHeading, 'a reload reopens the results');
  await page.locator('.cb-header__home').click();
  await page.waitForSelector('.cb-card');
  assert.match(await page.locator('.cb-card__title').innerText(), /Acme Care & Support <Ltd>/);
  await assertAccessible(page, 'start page with a saved assessment');
  await shot(page, 'start-with-saved-desktop');
  await tabTo(page, '.cb-card .cb-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.cb-task-list');
  assert.equal(await page.locator('.cb-task-list__section').nth(1).locator('.cb-task-list__heading .cb-tag').innerText(), 'Completed');
  await page.locator('text=See your results').click();
  await page.waitForSelector('.cb-levels');
  assert.match(await page.locator('.cb-level').first().innerText(), /Ready to apply/);
  await assertClean(page);
  await context.close();
});

test('rename, duplicate and delete (with confirmation) on the start page', async () => {
  const { context, page } = await openApp(browser, server.url);
  await createByKeyboard(page, 'Original Ltd');
  // The organisation's details can be changed later from the task list, pre-filled.
  await page.locator('button:has-text("Organisation details")').click();
  assert.equal(await page.inputValue('#cb-org-name'), 'Original Ltd');
  assert.ok(await page.isChecked('#cb-nation-england'));
  assert.equal(await page.inputValue('#cb-size'), '50-249');
  await assertAccessible(page, 'edit organisation');
  await page.check('#cb-nation-northern_ireland');
  await page.locator('form button[type=submit]').click();
  await page.waitForSelector('.cb-task-list');
  await page.waitForFunction(() => /"nation":"northern_ireland"/.test(localStorage.getItem('carer-benchmark:assessments')));
  await page.locator('.cb-header__home').click();
  await page.locator('.cb-card button:has-text("Duplicate")').click();
  await page.waitForSelector('.cb-card >> nth=1');
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Original Ltd', 'Original Ltd (copy)']);
  await page.locator('.cb-card').nth(1).locator('button:has-text("Rename")').click();
  await page.locator('.cb-card').nth(1).locator('input').fill('Second Ltd');
  await page.locator('.cb-card').nth(1).locator('button:has-text("Save name")').click();
  await page.locator('.cb-card').first().locator('button:has-text("Delete")').click();
  await assertAccessible(page, 'delete confirmation');
  await page.locator('.cb-confirm button:has-text("Yes, delete it")').click();
  await page.locator('.cb-card').nth(1).waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Second Ltd']);
  await page.reload();
  await page.waitForSelector('.cb-card');
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Second Ltd']);
  await assertClean(page);
  await context.close();
});

test('a malformed import gives a clear error and loses nothing; a good export re-imports', async () => {
  const { context, page } = await openApp(browser, server.url, { acceptDownloads: true });
  await createByKeyboard(page, 'Keep Me Ltd');
  await page.locator('.cb-header__home').click();
  await page.waitForSelector('.cb-header__saved:has-text("Saved at")');
  const before = await page.evaluate(() => localStorage.getItem('carer-benchmark:assessments'));

  const bad = JSON.stringify({ format: 'carer-benchmark-assessment', version: 1, organisation: { name: 'X', sector: 'private', size: '50-249', nation: 'atlantis' }, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', answers: { 'L1.1.a': { answer: 'maybe' } } });
  await page.setInputFiles('#cb-import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await page.waitForSelector('.cb-error-summary');
  const err = await page.locator('.cb-error-summary').innerText();
  assert.match(err, /The file bad\.json could not be imported/);
  assert.match(err, /\$\.organisation\.nation: "atlantis" is not one of the allowed values/);
  assert.match(err, /\$\.answers\["L1\.1\.a"\]\.answer: "maybe"/);
  assert.match(err, /Nothing was changed/);
  await assertAccessible(page, 'import error');
  await shot(page, 'import-error-desktop');
  await page.setInputFiles('#cb-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "carer-benchm') });
  await page.waitForSelector('.cb-error-summary:has-text("broken.json")');
  assert.match(await page.locator('.cb-error-summary').innerText(), /not valid JSON/);
  assert.equal(await page.evaluate(() => localStorage.getItem('carer-benchmark:assessments')), before, 'storage untouched');
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Keep Me Ltd']);

  // Export, then import the file back: a second copy appears.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.cb-card button:has-text("Export")').click()]);
  assert.match(download.suggestedFilename(), /^keep-me-ltd-carer-benchmark-\d{4}-\d{2}-\d{2}\.json$/);
  await page.setInputFiles('#cb-import', await download.path());
  await page.waitForSelector('.cb-success');
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Keep Me Ltd', 'Keep Me Ltd']);
  await assertClean(page);
  await context.close();
});

test('unreadable stored data is kept aside, not overwritten, and the user is told', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(server.url);
  await page.evaluate(() => localStorage.setItem('carer-benchmark:assessments', '{"schema": 1, "assess'));
  await page.reload();
  await page.waitForSelector('.cb-warning');
  assert.match(await page.locator('.cb-warning').innerText(), /could not be read .* It has not been deleted/s);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"schema": 1, "assess']);
  await assertAccessible(page, 'storage warning');
  await context.close();
});

test('every screen fits 320 px, 375 px and 200% zoom without sideways scrolling', async () => {
  const sizes = [['320px', { width: 320, height: 700 }, 1], ['375px', { width: 375, height: 812 }, 2], ['200% zoom', { width: 640, height: 450 }, 2]];
  for (const [label, viewport, scale] of sizes) {
    const mobile = label === '375px';
    const { context, page } = await openApp(browser, server.url, { viewport, deviceScaleFactor: scale });
    await assertNoHorizontalScroll(page, `start (${label})`);
    if (mobile) await shot(page, 'first-screen-mobile');
    await createByKeyboard(page, 'Small Screen Ltd');
    await assertNoHorizontalScroll(page, `task list (${label})`);
    if (mobile) await shot(page, 'task-list-mobile');
    await page.locator('.cb-task-criterion').first().click();
    await page.waitForSelector('fieldset.cb-indicator');
    await assertNoHorizontalScroll(page, `question (${label})`);
    if (mobile) await shot(page, 'question-mobile');
    await page.locator('text=Return to the task list').click();
    await page.locator('text=Check your answers: Level 1: Active').click();
    await page.waitForSelector('.cb-summary');
    await assertNoHorizontalScroll(page, `check answers (${label})`);
    if (mobile) await shot(page, 'check-answers-mobile');
    await page.locator('text=See your results').click();
    await page.waitForSelector('.cb-levels');
    await assertNoHorizontalScroll(page, `results (${label})`);
    if (mobile) await shot(page, 'results-mobile');
    await assertClean(page);
    await context.close();
  }
});

test('a policy breach in an imported file holds L1.2 back, and the results page says which rule', async () => {
  const { context, page } = await openApp(browser, server.url);
  const file = {
    format: 'carer-benchmark-assessment', version: 1,
    organisation: { name: 'Strict Ltd', sector: 'private', size: '50-249', nation: 'england' },
    created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z',
    answers: {},
    policies: { flexible_working: { service_weeks: 26 } },
  };
  await page.setInputFiles('#cb-import', { name: 'strict.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('text=See your results').click();
  await page.waitForSelector('.cb-levels');
  assert.match(await page.locator('.cb-warning').innerText(), /fall below the law today \(rules FW-GB-DAY-ONE\)/);
  await assertAccessible(page, 'results with a policy breach');
  await assertClean(page);
  await context.close();
});
