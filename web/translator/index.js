// Public API: private, on-device translation in a worker.
//
//   import { createTranslator } from './translator/index.js';
//   const t = await createTranslator({ from: 'en', to: 'de', progressCallback: console.log });
//   await t.translate('A dog runs through the snow.');          // -> string
//   await t.translate(['One.', 'Two.']);                         // -> string[]
//   for await (const partial of t.translateStreaming(longText)) render(partial);
//   t.dispose();
//
// Works in browsers (module Worker, fetch + Cache API) and in Node 20 (worker_threads, file: URLs).
import { ErrorCodes, TranslatorError, fromEngineError } from './errors.js';
import { assertSupported, isNode } from './features.js';
import { fetchVerified } from './fetch-verified.js';
import { splitSentences } from './sentences.js';

export { ErrorCodes, TranslatorError } from './errors.js';
export { splitSentences } from './sentences.js';

const here = import.meta.url;
export const env = {
  modelsUrl: new URL('../../models/', here).href,   // registry.json and model directories
  engineUrl: new URL('../engine/engine.mjs', here).href,
  wasmUrl: new URL('../engine/engine.wasm', here).href,
};

const registryCache = new Map();

export async function loadRegistry(modelsUrl = env.modelsUrl) {
  if (!registryCache.has(modelsUrl)) {
    registryCache.set(modelsUrl, (async () => {
      const file = { url: new URL('registry.json', modelsUrl).href };
      const bytes = await fetchVerified(file, 'registry.json', () => {});
      return JSON.parse(new TextDecoder().decode(bytes));
    })().catch((e) => { registryCache.delete(modelsUrl); throw e; }));
  }
  return registryCache.get(modelsUrl);
}

// The models to chain for from -> to: direct, or through English.
export function planRoute(registry, from, to) {
  const find = (a, b) => registry.models.find((m) => m.from === a && m.to === b);
  const direct = find(from, to);
  if (direct) return [direct];
  if (from !== 'en' && to !== 'en' && find(from, 'en') && find('en', to)) return [find(from, 'en'), find('en', to)];
  const pairs = registry.models.map((m) => `${m.from}→${m.to}`).join(', ');
  throw new TranslatorError(ErrorCodes.UNKNOWN_PAIR, `no model translates ${from}→${to} (available: ${pairs})`, { from, to });
}

function startWorker() {
  const url = new URL('./worker.js', here);
  if (isNode) {
    return import('node:worker_threads').then(({ Worker }) => {
      const w = new Worker(url);
      return {
        post: (m, transfer) => w.postMessage(m, transfer),
        onMessage: (fn) => w.on('message', fn),
        onError: (fn) => w.on('error', fn),
        terminate: () => w.terminate(),
      };
    });
  }
  const w = new Worker(url, { type: 'module' });
  return Promise.resolve({
    post: (m, transfer) => w.postMessage(m, transfer),
    onMessage: (fn) => w.addEventListener('message', (e) => fn(e.data)),
    onError: (fn) => w.addEventListener('error', (e) => fn(e)),
    terminate: () => w.terminate(),
  });
}

/**
 * options: { from, to, model?: registry id or { model: url, vocab: url }, device?: 'auto'|'wasm'|'webgpu',
 *            threads?, beam?, progressCallback?, modelsUrl?, engineUrl?, wasmUrl? }
 */
export async function createTranslator(options = {}) {
  const { from, to, progressCallback = () => {}, beam = 1 } = options;
  assertSupported();
  const modelsUrl = options.modelsUrl ?? env.modelsUrl;
  const progress = (e) => { try { progressCallback(e); } catch { /* a throwing callback must not break loading */ } };

  let stages;
  if (options.model && typeof options.model === 'object') {
    stages = [{ files: { model: { url: options.model.model }, vocab: { url: options.model.vocab } }, id: 'custom' }];
  } else {
    const registry = await loadRegistry(modelsUrl);
    if (typeof options.model === 'string') {
      const m = registry.models.find((x) => x.id === options.model);
      if (!m) throw new TranslatorError(ErrorCodes.UNKNOWN_PAIR, `no model '${options.model}' in the registry`);
      stages = [m];
    } else {
      stages = planRoute(registry, from, to);
    }
  }

  const wasmUrl = options.wasmUrl ?? env.wasmUrl;
  const [wasm, ...files] = await Promise.all([
    fetchVerified({ url: wasmUrl }, 'engine.wasm', progress),
    ...stages.flatMap((s) => ['model', 'vocab'].map((k) => fetchVerified(
      { ...s.files[k], url: s.files[k].sha256 ? new URL(s.files[k].path, modelsUrl).href : s.files[k].url },
      `${s.id}/${k === 'model' ? 'model.twm' : 'vocab.spm'}`, progress))),
  ]);

  const worker = await startWorker();
  const pending = new Map();
  let nextId = 1;
  let disposed = false;
  let readyResolve, readyReject;
  const ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  const toError = (m) => (m.engineCode !== undefined ? fromEngineError(m.engineCode, m.message) : new TranslatorError(ErrorCodes.INTERNAL, m.message));
  worker.onMessage((m) => {
    if (m.type === 'ready') readyResolve();
    else if (m.type === 'error' && m.id === undefined) readyReject(toError(m));
    else if (m.type === 'result' || m.type === 'error') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.type === 'result') p.resolve(m); else p.reject(toError(m));
    }
  });
  worker.onError((e) => {
    const err = new TranslatorError(ErrorCodes.INTERNAL, `translation worker failed: ${e.message ?? e}`);
    readyReject(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  worker.post({
    type: 'init', engineUrl: options.engineUrl ?? env.engineUrl, wasm, backend: 'native',
    stages: stages.map((_, i) => ({ model: files[2 * i], vocab: files[2 * i + 1] })),
  });
  try {
    await ready;
  } catch (e) {
    worker.terminate();
    throw e;
  }
  progress({ status: 'ready', file: stages.map((s) => s.id).join('+'), loaded: 0, total: 0 });

  // Lines are sent as they are; a text containing newlines is translated line by line.
  const run = (lines) => {
    if (disposed) return Promise.reject(new TranslatorError(ErrorCodes.DISPOSED, 'translator was disposed'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.post({ type: 'translate', id, lines, beam });
    });
  };

  const translator = {
    from: stages[0].from, to: stages[stages.length - 1].to, route: stages.map((s) => s.id),
    stats: { sourceTokens: 0 },
    async translate(input, opts = {}) {
      const many = Array.isArray(input);
      const texts = many ? input : [input];
      const lines = texts.flatMap((t) => String(t).split('\n'));
      const res = await run(lines);
      translator.stats.sourceTokens += res.sourceTokens;
      let at = 0;
      const out = texts.map((t) => { const n = String(t).split('\n').length; const s = res.lines.slice(at, at + n).join('\n'); at += n; return s; });
      void opts;
      return many ? out : out[0];
    },
    // Yields the translation so far after each sentence.
    async *translateStreaming(text) {
      const parts = splitSentences(String(text));
      let sofar = '';
      for (const p of parts) {
        const [t] = (await run([p.text])).lines;
        sofar += (sofar && p.space ? p.space : '') + t;
        yield sofar;
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const p of pending.values()) p.reject(new TranslatorError(ErrorCodes.DISPOSED, 'translator was disposed'));
      pending.clear();
      worker.terminate();
    },
  };
  return translator;
}
