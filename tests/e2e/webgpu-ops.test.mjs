// Every WGSL kernel on its own in headless Chromium (a software WebGPU adapter here), dispatched
// by the GpuDecoder's op methods, against the WASM engine's result for the same operation
// (tests/e2e/webgpu-ops/: reference.cc built into build/wasm, harness.js). The design promises
// the same bits; this localizes a difference the 1 000-sentence end-to-end test would only see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDemo } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('each WGSL kernel equals the WASM engine bit for bit', { timeout: 300_000 }, async () => {
  const d = await openDemo({ widget: false, mounts: { '/webgpu-ops/': join(root, 'tests', 'e2e', 'webgpu-ops'), '/build-wasm/': join(root, 'build', 'wasm') } });
  try {
    const { adapter, results } = await d.page.evaluate(async () => (await import('/webgpu-ops/harness.js')).runOpTests());
    console.log(`# adapter ${JSON.stringify(adapter)}`);
    for (const r of results) console.log(`# ${r.name}: ${r.values - r.differing}/${r.values} identical${r.first ? `; first: ${r.first}` : ''}`);
    const kernels = new Set(results.map((r) => r.name.split(' ')[0]));
    assert.deepEqual([...kernels].sort(), ['add_layernorm', 'advance', 'argmax', 'attention', 'embed_source', 'embed_target', 'gemm_qs8', 'quantize', 'ssru']);
    for (const r of results) {
      assert.ok(r.values > 0, `${r.name}: nothing compared`);
      assert.equal(r.differing, 0, `${r.name}: ${r.differing} of ${r.values} values differ (${r.first})`);
    }
  } finally {
    await d.close();
  }
});
