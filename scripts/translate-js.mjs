#!/usr/bin/env node
// Translates stdin line by line through the JS API (the WASM engine in a worker, and everything a
// page gets around it: kept terms, placeholders for what the model copies badly), one output line
// per input line. What a visitor reads, where scripts/translate shows the bare engine.
// Usage: node scripts/translate-js.mjs [--scores] MODEL.twm VOCAB.spm [SRC TGT] < in > out   (the languages: for dates)
// A lex.s2t.bin beside MODEL.twm (a shipped model's shortlist) is used, as a page uses it.
// --scores: each output line is "CONFIDENCE<TAB>translation" (translate(..., { scores: true }); "null" for none).
// --keep=TERMS: do-not-translate terms, comma-separated (the keep option).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
const shortlist = join(dirname(resolve(model)), 'lex.s2t.bin');
const t = await createTranslator({ from, to, keep, model: { model: pathToFileURL(resolve(model)).href, vocab: pathToFileURL(resolve(vocab)).href,
  ...(existsSync(shortlist) && { shortlist: pathToFileURL(shortlist).href }) } });
const out = await t.translate(lines, { scores });
process.stdout.write(out.map((o) => (scores ? `${o.confidence}\t${o.text}` : o)).join('\n') + '\n');
t.dispose();
