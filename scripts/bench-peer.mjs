#!/usr/bin/env node
// Side-by-side benchmark against Bergamot (not a test): the same trained weights (our en-de
// checkpoint exported to Marian .bin for Bergamot, to TWMODEL for us), the same 1 000
// test_2016_flickr sentences, 1 thread each, greedy, int8 and float32, in Node.
// Usage: node scripts/bench-peer.mjs [model-id] [sentences]     (default en-de, 1000)
// Three comparisons: int8 = the shipped model (ours, our int8 scheme) vs its intgemm8 .bin
// (Bergamot int8shiftAll); alphas = one intgemm8 + alphas .bin on both (ours imported with
// Marian's int8 arithmetic, Bergamot int8shiftAlphaAll: the very same integers); f32 = float32 on
// both. Each comparison alternates TW_BENCH_ROUNDS (3) rounds of all sentences per engine and keeps
// the median (web/bench/peer-compare.js); the ratio's range over the rounds is printed beside it.
// Where the model ships a lexical shortlist (models/ID/lex.s2t.bin, as the widget uses it), both
// engines get it; TW_BENCH_NO_SHORTLIST=1 runs both on the whole vocabulary.
// Writes build/bench/peer.json.
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTranslator } from '../web/translator/index.js';
import { createBergamot } from './peer/bergamot.mjs';
import { marianFiles } from './peer/marian-files.mjs';
import { shippedShortlist } from './bench-stages.mjs';
import { comparePeers, peerReport } from '../web/bench/peer-compare.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelId = process.argv[2] ?? 'en-de';
const count = Number(process.argv[3] ?? 1000);
const rounds = Number(process.env.TW_BENCH_ROUNDS ?? 3);  // alternate rounds per engine; the median is kept
const files = marianFiles(modelId);
const { vocab: vocabPath, oursInt8, oursF32, oursMarianInt8 } = files;
const shortlistPath = shippedShortlist(modelId);  // null without one, or with TW_BENCH_NO_SHORTLIST
const lines = gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', 'test_2016_flickr.en.gz')))
  .toString('utf8').split('\n').filter(Boolean).slice(0, count);
const words = lines.reduce((s, l) => s + l.split(/\s+/).filter(Boolean).length, 0);
const buf = (p) => { const b = readFileSync(p); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };
const peakRss = () => process.memoryUsage().rss;

// Source tokens are counted once, with our tokenizer, for both engines (same vocabulary).
const counter = await createTranslator({ model: { model: pathToFileURL(oursF32).href, vocab: pathToFileURL(vocabPath).href } });
await counter.translate(lines);
const srcTokens = counter.stats.sourceTokens;
counter.dispose();

const results = {};
const runs = {
  int8: { ours: oursInt8, bergamot: files.int8Bin, precision: 'int8shiftAll' },
  alphas: { ours: oursMarianInt8, bergamot: files.alphaBin, precision: 'int8shiftAlphaAll' },
  f32: { ours: oursF32, bergamot: files.f32Bin, precision: 'float32' },
};
for (const [precision, run] of Object.entries(runs)) {
  const oursFile = run.ours;
  const r = await comparePeers({
    ours: async () => {
      const t = await createTranslator({ model: { model: pathToFileURL(oursFile).href, vocab: pathToFileURL(vocabPath).href,
        ...(shortlistPath && { shortlist: pathToFileURL(shortlistPath).href }) } });
      return { translate: (x) => t.translate(x), dispose: () => t.dispose() };
    },
    bergamot: () => createBergamot({ model: buf(run.bergamot), vocab: buf(vocabPath), shortlist: shortlistPath && buf(shortlistPath),
      precision: run.precision }),
  }, lines, rounds);
  results[precision] = { ...peerReport(r, srcTokens), ours_words_per_s: words / r.ours.seconds, bergamot_words_per_s: words / r.bergamot.seconds,
    sentences: lines.length };
}
const berg = join(root, 'node_modules', '@browsermt', 'bergamot-translator', 'worker');
const size = (files) => files.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
const download = {
  ours_gzip_bytes: size([join(root, 'web', 'engine', 'engine.wasm'), join(root, 'web', 'engine', 'engine.mjs'), oursInt8, vocabPath,
    ...(shortlistPath ? [shortlistPath] : [])]),
  bergamot_gzip_bytes: size([join(berg, 'bergamot-translator-worker.wasm'), join(berg, 'bergamot-translator-worker.js'), files.int8Bin, vocabPath,
    ...(shortlistPath ? [shortlistPath] : [])]),
};
// The same comparison in headless Chromium: both engines in Web Workers, as real pages run them.
async function chromiumRun() {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('./serve.mjs');
  const { CHROMIUM_ARGS } = await import('../tests/e2e/browser.mjs');
  writeFileSync(join(files.dir, 'input.txt'), lines.join('\n') + '\n');
  const server = await startServer({ port: 0, mounts: {
    '/peer/bergamot/': join(root, 'node_modules', '@browsermt', 'bergamot-translator'),
    '/peer/tools/': join(root, 'scripts', 'peer'),
    '/bench-files/': files.dir,
  } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const f = (name) => `/bench-files/${name}`;
    const query = new URLSearchParams({ input: f('input.txt'), vocab: f('vocab.spm'), ours_int8: `/models/${modelId}/model.twm`,
      ours_f32: f('model.f32.twm'), ours_alphas: f('model.marian-int8.twm'), marian_int8: f('model.intgemm8.bin'),
      marian_f32: f('model.f32.bin'), marian_alphas: f('model.intgemm8.alphas.bin'), rounds: String(rounds),
      ...(shortlistPath && { shortlist: `/models/${modelId}/lex.s2t.bin` }) });
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/peer.html?${query}`);
    return await page.evaluate(() => window.benchResult);
  } finally {
    await browser.close();
    server.close();
  }
}
const chromiumResults = process.env.TW_BENCH_NO_CHROMIUM ? null : await chromiumRun();

const report = { date: new Date().toISOString(), model: modelId, shortlist: Boolean(shortlistPath), sentences: lines.length, source_tokens: srcTokens, words, threads: 1,
  node: { ...results.int8, alphas_same_file: results.alphas, float32: results.f32 }, download, peak_rss_bytes: peakRss(),
  chromium: chromiumResults && { ...chromiumResults.int8, alphas_same_file: chromiumResults.alphas, float32: chromiumResults.f32 },
  chromium_note: 'headless Chromium, both engines in Web Workers, 1 thread; in CI-like machines this is a software-only browser' };
mkdirSync(join(root, 'build', 'bench'), { recursive: true });
writeFileSync(join(root, 'build', 'bench', 'peer.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`${lines.length} sentences, ${srcTokens} source tokens, 1 thread, ${rounds} alternate rounds (median), ` +
  `${shortlistPath ? 'both with the model\'s shortlist' : 'whole vocabulary'}, Node ${process.version}`);
console.log('precision  ours tok/s  bergamot tok/s  ratio (range)       identical  first ms (ours/bergamot)');
for (const [p, r] of Object.entries(results)) {
  console.log(`${p.padEnd(9)}${r.ours_tokens_per_s.toFixed(0).padStart(12)}${r.bergamot_tokens_per_s.toFixed(0).padStart(16)}` +
    `${r.ratio.toFixed(2).padStart(7)} (${r.ratio_min.toFixed(2)}-${r.ratio_max.toFixed(2)})${`${r.identical_outputs}/${r.sentences}`.padStart(11)}` +
    `   ${r.ours_first_translation_ms.toFixed(0)}/${r.bergamot_first_translation_ms.toFixed(0)}`);
}
if (chromiumResults) {
  for (const p of ['int8', 'alphas', 'f32']) {
    const r = chromiumResults[p];
    console.log(`chromium ${p.padEnd(5)} ours ${r.ours_tokens_per_s.toFixed(0)} tok/s, bergamot ${r.bergamot_tokens_per_s.toFixed(0)} tok/s, ` +
      `ratio ${r.ratio.toFixed(2)} (${r.ratio_min.toFixed(2)}-${r.ratio_max.toFixed(2)}), identical ${r.identical_outputs}/${chromiumResults.sentences}, ` +
      `first ms ${r.ours_first_translation_ms.toFixed(0)}/${r.bergamot_first_translation_ms.toFixed(0)}`);
  }
}
console.log(`download (gzip): ours ${download.ours_gzip_bytes} bytes, bergamot ${download.bergamot_gzip_bytes} bytes`);
process.exit(0);
