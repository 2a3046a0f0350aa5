// Loads a lazily loaded module (the workbench: results, policies, passport, plan; or the
// facilitator's view of workshop mode) the first time one of its sections is opened:
// a wasm module beside app.js, so none of it weighs on the first page load. The browser
// keeps each module, so each loads once; a failed load can be tried again.
const loading = {};
export function loadModule(base, name) {
  if (!loading[name]) {
    loading[name] = import(base + name + '.js')
      .then(async (m) => {
        await m.default({ module_or_path: base + name + '_bg.wasm' });
        return m;
      })
      .catch((e) => {
        delete loading[name];
        throw e;
      });
  }
  return loading[name];
}
