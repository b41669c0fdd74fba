#!/usr/bin/env node
// Translates stdin line by line through the JS API (the WASM engine in a worker, and everything a
// page gets around it: kept terms, placeholders for what the model copies badly), one output line
// per input line. What a visitor reads, where scripts/translate shows the bare engine.
// Usage: node scripts/translate-js.mjs [--scores] MODEL.twm VOCAB.spm [SRC TGT] < in > out   (the languages: for dates)
// --scores: each output line is "CONFIDENCE<TAB>translation" (translate(..., { scores: true }); "null" for none).
// --keep=TERMS: do-not-translate terms, comma-separated (the keep option).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTranslator } from '../web/translator/index.js';

const args = process.argv.slice(2);
const scores = args.includes('--scores');
const keep = args.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
const [model, vocab, from, to] = args.filter((a) => !a.startsWith('--'));
if (!vocab) {
  console.error('usage: node scripts/translate-js.mjs MODEL.twm VOCAB.spm < in > out');
  process.exit(2);
}
const lines = readFileSync(0, 'utf8').replace(/\n$/, '').split('\n');
const t = await createTranslator({ from, to, keep, model: { model: pathToFileURL(resolve(model)).href, vocab: pathToFileURL(resolve(vocab)).href } });
const out = await t.translate(lines, { scores });
process.stdout.write(out.map((o) => (scores ? `${o.confidence}\t${o.text}` : o)).join('\n') + '\n');
t.dispose();
