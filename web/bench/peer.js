// In-browser half of scripts/bench-peer.mjs: both engines in workers, as real pages run them.
// Query: ?input=URL&vocab=URL&ours_int8=URL&ours_f32=URL&ours_alphas=URL&marian_int8=URL&marian_f32=URL&marian_alphas=URL
// int8: our int8 scheme vs Bergamot int8shiftAll; alphas: the same intgemm8+alphas file on both
// (ours imported with Marian's arithmetic) vs int8shiftAlphaAll; f32: float32 on both.
import { createTranslator } from '/translator/index.js';
import { createBergamot } from '/peer/tools/bergamot.mjs';

const q = new URLSearchParams(location.search);
const text = async (u) => (await fetch(u)).text();
const bytes = async (u) => (await fetch(u)).arrayBuffer();

async function measure(make, lines) {
  const t0 = performance.now();
  const engine = await make();
  await engine.translate([lines[0]]);
  const first = performance.now() - t0;
  const t1 = performance.now();
  const out = await engine.translate(lines);
  const seconds = (performance.now() - t1) / 1000;
  engine.dispose();
  return { seconds, first, out };
}

async function run() {
  const lines = (await text(q.get('input'))).split('\n').filter(Boolean);
  const vocabUrl = q.get('vocab');
  const bergamotModule = await import('/peer/bergamot/translator.js');
  const counter = await createTranslator({ model: { model: q.get('ours_f32'), vocab: vocabUrl } });
  await counter.translate(lines);
  const tokens = counter.stats.sourceTokens;
  counter.dispose();
  const results = { sentences: lines.length, source_tokens: tokens };
  const precision = { int8: 'int8shiftAll', alphas: 'int8shiftAlphaAll', f32: 'float32' };
  for (const p of ['int8', 'alphas', 'f32']) {
    const ours = await measure(async () => {
      const t = await createTranslator({ model: { model: q.get(`ours_${p}`), vocab: vocabUrl } });
      return { translate: (x) => t.translate(x), dispose: () => t.dispose() };
    }, lines);
    const [model, vocab] = await Promise.all([bytes(q.get(`marian_${p}`)), bytes(vocabUrl)]);
    const berg = await measure(() => createBergamot({ model, vocab, precision: precision[p], module: bergamotModule }), lines);
    results[p] = {
      ours_tokens_per_s: tokens / ours.seconds, bergamot_tokens_per_s: tokens / berg.seconds,
      ours_first_translation_ms: ours.first, bergamot_first_translation_ms: berg.first,
      identical_outputs: ours.out.filter((o, i) => o === berg.out[i]).length,
    };
  }
  return results;
}

window.benchResult = run().then((r) => { document.getElementById('out').textContent = JSON.stringify(r, null, 2); return r; },
  (e) => { document.getElementById('out').textContent = String(e?.stack ?? e); throw e; });
