// Never lose your place, never lose a keystroke: the address follows the app (Back,
// Forward, reload, embeds that keep their own address), notes saved while typing,
// text limits at the field, a write the browser refuses, and storage that is blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, openApp, assertClean, assertAccessible, shot, h1, newOrganisation } from './harness.mjs';

let server, host, browser;
const pages = {};
before(async () => {
  server = await serve('dist', { cors: true });
  const W = server.url.replace(/\/$/, '');
  // The council's page on another site (localhost, where the tool is on 127.0.0.1).
  const csp = `default-src 'self'; script-src 'self' ${W} 'wasm-unsafe-eval'; style-src 'self' ${W}; connect-src 'self' ${W}; img-src 'self' ${W}; frame-src ${W}`;
  host = await serve('dist', { csp, pages });
  const page = (body) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Council</title><link rel="icon" href="/favicon.svg"></head>
    <body><main><h1>Supporting carers at work</h1><section id="section-2">${body}</section></main></body></html>`;
  pages['/council.html'] = page(`<div data-carer-benchmark data-storage-key="anytown"></div>
    <script type="module" src="${W}/boot.js"></script>`);
  pages['/two.html'] = page(`<div data-carer-benchmark data-storage-key="north"></div>
    <div data-carer-benchmark data-storage-key="south"></div>
    <script type="module" src="${W}/boot.js"></script>`);
  pages['/frame.html'] = page(`<iframe title="Carer-friendly employer benchmark" width="100%" height="900"
    src="${W}/index.html"></iframe>`);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await host?.close(); });

const param = (page, name = 'cb') => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

test('Back and Forward move between the tool\'s screens; a reload reopens the same one', async () => {
  const { context, page } = await openApp(browser, server.url);
  await newOrganisation(page);
  assert.match(await param(page), /^a[0-9a-f]+(-\d+)?:tasks$/);
  await page.locator('.cb-task-criterion').first().click();
  assert.match(await h1(page), /^L1\.1 /);
  await page.locator('button:has-text("Save and continue")').click();
  assert.match(await h1(page), /^L1\.2 /);
  assert.match(await param(page), /:question\/2$/);
  await page.locator('button:has-text("Return to the task list")').click();
  await page.locator('button:has-text("See your results")').first().click();
  await page.locator('.cb-chart').waitFor();
  const results = await h1(page);

  // Five screens back: task list, L1.2, L1.1, task list, the organisation form.
  const expected = [/Place Test Ltd/, /^L1\.2 /, /^L1\.1 /, /Place Test Ltd/, /About your organisation/, /Carer-friendly employer benchmark/];
  for (const want of expected) {
    await page.goBack();
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-standalone]')?.shadowRoot?.querySelector('h1')?.innerText ?? ''), want.source);
    assert.match(await h1(page), want);
  }
  assert.equal(await param(page), null, 'the start page has no parameter');
  for (const want of [/About your organisation/, /Place Test Ltd/, /^L1\.1 /]) {
    await page.goForward();
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-standalone]')?.shadowRoot?.querySelector('h1')?.innerText ?? ''), want.source);
  }
  // Reload on a question, on the results and on the plan: the same screen comes back.
  await page.reload();
  await page.locator('fieldset.cb-indicator').first().waitFor();
  assert.match(await h1(page), /^L1\.1 /);
  await page.goForward(); await page.goForward(); await page.goForward();
  await page.locator('.cb-chart').waitFor();
  await page.reload();
  await page.locator('.cb-chart').waitFor();
  assert.equal(await h1(page), results);
  await page.locator('button:has-text("Back to the task list")').first().click();
  await page.locator('text=Action plan and downloads').click();
  await page.locator('.cb-actions').waitFor();
  await page.reload();
  await page.locator('.cb-actions').waitFor();
  assert.equal(await h1(page), 'Your action plan');
  await assertClean(page);
  await context.close();
});

test('an address for an assessment that is not on this device opens the start page and says why', async () => {
  const { context, page } = await openApp(browser, `${server.url}?cb=a123:results`);
  assert.equal(await h1(page), 'Carer-friendly employer benchmark');
  assert.match(await page.locator('.cb-notice').innerText(), /not saved in this browser/);
  assert.equal(await param(page), null, 'the address no longer names it');
  await assertAccessible(page, 'start page with an address notice');
  await assertClean(page);
  await context.close();
});

test('embedded: the council page keeps its own path, query and hash; two embeds keep separate places', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${host.url}council.html?page=7&q=a+b&flag#section-2`);
  const app = page.locator('[data-carer-benchmark]');
  await newOrganisation(app);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/council.html');
  assert.equal(url.hash, '#section-2');
  assert.match(url.search, /^\?page=7&q=a\+b&flag&cb-anytown=a[0-9a-f-]+:tasks$/);
  await page.reload();
  await app.locator('.cb-task-list').waitFor();
  await page.goBack();
  await app.locator('#cb-org-name').waitFor();
  assert.equal(new URL(page.url()).search, '?page=7&q=a+b&flag&cb-anytown=new');

  await page.goto(`${host.url}two.html`);
  const [north, south] = [page.locator('[data-carer-benchmark]').nth(0), page.locator('[data-carer-benchmark]').nth(1)];
  await north.locator('.cb-button--start').click();
  await north.locator('#cb-org-name').waitFor();
  await south.locator('button:has-text("Open the workshop facilitator\'s view")').click();
  await south.locator('#cb-ws-title').waitFor();
  assert.equal(new URL(page.url()).search, '?cb-north=new&cb-south=workshop');
  await page.reload();
  await north.locator('#cb-org-name').waitFor();
  await south.locator('#cb-ws-title').waitFor();
  await assertClean(page);
  await context.close();
});

test('a note is kept when the page is reloaded while typing; the field holds 5,000 characters', async () => {
  const { context, page } = await openApp(browser, server.url);
  await newOrganisation(page);
  await page.locator('.cb-task-criterion').first().click();
  await page.locator('input[type=radio][id$="-yes"]').first().check();
  const note = page.locator('textarea.cb-textarea').first();
  await note.click();
  await page.keyboard.type('Leave Policy v3 (April 2024), section 5');
  await page.reload(); // straight away, still in the field
  await page.locator('textarea.cb-textarea').first().waitFor();
  assert.equal(await page.locator('textarea.cb-textarea').first().inputValue(), 'Leave Policy v3 (April 2024), section 5');

  await page.locator('textarea.cb-textarea').first().fill('x'.repeat(4600));
  assert.match(await page.locator('.cb-count').first().innerText(), /You have 400 characters left/);
  await page.locator('textarea.cb-textarea').first().fill('');
  await page.locator('textarea.cb-textarea').first().click();
  await page.keyboard.insertText('y'.repeat(5001));
  assert.equal((await page.locator('textarea.cb-textarea').first().inputValue()).length, 5000, 'the field refuses the 5,001st character');
  assert.match(await page.locator('.cb-count').first().innerText(), /reached the limit of 5000 characters/);
  await assertAccessible(page, 'a question with a full note');
  await assertClean(page);
  await context.close();
});

test('a write the browser refuses is said in the header, with a backup to download', async () => {
  const { context, page } = await openApp(browser, server.url);
  await newOrganisation(page, 'Full Storage Ltd');
  await page.waitForFunction(() => /Saved at/.test(document.querySelector('[data-standalone]').shadowRoot.querySelector('.cb-header__saved').innerText));
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.locator('.cb-task-criterion').first().click();
  await page.locator('input[type=radio][id$="-yes"]').first().check();
  const header = page.locator('.cb-header__saved');
  await header.locator('text=Not saved').waitFor();
  assert.match(await header.innerText(), /did not let the tool store your latest change/);
  const [download] = await Promise.all([page.waitForEvent('download'), header.locator('button:has-text("Download a backup now")').click()]);
  assert.match(download.suggestedFilename(), /^full-storage-ltd.*\.json$/i);
  const saved = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  assert.equal(saved.organisation.name, 'Full Storage Ltd');
  assert.ok(Object.values(saved.answers).some((a) => a.answer === 'yes'), 'the backup has the change storage refused');
  await shot(page, 'save-failed');
  await assertAccessible(page, 'question page after a failed save');
  await context.close();
});

/** Makes `window.localStorage` throw, as a browser that blocks storage does. */
const blockStorage = () => {
  Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });
};

test('storage blocked: the tool starts, says nothing will be kept, and works in memory (also in a cross-site frame)', async () => {
  const context = await browser.newContext();
  await context.addInitScript(blockStorage);
  const page = await watchedPage(context);
  await page.goto(server.url);
  await page.locator('.cb-button--start').waitFor();
  assert.match(await page.locator('.cb-warning').innerText(), /not letting the tool keep anything/);
  await newOrganisation(page, 'No Storage Ltd');
  await page.locator('.cb-task-criterion').first().click();
  await page.locator('input[type=radio][id$="-yes"]').first().check();
  await page.locator('.cb-header__saved', { hasText: 'Not saved' }).waitFor();
  await assertAccessible(page, 'question page without storage');
  await shot(page, 'no-storage');
  await assertClean(page);

  // The same tool in a frame on another site (localhost hosting 127.0.0.1).
  const framed = await watchedPage(context);
  await framed.goto(`${host.url.replace('127.0.0.1', 'localhost')}frame.html`);
  const frame = framed.frameLocator('iframe');
  await frame.locator('.cb-button--start').waitFor();
  assert.match(await frame.locator('.cb-warning').innerText(), /not letting the tool keep anything/);
  await newOrganisation(frame, 'Framed Ltd');
  assert.equal(await frame.locator('h1').innerText(), 'Framed Ltd');
  await assertClean(framed);
  await context.close();
});

test('"Change" on check your answers goes to that question, focused and in view', async () => {
  const { context, page } = await openApp(browser, server.url);
  await newOrganisation(page);
  const id = (await param(page)).split(':')[0];
  await page.goto(`${server.url}?cb=${id}:check/1`);
  await page.locator('.cb-summary').first().waitFor();
  const changes = page.locator('.cb-summary__actions button');
  const label = await changes.nth(2).innerText();
  await changes.nth(2).click();
  await page.locator('fieldset.cb-indicator').first().waitFor();
  await page.waitForFunction(() => window.__deepActive()?.tagName === 'FIELDSET');
  const active = await page.evaluate(() => {
    const el = window.__deepActive();
    const box = el.getBoundingClientRect();
    return { id: el.id, legend: el.querySelector('legend').innerText, inView: box.top > -1 && box.top < innerHeight };
  });
  assert.equal(active.id, 'cb-indicator-L1-1-c');
  assert.ok(label.includes(active.legend), `"${label}" names the question focused, "${active.legend}"`);
  assert.ok(active.inView, 'the question is scrolled into view');
  await assertClean(page);
  await context.close();
});

test('two tabs on one assessment: both tabs\' answers kept, a deletion stays, both new assessments kept, a replaced answer said', async () => {
  const context = await browser.newContext();
  const a = await watchedPage(context);
  await a.goto(server.url);
  await newOrganisation(a, 'Two Tabs Ltd');
  const saved = (p) => p.waitForFunction(() => /Saved at/.test(document.querySelector('[data-standalone]').shadowRoot.querySelector('.cb-header__saved').innerText));
  await saved(a);
  const id = (await param(a)).split(':')[0];
  const b = await watchedPage(context);
  await b.goto(`${server.url}?cb=${id}:question/1`);
  await a.goto(`${server.url}?cb=${id}:question/1`);
  for (const p of [a, b]) await p.locator('fieldset.cb-indicator').first().waitFor();

  // Tab A: L1.1.a Yes with a note. Tab B, which has not reloaded: L1.1.b No.
  await a.locator('#cb-answer-L1-1-a-yes').check();
  await a.locator('#cb-evidence-L1-1-a').fill('Leave Policy v3 (April 2024), section 5');
  await saved(a);
  await b.locator('#cb-answer-L1-1-b-no').check();
  await saved(b);
  // B took in A's answer when A stored it, and both are in storage.
  assert.ok(await b.locator('#cb-answer-L1-1-a-yes').isChecked(), 'tab B shows tab A\'s answer');
  await a.reload();
  await a.locator('fieldset.cb-indicator').first().waitFor();
  assert.ok(await a.locator('#cb-answer-L1-1-a-yes').isChecked());
  assert.equal(await a.locator('#cb-evidence-L1-1-a').inputValue(), 'Leave Policy v3 (April 2024), section 5');
  assert.ok(await a.locator('#cb-answer-L1-1-b-no').isChecked(), 'tab B\'s answer survived');

  // The same answer in both: A first, then B; A is told its answer was replaced.
  await a.locator('#cb-answer-L1-1-c-partly').check();
  await saved(a);
  await b.waitForTimeout(50);
  await b.locator('#cb-answer-L1-1-c-yes').check();
  await a.locator('.cb-notice').waitFor();
  assert.match(await a.locator('.cb-notice').innerText(), /changed in another tab.*your answer to L1\.1\.c for Two Tabs Ltd/s);
  assert.ok(await a.locator('#cb-answer-L1-1-c-yes').isChecked(), 'the later answer wins in tab A too');
  await assertAccessible(a, 'question page with a notice from another tab');

  // Both tabs create an assessment: both are kept.
  for (const [p, name] of [[a, 'Tab A Ltd'], [b, 'Tab B Ltd']]) {
    await p.goto(server.url);
    await newOrganisation(p, name);
    await saved(p);
  }
  await a.goto(server.url);
  await a.locator('.cb-card__title').first().waitFor();
  assert.deepEqual((await a.locator('.cb-card__title').allInnerTexts()).sort(), ['Tab A Ltd', 'Tab B Ltd', 'Two Tabs Ltd']);

  // A deletes Two Tabs Ltd while B has it open and edits it: it stays deleted.
  await b.goto(`${server.url}?cb=${id}:question/1`);
  await b.locator('fieldset.cb-indicator').first().waitFor();
  const card = a.locator('.cb-card', { hasText: 'Two Tabs Ltd' });
  await card.locator('button.cb-button--warning').first().click();
  await card.locator('.cb-confirm button.cb-button--warning').click();
  await a.locator('.cb-card', { hasText: 'Two Tabs Ltd' }).waitFor({ state: 'detached' });
  await saved(a);
  await b.locator('#cb-answer-L1-2-a-yes').check().catch(() => {}); // B may already be back on the start page
  await b.waitForTimeout(600);
  await a.reload();
  await a.locator('.cb-card__title').first().waitFor();
  assert.deepEqual((await a.locator('.cb-card__title').allInnerTexts()).sort(), ['Tab A Ltd', 'Tab B Ltd']);
  for (const p of [a, b]) await assertClean(p);
  await context.close();
});

// Forms with their own Save and Cancel (an action's edit page, a passport step) hold
// their changes until Save; until then they are kept for the tab, so a reload brings
// them back, and Cancel lets them go.
test('unsaved text in an action and a passport step survives a reload; Cancel lets it go', async () => {
  const { context, page } = await openApp(browser, server.url);
  await newOrganisation(page, 'Forms Ltd');
  await page.locator('text=Action plan and downloads').click();
  await page.locator('.cb-action button:has-text("Change")').first().click();
  await page.locator('#cb-action-notes').fill('Ask the union rep before the March meeting');
  await page.locator('#cb-action-owner').fill('Priya (HR)');
  await page.reload();
  await page.locator('#cb-action-notes').waitFor();
  assert.equal(await page.locator('#cb-action-notes').inputValue(), 'Ask the union rep before the March meeting');
  assert.equal(await page.locator('#cb-action-owner').inputValue(), 'Priya (HR)');
  await page.locator('button:has-text("Cancel")').click();
  await page.locator('.cb-action button:has-text("Change")').first().click();
  assert.equal(await page.locator('#cb-action-notes').inputValue(), '', 'Cancel let the draft go');

  await page.locator('button:has-text("Back to the action plan")').click();
  await page.locator('.cb-back').first().click();
  await page.locator('.cb-task-list').waitFor();
  await page.locator('text=Carer passport scheme').click();
  await page.locator('button:has-text("Its name, and who can have one")').click();
  await page.locator('#passport-eligibility-note').fill('Agency staff too, from their first week');
  await page.reload();
  await page.locator('#passport-eligibility-note').waitFor();
  assert.equal(await page.locator('#passport-eligibility-note').inputValue(), 'Agency staff too, from their first week');
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => /Agency staff too, from their first week/.test(localStorage.getItem('carer-benchmark:assessments') || ''));
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => /:draft:/.test(k))), [], 'no draft left once saved or cancelled');
  await assertClean(page);
  await context.close();
});
