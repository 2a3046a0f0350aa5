// Starts the app. An external module (not an inline script), so pages work under a
// strict Content-Security-Policy. The app's files (its stylesheet, criteria.json) are
// found from this script's own address, handed to the app under a symbol that page
// markup cannot set (a data-* attribute or an element's id could be written by anyone
// whose HTML a council's page lets through); app.js finds app_bg.wasm beside itself.
import init from './app.js';

globalThis[Symbol.for('carer-benchmark:asset-base')] = new URL('.', import.meta.url).href;

// Inside an iframe, report the app's height to the host page (public/frame.js).
if (window.parent !== window) import('./frame.js');

init().catch((error) => {
  const root = document.getElementById('carer-benchmark') || document.body;
  const p = document.createElement('p');
  p.textContent = 'The tool could not start in this browser: ' + error;
  root.replaceChildren(p);
});
