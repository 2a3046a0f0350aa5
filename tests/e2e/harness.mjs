// Shared end-to-end harness: serves the release build with a strict CSP, starts the
// system Chromium through playwright-core, and watches every page for console
// errors, uncaught exceptions, CSP violations and requests that leave localhost.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { builtPageCsp } from '../../scripts/csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * Serves `root` on an ephemeral loopback port, every response with a CSP (none when `csp`
 * is null; unless `csp` is given, the strict one hosts are told to send: the app's own files, its wasm, and
 * `root`'s index.html's inline script by its hash; scripts/csp.mjs). `cors` adds Access-Control-Allow-Origin: * (a widget host);
 * `pages` maps paths to HTML served instead of files (a council's page). `asHost` serves
 * as a typical web server does: gzip (level 6) when the browser asks, files cacheable for
 * ten minutes (the bundle report measures this way).
 */
export async function serve(root = 'dist', { csp = builtPageCsp(root), cors = false, pages = {}, asHost = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const headers = { ...(csp ? { 'Content-Security-Policy': csp } : {}), ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) };
    if (pages[path] !== undefined) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(pages[path]);
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      const type = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' };
      if (asHost) {
        const gzip = TYPES[extname(file)] && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
        res.writeHead(200, { ...headers, ...type, 'Cache-Control': 'max-age=600', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
        res.end(gzip ? gzipSync(body, { level: 6 }) : body);
        return;
      }
      res.writeHead(200, { ...headers, ...type });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium. `scrollbars` shows classic scrollbars, which headless hides by
 *  default, as desktop Windows and Linux draw them (they take width from the page). */
export async function launch({ scrollbars = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
  });
}

/** A new page that records problems; call `page.problems()` to read them. */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    // The element with focus, looking inside shadow roots (the app lives in one).
    window.__deepActive = () => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp = window.__csp || [];
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'blob:' && u.protocol !== 'data:') {
      problems.push(`request left the machine: ${r.url()}`);
    }
  });
  page.problems = async () => [...problems, ...(await page.evaluate(() => window.__csp || []).catch(() => []))];
  page.problemLog = problems;
  return page;
}

/** Every origin `page` requests something from, as it goes. */
export function origins(page) {
  const seen = new Set();
  page.on('request', (r) => seen.add(new URL(r.url()).origin));
  return seen;
}

/** Fills in the organisation form in `app` (a page or a locator: an embed) with a
 *  private-sector employer in England, and lands on the task list. */
export async function newOrganisation(app, name = 'Place Test Ltd') {
  await app.locator('.cb-button--start').click();
  await app.locator('#cb-org-name').fill(name);
  await app.locator('#cb-sector-private').check();
  await app.locator('#cb-size').selectOption({ index: 2 });
  await app.locator('#cb-nation-england').check();
  await app.locator('form button[type=submit]').click();
  await app.locator('.cb-task-list').waitFor();
}

/** A fresh browser context and watched page, opened at `url` and waited on until the
 *  start page is ready. Returns both; close the context when done. */
export async function openApp(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await watchedPage(context);
  await page.goto(url);
  await page.locator('.cb-button--start').waitFor();
  return { context, page };
}

/** Fails on any recorded console error, exception, CSP violation or outside request. */
export async function assertClean(page) {
  assert.deepEqual(await page.problems(), [], 'the page logged problems');
}

/**
 * Runs axe (WCAG 2.2 A/AA and best practice) and fails on any violation.
 * axe-core inserts a <style> element of its own while it walks shadow roots, which the
 * strict CSP rightly blocks; style-src reports raised during the axe run are axe's,
 * not the app's, and are dropped. Everything else still counts.
 */
export async function assertAccessible(page, screen, include) {
  const logged = page.problemLog.length;
  const reported = await page.evaluate(() => (window.__csp || []).length);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const axeOwn = (p) => /style-src|inline style/.test(p);
  const during = page.problemLog.splice(logged);
  page.problemLog.push(...during.filter((p) => !axeOwn(p)));
  await page.evaluate(({ reported }) => {
    const csp = window.__csp || [];
    window.__csp = [...csp.slice(0, reported), ...csp.slice(reported).filter((p) => !/style-src/.test(p))];
  }, { reported });
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${screen}`);
  await assertFieldsLimited(page, screen);
}

/**
 * Every text field the user writes into keeps to the file format's limit where it is
 * typed (issue 14): it has a `maxlength`, and a count (`.cb-count`) it is described by,
 * which speaks up near the limit. Codes (pasted, checked as codes), numbers and
 * read-only boxes are not text that is kept.
 */
export async function assertFieldsLimited(page, screen) {
  const unlimited = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    return roots.flatMap((root) => [...root.querySelectorAll('textarea, input[type=text]')]
      .filter((f) => !f.readOnly && f.inputMode !== 'numeric' && !f.matches('.cb-ws-codes, .cb-ws-code__input'))
      .filter((f) => {
        const count = (f.getAttribute('aria-describedby') || '').split(/\s+/).some((id) => root.getElementById?.(id)?.classList.contains('cb-count')
          || root.querySelector?.(`[id="${id}"]`)?.classList.contains('cb-count'));
        return !(f.maxLength > 0) || !count;
      })
      .map((f) => `#${f.id} (maxlength ${f.maxLength})`));
  });
  assert.deepEqual(unlimited, [], `text fields without a limit and its count on ${screen}`);
}

/** No sideways scrolling: the layout fits the viewport (320 px, 200% zoom). */
export async function assertNoHorizontalScroll(page, screen) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${screen} scrolls sideways: content ${scroll}px in a ${width}px viewport`);
}

/** Saves a screenshot under screenshots/ when SCREENSHOTS=1. */
export async function shot(page, name) {
  if (!process.env.SCREENSHOTS) return;
  await mkdir('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** Presses Tab until `selector` has focus: how a keyboard user gets there. */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => window.__deepActive()?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

/**
 * Waits until the focused element (inside the app's shadow root) matches `selector`.
 * The app moves focus on the next animation frame after it renders, so a check made
 * the moment the new content appears can run before the focus does.
 */
export async function waitForFocus(page, selector, what) {
  try {
    await page.waitForFunction((s) => window.__deepActive()?.matches(s), selector, { timeout: 5000 });
  } catch {
    const { id, tag } = await focused(page);
    throw new Error(`${what}: focus should be on ${selector} but is on ${tag}#${id}`);
  }
}

/** The focused element's id and tag name, inside the app's shadow root. */
export async function focused(page) {
  return page.evaluate(() => ({ id: window.__deepActive()?.id, tag: window.__deepActive()?.tagName }));
}

/**
 * The page's heading. A screen whose chunk is still on its way shows "Loading…" for a
 * moment (the first time only): wait that out, as a person would.
 */
export async function h1(page) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const text = (await page.locator('h1').innerText()).trim();
    if (text !== 'Loading…' || Date.now() > deadline) return text;
    await page.waitForTimeout(50);
  }
}
