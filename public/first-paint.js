// Before the first paint: hides index.html's static English start page in an iframe
// embed, when the address names another page, or when it asks for a header, colours or
// a language the static page lacks. The app then draws the page, as it always did.
// Trunk inlines it into index.html (no second request before the first paint); the
// strict CSP allows it by its hash (scripts/csp.mjs prints the header).
(() => {
  const q = new URLSearchParams(location.search);
  const set = (name) => (q.get(name) || '').trim() !== '';
  const lang = (q.get('lang') || '').trim().toLowerCase();
  // ?cb=… names a page other than the start page (src/ui/address.rs): the app draws it.
  const elsewhere = set('cb');
  if (window.parent !== window || elsewhere || set('org-name') || set('logo') || set('accent') || !['', 'en', 'en-gb'].includes(lang)) {
    document.documentElement.classList.add('cb-no-static');
  }
})();
