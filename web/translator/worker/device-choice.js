// The one place that decides which device decodes (the option itself is checked on the page,
// ../device-option.js):
//   at worker start-up, whether WebGPU is used at all (startDevice);
//   per request, which decoder runs it (decoderFor).
// device 'wasm' (default): the WASM engine only. 'webgpu': WebGPU decodes greedy requests when an
// adapter works. 'auto': only on an adapter that is not software-rendered (never faster than WASM
// here: npm run bench) and that beats WASM on a 16-sentence batch measured at start-up.
import { cpuDecoder, runPipeline } from './pipeline.js';

// A batch of the size auto routes to the GPU, timed on both devices. Both decode the same
// sentences to the same outputs (same arithmetic), so the comparison is like for like.
const calibrationLines = () => Array.from({ length: 16 }, (_, i) =>
  ['A man in a blue shirt is standing on a ladder cleaning windows.', 'Two young girls are playing in the sand near the water.',
    'A group of people are walking down a busy city street.', 'A dog is running through the grass with a ball in its mouth.'][i % 4]);

async function calibrate(host, gpu) {
  const CALIBRATION = calibrationLines();
  const t0 = performance.now();
  await runPipeline(host, gpu, CALIBRATION, 1);
  const t1 = performance.now();
  await runPipeline(host, cpuDecoder(host), CALIBRATION, 1);
  const t2 = performance.now();
  return { gpuMs: Math.round(t1 - t0), wasmMs: Math.round(t2 - t1), sentences: CALIBRATION.length };
}

// init: the worker's init message (device, gpuBatch, gpuMinLines, gpuCalibrateSoftware, engineUrl,
// stages). -> { gpu: a GpuDecoder or null, minLines, state: { device, reason?, adapter?, measured? } }
export async function startDevice(init, host) {
  const wasm = (reason, adapter) => ({ gpu: null, minLines: Infinity, state: { device: 'wasm', reason, adapter } });
  if (!init.device || init.device === 'wasm') return wasm();
  // The GPU decoder scores the whole vocabulary; a shortlisted model stays on WASM so that its
  // translations do not depend on the device.
  if (init.stages.some((s) => s.shortlist)) return wasm('a lexical shortlist is in use; the WebGPU decoder scores the whole vocabulary');
  let gpu = null;
  try {
    const { default: shaders } = await import(new URL('wgsl.mjs', init.engineUrl).href);
    const { GpuDecoder } = await import('./webgpu/gpu-decoder.js');
    const auto = init.device === 'auto';
    gpu = await GpuDecoder.create(shaders, host.stages.map((_, stage) => host.describe(stage)),
      { maxBatch: init.gpuBatch ?? 64, hardwareOnly: auto && !init.gpuCalibrateSoftware });
    const minLines = auto ? (init.gpuMinLines ?? 8) : 1;
    if (!auto) return { gpu, minLines, state: { device: 'webgpu', adapter: gpu.adapterInfo } };
    await calibrate(host, gpu);  // the first run compiles pipelines and warms both paths
    const measured = await calibrate(host, gpu);
    if (measured.gpuMs >= measured.wasmMs) {
      gpu.destroy();
      return wasm(`measured on ${measured.sentences} sentences: WebGPU ${measured.gpuMs} ms, WASM ${measured.wasmMs} ms`, gpu.adapterInfo);
    }
    return { gpu, minLines, state: { device: 'webgpu', adapter: gpu.adapterInfo, measured } };
  } catch (e) {
    try { gpu?.destroy(); } catch { /* already gone */ }
    return wasm(e.message);
  }
}

// Greedy requests big enough go to the GPU; beam search and small requests stay on WASM.
export const usesGpu = (choice, lines, beam) => Boolean(choice.gpu) && beam === 1 && lines.length >= choice.minLines;
