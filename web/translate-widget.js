// One script tag translates the page on the visitor's device:
//   <script src="/translate-widget.js" data-to="de,fr" defer></script>
// Attributes (all optional but data-to): data-from (page language; default <html lang> or detected),
// data-to (comma-separated targets), data-models (models base URL, default "<script dir>/models/"),
// data-engine (engine base URL, default "<script dir>/engine/"), data-picker="off" (no built-in picker),
// data-device ("auto": WebGPU where a hardware GPU makes it faster, the default; "wasm"; "webgpu"),
// data-threads ("auto", the default: up to 4 engine threads on cross-origin-isolated pages, else 1; or a number),
// data-keep (comma-separated terms kept verbatim: brand and product names, e.g. "Street & Park, Acme Cloud"),
// data-show-original="off" (no popup with a block's original text on hover or focus),
// data-confidence ("on", the default: a dotted underline under sentences the model was unsure of;
// "off"; or a number in (0, 1), the confidence below which a sentence is marked).
// Programmatic: window.TranslateWidget.translatePage(lang), .restore(); event 'translatewidget:done'.
// This file loads the widget's modules next to it; dist/translate-widget.js is the same widget
// bundled into one classic script (web/widget/bundle.js).
(() => {
  const script = document.currentScript;
  const base = new URL('.', script?.src ?? location.href);
  const ready = import(new URL('widget/main.js', base).href).then((m) => m.startFromScript(script, base));
  window.TranslateWidget = {
    translatePage: (lang) => ready.then((w) => w.translatePage(lang)),
    restore: () => ready.then((w) => w.restore()),
    ready,
  };
})();
