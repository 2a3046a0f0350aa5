// Runs before the first paint (a classic script in index.html's head; external, so a
// strict CSP allows it). index.html carries a static copy of the top of the start page
// as the standalone page shows it: in English, with the page's own header and colours.
// In an iframe embed the app shows the host's name, logo and colours and may speak
// another language (README "Iframe embed"), and the iframe is sized by its host page;
// a page addressed with a header, colours or a language the copy lacks would be wrong
// too. There the copy is hidden and the page is left as it was (page.css): the app
// draws it when it starts. Cautious on purpose: a setting the app refuses counts too.
(() => {
  const query = new URLSearchParams(location.search);
  const set = (name) => (query.get(name) || '').trim() !== '';
  const lang = (query.get('lang') || '').trim().toLowerCase();
  if (window.parent !== window || set('org-name') || set('logo') || set('accent') || !['', 'en', 'en-gb'].includes(lang)) {
    document.documentElement.classList.add('cb-no-static');
  }
})();
