// Embedding on a council's site: the widget's files on one origin, the council's page on
// another, under a CSP that allows only the widget's origin. Script embed (shadow DOM)
// and iframe embed (postMessage resizing), branding, signposting and isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, assertClean, assertAccessible, shot, origins } from './harness.mjs';

let widget, council, browser;
const pages = {};
before(async () => {
  widget = await serve('dist', { cors: true });
  const W = widget.url.replace(/\/$/, '');
  const csp = `default-src 'self'; script-src 'self' ${W} 'wasm-unsafe-eval'; style-src 'self' ${W}; connect-src 'self' ${W}; img-src 'self' ${W}; frame-src ${W}`;
  council = await serve('dist', { csp, pages });
  const C = council.url.replace(/\/$/, '');
  const page = (body) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Council</title>
    <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/demo/council.css"><link rel="icon" href="/favicon.svg"></head>
    <body><main class="council-main"><h1>Supporting carers at work</h1><button class="cb-button" id="council-button" type="button">Council button</button>${body}</main></body></html>`;
  pages['/council.html'] = page(`
    <div id="carer-benchmark" data-org-name="Anytown Council" data-logo="/demo/anytown-logo.svg" data-accent="#6f2c91"
         data-nation="wales" data-storage-key="anytown">
      <a href="https://www.example.org/anytown-carers-centre">Anytown Carers Centre</a>
      <a href="http://insecure.example.org/">Insecure link (refused)</a>
    </div>
    <script type="module" src="${W}/boot.js"></script>`);
  pages['/two.html'] = page(`
    <div data-carer-benchmark data-storage-key="north"></div>
    <div data-carer-benchmark data-storage-key="south"></div>
    <script type="module" src="${W}/boot.js"></script>`);
  pages['/frame.html'] = page(`
    <iframe data-carer-benchmark-frame title="Carer-friendly employer benchmark" width="100%" height="150"
      src="${W}/index.html?org-name=Anytown%20Council&parent-origin=${encodeURIComponent(C)}&link=Anytown%20Carers%20Centre|https://www.example.org/c"></iframe>
    <script src="${W}/embed-frame.js"></script>`);
  browser = await launch();
});
after(async () => { await browser?.close(); await widget?.close(); await council?.close(); });

const style = (page, selector, prop) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], prop);

test('script embed on another origin: branded, isolated both ways, signposting shown, only two origins', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  const seen = origins(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${council.url}council.html`);
  await page.locator('.cb-button--start').waitFor();

  // Branding from the attributes.
  assert.equal((await page.locator('.cb-header__host').innerText()).trim(), 'Anytown Council');
  assert.match(await page.locator('.cb-header__logo').getAttribute('src'), /anytown-logo\.svg$/);
  assert.equal(await style(page, '.cb-button--start', 'backgroundColor'), 'rgb(111, 44, 145)', 'accent colour applied');
  assert.ok(warnings.some((w) => /Insecure link \(refused\).*not an https:\/\/ address/.test(w)), warnings.join('\n'));

  // The council's styles do not reach in...
  assert.doesNotMatch(await style(page, '.cb-button--start', 'fontFamily'), /Georgia/);
  assert.equal(await style(page, '.cb-button--start', 'borderTopStyle'), 'solid');
  assert.equal(await style(page, '.cb-app h1', 'textTransform'), 'none');
  // ...and the app's do not reach out.
  assert.equal(await style(page, '#council-button', 'backgroundColor'), 'rgb(255, 105, 180)');
  assert.match(await style(page, 'body', 'fontFamily'), /Georgia/);
  assert.equal(await style(page, 'body', 'marginTop'), '0px');

  await assertAccessible(page, 'embedded start page', '#carer-benchmark');
  await shot(page, 'embed-council-desktop');

  // A short journey inside the embed: the nation comes preselected from the embed.
  await page.locator('.cb-button--start').click();
  assert.ok(await page.locator('#cb-nation-wales').isChecked(), 'data-nation preselects Wales');
  await page.fill('#cb-org-name', 'Anytown Bakery');
  await page.check('#cb-sector-private');
  await page.selectOption('#cb-size', '10-49');
  await page.locator('form button[type=submit]').click();
  await page.locator('.cb-task-criterion').first().click();
  await page.check('#cb-answer-L1-1-a-yes');
  await page.locator('text=Return to the task list').click();
  await page.locator('text=See your results').click();
  await page.locator('text=Support near you').waitFor();
  const links = await page.locator('.cb-signposts a').evaluateAll((as) => as.map((a) => [a.textContent, a.href]));
  assert.deepEqual(links, [['Anytown Carers Centre', 'https://www.example.org/anytown-carers-centre']]);
  await assertAccessible(page, 'embedded results', '#carer-benchmark');
  await shot(page, 'embed-results-desktop');

  // Saved under the embed's own namespaced key, on the council's origin.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['carer-benchmark-anytown:assessments']);
  assert.deepEqual([...seen].sort(), [council.url.replace(/\/$/, ''), widget.url.replace(/\/$/, '')].sort(), 'no request leaves the two origins');
  await assertClean(page);
  await context.close();
});

test('two embeds on one page keep their data apart', async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${council.url}two.html`);
  const [north, south] = [page.locator('[data-carer-benchmark]').nth(0), page.locator('[data-carer-benchmark]').nth(1)];
  await north.locator('.cb-button--start').click();
  await north.locator('#cb-org-name').fill('North Ltd');
  await north.locator('#cb-sector-public').check();
  await north.locator('#cb-size').selectOption('1000+');
  await north.locator('#cb-nation-scotland').check();
  await north.locator('form button[type=submit]').click();
  await north.locator('.cb-task-list').waitFor();
  assert.equal(await south.locator('h1').innerText(), 'Carer-friendly employer benchmark', 'the other embed did not move');
  await page.reload();
  // Each embed reopens its own place: North its task list, South the start page.
  await north.locator('.cb-task-list').waitFor();
  assert.equal(await north.locator('h1').innerText(), 'North Ltd');
  await north.locator('.cb-header__home').click();
  await north.locator('.cb-card__title').waitFor();
  assert.deepEqual(await north.locator('.cb-card__title').allInnerTexts(), ['North Ltd']);
  assert.equal(await south.locator('.cb-card').count(), 0);
  await assertClean(page);
  await context.close();
});

test('iframe embed: resizes to its content through checked messages', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await watchedPage(context);
  await page.goto(`${council.url}frame.html`);
  const frame = page.frameLocator('iframe[data-carer-benchmark-frame]');
  await frame.locator('.cb-button--start').waitFor();
  assert.equal((await frame.locator('.cb-header__host').innerText()).trim(), 'Anytown Council', 'settings from the query string');
  const height = () => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 600);
  const tall = await height();
  // A message from anyone but the iframe is ignored.
  await page.evaluate(() => window.postMessage({ type: 'carer-benchmark:height', height: 5 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await height(), tall);
  // The app's height changes: the iframe follows.
  await frame.locator('.cb-button--start').click();
  await frame.locator('form button[type=submit]').click();
  await frame.locator('.cb-error-summary').waitFor();
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height !== h, tall);
  await assertClean(page);
  await context.close();
});

test('the demo council page in public/ works as shipped, on desktop and phone', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 375, height: 812 }]]) {
    const context = await browser.newContext({ viewport });
    const page = await watchedPage(context);
    await page.goto(`${widget.url}demo/council.html`);
    await page.locator('.cb-button--start').waitFor();
    assert.equal((await page.locator('.cb-header__host').innerText()).trim(), 'Anytown Council');
    await shot(page, `demo-council-${name}`);
    await assertClean(page);
    await context.close();
  }
});
