// Measures what a browser downloads on three journeys through the release build in dist/,
// served as a typical web server would (gzip level 6, files cacheable for ten minutes),
// read from headless Chromium's request log, not from a list of files. A file the browser
// takes from its cache is not a download and is not counted. Prints a table per
// journey and fails when a journey is over its budget or fetches any file twice.
//
//   node scripts/bundle-report.mjs [dist] [--json out.json]
//
// Journeys (as README "Bundle size" describes):
//   first page   the start page, until it is ready and the network is idle;
//   HR journey   start → new organisation → results → action plan → policies → passport;
//   facilitator  start → facilitator's view → the room's results.
import { writeFile } from 'node:fs/promises';
// The end-to-end tests' server (with the strict CSP) and browser, so both measure the same app.
import { serve, launch } from '../tests/e2e/harness.mjs';

const KB = 1024;
const BUDGETS = { 'first page': 180 * KB, 'HR journey': 380 * KB, facilitator: 300 * KB };
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = args[0] || 'dist';

/** Runs `walk` in a fresh browser context and returns every response it received. */
async function journey(browser, url, walk) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const finished = [];
  page.on('requestfinished', (request) => finished.push(request));
  await page.goto(url);
  await page.locator('.cb-button--start').waitFor();
  await walk(page);
  await page.waitForLoadState('networkidle');
  const rows = [];
  for (const request of finished) {
    const response = await request.response();
    const sizes = await request.sizes();
    if (sizes.responseBodySize === 0 && response?.status() === 200) continue; // from the browser's cache
    // Chromium asks for the page's icon again whenever the address changes (the app
    // records each screen in the history), bypassing its cache: the browser's request,
    // not the app's, so it is counted once.
    const path = new URL(request.url()).pathname;
    if (path.endsWith('favicon.svg') && rows.some((r) => r.file.endsWith('favicon.svg'))) continue;
    rows.push({
      file: new URL(request.url()).pathname.replace(/^\//, '') || 'index.html',
      encoding: (await response?.headerValue('content-encoding')) || 'none',
      bytes: sizes.responseBodySize,
    });
  }
  await context.close();
  if (errors.length) throw new Error(`the page failed during the journey: ${errors.join('; ')}`);
  return rows;
}

async function newOrganisation(page) {
  await page.locator('.cb-button--start').click();
  await page.fill('#cb-org-name', 'Budget Test Ltd');
  await page.locator('#cb-sector-private').check();
  await page.selectOption('#cb-size', { index: 2 });
  await page.locator('#cb-nation-england').check();
  await page.locator('form button[type=submit]').click();
  await page.locator('.cb-task-list').waitFor();
}

async function section(page, link, ready) {
  await page.locator(`button:has-text("${link}")`).first().click();
  await page.locator(ready).first().waitFor();
  await page.locator('button:has-text("Back to the task list")').first().click();
  await page.locator('.cb-task-list').waitFor();
}

const JOURNEYS = {
  'first page': async () => {},
  'HR journey': async (page) => {
    await newOrganisation(page);
    await section(page, 'See your results', '.cb-chart');
    await section(page, 'Action plan and downloads', '.cb-actions');
    await section(page, "Flexible working and carer's leave policies", '#cb-check-date');
    await section(page, 'Carer passport scheme', 'h1:has-text("passport")');
  },
  facilitator: async (page) => {
    await page.locator('button:has-text("Open the workshop facilitator\'s view")').click();
    await page.fill('#cb-ws-title', 'Supporting carers at work');
    await page.fill('#cb-ws-date', '2026-11-22');
    await page.fill('#cb-ws-organisation', 'Anytown Carers');
    await page.locator('button[type=submit]').click();
    await page.locator('button:has-text("See the room\'s results")').first().click();
    await page.locator('h1:has-text("The room\'s results")').waitFor();
  },
};

const kb = (n) => (n / KB).toFixed(1);
const server = await serve(dist, { asHost: true });
const browser = await launch();
let ok = true;
const summary = {};
try {
  for (const [name, walk] of Object.entries(JOURNEYS)) {
    const rows = await journey(browser, server.url, walk);
    const total = rows.reduce((t, r) => t + r.bytes, 0);
    const width = Math.max(24, ...rows.map((r) => r.file.length));
    console.log(`\n${name}: ${rows.length} requests\n${'file'.padEnd(width)} ${'encoding'.padEnd(8)} ${'KB'.padStart(7)}`);
    for (const r of [...rows].sort((a, b) => b.bytes - a.bytes)) {
      console.log(`${r.file.padEnd(width)} ${r.encoding.padEnd(8)} ${kb(r.bytes).padStart(7)}`);
    }
    const budget = BUDGETS[name];
    console.log(`${'total'.padEnd(width)} ${''.padEnd(8)} ${kb(total).padStart(7)}  (budget ${kb(budget)} KB)`);
    summary[name] = { kb: +kb(total), budget_kb: budget / KB, requests: rows.length };
    const twice = rows.map((r) => r.file).filter((f, i, all) => all.indexOf(f) !== i);
    if (twice.length) {
      console.error(`bundle-report: FAIL: ${name} fetched ${[...new Set(twice)].join(', ')} more than once`);
      ok = false;
    }
    if (rows.some((r) => r.file.endsWith('.wasm') && r.encoding !== 'gzip')) {
      console.error(`bundle-report: FAIL: ${name}: a .wasm file came without gzip; the measurement is wrong`);
      ok = false;
    }
    if (total > budget) {
      console.error(`bundle-report: FAIL: ${name} is ${kb(total)} KB gzip, over its ${kb(budget)} KB budget by ${kb(total - budget)} KB`);
      ok = false;
    } else {
      console.log(`bundle-report: ok: ${name} ${kb(total)} KB gzip of ${kb(budget)} KB (${kb(budget - total)} KB left)`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (jsonOut) await writeFile(jsonOut, JSON.stringify(summary, null, 2));
process.exit(ok ? 0 : 1);
