// The WebGPU decoder in headless Chromium (a software adapter here: correctness, not speed).
// It must match the WASM engine's int8 path, which uses the same arithmetic, on all 1 000
// test_2016_flickr sentences, and fall back to WASM when the GPU goes away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDemo } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = (lang) => gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', `test_2016_flickr.${lang}.gz`)))
  .toString('utf8').split('\n').filter((l) => l.length > 0);

function bleu(hyps, refs) {
  const code = 'import json,sys\nfrom nmt.bleu import corpus_bleu\nd=json.load(sys.stdin)\nprint(corpus_bleu(d["h"], d["r"])["score"])';
  return Number(execFileSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify({ h: hyps, r: refs }), env: { ...process.env, PYTHONPATH: join(root, 'scripts') } }));
}

test('en-de on WebGPU: all 1 000 sentences identical to WASM', { timeout: 1_800_000 }, async () => {
  const src = corpus('en'), refs = corpus('de');
  assert.equal(src.length, 1000);
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async (lines) => {
      const { createTranslator } = await import('/translator/index.js');
      const cpu = await createTranslator({ from: 'en', to: 'de', device: 'wasm', shortlist: false });  // as the GPU: the whole vocabulary
      const gpu = await createTranslator({ from: 'en', to: 'de', device: 'webgpu' });
      const t0 = performance.now();
      const a = await cpu.translate(lines);
      const t1 = performance.now();
      const b = await gpu.translate(lines);
      const t2 = performance.now();
      // Confidence on both devices, on a slice (the same definition; the GPU sums in f32).
      const slice = lines.slice(0, 200);
      const scores = { wasm: await cpu.translate(slice, { scores: true }), webgpu: await gpu.translate(slice, { scores: true }), device: gpu.device };
      const out = { wasm: a, webgpu: b, device: gpu.device, reason: gpu.deviceReason, adapter: gpu.adapter, wasmMs: t1 - t0, gpuMs: t2 - t1, scores };
      cpu.dispose(); gpu.dispose();
      return out;
    }, src);
    assert.equal(r.device, 'webgpu', `WebGPU was not used: ${r.reason}`);
    const differing = src.map((_, i) => i).filter((i) => r.wasm[i] !== r.webgpu[i]);
    const [bw, bg] = [bleu(r.wasm, refs), bleu(r.webgpu, refs)];
    console.log(`# adapter ${JSON.stringify(r.adapter)}: ${1000 - differing.length}/1000 identical; BLEU wasm ${bw.toFixed(2)}, webgpu ${bg.toFixed(2)}; ` +
      `${(r.wasmMs / 1000).toFixed(1)} s on WASM, ${(r.gpuMs / 1000).toFixed(1)} s on WebGPU`);
    for (const i of differing.slice(0, 10)) console.log(`# differs ${i}: ${src[i]}\n#   wasm:   ${r.wasm[i]}\n#   webgpu: ${r.webgpu[i]}`);
    // The kernels reproduce the engine's int8 arithmetic exactly (ARCHITECTURE.md): no output may differ.
    assert.equal(differing.length, 0, `${differing.length} of 1000 outputs differ`);
    assert.ok(bw > 20, `BLEU ${bw} is implausibly low for the shipped model`);
    assert.equal(r.scores.device, 'webgpu');
    assert.deepEqual(r.scores.webgpu.map((s) => s.text), r.scores.wasm.map((s) => s.text));
    const gaps = r.scores.wasm.map((s, i) => Math.abs(Math.log(s.confidence) - Math.log(r.scores.webgpu[i].confidence)));
    console.log(`# confidence, WebGPU vs WASM on 200 sentences: largest log-probability gap ${Math.max(...gaps).toExponential(2)}`);
    assert.ok(Math.max(...gaps) < 1e-4, `WebGPU confidence differs by up to ${Math.max(...gaps)} in log-probability`);
  } finally {
    await d.close();
  }
});

test('losing the GPU mid-session falls back to WASM, reports why, and loses no request', { timeout: 300_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async () => {
      const { createTranslator } = await import('/translator/index.js');
      const events = [];
      const lines = ['A dog runs through the snow.', 'Two children are playing on the beach.'];
      const gpu = await createTranslator({ from: 'en', to: 'de', device: 'webgpu', progressCallback: (e) => events.push(e) });
      const cpu = await createTranslator({ from: 'en', to: 'de', device: 'wasm', shortlist: false });  // as the GPU: the whole vocabulary
      const before = await gpu.translate(lines);
      const deviceBefore = gpu.device;
      gpu.loseDevice();
      const after = await gpu.translate(lines);
      const again = await gpu.translate(['A man is cooking.']);
      const expected = await cpu.translate(lines);
      const out = { before, after, again, expected, deviceBefore, deviceAfter: gpu.device, reason: gpu.deviceReason,
        fallback: events.filter((e) => e.status === 'fallback') };
      gpu.dispose(); cpu.dispose();
      return out;
    });
    assert.equal(r.deviceBefore, 'webgpu');
    assert.deepEqual(r.before, r.expected);
    assert.deepEqual(r.after, r.expected, 'the request that met the lost device is redone on WASM');
    assert.equal(r.again.length, 1);
    assert.ok(r.again[0].length > 0);
    assert.equal(r.deviceAfter, 'wasm');
    assert.match(r.reason, /lost|destroyed/i);
    assert.equal(r.fallback.length, 1);
    assert.match(r.fallback[0].reason, /lost|destroyed/i);
  } finally {
    await d.close();
  }
});

test("device 'auto' keeps a software adapter off the hot path and says why; bad device names are refused", { timeout: 300_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async () => {
      const { createTranslator } = await import('/translator/index.js');
      const events = [];
      const t = await createTranslator({ from: 'en', to: 'de', device: 'auto', progressCallback: (e) => events.push(e) });
      const text = await t.translate('A dog runs through the snow.');
      const out = { device: t.device, reason: t.deviceReason, text, fallback: events.filter((e) => e.status === 'fallback').length };
      t.dispose();
      try {
        await createTranslator({ from: 'en', to: 'de', device: 'cuda' });
      } catch (e) {
        out.badDevice = { code: e.code, message: e.message };
      }
      return out;
    });
    assert.equal(r.device, 'wasm');
    assert.match(r.reason, /software/);
    assert.equal(r.fallback, 1);
    assert.ok(r.text.length > 0);
    assert.equal(r.badDevice.code, 'invalid-option');
    assert.match(r.badDevice.message, /'cuda'/);
  } finally {
    await d.close();
  }
});

test("device 'auto' on an adapter it may use measures WebGPU against WASM and keeps the faster", { timeout: 600_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async () => {
      const { createTranslator } = await import('/translator/index.js');
      // gpuCalibrateSoftware: treat SwiftShader like a hardware adapter, so the measurement runs.
      const t = await createTranslator({ from: 'en', to: 'de', device: 'auto', gpuCalibrateSoftware: true });
      const out = { device: t.device, reason: t.deviceReason, text: await t.translate('A dog runs through the snow.') };
      t.dispose();
      return out;
    });
    // On this machine's software adapter WASM wins by far (npm run bench): the measurement says so.
    assert.equal(r.device, 'wasm');
    const m = r.reason.match(/WebGPU (\d+) ms, WASM (\d+) ms/);
    assert.ok(m, r.reason);
    assert.ok(Number(m[1]) >= Number(m[2]), r.reason);
    assert.ok(r.text.length > 0);
  } finally {
    await d.close();
  }
});

test('bad text on WebGPU: empty lines, an over-long word, a 400-word paragraph, broken UTF-16 — same as WASM', { timeout: 600_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async () => {
      const { createTranslator } = await import('/translator/index.js');
      const words = ['A', 'man', 'in', 'a', 'red', 'shirt', 'walks', 'his', 'dog', '.'];
      const lines = ['', 'A dog runs.', '   ', `${'x'.repeat(150)} runs in the park`,
        Array.from({ length: 400 }, (_, i) => words[i % 10]).join(' '), '🙂 \uD800 zero\u200Bwidth e\u0301'];
      const cpu = await createTranslator({ from: 'en', to: 'de', device: 'wasm', shortlist: false });  // as the GPU: the whole vocabulary
      const gpu = await createTranslator({ from: 'en', to: 'de', device: 'webgpu' });
      const out = { wasm: await cpu.translate(lines), webgpu: await gpu.translate(lines), device: gpu.device };
      cpu.dispose(); gpu.dispose();
      return out;
    });
    assert.equal(r.device, 'webgpu');
    assert.deepEqual(r.webgpu, r.wasm);
    assert.equal(r.webgpu.length, 6);
    assert.equal(r.webgpu[0], '');
    assert.ok(r.webgpu[3].startsWith('x'.repeat(150)), 'the over-long word is kept verbatim');
  } finally {
    await d.close();
  }
});
