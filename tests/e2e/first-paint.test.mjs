// Issue 14, "Something on screen at once": index.html carries a static copy of the top of
// the start page (heading, summary, the 1-in-7 figure, the independence notice), painted
// before the wasm arrives. The app replaces it when it mounts, and nothing may move.
// Here the wasm is held back, the copy is checked, then the wasm is let through and the
// app's start page is compared with the copy: the layout shifts the browser reports, the
// boxes of the same elements, and the pixels of the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { serve, launch, watchedPage, assertClean, assertAccessible, shot } from './harness.mjs';
import { builtPageCsp } from '../../scripts/csp.mjs';

let server, browser;
// The page in an iframe, for the test that it is left to the app there.
const pages = { '/framed.html': '<!doctype html><html lang="en-GB"><title>Framed</title><iframe title="The tool" src="/index.html" width="800" height="600"></iframe></html>' };
// Classic scrollbars, as desktop Windows and Linux show them (headless hides them by
// default): the app's start page is taller than the static copy, so a scrollbar that
// appeared only with the app would narrow the page and move everything.
before(async () => { server = await serve('dist', { pages }); browser = await launch({ scrollbars: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const ENGLISH = {
  heading: 'Carer-friendly employer benchmark',
  summary: /^Find out how well your organisation supports staff who are also unpaid carers/,
  statistic: /^Around 1 in 7 of the workforce are juggling work and unpaid care\. Source: Carers UK/,
  notice: /^This is not the official Carer Confident scheme\s+This is an independent tool that helps you prepare\./,
};

/** A page whose .wasm requests wait until `release()` is called. */
async function heldBack(contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await watchedPage(context);
  let release;
  const released = new Promise((ok) => { release = ok; });
  const held = [];
  await page.route('**/*.wasm', async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  // Every layout shift from the first frame on, whatever caused it.
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({ value: e.value, recent: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { context, page, release, held };
}

/** Waits until two more frames have been drawn. */
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

const mounted = (page) => page.evaluate(() => document.getElementById('carer-benchmark').shadowRoot !== null);

/**
 * The start page's parts, from the static copy (light DOM) or from the app (its shadow
 * root): each one's box and text. Boxes in CSS pixels, relative to the page.
 */
function parts(page) {
  return page.evaluate(() => {
    const container = document.getElementById('carer-benchmark');
    const root = container.shadowRoot || container;
    const get = (selector) => {
      const el = root.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height, text: el.innerText.trim() };
    };
    return {
      header: get('.cb-header'), name: get('.cb-header__home'),
      heading: get('.cb-main h1'), summary: get('.cb-lead'), statistic: get('.cb-stat'),
      notice: get('.cb-inset'), noticeTitle: get('.cb-inset__title'), noticeText: get('.cb-inset p'),
    };
  });
}

/**
 * Saves what is on screen (not the whole page) under screenshots/ when SCREENSHOTS=1.
 * The harness's `shot` takes the whole page, which resizes the viewport for a moment:
 * a layout shift of its own, so it is taken only after the shifts have been read.
 */
async function screenShot(page, name) {
  if (!process.env.SCREENSHOTS) return;
  await mkdir('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png` });
}

/** The top of the screen down to just below the independence notice, as wide as the
 *  header (the page, without the scrollbar or the room kept for it). */
async function topOfScreen(page, { header, notice }) {
  const height = await page.evaluate(() => innerHeight);
  return page.screenshot({ clip: { x: 0, y: 0, width: header.width, height: Math.min(height, Math.ceil(notice.y + notice.height) + 8) } });
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]]) {
  test(`${name}: the start page is on screen before the wasm arrives, and the app takes it over without a shift`, async () => {
    const { context, page, release, held } = await heldBack({ viewport });
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });

    // Before the wasm: the static copy, painted, readable, accessible.
    await page.locator('.cb-first-paint h1').waitFor();
    for (const selector of ['h1', '.cb-lead', '.cb-stat', '.cb-inset']) {
      assert.ok(await page.locator(`.cb-first-paint ${selector}`).isVisible(), `${selector} is visible before the wasm`);
    }
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    assert.ok(held.some((u) => u.endsWith('/app_bg.wasm')), 'the main module was asked for and is being held');
    assert.equal(await mounted(page), false, 'the app has not started');
    const before = await parts(page);
    assert.equal(before.heading.text, ENGLISH.heading);
    assert.equal(before.name.text, ENGLISH.heading);
    assert.match(before.summary.text, ENGLISH.summary);
    assert.match(before.statistic.text, ENGLISH.statistic);
    assert.match(before.notice.text, ENGLISH.notice);
    assert.ok(before.notice.y < viewport.height, 'the notice starts on the first screen');
    assert.equal(await page.locator('noscript').isVisible(), false, 'with JavaScript on, the no-script message is not shown');
    await assertAccessible(page, `static start page (${name})`);
    const staticPixels = await topOfScreen(page, before);
    await screenShot(page, `first-paint-static-${name}`);

    // The wasm arrives; the app replaces the copy.
    release();
    await page.locator('.cb-button--start').waitFor();
    await frames(page);
    assert.equal(await mounted(page), true);
    assert.equal(await page.locator('.cb-first-paint').count(), 0, 'the static copy is gone');
    assert.equal(await page.locator('h1').count(), 1, 'one heading');
    assert.equal(await page.locator('[role=main], main').count(), 1, 'one main landmark');
    assert.equal(await page.locator('header').count(), 1, 'one header');

    // Nothing moved: no shift reported, the same boxes and text, the same pixels.
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts.reduce((sum, s) => sum + s.value, 0), 0, `layout shifts: ${JSON.stringify(shifts)}`);
    const after = await parts(page);
    assert.deepEqual(after, before, 'the app draws the start page where the static copy was');
    const appPixels = await topOfScreen(page, after);
    if (!appPixels.equals(staticPixels)) {
      await mkdir('test-results', { recursive: true });
      await writeFile(`test-results/first-paint-static-${name}.png`, staticPixels);
      await writeFile(`test-results/first-paint-app-${name}.png`, appPixels);
    }
    assert.ok(appPixels.equals(staticPixels),
      `the top of the screen looks different once the app has started: compare test-results/first-paint-{static,app}-${name}.png`);
    await screenShot(page, `first-paint-app-${name}`);
    await shot(page, `first-paint-app-${name}-whole-page`);

    await assertAccessible(page, `start page after the app took over (${name})`);
    await assertClean(page);
    await context.close();
  });
}

test('with JavaScript off, the static start page says the tool needs JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal((await page.locator('h1').innerText()).trim(), ENGLISH.heading);
  const message = page.locator('.cb-main .cb-warning');
  assert.ok(await message.isVisible(), 'the no-script message is shown');
  assert.match(await message.innerText(), /needs JavaScript and WebAssembly, which your browser has turned off/);
  assert.ok(await page.locator('.cb-inset').isVisible(), 'and the independence notice');
  await shot(page, 'first-paint-no-javascript-phone');
  await context.close();
});

// An address can set the header (org-name, logo), the colours (accent) and the language
// (lang), as an iframe embed's does: the English copy with the standalone header would be
// wrong there, so first-paint.js hides it and the app draws the page. Settings that do not
// change the top of the start page leave it.
for (const [query, shown] of [
  ['?lang=cy', false],
  ['?org-name=Anytown%20Council', false],
  ['?logo=%2Fdemo%2Fanytown-logo.svg', false],
  ['?accent=%236f2c91', false],
  ['?cb=a-1:results', false],
  ['?nation=wales&storage-key=anytown&lang=en', true],
]) {
  test(`${query}: the static start page is ${shown ? 'shown' : 'not shown'} before the wasm arrives`, async () => {
    const { context, page, release } = await heldBack({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}index.html${query}`, { waitUntil: 'domcontentloaded' });
    await frames(page);
    assert.equal(await mounted(page), false, 'the app has not started');
    assert.equal(await page.locator('.cb-first-paint').isVisible(), shown);
    if (!shown) assert.equal(await page.locator('h1').isVisible(), false, 'nothing in English is on screen');
    release();
    await page.locator('.cb-button--start').waitFor();
    assert.equal(await page.locator('.cb-first-paint').count(), 0);
    assert.equal(await page.locator('h1').count(), 1);
    if (query.includes('lang=cy')) assert.equal(await page.locator('.cb-app').getAttribute('lang'), 'cy');
    if (query.includes('org-name')) assert.equal((await page.locator('.cb-header__host').innerText()).trim(), 'Anytown Council');
    await assertClean(page);
    await context.close();
  });
}

// The page's inline script runs under the strict CSP only by its hash; hosts copy the
// header from the README, so it must be this build's.
test("the README gives hosts this build's Content-Security-Policy", async () => {
  const readme = await readFile('README.md', 'utf8');
  assert.ok(readme.includes(`\`${builtPageCsp('dist')}\``),
    `README's "Hosting and Content-Security-Policy" should say: ${builtPageCsp('dist')}`);
});

test('in an iframe, the page is left to the app, as before: no static copy', async () => {
  const { context, page, release } = await heldBack({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}framed.html`, { waitUntil: 'domcontentloaded' });
  const frame = page.frameLocator('iframe');
  await frame.locator('#carer-benchmark').waitFor({ state: 'attached' });
  await frames(page);
  assert.equal(await frame.locator('.cb-first-paint').count(), 1, 'the copy is in the page');
  assert.equal(await frame.locator('.cb-first-paint').isVisible(), false, 'but not shown');
  release();
  await frame.locator('.cb-button--start').waitFor();
  assert.equal(await frame.locator('.cb-first-paint').count(), 0);
  await context.close();
});
