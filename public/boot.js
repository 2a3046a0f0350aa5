// Starts the app. An external module (not an inline script), so pages work under a
// strict Content-Security-Policy. It records where the app's files are on each
// container, so the app can load its stylesheet from there even when a council's page
// on another origin loads this script; app.js finds app_bg.wasm beside itself.
import init from './app.js';

const base = new URL('.', import.meta.url).href;
for (const el of document.querySelectorAll('#carer-benchmark, [data-carer-benchmark]')) {
  if (!el.dataset.assetBase) el.dataset.assetBase = base;
}

// Inside an iframe, report the app's height to the host page (public/frame.js).
if (window.parent !== window) import('./frame.js');

init().catch((error) => {
  const root = document.getElementById('carer-benchmark') || document.body;
  const p = document.createElement('p');
  p.textContent = 'The tool could not start in this browser: ' + error;
  root.replaceChildren(p);
});
