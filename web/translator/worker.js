// The translation worker (a module Web Worker in browsers, a worker_thread in Node): the engine
// runs here so the page's main thread never blocks on translation.
// Messages in:  { type: 'init', engineUrl, wasm, threads, stages: [{ model, vocab }], backend, device, gpuMinLines, gpuBatch,
//                 gpuCalibrateSoftware (tests: run auto's measurement on a software adapter too) }
//               (a stage may carry a `shortlist` too)
//               { type: 'translate', id, lines, beam }   { type: 'lose-device' } (tests)   { type: 'dispose' }
// Messages out: { type: 'ready', device, threads, reason?, adapter? }
//               { type: 'result', id, lines, sourceTokens, device, fallback? } | { type: 'error', id?, code, message }
// Requests are handled one at a time, in order: the GPU decoder's buffers serve one batch at once.
import { EngineHost } from './engine-host.js';

let host = null;
let gpu = null;  // a GpuDecoder while WebGPU is in use
let gpuMinLines = 1;
let post;

// A batch of the size auto routes to the GPU, timed on both devices: auto keeps WebGPU only
// when it wins on this machine. Both decode the same sentences to the same outputs (same
// arithmetic), so the comparison is like for like.
const CALIBRATION = Array.from({ length: 16 }, (_, i) =>
  ['A man in a blue shirt is standing on a ladder cleaning windows.', 'Two young girls are playing in the sand near the water.',
    'A group of people are walking down a busy city street.', 'A dog is running through the grass with a ball in its mouth.'][i % 4]);

async function calibrate() {
  const t0 = performance.now();
  await translateOnGpu(CALIBRATION);
  const t1 = performance.now();
  host.translate(CALIBRATION, 1);
  const t2 = performance.now();
  return { gpuMs: Math.round(t1 - t0), wasmMs: Math.round(t2 - t1) };
}

// device 'webgpu': use WebGPU when it works at all; 'auto': only on an adapter that is not
// software-rendered (never faster than WASM here: npm run bench) and that beats WASM on a
// 16-sentence batch measured at start-up.
async function startGpu(msg) {
  // The GPU decoder scores the whole vocabulary; a shortlisted model stays on WASM so that its
  // translations do not depend on the device.
  if (msg.stages.some((s) => s.shortlist)) return { reason: 'a lexical shortlist is in use; the WebGPU decoder scores the whole vocabulary' };
  try {
    const { default: shaders } = await import(new URL('wgsl.mjs', msg.engineUrl).href);
    const { GpuDecoder } = await import('./webgpu/gpu-decoder.js');
    const auto = msg.device === 'auto';
    gpu = await GpuDecoder.create(shaders, msg.stages.map((s) => s.model),
      { maxBatch: msg.gpuBatch ?? 64, hardwareOnly: auto && !msg.gpuCalibrateSoftware });
    gpuMinLines = auto ? (msg.gpuMinLines ?? 8) : 1;
    if (auto) {
      await calibrate();  // first run compiles pipelines and warms both paths
      const { gpuMs, wasmMs } = await calibrate();
      if (gpuMs >= wasmMs) {
        const adapter = gpu.adapterInfo;
        gpu.destroy();
        gpu = null;
        return { reason: `measured on ${CALIBRATION.length} sentences: WebGPU ${gpuMs} ms, WASM ${wasmMs} ms`, adapter };
      }
      return { adapter: gpu.adapterInfo, measured: { gpuMs, wasmMs } };
    }
    return { adapter: gpu.adapterInfo };
  } catch (e) {
    try { gpu?.destroy(); } catch { /* already gone */ }
    gpu = null;
    return { reason: e.message };
  }
}

async function translateOnGpu(lines) {
  let text = lines, sourceTokens = 0;
  for (let stage = 0; stage < host.stages.length; stage++) {
    const plan = host.plan(stage, text);
    if (stage === 0) sourceTokens = plan.sourceTokens;
    text = host.assemble(stage, await gpu.decode(stage, plan.sources));
  }
  return { lines: text, sourceTokens };
}

async function handle(msg) {
  try {
    if (msg.type === 'init') {
      host = await EngineHost.create(msg.engineUrl, msg.wasm, msg.threads ?? 1);
      for (const s of msg.stages) host.addStage(s.model, s.vocab, msg.backend, s.shortlist);
      const gpuState = msg.device && msg.device !== 'wasm' ? await startGpu(msg) : {};
      post({ type: 'ready', device: gpu ? 'webgpu' : 'wasm', threads: host.threads, ...gpuState });
    } else if (msg.type === 'translate') {
      // Greedy requests big enough go to the GPU; beam search and small requests stay on WASM.
      if (gpu && msg.beam === 1 && msg.lines.length >= gpuMinLines) {
        try {
          post({ type: 'result', id: msg.id, device: 'webgpu', ...(await translateOnGpu(msg.lines)) });
          return;
        } catch (e) {
          // Any WebGPU failure: drop the GPU for good and redo the request on WASM.
          const fallback = gpu.lostReason ?? `WebGPU failed: ${e.message}`;
          try { gpu.destroy(); } catch { /* already gone */ }
          gpu = null;
          post({ type: 'result', id: msg.id, device: 'wasm', fallback, ...host.translate(msg.lines, 1) });
          return;
        }
      }
      post({ type: 'result', id: msg.id, device: 'wasm', ...host.translate(msg.lines, msg.beam) });
    } else if (msg.type === 'lose-device') {
      gpu?.loseDevice();
    } else if (msg.type === 'dispose') {
      gpu?.destroy();
      gpu = null;
      host?.dispose();
      host = null;
      post({ type: 'disposed' });
    }
  } catch (e) {
    const engine = typeof e?.code === 'number';
    post({ type: 'error', id: msg.id, engineCode: engine ? e.code : undefined, message: e?.message ?? String(e) });
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
