// Issue 15: hostile pages and files. A council's page that someone else can write into:
// markup let through by a page's HTML sanitiser (data-* attributes) and the page's own
// address must not steer the app (where its files come from, its header, links or
// storage), and the page's CSS on the container element must not reach the app's text.
// A huge file is refused by its size, before it is read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, assertClean, shot, origins, newOrganisation } from './harness.mjs';

let widget, other, council, browser;
const pages = {};
before(async () => {
  widget = await serve('dist', { cors: true });
  other = await serve('dist', { cors: true });
  const W = widget.url.replace(/\/$/, '');
  const O = other.url.replace(/\/$/, '');
  // No CSP at all on the council's page: nothing but the app itself stops a file from
  // another origin being used.
  council = await serve('dist', { csp: null, pages });
  const page = (body) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Council</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg"></head>
    <body><main><h1>Supporting carers at work</h1>${body}</main></body></html>`;
  pages['/asset-base.html'] = page(`<div data-carer-benchmark data-asset-base="${O}/"></div>
    <script type="module" src="${W}/boot.js"></script>`);
  pages['/bare.html'] = page(`<div id="carer-benchmark"></div><script type="module" src="${W}/boot.js"></script>`);
  pages['/standalone-elsewhere.html'] = page(`<div id="carer-benchmark" data-standalone></div><script type="module" src="${W}/boot.js"></script>`);
  pages['/styled.html'] = page(`<div id="carer-benchmark" style="letter-spacing: 12px; word-spacing: 30px; text-transform: uppercase;
      direction: rtl; white-space: pre; text-align: right; text-indent: 80px; font-style: italic; font-weight: 900;
      line-height: 4; visibility: visible; font-variant: small-caps; writing-mode: horizontal-tb"></div>
    <script type="module" src="${W}/boot.js"></script>`);
  browser = await launch();
});
after(async () => { await browser?.close(); await widget?.close(); await other?.close(); await council?.close(); });

function warnings(page) {
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'warning') seen.push(m.text()); });
  return seen;
}

test('data-asset-base naming another origin is ignored: no request goes there, even on results', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  const seen = origins(page);
  const warned = warnings(page);
  await page.goto(`${council.url}asset-base.html`);
  await page.locator('.cb-button--start').waitFor();
  await newOrganisation(page, 'Asset Base Ltd');
  await page.locator('button:has-text("See your results")').first().click();
  await page.locator('.cb-chart').waitFor();
  assert.ok(!seen.has(other.url.replace(/\/$/, '')), `nothing was fetched from the other origin: ${[...seen].join(', ')}`);
  assert.ok(seen.has(widget.url.replace(/\/$/, '')), 'the app came from where boot.js was loaded');
  assert.ok(warned.some((w) => /data-asset-base is ignored/.test(w)), warned.join('\n'));
  await assertClean(page);
  await context.close();
});

test("a bare container takes nothing from the host page's address: no header, links or storage key", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(`${council.url}bare.html`);
  await page.locator('.cb-button--start').waitFor();
  await newOrganisation(page, 'Real Work Ltd');
  await page.waitForFunction(() => /Real Work Ltd/.test(localStorage.getItem('carer-benchmark:assessments') || ''));

  await page.goto(`${council.url}bare.html?org-name=Evil%20Corp&link=Pay%20the%20fee|https://evil.example/pay`
    + '&storage-key=attacker&accent=%23000000&lang=cy');
  await page.locator('.cb-button--start').waitFor();
  assert.equal(await page.locator('.cb-header__host').count(), 0, 'no organisation name in the header');
  assert.equal(await page.locator('.cb-app').getAttribute('lang'), 'en-GB');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('.cb-task-list').waitFor();
  assert.match(await page.locator('.cb-app h1').innerText(), /Real Work Ltd/, 'the saved work is where it was');
  await page.locator('button:has-text("See your results")').first().click();
  await page.locator('.cb-chart').waitFor();
  assert.equal(await page.locator('a[href*="evil.example"]').count(), 0, 'no link from the address');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /attacker/.test(k))), []);
  await assertClean(page);
  await context.close();
});

test('data-standalone on a page outside the app\'s folder does not open the address to settings', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  const warned = warnings(page);
  await page.goto(`${council.url}standalone-elsewhere.html?org-name=Evil%20Corp`);
  await page.locator('.cb-button--start').waitFor();
  assert.equal(await page.locator('.cb-header__host').count(), 0);
  assert.ok(warned.some((w) => /data-standalone is ignored/.test(w)), warned.join('\n'));
  await context.close();
});

test("CSS on the container element does not reach the app's text", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(`${council.url}styled.html`);
  await page.locator('.cb-button--start').waitFor();
  const style = await page.locator('.cb-lead').evaluate((el) => {
    const s = getComputedStyle(el);
    return { letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing, textTransform: s.textTransform,
      direction: s.direction, whiteSpace: s.whiteSpace, textAlign: s.textAlign, textIndent: s.textIndent,
      fontStyle: s.fontStyle, fontVariant: s.fontVariant, fontWeight: s.fontWeight };
  });
  assert.deepEqual(style, { letterSpacing: 'normal', wordSpacing: '0px', textTransform: 'none', direction: 'ltr',
    whiteSpace: 'normal', textAlign: 'left', textIndent: '0px', fontStyle: 'normal', fontVariant: 'normal', fontWeight: '400' });
  const lineHeight = await page.locator('.cb-lead').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
  assert.ok(lineHeight < 2, `line height ${lineHeight} is the app's, not the host's 4`);
  await shot(page, 'hostile-styled-container');
  await assertClean(page);
  await context.close();
});

/** Chooses a file of `size` zero bytes in the file input `selector`, made in the page
 *  (100 MB never crosses the test's connection to the browser); returns when chosen. */
async function chooseHugeFile(page, selector, name, size) {
  await page.locator(selector).evaluate((input, { name, size }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(size)], name, { type: 'application/json' }));
    input.files = transfer.files;
    window.__chosenAt = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { name, size });
}

/** Milliseconds from choosing the file until `pattern` is in the app's text. */
async function msUntilText(page, pattern) {
  const handle = await page.waitForFunction((source) => {
    const root = document.querySelector('#carer-benchmark, [data-carer-benchmark]')?.shadowRoot;
    return new RegExp(source).test(root?.textContent ?? '') && performance.now() - window.__chosenAt;
  }, pattern.source, { polling: 5 });
  return handle.jsonValue();
}

test('a 100 MB file is refused by its size, at once, on the start page and in the workshop', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(widget.url);
  await page.locator('.cb-button--start').waitFor();
  await chooseHugeFile(page, '#cb-import', 'huge.json', 100 * 1024 * 1024);
  const ms = await msUntilText(page, /huge\.json[\s\S]*102400 KB/);
  assert.ok(ms < 200, `refused in ${Math.round(ms)} ms`);
  assert.match(await page.locator('.cb-error-summary').innerText(), /the largest accepted is 1024 KB/);

  await page.locator('button:has-text("Open the workshop facilitator\'s view")').click();
  await page.locator('#cb-ws-title').fill('Size test');
  await page.locator('#cb-ws-date').fill('2026-12-01');
  await page.locator('form button[type=submit]').click();
  await page.locator('.cb-summary').waitFor();
  await page.locator('button:has-text("Collect participants\' codes")').click();
  await page.locator('#cb-ws-files').waitFor({ state: 'attached' });
  await chooseHugeFile(page, '#cb-ws-files', 'huge-shares.txt', 100 * 1024 * 1024);
  const inWorkshop = await msUntilText(page, /huge-shares\.txt[\s\S]*102400 KB/);
  assert.ok(inWorkshop < 200, `refused in ${Math.round(inWorkshop)} ms`);
  await assertClean(page);
  await context.close();
});

test('two stored assessments under one ID are both kept, the user is told, and deleting one leaves the other', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(widget.url);
  await page.locator('.cb-button--start').waitFor();
  await newOrganisation(page, 'First Ltd');
  await page.waitForFunction(() => /First Ltd/.test(localStorage.getItem('carer-benchmark:assessments') || ''));
  // Crafted storage: a second assessment under the first one's ID.
  await page.evaluate(() => {
    const key = 'carer-benchmark:assessments';
    const stored = JSON.parse(localStorage.getItem(key));
    const copy = structuredClone(stored.assessments[0]);
    copy.assessment.organisation.name = 'Second Ltd';
    stored.assessments.push(copy);
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await page.goto(widget.url);
  await page.locator('.cb-button--start').waitFor();
  assert.match(await page.locator('.cb-notice').innerText(), /1 saved assessments had the same ID as another one[\s\S]*nothing was removed/);
  assert.equal(await page.locator('.cb-card').count(), 2);
  await page.locator('.cb-card:has-text("First Ltd") button:has-text("Delete")').click();
  await page.locator('.cb-card:has-text("First Ltd") button:has-text("Yes, delete it")').click();
  await page.waitForFunction(() => !/First Ltd/.test(localStorage.getItem('carer-benchmark:assessments') || ''));
  assert.deepEqual(await page.locator('.cb-card__title').allInnerTexts(), ['Second Ltd']);
  await assertClean(page);
  await context.close();
});

test('a plan cannot start in the year 9999: the date field keeps to 2000-2100 and says so', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(widget.url);
  await page.locator('.cb-button--start').waitFor();
  await newOrganisation(page, 'Dates Ltd');
  await page.waitForFunction(() => /Dates Ltd/.test(localStorage.getItem('carer-benchmark:assessments') || ''));
  await page.locator('text=Action plan and downloads').click();
  const start = page.locator('#cb-plan-start');
  await start.waitFor();
  assert.deepEqual([await start.getAttribute('min'), await start.getAttribute('max')], ['2000-01-01', '2100-12-31']);
  const before = await start.inputValue();
  await start.fill('9999-12-31');
  await start.dispatchEvent('change');
  assert.match(await page.locator('#cb-plan-start-error').innerText(), /between 1 January 2000 and 31 December 2100/);
  // Past the pause after which a change would have been saved (300 ms).
  await page.waitForTimeout(700);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('carer-benchmark:assessments')), /9999/);
  assert.notEqual(before, '');
  await assertClean(page);
  await context.close();
});
