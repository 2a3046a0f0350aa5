// Loads the workbench (policies, carer passport, action plan, workshop) the first time
// the user opens one of those sections: a second wasm module beside app.js, so none of
// it weighs on the first page load. The browser keeps the module, so this runs once.
let loading;
export function loadWorkbench(base) {
  if (!loading) {
    loading = import(base + 'workbench.js')
      .then(async (m) => {
        await m.default({ module_or_path: base + 'workbench_bg.wasm' });
        return m;
      })
      .catch((e) => {
        loading = undefined;
        throw e;
      });
  }
  return loading;
}
