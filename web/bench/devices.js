// Per-device throughput for calls of 1, 8 and 64 sentences: the data behind device 'auto'.
// Opened by scripts/bench.mjs in headless Chromium (window.benchResult), or by hand in a browser
// with a real GPU. Sentences: a JSON array at ?sentences=URL (scripts/bench.mjs passes the
// test_2016_flickr ones), else a few built-in ones repeated.
import { createTranslator } from '/translator/index.js';

const q = new URLSearchParams(location.search);
const model = q.get('model') ?? 'en-de';
const n = Number(q.get('n') ?? 64);
const batches = (q.get('batches') ?? '1,8,64').split(',').map(Number);
const devices = (q.get('devices') ?? 'wasm,webgpu').split(',');
const out = document.getElementById('out');
const log = (s) => { out.textContent = (out.textContent === 'running…' ? '' : out.textContent) + s + '\n'; };

async function sentences() {
  if (q.get('sentences')) return (await (await fetch(q.get('sentences'))).json()).slice(0, n);
  const base = ['A dog runs through the snow.', 'Two men are playing football in a park.', 'A girl in a red dress sits on a bench.', 'A man is cooking in a small kitchen.'];
  return Array.from({ length: n }, (_, i) => base[i % base.length]);
}

async function run() {
  const lines = await sentences();
  const results = [];
  for (const device of devices) {
    const t = await createTranslator({ model, device, gpuMinLines: 1 });
    log(`${device}: running on ${t.device}${t.deviceReason ? ` (${t.deviceReason})` : ''}${t.adapter ? ` adapter ${JSON.stringify(t.adapter)}` : ''}`);
    await t.translate(lines.slice(0, 2));  // warm-up: compiles and allocates
    for (const batch of batches) {
      t.stats.sourceTokens = 0;
      const t0 = performance.now();
      for (let i = 0; i < lines.length; i += batch) await t.translate(lines.slice(i, i + batch));
      const seconds = (performance.now() - t0) / 1000;
      const r = { device, ran_on: t.device, batch, sentences: lines.length, seconds, src_tokens_per_s: t.stats.sourceTokens / seconds, adapter: t.adapter };
      results.push(r);
      log(`  batch ${String(batch).padStart(3)}: ${r.src_tokens_per_s.toFixed(0).padStart(6)} source tokens/s (${seconds.toFixed(1)} s)`);
    }
    t.dispose();
  }
  window.benchResult = results;
}

run().catch((e) => { log(`failed: ${e.message}`); window.benchResult = { error: e.message }; });
