// Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on the first page of
// the release build in dist/, served as the bundle report serves it (gzip level 6, the
// strict CSP). Runs it several times and prints each run and the median of each figure,
// as README "Bundle size" reports them. Needs the `lighthouse` command (npm, global); it
// drives the system Chromium.
//
//   node scripts/lighthouse.mjs [dist] [--runs 3] [--json out.json] [--devtools]
//
// --devtools throttles the real page load (DevTools' network and CPU throttling) instead
// of simulating a slow one from a fast load. The simulation decides from the fast load
// what the first paint waited for, and there the app can start before that paint: it
// then counts scripts the static start page does not need, and loses the static page as
// the largest paint. The throttled load shows what a slow connection sees.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '../tests/e2e/harness.mjs';

const run = promisify(execFile);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const runs = Number(option('--runs', 3));
const jsonOut = option('--json', null);
const devtools = args.includes('--devtools') && args.splice(args.indexOf('--devtools'), 1);
const dist = args[0] || 'dist';

const AUDITS = {
  performance: null,
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(dist, { asHost: true });
const dir = await mkdtemp(join(tmpdir(), 'lighthouse-'));
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const out = join(dir, `run-${i}.json`);
    await run('lighthouse', [
      server.url, '--only-categories=performance', '--output=json', `--output-path=${out}`, '--quiet',
      ...(devtools ? ['--throttling-method=devtools'] : []),
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const report = JSON.parse(await readFile(out, 'utf8'));
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const row = {};
    for (const [name, id] of Object.entries(AUDITS)) {
      row[name] = id ? report.audits[id].numericValue : Math.round(report.categories.performance.score * 100);
    }
    results.push(row);
    console.log(`run ${i + 1}: ${format(row)}`);
  }
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
const medians = Object.fromEntries(Object.keys(AUDITS).map((name) => [name, median(results.map((r) => r[name]))]));
console.log(`median of ${runs}${devtools ? ' (throttled load)' : ''}: ${format(medians)}`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify({ runs: results, median: medians }, null, 2));

function format(row) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return `performance ${row.performance}, FCP ${s(row.FCP)}, LCP ${s(row.LCP)}, TBT ${Math.round(row.TBT)} ms, ` +
    `CLS ${row.CLS.toFixed(3)}, speed index ${s(row.SI)}`;
}
