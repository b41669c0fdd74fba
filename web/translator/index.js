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
import { ErrorCodes, TranslatorError } from './errors.js';
import { assertSupported } from './features.js';
import { checkDeviceOption } from './device-option.js';
import { EngineBuild, env } from './engine-build.js';
import { downloadStages, stagesFor } from './route.js';
import { runShared, startWorkers } from './worker-pool.js';
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

export { loadRegistry, modelFile, planRoute, stageFileKinds } from './route.js';
export { canUsePthreads, engineFilesAt, env } from './engine-build.js';

/**
 * options: { from, to, model?: registry id or { model: url, vocab: url, shortlist?: url }, device?: 'auto'|'wasm'|'webgpu',
 *            threads?, threadMode?: 'auto'|'workers', beam?, progressCallback?, modelsUrl?, engineUrl?, wasmUrl?,
 *            engineMtUrl?, wasmMtUrl? (the pthread engine),
 *            gpuBatch? (sentences per GPU batch, 64), gpuMinLines? (auto: smaller requests stay on WASM, 8),
 *            keep? (do-not-translate terms: an array, or one comma-separated string),
 *            shortlist? (false: score the whole vocabulary, leaving a registry model's shortlist unfetched) }
 * device: 'wasm' (default) runs the WASM engine; 'webgpu' decodes greedy requests on WebGPU when
 * an adapter works; 'auto' does so only on a hardware adapter (worker/device-choice.js). Either
 * falls back to WASM on any WebGPU failure and reports why (translator.deviceReason, progress
 * event 'fallback').
 * A registry model's lexical shortlist (models/ID/lex.s2t.bin) makes the WASM engine score only
 * each sentence's likely target pieces (its model card gives the quality with and without); it is used
 * whenever WASM decodes every request, not with device 'webgpu'.
 */
export async function createTranslator(options = {}) {
  const { from, to, progressCallback = () => {}, beam = 1 } = options;
  assertSupported();
  const keep = normalizeKeepTerms(options.keep);
  const device = options.device ?? 'wasm';
  checkDeviceOption(device);  // before anything is downloaded
  if (options.shortlist !== undefined && typeof options.shortlist !== 'boolean')
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, `shortlist must be true or false, not ${JSON.stringify(options.shortlist)}`);
  const modelsUrl = options.modelsUrl ?? env.modelsUrl;
  const progress = (e) => { try { progressCallback(e); } catch { /* a throwing callback must not break loading */ } };

  const stages = await stagesFor(options, modelsUrl);
  const build = new EngineBuild(options, progress);
  const [wasm, stageFiles] = await Promise.all([build.download(), downloadStages(stages, modelsUrl, progress, { device, shortlist: options.shortlist })]);
  const init = { engineUrl: build.engineUrl, wasm, backend: 'native', threads: build.pthreads ? build.threads : 1,
    // A registry model's shortlist goes to the worker as wasmShortlist (worker.js applies it when WASM decodes).
    stages: stageFiles.map(({ shortlist, ...f }, i) => (!shortlist ? f : stages[i].id === 'custom' ? { ...f, shortlist } : { ...f, wasmShortlist: shortlist })),
    gpuBatch: options.gpuBatch, gpuMinLines: options.gpuMinLines, gpuCalibrateSoftware: options.gpuCalibrateSoftware };
  const workers = await startWorkers(init, device, build);
  const first = workers[0].state;
  progress({ status: 'ready', file: stages.map((s) => s.id).join('+'), loaded: 0, total: 0 });
  if (device !== 'wasm' && first.device !== 'webgpu') progress({ status: 'fallback', device: 'wasm', reason: first.reason });
  let disposed = false;

  // Lines are sent as they are; a text containing newlines is translated line by line. scored:
  // also each line's mean log-probability (worker/pipeline.js).
  const run = async (lines, scored = false) => {
    if (disposed) throw new TranslatorError(ErrorCodes.DISPOSED, 'translator was disposed');
    const parts = await runShared(workers, lines, beam, scored);
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
    threading: build.pthreads && first.threads > 1 ? 'pthreads' : workers.length > 1 ? 'workers' : 'single',
    threadingReason: build.reason,  // why threads > 1 did not get the pthread engine, or null
    threads: build.pthreads ? first.threads : workers.length,
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
