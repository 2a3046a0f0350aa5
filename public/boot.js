// Starts the app. An external module (not an inline script), so the page works
// under a strict Content-Security-Policy. app.js finds app_bg.wasm beside itself.
import init from './app.js';

init().catch((error) => {
  const root = document.getElementById('carer-benchmark') || document.body;
  const p = document.createElement('p');
  p.textContent = 'The tool could not start in this browser: ' + error;
  root.replaceChildren(p);
});
