// Finding a WebGPU device, and telling a real GPU from a software one.
export class GpuUnavailable extends Error {}

// -> { device, adapterInfo: { vendor, architecture, description }, software }
// Throws GpuUnavailable with the reason when WebGPU cannot be used here.
export async function openGpuDevice() {
  const gpu = globalThis.navigator?.gpu;
  if (!gpu) throw new GpuUnavailable('this environment has no WebGPU (navigator.gpu is missing)');
  let adapter;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    throw new GpuUnavailable(`requesting a WebGPU adapter failed: ${e.message}`);
  }
  if (!adapter) throw new GpuUnavailable('no WebGPU adapter is available');
  const info = adapter.info ?? {};
  const adapterInfo = { vendor: info.vendor ?? '', architecture: info.architecture ?? '', description: info.description ?? '' };
  // A fallback adapter (SwiftShader and the like) runs shaders on the CPU, slower than our WASM.
  const software = Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter) ||
    /swiftshader|llvmpipe|software|warp/i.test(Object.values(adapterInfo).join(' '));
  let device;
  try {
    device = await adapter.requestDevice();
  } catch (e) {
    throw new GpuUnavailable(`requesting a WebGPU device failed: ${e.message}`);
  }
  return { device, adapterInfo, software };
}
