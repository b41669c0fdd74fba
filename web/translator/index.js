// Public API: private, on-device translation in a worker.
//
//   import { createTranslator } from './translator/index.js';
//   const t = await createTranslator({ from: 'en', to: 'de', progressCallback: console.log });
//   await t.translate('A dog runs through the snow.');          // -> string
//   await t.translate(['One.', 'Two.']);                         // -> string[]
//   await t.translate('One.', { scores: true });                 // -> { text, confidence }
//   for await (const partial of t.translateStreaming(longText)) render(partial);
//   t.dispose();
//
// Works in browsers (module Worker, fetch + IndexedDB) and in Node 20 (worker_threads, file: URLs).
import { EngineWorker } from './engine-worker.js';
import { ErrorCodes, TranslatorError } from './errors.js';
import { assertSupported, isNode } from './features.js';
import { checkDeviceOption } from './device-option.js';
import { fetchVerified } from './fetch-verified.js';
import { confidenceOf, wantsScores } from './confidence.js';
import { normalizeKeepTerms } from './keep-terms.js';
import { translateText } from './text-pipeline.js';
import { localizeQuantityText } from './quantities.js';
import { splitSentences } from './sentences.js';

export { ErrorCodes, TranslatorError } from './errors.js';
export { splitSentences } from './sentences.js';
// For a caller that translates pages (the widget uses these, and only this module of the API):
// the page's language, whether a text is an address, and the placeholder protocol ({1}, {2}, …
// in text sent to models that pass them through).
export { pageLanguage } from './detect-language.js';
export { betweenPlaceholders, cutAtPlaceholders, fillFound, fillPlaceholders, hasBrokenPlaceholder, hasPlaceholder, joinWithPlaceholders, placeholder } from './placeholders.js';
export { isAddress } from './verbatim.js';

// The engine's files in a folder (the build's web/engine/, or dist/engine/ beside a bundle).
export function engineFilesAt(folderUrl) {
  return {
    engineUrl: new URL('engine.mjs', folderUrl).href,
    wasmUrl: new URL('engine.wasm', folderUrl).href,
    // The pthread build, used for threads > 1 where shared memory is allowed.
    engineMtUrl: new URL('engine-mt.mjs', folderUrl).href,
    wasmMtUrl: new URL('engine-mt.wasm', folderUrl).href,
  };
}

const here = import.meta.url;
export const env = {
  modelsUrl: new URL('../../models/', here).href,   // registry.json and model directories
  ...engineFilesAt(new URL('../engine/', here)),
};

// Shared-memory threads need SharedArrayBuffer, which browsers only give cross-origin-isolated
// pages (COOP same-origin + COEP require-corp); Node always has it.
export const canUsePthreads = () => typeof SharedArrayBuffer === 'function' &&
  (isNode || globalThis.crossOriginIsolated === true);

// WebKitGTK, for one, has no SharedArrayBuffer even on a cross-origin-isolated page.
const noPthreadsReason = () => (globalThis.crossOriginIsolated === true
  ? 'this browser has no SharedArrayBuffer, even on this cross-origin-isolated page: one engine worker per thread'
  : 'the page is not cross-origin isolated (no SharedArrayBuffer): one engine worker per thread');

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

// The files a stage needs: model, vocab and (when the model has one) a lexical shortlist.
export const stageFileKinds = (stage) => ['model', 'vocab', ...(stage.files.shortlist ? ['shortlist'] : [])];

// A stage's file as fetchVerified takes it: registry files are under modelsUrl, others by URL.
export function modelFile(stage, kind, modelsUrl = env.modelsUrl) {
  const f = stage.files[kind];
  return { ...f, url: f.sha256 ? new URL(f.path, modelsUrl).href : f.url };
}

/**
 * options: { from, to, model?: registry id or { model: url, vocab: url, shortlist?: url }, device?: 'auto'|'wasm'|'webgpu',
 *            threads?, threadMode?: 'auto'|'workers', beam?, progressCallback?, modelsUrl?, engineUrl?, wasmUrl?,
 *            engineMtUrl?, wasmMtUrl? (the pthread engine),
 *            gpuBatch? (sentences per GPU batch, 64), gpuMinLines? (auto: smaller requests stay on WASM, 8),
 *            keep? (do-not-translate terms: an array, or one comma-separated string) }
 * device: 'wasm' (default) runs the WASM engine; 'webgpu' decodes greedy requests on WebGPU when
 * an adapter works; 'auto' does so only on a hardware adapter (worker/device-choice.js). Either
 * falls back to WASM on any WebGPU failure and reports why (translator.deviceReason, progress
 * event 'fallback').
 */
export async function createTranslator(options = {}) {
  const { from, to, progressCallback = () => {}, beam = 1 } = options;
  assertSupported();
  const keep = normalizeKeepTerms(options.keep);
  const device = options.device ?? 'wasm';
  checkDeviceOption(device);  // before anything is downloaded
  const modelsUrl = options.modelsUrl ?? env.modelsUrl;
  const progress = (e) => { try { progressCallback(e); } catch { /* a throwing callback must not break loading */ } };

  let stages;
  if (options.model && typeof options.model === 'object') {
    const files = { model: { url: options.model.model }, vocab: { url: options.model.vocab } };
    if (options.model.shortlist) files.shortlist = { url: options.model.shortlist };
    stages = [{ files, id: 'custom', from, to }];  // from, to: the caller's word (dates need them)
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

  // threads > 1: on cross-origin-isolated pages (and in Node) one worker runs the pthread engine
  // (engine-mt) with that many threads sharing one model and splitting each layer. Elsewhere, or
  // with threadMode 'workers', that many engine workers, each with its own copy of the model
  // (8 MB), take contiguous shares of every request: no SharedArrayBuffer needed.
  const threads = Math.max(1, Math.min(Number(options.threads) || 1, 16));
  const threadMode = options.threadMode ?? 'auto';
  if (!['auto', 'workers'].includes(threadMode))
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, `threadMode must be 'auto' or 'workers', not '${threadMode}'`);
  let pthreads = threads > 1 && threadMode === 'auto' && canUsePthreads();
  let threadingReason = threads > 1 && threadMode === 'auto' && !pthreads ? noPthreadsReason() : null;
  const engineFiles = (mt) => ({
    wasmUrl: mt ? options.wasmMtUrl ?? env.wasmMtUrl : options.wasmUrl ?? env.wasmUrl,
    engineUrl: mt ? options.engineMtUrl ?? env.engineMtUrl : options.engineUrl ?? env.engineUrl,
  });
  let { engineUrl } = engineFiles(pthreads);
  const label = { model: 'model.twm', vocab: 'vocab.spm', shortlist: 'lex.s2t.bin' };
  const downloadEngine = (mt) => fetchVerified({ url: engineFiles(mt).wasmUrl }, mt ? 'engine-mt.wasm' : 'engine.wasm', progress);
  // A site that deployed only the single-threaded engine still works with threads > 1.
  const engineDownload = downloadEngine(pthreads).catch((e) => {
    if (!pthreads) throw e;
    pthreads = false;
    threadingReason = `the multi-threaded engine could not be loaded (${e.message}): one engine worker per thread`;
    ({ engineUrl } = engineFiles(false));
    return downloadEngine(false);
  });
  const [wasm, ...downloads] = await Promise.all([
    engineDownload,
    ...stages.flatMap((s) => stageFileKinds(s).map((k) => fetchVerified(modelFile(s, k, modelsUrl), `${s.id}/${label[k]}`, progress))),
  ]);
  let at = 0;
  const stageFiles = stages.map((s) => Object.fromEntries(stageFileKinds(s).map((k) => [k, downloads[at++]])));

  let init = { engineUrl, wasm, backend: 'native', threads: pthreads ? threads : 1,
    stages: stageFiles,
    gpuBatch: options.gpuBatch, gpuMinLines: options.gpuMinLines, gpuCalibrateSoftware: options.gpuCalibrateSoftware };
  // With WebGPU the first worker drives the GPU and is the only one: the GPU does the parallel
  // work. When WebGPU is not used (absent, failed, or not worth it) the pool is all WASM.
  const workers = [];
  const startAll = async (n, initFor) => {
    const started = await Promise.allSettled(Array.from({ length: n }, () => EngineWorker.start(initFor)));
    for (const r of started) if (r.status === 'fulfilled') workers.push(r.value);
    if (started.some((r) => r.status === 'rejected')) {
      for (const w of workers) w.terminate();
      throw started.find((r) => r.status === 'rejected').reason;
    }
  };
  try {
    await startAll(1, { ...init, device });
  } catch (e) {
    if (!pthreads) throw e;
    // The pthread engine did not start (e.g. the browser refused its worker pool): single-threaded.
    workers.length = 0;
    pthreads = false;
    threadingReason = `the multi-threaded engine did not start (${e.message}): one engine worker per thread`;
    ({ engineUrl } = engineFiles(false));
    init = { ...init, engineUrl, wasm: await downloadEngine(false), threads: 1 };
    await startAll(1, { ...init, device });
  }
  const first = workers[0].state;
  if (first.device !== 'webgpu' && threads > 1 && !pthreads) await startAll(threads - 1, init);
  progress({ status: 'ready', file: stages.map((s) => s.id).join('+'), loaded: 0, total: 0 });
  if (device !== 'wasm' && first.device !== 'webgpu') progress({ status: 'fallback', device: 'wasm', reason: first.reason });
  let disposed = false;

  // Lines are sent as they are; a text containing newlines is translated line by line. scored:
  // also each line's mean log-probability (worker/pipeline.js).
  const run = async (lines, scored = false) => {
    if (disposed) throw new TranslatorError(ErrorCodes.DISPOSED, 'translator was disposed');
    const share = Math.ceil(lines.length / workers.length) || 1;
    const parts = await Promise.all(workers.map((w, i) => {
      const part = lines.slice(i * share, (i + 1) * share);
      return part.length ? w.run(part, beam, scored) : { lines: [], sourceTokens: 0, scores: [] };
    }));
    for (const p of parts)
      if (p.fallback && translator.device === 'webgpu') {
        translator.device = 'wasm';
        translator.deviceReason = p.fallback;
        progress({ status: 'fallback', device: 'wasm', reason: p.fallback });
      }
    return { lines: parts.flatMap((p) => p.lines), sourceTokens: parts.reduce((s, p) => s + p.sourceTokens, 0),
      scores: scored ? parts.flatMap((p) => p.scores) : null };
  };

  const translator = {
    from: stages[0].from, to: stages[stages.length - 1].to, route: stages.map((s) => s.id),
    stats: { sourceTokens: 0 },
    keep,  // do-not-translate terms, kept verbatim in every translation
    // True when every model of the route passes placeholders {1}, {2}, … through untouched (the
    // model file says so): callers may stand them in for text that must stay as written.
    placeholders: first.placeholders === true,
    // 'webgpu' or 'wasm'; deviceReason says why WebGPU is not in use when it was asked for.
    device: first.device, deviceReason: first.reason ?? null, adapter: first.adapter ?? null,
    // auto on a hardware adapter: the start-up measurement that chose the device
    deviceMeasurement: first.measured ?? null,
    // A text that is wholly a price, a separator-written number or a percentage, in the target's
    // format ("€89.90" -> "89,90 €" for German); other text unchanged. No model involved.
    localizeQuantity(text) {
      return localizeQuantityText(String(text), translator.from, translator.to);
    },
    // { scores: true }: each translation as { text, confidence } (confidence.js).
    async translate(input, options = {}) {
      const scored = wantsScores(options);
      const many = Array.isArray(input);
      const texts = many ? input : [input];
      const lines = texts.flatMap((t) => String(t).split('\n'));
      const res = await translateText(lines, keep, (sent) => run(sent, scored), translator.placeholders, translator);
      translator.stats.sourceTokens += res.sourceTokens;
      let at = 0;
      const out = texts.map((t) => {
        const n = String(t).split('\n').length;
        const text = res.lines.slice(at, at + n).join('\n');
        const scores = res.scores.slice(at, at + n);
        at += n;
        return scored ? { text, confidence: confidenceOf(scores) } : text;
      });
      return many ? out : out[0];
    },
    // Yields the translation so far after each sentence.
    async *translateStreaming(text) {
      const parts = splitSentences(String(text));
      let sofar = '';
      for (const p of parts) {
        const [t] = (await translateText([p.text], keep, run, translator.placeholders, translator)).lines;
        sofar += (sofar && p.space ? p.space : '') + t;
        yield sofar;
      }
    },
    // 'pthreads' (one engine, threads sharing each layer), 'workers' (one engine per thread) or 'single'
    threading: pthreads && first.threads > 1 ? 'pthreads' : workers.length > 1 ? 'workers' : 'single',
    threadingReason,  // why threads > 1 did not get the pthread engine, or null
    threads: pthreads ? first.threads : workers.length,
    // Tests and demos: simulate losing the GPU (the next request falls back to WASM).
    loseDevice() { workers[0].loseDevice(); },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const w of workers) {
        w.failAll(new TranslatorError(ErrorCodes.DISPOSED, 'translator was disposed'));
        w.terminate();
      }
    },
  };
  return translator;
}
