// Browsers without WebGPU (Firefox ESR and WebKitGTK here): asked for 'auto', the JS API chooses
// WASM without a word to the console; asked for 'webgpu', it falls back to WASM and says why.
// Translations are the engine's either way. (Chromium has a software adapter: webgpu.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { openDemo } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

const LINES = ['A dog runs through the snow.', 'Two children are playing in a park.'];

for (const engine of enginesToTest().filter((e) => e !== 'chromium')) {
  test(`${engine}: no WebGPU: 'auto' is WASM silently, 'webgpu' falls back and says why`, { timeout: 120_000 }, async () => {
    const d = await openDemo({ browser: engine, widget: false });
    try {
      const r = await d.page.evaluate(async (lines) => {
        const { createTranslator } = await import('/translator/index.js');
        const events = [];
        const auto = await createTranslator({ from: 'en', to: 'de', device: 'auto' });
        const gpu = await createTranslator({ from: 'en', to: 'de', device: 'webgpu', progressCallback: (e) => events.push(e) });
        try {
          return { hasGpu: 'gpu' in navigator && !!navigator.gpu, auto: { device: auto.device, text: await auto.translate(lines) },
            gpu: { device: gpu.device, reason: gpu.deviceReason, text: await gpu.translate(lines),
              fallbacks: events.filter((e) => e.status === 'fallback').length } };
        } finally {
          auto.dispose();
          gpu.dispose();
        }
      }, LINES);
      assert.equal(r.hasGpu, false);
      const want = await expectedTranslation('en-de', LINES);
      assert.equal(r.auto.device, 'wasm');
      assert.deepEqual(r.auto.text, want);
      assert.equal(r.gpu.device, 'wasm');
      assert.match(r.gpu.reason, /no WebGPU/);
      assert.deepEqual(r.gpu.text, want);
      assert.deepEqual(d.consoleErrors, [], 'nothing reaches the console');
    } finally {
      await d.close();
    }
  });
}
