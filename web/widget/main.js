// Widget start-up: language detection, translators per target (created lazily, pivoting through
// English when needed), the picker, and the page translator.
import { canUsePthreads, createTranslator } from '../translator/index.js';

// data-threads="auto": several engine threads sharing one model where the page is cross-origin
// isolated (pthreads); one elsewhere (more would mean one 8 MB model copy per thread).
function widgetThreads(setting) {
  if (setting !== 'auto') return Math.max(1, Math.min(Number(setting) || 1, 16));
  return canUsePthreads() ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
}
import { pageLanguage } from './detect-language.js';
import { PageTranslator } from './page-translator.js';
import { Picker } from './picker.js';

export function start(config) {
  const doc = document;
  const sourceLang = config.from ?? pageLanguage(doc);
  const targets = config.to.filter((t) => t !== sourceLang);
  const translators = new Map();
  let picker = null;
  let bytes = new Map();

  const getTranslator = (lang) => {
    if (!translators.has(lang)) {
      bytes = new Map();
      picker?.setStatus('downloading');
      const p = createTranslator({
        from: sourceLang, to: lang, device: config.device, threads: widgetThreads(config.threads),
        modelsUrl: config.models, engineUrl: new URL('engine.mjs', config.engine).href, wasmUrl: new URL('engine.wasm', config.engine).href,
        engineMtUrl: new URL('engine-mt.mjs', config.engine).href, wasmMtUrl: new URL('engine-mt.wasm', config.engine).href,
        progressCallback: (e) => {
          if (e.status === 'progress' || e.status === 'done') {
            bytes.set(e.file, e);
            const loaded = [...bytes.values()].reduce((s, x) => s + x.loaded, 0);
            const total = [...bytes.values()].reduce((s, x) => s + x.total, 0);
            picker?.setProgress(loaded, total);
          }
        },
      });
      p.catch(() => translators.delete(lang));  // a later attempt may succeed (e.g. back online)
      translators.set(lang, p);
    }
    return translators.get(lang);
  };

  const page = new PageTranslator(doc, {
    sourceLang, getTranslator,
    onDone: (detail) => doc.dispatchEvent(new CustomEvent('translatewidget:done', { detail })),
  });

  const api = {
    sourceLang, targets,
    async translatePage(lang) {
      if (lang !== sourceLang && !targets.includes(lang)) throw new Error(`language '${lang}' is not offered (offered: ${targets.join(', ')})`);
      picker?.setStatus('translating');
      picker?.render(lang);
      if (picker) picker.select.value = lang;
      try {
        await page.translatePage(lang);
        picker?.setStatus(lang === sourceLang ? 'restored' : 'done');
        picker?.setProgress(0, 0);
      } catch (e) {
        if (picker) picker.select.value = sourceLang;
        picker?.render(sourceLang);
        picker?.setStatus(null, { error: e.message });
        picker?.setProgress(0, 0);
        throw e;
      }
    },
    restore() {
      page.restore();
      picker?.render(sourceLang);
      picker?.setStatus('restored');
    },
  };

  if (config.picker) {
    picker = new Picker(doc, {
      sourceLang, targets,
      onChoose: (lang) => (lang === sourceLang ? api.restore() : api.translatePage(lang).catch(() => {})),
    });
    doc.body.append(picker.host);
  }
  return api;
}
