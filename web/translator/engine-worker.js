// One engine worker (a module Web Worker, or a worker_thread in Node) and its request bookkeeping.
import { ErrorCodes, TranslatorError, fromEngineError } from './errors.js';
import { isNode } from './features.js';

// The worker's entry (worker/worker.js); the one-file build bundles it as worker.js beside the
// script and defines __TW_WORKER_FILE__ so (scripts/bundle.mjs).
const workerUrl = new URL(typeof __TW_WORKER_FILE__ === 'string' ? __TW_WORKER_FILE__ : './worker/worker.js', import.meta.url);

async function spawn() {
  if (isNode) {
    const { Worker } = await import('node:worker_threads');
    const w = new Worker(workerUrl);
    return { post: (m) => w.postMessage(m), onMessage: (fn) => w.on('message', fn), onError: (fn) => w.on('error', fn), terminate: () => w.terminate() };
  }
  const w = new Worker(workerUrl, { type: 'module' });
  return {
    post: (m) => w.postMessage(m),
    onMessage: (fn) => w.addEventListener('message', (e) => fn(e.data)),
    onError: (fn) => w.addEventListener('error', (e) => fn(e)),
    terminate: () => w.terminate(),
  };
}

const toError = (m) => (m.engineError !== undefined ? fromEngineError(m.engineError, m.message) : new TranslatorError(ErrorCodes.INTERNAL, m.message));

export class EngineWorker {
  // init: { engineUrl, wasm, backend, device, stages: [{ model, vocab }] }; resolves once the
  // engine is loaded; w.state is then { device: 'webgpu'|'wasm', placeholders, reason?, adapter? }.
  static async start(init) {
    const w = new EngineWorker(await spawn());
    w.worker.post({ type: 'init', ...init });
    try {
      w.state = await w.ready;
    } catch (e) {
      w.terminate();
      throw e;
    }
    return w;
  }

  constructor(worker) {
    this.worker = worker;
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => { this.readyResolve = resolve; this.readyReject = reject; });
    worker.onMessage((m) => {
      if (m.type === 'ready') this.readyResolve({ device: m.device, reason: m.reason, adapter: m.adapter, measured: m.measured, threads: m.threads, placeholders: m.placeholders });
      else if (m.type === 'error' && m.id === undefined) this.readyReject(toError(m));
      else if (m.type === 'result' || m.type === 'error') {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (p) (m.type === 'result' ? p.resolve(m) : p.reject(toError(m)));
      }
    });
    worker.onError((e) => this.failAll(new TranslatorError(ErrorCodes.INTERNAL, `translation worker failed: ${e.message ?? e}`)));
  }

  // -> { lines, sourceTokens, scores (worker/pipeline.js; null unless scores), device, fallback? }
  run(lines, beam, scores = false) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.post({ type: 'translate', id, lines, beam, scores });
    });
  }

  // Tests: destroys this worker's WebGPU device, as a driver reset would.
  loseDevice() {
    this.worker.post({ type: 'lose-device' });
  }

  failAll(err) {
    this.readyReject(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  terminate() {
    this.worker.terminate();
  }
}
