// Before the first paint (render-blocking; external for the CSP): hides index.html's
// static English start page in an iframe embed, or when the address asks for a header,
// colours or a language it lacks. The app then draws the page, as it always did.
(() => {
  const q = new URLSearchParams(location.search);
  const set = (name) => (q.get(name) || '').trim() !== '';
  const lang = (q.get('lang') || '').trim().toLowerCase();
  if (window.parent !== window || set('org-name') || set('logo') || set('accent') || !['', 'en', 'en-gb'].includes(lang)) {
    document.documentElement.classList.add('cb-no-static');
  }
})();
