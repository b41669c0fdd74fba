// A translator's engine workers (engine-worker.js): started with the engine build's files, and
// each request shared among them.
import { EngineWorker } from './engine-worker.js';

// init: the workers' init message (engine-worker.js). The first worker gets the device asked for;
// with WebGPU it drives the GPU and is the only one (the GPU does the parallel work). Otherwise,
// for threads > 1 without the pthread engine, threads - 1 more on WASM. When the pthread engine
// does not start (a browser that refuses its worker pool), the single-threaded one does.
export async function startWorkers(init, device, build) {
  const workers = [];
  const startAll = async (n, initFor) => {
    const started = await Promise.allSettled(Array.from({ length: n }, () => EngineWorker.start(initFor)));
    for (const r of started) if (r.status === 'fulfilled') workers.push(r.value);
    if (started.some((r) => r.status === 'rejected')) {
      for (const w of workers) w.terminate();
      throw started.find((r) => r.status === 'rejected').reason;
    }
  };
  let wasmInit = init;
  try {
    await startAll(1, { ...init, device });
  } catch (e) {
    if (!build.pthreads) throw e;
    workers.length = 0;
    build.singleThreaded(`did not start (${e.message})`);
    wasmInit = { ...init, engineUrl: build.engineUrl, wasm: await build.download(), threads: 1 };
    await startAll(1, { ...wasmInit, device });
  }
  if (workers[0].state.device !== 'webgpu' && build.threads > 1 && !build.pthreads) await startAll(build.threads - 1, wasmInit);
  return workers;
}

// lines shared among the workers in contiguous parts -> each worker's answer, in order.
export function runShared(workers, lines, beam, scored) {
  const share = Math.ceil(lines.length / workers.length) || 1;
  return Promise.all(workers.map((w, i) => {
    const part = lines.slice(i * share, (i + 1) * share);
    return part.length ? w.run(part, beam, scored) : { lines: [], sourceTokens: 0, scores: [] };
  }));
}
