#!/usr/bin/env node
// Translates stdin line by line through the JS API (the WASM engine in a worker, and everything a
// page gets around it: kept terms, placeholders for what the model copies badly), one output line
// per input line. What a visitor reads, where scripts/translate shows the bare engine.
// Usage: node scripts/translate-js.mjs MODEL.twm VOCAB.spm [SRC TGT] < in > out   (the languages: for dates)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTranslator } from '../web/translator/index.js';

const [model, vocab, from, to] = process.argv.slice(2);
if (!vocab) {
  console.error('usage: node scripts/translate-js.mjs MODEL.twm VOCAB.spm < in > out');
  process.exit(2);
}
const lines = readFileSync(0, 'utf8').replace(/\n$/, '').split('\n');
const t = await createTranslator({ from, to, model: { model: pathToFileURL(resolve(model)).href, vocab: pathToFileURL(resolve(vocab)).href } });
process.stdout.write((await t.translate(lines)).join('\n') + '\n');
t.dispose();
