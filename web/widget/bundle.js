// Entry of the one-file build (dist/translate-widget.js, made by scripts/bundle.mjs): the widget
// and the JS API in one classic script. The worker (dist/worker.js), the engine (dist/engine/) and
// the models (dist/models/ unless data-models says otherwise) are found next to the script.
import { startFromScript } from './main.js';

const script = document.currentScript;
const base = new URL('.', script?.src ?? location.href);
const domReady = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true })) : Promise.resolve();
const ready = domReady.then(() => startFromScript(script, base));
window.TranslateWidget = {
  translatePage: (lang) => ready.then((w) => w.translatePage(lang)),
  restore: () => ready.then((w) => w.restore()),
  ready,
};
