// Widget start-up: language detection, translators per target (created lazily, pivoting through
// English when needed), the picker, and the page translator.
import { canUsePthreads, createTranslator, engineFilesAt, pageLanguage } from '../translator/index.js';
import { PageTranslator } from './page-translator.js';
import { Picker } from './picker.js';
import { configFromScript } from './script-config.js';
import { UNSURE_BELOW } from './confidence-marks.js';

// data-threads="auto": several engine threads sharing one model where the page is cross-origin
// isolated (pthreads); one elsewhere (more would mean one 8 MB model copy per thread).
function widgetThreads(setting) {
  if (setting !== 'auto') return Math.max(1, Math.min(Number(setting) || 1, 16));
  return canUsePthreads() ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
}

// data-confidence: "on" (default: the measured UNSURE_BELOW), "off" (no marks, no scores asked
// for), or a number in (0, 1): a site's own threshold.
function unsureThreshold(setting = 'on') {
  if (setting === 'off' || setting === false) return null;
  const n = Number(setting);
  return setting !== 'on' && setting !== true && n > 0 && n < 1 ? n : UNSURE_BELOW;
}

// The widget of a <script> tag (translate-widget.js, or the one-file build).
export function startFromScript(script, base) {
  return start(configFromScript(script, base));
}

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
      picker?.show({ lang, status: 'downloading' });
      const p = createTranslator({
        from: sourceLang, to: lang, device: config.device, threads: widgetThreads(config.threads), keep: config.keep,
        modelsUrl: config.models, ...engineFilesAt(config.engine),
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

  // The picker shows the page's state, whichever way it changed (picker, API, restore, error).
  const page = new PageTranslator(doc, {
    sourceLang, getTranslator,
    showOriginal: config.showOriginal !== false,
    unsureBelow: unsureThreshold(config.confidence),
    onDone: (detail) => doc.dispatchEvent(new CustomEvent('translatewidget:done', { detail })),
    onError: (e) => picker?.show({ lang: page.lang ?? sourceLang, error: e.message }),
  });

  let request = 0;  // the latest translatePage/restore call; earlier ones must not set the picker
  const api = {
    sourceLang, targets,
    get lang() { return page.lang ?? sourceLang; },
    async translatePage(lang) {
      if (lang !== sourceLang && !targets.includes(lang)) throw new Error(`language '${lang}' is not offered (offered: ${targets.join(', ')})`);
      const mine = ++request;
      picker?.show({ lang, status: lang === sourceLang ? 'restored' : 'translating' });
      try {
        await page.translatePage(lang);
        if (mine === request) picker?.show({ lang, status: lang === sourceLang ? 'restored' : 'done' });
      } catch (e) {
        if (mine === request) {
          page.restore();
          picker?.show({ lang: sourceLang, error: e.message });
        }
        throw e;
      }
    },
    restore() {
      ++request;
      page.restore();
      picker?.show({ lang: sourceLang, status: 'restored' });
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
