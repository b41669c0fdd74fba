// In-browser half of scripts/bench-peer.mjs: both engines in workers, as real pages run them.
// Query: ?input=URL&vocab=URL&ours_int8=URL&ours_f32=URL&ours_alphas=URL&marian_int8=URL&marian_f32=URL&marian_alphas=URL&rounds=N
//        [&shortlist=URL]: the model's lexical shortlist, given to both engines
// int8: our int8 scheme vs Bergamot int8shiftAll; alphas: the same intgemm8+alphas file on both
// (ours imported with Marian's arithmetic) vs int8shiftAlphaAll; f32: float32 on both.
import { createTranslator } from '/translator/index.js';
import { createBergamot } from '/peer/tools/bergamot.mjs';
import { comparePeers, peerReport } from '/bench/peer-compare.js';

const q = new URLSearchParams(location.search);
const text = async (u) => (await fetch(u)).text();
const bytes = async (u) => (await fetch(u)).arrayBuffer();

async function run() {
  const lines = (await text(q.get('input'))).split('\n').filter(Boolean);
  const vocabUrl = q.get('vocab');
  const shortlistUrl = q.get('shortlist');
  const shortlist = shortlistUrl ? await bytes(shortlistUrl) : null;
  const bergamotModule = await import('/peer/bergamot/translator.js');
  const counter = await createTranslator({ model: { model: q.get('ours_f32'), vocab: vocabUrl } });
  await counter.translate(lines);
  const tokens = counter.stats.sourceTokens;
  counter.dispose();
  const results = { sentences: lines.length, source_tokens: tokens };
  const precision = { int8: 'int8shiftAll', alphas: 'int8shiftAlphaAll', f32: 'float32' };
  for (const p of ['int8', 'alphas', 'f32']) {
    const [model, vocab] = await Promise.all([bytes(q.get(`marian_${p}`)), bytes(vocabUrl)]);
    const r = await comparePeers({
      ours: async () => {
        const t = await createTranslator({ model: { model: q.get(`ours_${p}`), vocab: vocabUrl, ...(shortlistUrl && { shortlist: shortlistUrl }) } });
        return { translate: (x) => t.translate(x), dispose: () => t.dispose() };
      },
      bergamot: () => createBergamot({ model, vocab, shortlist: shortlist?.slice(0), precision: precision[p], module: bergamotModule }),
    }, lines, Number(q.get('rounds') ?? 3));
    results[p] = peerReport(r, tokens);
  }
  return results;
}

window.benchResult = run().then((r) => { document.getElementById('out').textContent = JSON.stringify(r, null, 2); return r; },
  (e) => { document.getElementById('out').textContent = String(e?.stack ?? e); throw e; });
