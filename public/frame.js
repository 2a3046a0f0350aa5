// Loaded by boot.js only when the app runs inside an iframe. It tells the host page how
// tall the app is, so the iframe can grow and shrink with it. Messages go only to the
// origin named by ?parent-origin= in the iframe's address, and messages from the host
// are accepted only from that origin and window, and only in the expected shape.
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

function checkedOrigin(value) {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) return url.origin;
  } catch { /* not a URL */ }
  return null;
}

const parentOrigin = checkedOrigin(new URLSearchParams(location.search).get('parent-origin'));

if (!parentOrigin) {
  console.warn('carer-benchmark: add ?parent-origin=https://your-site.example to the iframe address so the iframe can fit its content');
} else {
  const send = () => {
    parent.postMessage({ type: 'carer-benchmark:height', height: Math.ceil(document.body.scrollHeight) }, parentOrigin);
  };
  new ResizeObserver(send).observe(document.body);
  addEventListener('message', (event) => {
    if (event.origin !== parentOrigin || event.source !== parent) return;
    if (event.data && event.data.type === 'carer-benchmark:measure') send();
  });
}
