// The W3C (WICG) Translator and Language Detector APIs on our engine: code written for Chrome's
// built-in `Translator` / `LanguageDetector` runs in every browser, privately.
//
// polyfill.js installs them on import; this module only defines them:
//   installTranslatorPolyfill({ modelsUrl, engine, force: true })  // ours even where the browser has its own
//
// Mapping: availability() reads the registry ("unavailable" without a route, pivots through
// English count when both halves exist) and the model cache ("available" once every file is kept,
// "downloading" while a create() fetches them, else "downloadable"). create() needs transient user
// activation while the model is only downloadable, reports download progress as `downloadprogress`
// events (loaded 0 → 1) on the monitor, and honours its AbortSignal. Quotas count UTF-16 code units.
import { createTranslator, env, loadRegistry, modelFile, planRoute, stageFileKinds } from './index.js';
import { isCached } from './fetch-verified.js';
import { DETECTABLE_LANGUAGES, rankLanguages } from './detect-language.js';
import { splitSentences } from './sentences.js';

export const INPUT_QUOTA = 20000;
const ONLY_SPACE_OR_CONTROL = /^[\s\p{Cc}\p{Cf}]*$/u;

const abortError = (signal) => signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
const destroyedError = () => new DOMException('The translator has been destroyed.', 'AbortError');

function checkSignal(signal) {
  if (signal?.aborted) throw abortError(signal);
}

// Rejects as soon as signal aborts, else settles as promise does.
function abortable(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) { reject(abortError(signal)); return; }
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function quotaError(requested) {
  const message = `The input is ${requested} characters long; the quota is ${INPUT_QUOTA}.`;
  if (typeof globalThis.QuotaExceededError === 'function') {
    try { return new globalThis.QuotaExceededError(message, { quota: INPUT_QUOTA, requested }); } catch { /* older shape */ }
  }
  return Object.assign(new DOMException(message, 'QuotaExceededError'), { quota: INPUT_QUOTA, requested });
}

const lang = (tag) => String(tag ?? '').trim().toLowerCase().split('-')[0];

export function makeTranslatorClass({ modelsUrl = env.modelsUrl, engine = {} } = {}) {
  const downloading = new Set();  // "from>to" pairs whose create() is fetching files

  async function route(options) {
    if (!options || typeof options !== 'object') throw new TypeError('Translator: options with sourceLanguage and targetLanguage are required');
    const from = lang(options.sourceLanguage), to = lang(options.targetLanguage);
    if (!from || !to) throw new TypeError('Translator: sourceLanguage and targetLanguage are required');
    try {
      return { from, to, stages: planRoute(await loadRegistry(modelsUrl), from, to) };
    } catch {
      return { from, to, stages: null };
    }
  }

  async function availabilityOf({ from, to, stages }) {
    if (!stages || from === to) return 'unavailable';
    if (downloading.has(`${from}>${to}`)) return 'downloading';
    const files = stages.flatMap((s) => stageFileKinds(s, engine).map((k) => modelFile(s, k, modelsUrl)));
    return (await Promise.all(files.map(isCached))).every(Boolean) ? 'available' : 'downloadable';
  }

  class Translator {
    #t; #destroyed = false; #streams = new Set();

    constructor(key, t, sourceLanguage, targetLanguage) {
      if (key !== Translator.#key) throw new TypeError('Illegal constructor: use Translator.create()');
      this.#t = t;
      this.sourceLanguage = sourceLanguage;
      this.targetLanguage = targetLanguage;
      this.inputQuota = INPUT_QUOTA;
    }

    static #key = Symbol('Translator');

    static async availability(options) {
      return availabilityOf(await route(options));
    }

    static async create(options = {}) {
      const { signal, monitor } = options;
      // The gesture belongs to the call: read it before any await.
      const activated = globalThis.navigator?.userActivation?.isActive ?? true;
      checkSignal(signal);
      const r = await route(options);
      const state = await availabilityOf(r);
      if (state === 'unavailable') throw new DOMException(`No model translates ${r.from} → ${r.to}.`, 'NotSupportedError');
      if (state !== 'available' && !activated)
        throw new DOMException('Translator.create() needs a user gesture while the model is not downloaded yet.', 'NotAllowedError');
      checkSignal(signal);
      const target = new EventTarget();
      monitor?.(target);
      let last = -1;
      const report = (loaded) => {
        if (signal?.aborted || loaded <= last) return;
        last = loaded;
        target.dispatchEvent(new ProgressEvent('downloadprogress', { loaded, total: 1, lengthComputable: true }));
      };
      report(0);
      const bytes = new Map();
      const pair = `${r.from}>${r.to}`;
      if (state !== 'available') downloading.add(pair);
      const creating = createTranslator({
        ...engine, from: r.from, to: r.to, modelsUrl,
        progressCallback: (e) => {
          if (!['progress', 'done', 'initiate'].includes(e.status) || !e.total) return;
          bytes.set(e.file, e);
          const all = [...bytes.values()];
          const total = all.reduce((s, x) => s + x.total, 0);
          // 1 is reported once the translator is ready, not when the last byte arrives.
          if (total) report(Math.min(0.99, all.reduce((s, x) => s + x.loaded, 0) / total));
        },
      }).finally(() => downloading.delete(pair));
      let t;
      try {
        t = await abortable(creating, signal);
      } catch (e) {
        creating.then((late) => late.dispose(), () => {});
        throw e;
      }
      report(1);
      const translator = new Translator(Translator.#key, t, r.from, r.to);
      // The create() signal keeps governing the translator's life (as in the spec).
      signal?.addEventListener('abort', () => translator.destroy(), { once: true });
      return translator;
    }

    #check(text, signal) {
      if (this.#destroyed) throw destroyedError();
      checkSignal(signal);
      const s = String(text);
      if (s.length > INPUT_QUOTA) throw quotaError(s.length);
      return s;
    }

    async measureInputUsage(text, { signal } = {}) {
      if (this.#destroyed) throw destroyedError();
      checkSignal(signal);
      return String(text).length;
    }

    async translate(text, { signal } = {}) {
      const s = this.#check(text, signal);
      if (ONLY_SPACE_OR_CONTROL.test(s)) return s;
      // Sentence by sentence (the models are trained on sentences), lines kept.
      const lines = s.split('\n');
      const out = await abortable(Promise.all(lines.map(async (line) => {
        if (ONLY_SPACE_OR_CONTROL.test(line)) return line;
        const parts = splitSentences(line.trim());
        const done = await this.#t.translate(parts.map((p) => p.text));
        return done.map((t, i) => (i ? parts[i].space : '') + t).join('');
      })), signal);
      if (this.#destroyed) throw destroyedError();
      return out.join('\n');
    }

    translateStreaming(text, { signal } = {}) {
      const s = this.#check(text, signal);
      const parts = ONLY_SPACE_OR_CONTROL.test(s) ? null : splitSentences(s);
      const streams = this.#streams;
      let controller;
      const t = this.#t;
      let i = 0;
      const stream = new ReadableStream({
        start(c) {
          controller = c;
          streams.add(c);
          signal?.addEventListener('abort', () => { try { c.error(abortError(signal)); } catch { /* closed */ } }, { once: true });
        },
        async pull(c) {
          if (!parts) { c.enqueue(s); c.close(); streams.delete(c); return; }
          if (i >= parts.length) { c.close(); streams.delete(c); return; }
          const p = parts[i];
          const [chunk] = await t.translate([p.text]);
          c.enqueue((i ? p.space : '') + chunk);
          i++;
        },
        cancel() { streams.delete(controller); },
      });
      return asyncIterable(stream);
    }

    destroy() {
      if (this.#destroyed) return;
      this.#destroyed = true;
      for (const c of this.#streams) { try { c.error(destroyedError()); } catch { /* closed */ } }
      this.#streams.clear();
      this.#t.dispose();
    }
  }
  return Translator;
}

// `for await (const chunk of translator.translateStreaming(text))`, as the spec's examples write it,
// also where ReadableStream is not async-iterable yet (Safari / WebKit).
function asyncIterable(stream) {
  if (typeof ReadableStream.prototype[Symbol.asyncIterator] === 'function') return stream;
  stream[Symbol.asyncIterator] = async function* chunks() {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  };
  return stream;
}

export function makeLanguageDetectorClass() {
  class LanguageDetector {
    #destroyed = false;
    static #key = Symbol('LanguageDetector');

    constructor(key, expectedInputLanguages) {
      if (key !== LanguageDetector.#key) throw new TypeError('Illegal constructor: use LanguageDetector.create()');
      this.expectedInputLanguages = expectedInputLanguages;
      this.inputQuota = INPUT_QUOTA;
    }

    // Nothing to download: the detector is part of the script.
    static async availability({ expectedInputLanguages = [] } = {}) {
      return expectedInputLanguages.every((l) => DETECTABLE_LANGUAGES.includes(lang(l))) ? 'available' : 'unavailable';
    }

    static async create({ expectedInputLanguages = null, monitor, signal } = {}) {
      checkSignal(signal);
      if (expectedInputLanguages && (await LanguageDetector.availability({ expectedInputLanguages })) === 'unavailable')
        throw new DOMException(`Languages not supported (supported: ${DETECTABLE_LANGUAGES.join(', ')}).`, 'NotSupportedError');
      const target = new EventTarget();
      monitor?.(target);
      target.dispatchEvent(new ProgressEvent('downloadprogress', { loaded: 0, total: 1, lengthComputable: true }));
      target.dispatchEvent(new ProgressEvent('downloadprogress', { loaded: 1, total: 1, lengthComputable: true }));
      const detector = new LanguageDetector(LanguageDetector.#key, expectedInputLanguages);
      signal?.addEventListener('abort', () => detector.destroy(), { once: true });
      return detector;
    }

    async detect(text, { signal } = {}) {
      if (this.#destroyed) throw destroyedError();
      checkSignal(signal);
      const s = String(text);
      if (s.length > INPUT_QUOTA) throw quotaError(s.length);
      return rankLanguages(s);
    }

    async measureInputUsage(text, { signal } = {}) {
      if (this.#destroyed) throw destroyedError();
      checkSignal(signal);
      return String(text).length;
    }

    destroy() { this.#destroyed = true; }
  }
  return LanguageDetector;
}

// Installs globalThis.Translator and globalThis.LanguageDetector where the browser has none
// (force: replace the browser's own). -> { Translator, LanguageDetector, installed: boolean }
export function installTranslatorPolyfill({ modelsUrl = env.modelsUrl, engine = {}, force = false } = {}) {
  const Translator = makeTranslatorClass({ modelsUrl, engine });
  const LanguageDetector = makeLanguageDetectorClass();
  const installed = force || typeof globalThis.Translator === 'undefined';
  if (installed) globalThis.Translator = Translator;
  if (force || typeof globalThis.LanguageDetector === 'undefined') globalThis.LanguageDetector = LanguageDetector;
  return { Translator, LanguageDetector, installed };
}
