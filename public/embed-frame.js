// For council pages that embed the tool in an iframe: include this script after
// <iframe data-carer-benchmark-frame src=".../index.html?parent-origin=...">. It sets
// each such iframe's height to what the app inside reports. Only messages from that
// iframe's own window and origin, shaped { type: 'carer-benchmark:height', height }, count.
for (const frame of document.querySelectorAll('iframe[data-carer-benchmark-frame]')) {
  const origin = new URL(frame.src, location.href).origin;
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data;
    const ok = data && typeof data === 'object' && data.type === 'carer-benchmark:height'
      && Number.isFinite(data.height) && data.height > 0 && data.height < 100000;
    if (ok) frame.style.height = `${Math.ceil(data.height)}px`;
  });
  frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'carer-benchmark:measure' }, origin));
}
