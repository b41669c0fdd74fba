// The translation worker (a module Web Worker in browsers, a worker_thread in Node): the engine
// runs here so the page's main thread never blocks on translation. Everything in this folder runs
// in the worker; the page side is web/translator/*.js (engine-worker.js starts this file).
// Messages in:  { type: 'init', engineUrl, wasm, threads, stages: [{ model, vocab, shortlist?, wasmShortlist? }], backend, device,
//                 gpuMinLines, gpuBatch, gpuCalibrateSoftware (tests: run auto's measurement on a software adapter too) }
//               { type: 'translate', id, lines, beam, scores (bool: also each line's confidence) }   { type: 'lose-device' } (tests)   { type: 'dispose' }
// Messages out: { type: 'ready', device, threads, placeholders, reason?, adapter?, measured? }
//               (placeholders: every stage's model passes {1}, {2}, … through: engine/model/config.h)
//               { type: 'result', id, lines, sourceTokens, scores (pipeline.js; null unless asked), device, fallback? } | { type: 'error', id?, code, message }
// Requests are handled one at a time, in order: the GPU decoder's buffers serve one batch at once.
import { startDevice, usesGpu } from './device-choice.js';
import { EngineHost } from './engine-host.js';
import { cpuDecoder, runPipeline } from './pipeline.js';

let host = null;
let choice = { gpu: null };  // device-choice.js startDevice
let post;

async function translate(msg) {
  if (usesGpu(choice, msg.lines, msg.beam)) {
    try {
      return { device: 'webgpu', ...(await runPipeline(host, choice.gpu, msg.lines, 1, msg.scores)) };
    } catch (e) {
      // Any WebGPU failure: drop the GPU for good and redo the request on WASM.
      const fallback = choice.gpu.lostReason ?? `WebGPU failed: ${e.message}`;
      try { choice.gpu.destroy(); } catch { /* already gone */ }
      choice = { gpu: null };
      return { device: 'wasm', fallback, ...(await runPipeline(host, cpuDecoder(host), msg.lines, 1, msg.scores)) };
    }
  }
  return { device: 'wasm', ...(await runPipeline(host, cpuDecoder(host), msg.lines, msg.beam, msg.scores)) };
}

async function handle(msg) {
  try {
    if (msg.type === 'init') {
      host = await EngineHost.create(msg.engineUrl, msg.wasm, msg.threads ?? 1);
      for (const s of msg.stages) host.addStage(s.model, s.vocab, msg.backend, s.shortlist);
      choice = await startDevice(msg, host);
      // A registry model's shortlist (wasmShortlist) speeds up the WASM engine only; it is applied
      // when WASM decodes every request, so that a translator's output never depends on the device
      // (the GPU decoder scores the whole vocabulary). A caller's own (shortlist) keeps it on WASM.
      if (!choice.gpu) msg.stages.forEach((s, i) => { if (s.wasmShortlist) host.setShortlist(i, s.wasmShortlist); });
      const placeholders = msg.stages.every((_, i) => host.config(i).placeholders === '{n}');
      post({ type: 'ready', threads: host.threads, placeholders, ...choice.state });
    } else if (msg.type === 'translate') {
      post({ type: 'result', id: msg.id, ...(await translate(msg)) });
    } else if (msg.type === 'lose-device') {
      choice.gpu?.loseDevice();
    } else if (msg.type === 'dispose') {
      choice.gpu?.destroy();
      choice = { gpu: null };
      host?.dispose();
      host = null;
      post({ type: 'disposed' });
    }
  } catch (e) {
    const engine = typeof e?.code === 'number';
    post({ type: 'error', id: msg.id, engineError: engine ? e.name : undefined, message: e?.message ?? String(e) });
  }
}

let queue = Promise.resolve();
const enqueue = (msg) => { queue = queue.then(() => handle(msg)); };

if (typeof self !== 'undefined' && typeof self.postMessage === 'function' && typeof window === 'undefined') {
  post = (m) => self.postMessage(m);
  self.onmessage = (e) => enqueue(e.data);
} else {
  const { parentPort } = await import('node:worker_threads');
  post = (m) => parentPort.postMessage(m);
  parentPort.on('message', enqueue);
}
