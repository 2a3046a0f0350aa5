// Prints raw / gzip / brotli bytes of every file the first page load fetches from a
// release build in dist/, and fails when the gzip total exceeds the budget. Then the same
// for the two lazily loaded modules (the workbench, and the facilitator's view), each
// against its own budget.
// The list is read from dist/index.html (stylesheets, scripts, preloads) plus the
// modules boot.js imports, so a new first-load file cannot slip past unmeasured.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_GZIP = 200 * 1024;
// The workbench: results, policies, passport, plan and exports, workshop.
const WORKBENCH = ['workbench.js', 'workbench_bg.wasm', 'workbench.css', 'passport-print.css'];
const WORKBENCH_BUDGET_GZIP = 350 * 1024;
// The facilitator's view of workshop mode, loaded only when a facilitator opens it.
const FACILITATOR = ['facilitator.js', 'facilitator_bg.wasm', 'workbench.css'];
const FACILITATOR_BUDGET_GZIP = 250 * 1024;
const dist = process.argv[2] || 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const files = new Set(['index.html']);
// Attribute values may be quoted or not (Trunk's minifier drops the quotes).
for (const m of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/g)) {
  if (!/data-trunk/.test(m[0])) files.add((m[1] ?? m[2] ?? m[3]).replace(/^\.?\//, ''));
}
// Static imports of the bootstrap modules, followed to the end (boot.js imports app.js,
// which imports its snippets and loads the wasm).
const seen = new Set();
for (let more = true; more; ) {
  more = false;
  for (const f of [...files].filter((f) => f.endsWith('.js') && !seen.has(f))) {
    seen.add(f);
    more = true;
    const text = readFileSync(join(dist, f), 'utf8');
    for (const m of text.matchAll(/import\s+[^'"]*?['"]\.\/([^'"]+)['"]/g)) files.add(m[1]);
    for (const m of text.matchAll(/new URL\('([^']+\.wasm)', import\.meta\.url\)/g)) files.add(m[1]);
  }
}

function measure(list) {
  const rows = [];
  for (const f of list) {
    const path = join(dist, f);
    if (!existsSync(path)) {
      console.error(`bundle-report: ${f} is referenced but missing from ${dist}/`);
      process.exit(1);
    }
    const bytes = readFileSync(path);
    rows.push({
      file: f,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows.sort((a, b) => b.raw - a.raw);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
function report(title, rows, budget) {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const width = Math.max(16, ...rows.map((r) => r.file.length));
  console.log(`${title}\n${'file'.padEnd(width)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'brotli KB'.padStart(9)}`);
  for (const r of rows) console.log(`${r.file.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli).padStart(9)}`);
  console.log(`${'total'.padEnd(width)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli).padStart(9)}`);
  const left = budget - total.gzip;
  if (left < 0) {
    console.error(`bundle-report: FAIL: ${title} is ${kb(total.gzip).trim()} KB gzip, over the ${budget / 1024} KB budget by ${kb(-left).trim()} KB`);
    return false;
  }
  console.log(`bundle-report: ok: ${kb(total.gzip).trim()} KB gzip of a ${budget / 1024} KB budget (${kb(left).trim()} KB left)\n`);
  return true;
}

// A report that cannot see the app must not pass: the wasm and its loader are required.
for (const ext of ['.wasm', '.js', '.css']) {
  if (![...files].some((f) => f.endsWith(ext))) {
    console.error(`bundle-report: found no ${ext} file in the first load of ${dist}/index.html; the report is broken, not the budget met`);
    process.exit(1);
  }
}
const first = report('First page load', measure(files), BUDGET_GZIP);
const later = report('Workbench (loaded when a workbench section is first opened)', measure(WORKBENCH), WORKBENCH_BUDGET_GZIP);
const facilitator = report("Facilitator's view (loaded when a facilitator opens it)", measure(FACILITATOR), FACILITATOR_BUDGET_GZIP);
if (!first || !later || !facilitator) process.exit(1);
