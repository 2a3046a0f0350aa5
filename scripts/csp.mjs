// The Content-Security-Policy for the built standalone page (dist/index.html, which is
// also the iframe embed's page). Its one inline script (public/first-paint.js, inlined
// by Trunk so the first paint waits for no second request) is allowed by its hash; the
// hash changes when that script changes, so hosts take the header from here:
//
//   node scripts/csp.mjs [dist]
//
// The end-to-end tests serve the build with exactly this header (tests/e2e/harness.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `'sha256-…'` for each inline `<script>` (one without `src`) in `html`. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

/** The strict policy the app needs, with the page's inline script hashes. */
export function pageCsp(html) {
  const scripts = ["'self'", ...inlineScriptHashes(html), "'wasm-unsafe-eval'"].join(' ');
  return `default-src 'self'; script-src ${scripts}; style-src 'self'`;
}

/** `pageCsp` of `dist/index.html`. */
export function builtPageCsp(dist = 'dist') {
  return pageCsp(readFileSync(join(dist, 'index.html'), 'utf8'));
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  console.log(builtPageCsp(process.argv[2] || 'dist'));
}
