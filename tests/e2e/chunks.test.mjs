// The screens after the start page arrive as chunks of the one wasm module. A chunk that
// cannot be fetched (a dropped connection) is said on screen, with "Try again", and
// nothing the user had is lost; once the network is back, the screen opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, assertAccessible, h1, waitForFocus } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a chunk that cannot be fetched says so and offers "Try again", which then opens the screen', async () => {
  const { context, page } = await openApp(browser, server.url);
  const file = {
    format: 'carer-benchmark-assessment', version: 1,
    organisation: { name: 'Offline Ltd', sector: 'public', size: '10-49', nation: 'wales' },
    created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z',
    answers: { 'L1.1.a': { answer: 'yes', evidence: 'Carers policy, section 2', changed: '2026-01-01T00:00:00Z' } },
  };
  await page.setInputFiles('#cb-import', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.cb-success');
  await page.locator('.cb-card button:has-text("Open")').click();
  await page.locator('.cb-task-list').waitFor();

  // The results' chunk is cut off.
  const blocked = [];
  await page.route(/split_sections\.wasm$/, (route) => { blocked.push(route.request().url()); return route.abort('internetdisconnected'); });
  await page.locator('button:has-text("See your results")').first().click();
  await page.locator('h1:has-text("could not be loaded")').waitFor();
  assert.ok(blocked.length >= 1, 'the results chunk was asked for');
  assert.match(await page.locator('.cb-main [role=alert]').innerText(), /Check your connection and try again/);
  await waitForFocus(page, 'h1', 'the failure is announced where focus is');
  await assertAccessible(page, 'a chunk that could not be loaded');

  // The network is back.
  await page.unroute(/split_sections\.wasm$/);
  await page.locator('button:has-text("Try again")').click();
  await page.locator('.cb-chart').waitFor();
  assert.equal(await h1(page), 'Your results');
  await waitForFocus(page, 'h1', 'the screen takes focus once it arrives');
  assert.match(await page.locator('.cb-main').innerText(), /Offline Ltd/);
  // Only the deliberate failure was logged.
  const problems = (await page.problems()).filter((p) => !/split_sections|failed to load|Failed to fetch|TypeError/i.test(p));
  assert.deepEqual(problems, []);
  await context.close();
});
