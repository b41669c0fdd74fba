#!/usr/bin/env node
// Two models side by side (not a test): WASM engine in Node, one thread, the same general-domain
// text (newstest2013, our news dev set: real sentences, not captions), runs interleaved A B A B A B
// so that a noisy shared machine hits both alike. Words per second compare models with different
// vocabularies; the ratio B/A is what a model change costs or gains.
// Usage: node scripts/bench-models.mjs SRC TGT DIR_A DIR_B [sentences=300]
//        (each DIR holds model.twm and vocab.spm; e.g. the caption model from git and a new one)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTranslator } from '../web/translator/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [src, tgt, dirA, dirB, n = '300'] = process.argv.slice(2);
if (!dirB) {
  console.error('usage: node scripts/bench-models.mjs SRC TGT DIR_A DIR_B [sentences]');
  process.exit(2);
}
const pair = [src, tgt].includes('en') ? (src === 'en' ? `en-${tgt}` : `en-${src}`) : null;
const column = src === 'en' ? 0 : 1;
const lines = gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'general', `news.${pair}.tsv.gz`))).toString('utf8')
  .split('\n').map((l) => l.split('\t')).filter((f) => f[2] === 'newstest2013').map((f) => f[column]).slice(0, Number(n));
const words = lines.reduce((s, l) => s + l.split(/\s+/).filter(Boolean).length, 0);

const open = (dir) => createTranslator({
  model: { model: pathToFileURL(resolve(dir, 'model.twm')).href, vocab: pathToFileURL(resolve(dir, 'vocab.spm')).href } });
const [a, b] = [await open(dirA), await open(dirB)];
for (const t of [a, b]) await t.translate(lines.slice(0, 8));  // warm-up
const runs = { A: [], B: [] };
for (let round = 0; round < 3; round++) {
  for (const [name, t] of [['A', a], ['B', b]]) {
    const t0 = performance.now();
    await t.translate(lines);
    runs[name].push(words / ((performance.now() - t0) / 1000));
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[1];
const [wa, wb] = [median(runs.A), median(runs.B)];
console.log(JSON.stringify({ sentences: lines.length, words, A: { dir: dirA, words_per_s: Math.round(wa), runs: runs.A.map(Math.round) },
  B: { dir: dirB, words_per_s: Math.round(wb), runs: runs.B.map(Math.round) }, ratio_B_over_A: Number((wb / wa).toFixed(3)) }, null, 1));
a.dispose();
b.dispose();
