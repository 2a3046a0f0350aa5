// The release build, served with the strict CSP, as a first-time visitor sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, openApp, assertClean, assertAccessible, assertNoHorizontalScroll, shot, h1 } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('first screen: name, purpose, independence disclaimer and a start button; clean and accessible', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  const response = await page.goto(server.url);
  // Only the app's own files, its wasm, and the page's one inline script by its hash.
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'; style-src 'self'$/);
  await page.waitForSelector('.cb-button--start');
  assert.equal(await h1(page), 'Carer-friendly employer benchmark');
  const text = await page.locator('[role=main]').innerText();
  assert.match(text, /how well your organisation supports staff who are also unpaid carers/);
  assert.match(text, /This is not the official Carer Confident scheme/);
  assert.match(text, /Employers for Carers/);
  assert.match(text, /1 in 7/);
  assert.equal(await page.locator('.cb-button--start').innerText(), 'Start an assessment');
  // One inline script, index.html's first-paint decision, allowed by its hash alone.
  assert.equal(await page.locator('script:not([src])').count(), 1, 'one inline script');
  assert.match(await page.locator('script:not([src])').textContent(), /cb-no-static/);
  assert.equal(await page.locator('style, [style]').count(), 0, 'no inline styles');
  await assertAccessible(page, 'first screen');
  await shot(page, 'first-screen-desktop');
  await assertClean(page);
  await context.close();
});

test('first screen fits a 320 px phone without sideways scrolling', async () => {
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 320, height: 640 } });
  await assertNoHorizontalScroll(page, 'first screen at 320px');
  await context.close();
});

test('the CSP is really enforced: an inline script is blocked and reported', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
  assert.ok((await page.problems()).some((p) => /script-src/.test(p)), 'the violation is caught by the harness');
  await context.close();
});
