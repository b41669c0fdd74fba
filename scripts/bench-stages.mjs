#!/usr/bin/env node
// Where a translation's time goes (not a test): the engine's stage timing (engine/core/profile.h)
// natively (tw-translate --profile) and in WASM under Node (the same C API the worker uses), on
// one thread, the same sentences; plus what the JS API adds around the engine (worker, messages,
// text pipeline) for one call of all sentences and for one-sentence calls. Part of `npm run bench`;
// alone: node scripts/bench-stages.mjs [model-id] [sentences]
// Both engines use the model's lexical shortlist where it ships one (as the CLI and the JS API do);
// TW_BENCH_NO_SHORTLIST=1: both score the whole vocabulary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineHost } from '../web/translator/worker/engine-host.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const noShortlist = Boolean(process.env.TW_BENCH_NO_SHORTLIST);
// The model's shipped shortlist, or null (none, or TW_BENCH_NO_SHORTLIST).
export const shippedShortlist = (modelId) => {
  const p = join(root, 'models', modelId, 'lex.s2t.bin');
  return !noShortlist && existsSync(p) ? p : null;
};

export function benchSentences(modelId, count) {
  const registry = JSON.parse(readFileSync(join(root, 'models', 'registry.json'), 'utf8'));
  const model = registry.models.find((m) => m.id === modelId);
  if (!model) throw new Error(`no model '${modelId}' in models/registry.json`);
  return gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', `test_2016_flickr.${model.from}.gz`)))
    .toString('utf8').split('\n').filter(Boolean).slice(0, count);
}

// The stages in reading order; what the total holds beyond them is "search and batching".
const ORDER = ['tokenize', 'encoder: embedding', /^encoder: layer/, 'encoder: cross-attention keys and values',
  'decoder: embedding', 'decoder: SSRU', 'decoder: self-attention', 'decoder: cross-attention', 'decoder: feed-forward',
  'decoder: output layer', 'decoder: argmax (and score)', 'detokenize'];
const TOTAL = 'translate (all stages)';

const byStage = (json) => Object.fromEntries(JSON.parse(json).stages.map((s) => [s.stage, s]));

// Native: runs the CLI and reads the JSON it writes on stderr; the best of three runs (the least
// total), as for WASM below, so that neither column is one cold run.
function native(modelId, lines) {
  let best = null;
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(join(root, 'build', 'tw-translate'), ['--model', join(root, 'models', modelId), '--profile', '--threads', '1',
      ...(noShortlist ? ['--no-shortlist'] : [])],
      { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`tw-translate --profile failed: ${r.stderr}`);
    const stages = byStage(r.stderr.trim().split('\n').pop());
    if (!best || stages[TOTAL].ms < best[TOTAL].ms) best = stages;
  }
  return best;
}

// WASM under Node: the single-threaded engine module, one tw_translate call of all lines.
// The single-threaded WASM engine in engineDir (engine.mjs + engine.wasm) with one model, through
// the C API the worker uses: run(text) -> the translation; profile() -> the stages since
// m._tw_profile_start(). Also scripts/bench-ab.mjs's way to load each of its two builds.
// shortlist: a lex.s2t.bin path, or null for the whole vocabulary.
export async function wasmEngine(engineDir, modelId, shortlist = null) {
  const host = await EngineHost.create(pathToFileURL(join(engineDir, 'engine.mjs')).href, readFileSync(join(engineDir, 'engine.wasm')), 1);
  host.addStage(readFileSync(join(root, 'models', modelId, 'model.twm')), readFileSync(join(root, 'models', modelId, 'vocab.spm')),
    'native', shortlist && readFileSync(shortlist));
  const m = host.m, handle = host.stages[0];
  return {
    m,
    run(text) {
      const p = host.cString(text);
      const out = m._tw_translate(handle, p, 1);
      m._free(p);
      if (!out) throw host.error();
      return m.UTF8ToString(out);
    },
    profile: () => byStage(m.UTF8ToString(m._tw_profile_json())),
  };
}

async function wasm(modelId, lines) {
  const { m, run, profile } = await wasmEngine(join(root, 'web', 'engine'), modelId, shippedShortlist(modelId));
  run(lines.slice(0, 8).join('\n'));  // warm-up, as the JS API's figures have one
  // The best of three (the machine is shared): the run with the least total.
  let stages = null;
  for (let i = 0; i < 3; i++) {
    m._tw_profile_start();
    run(lines.join('\n'));
    const s = profile();
    if (!stages || s[TOTAL].ms < stages[TOTAL].ms) stages = s;
  }
  m._tw_profile_start();
  for (const line of lines.slice(0, 40)) run(line);
  const one = profile()[TOTAL];
  m._tw_profile_stop();
  return { stages, one_sentence_ms: one.ms / one.calls };
}

// The JS API (worker, messages, text pipeline) in Node, 1 thread: the same calls.
async function api(modelId, lines) {
  const { createTranslator } = await import('../web/translator/index.js');
  const t = await createTranslator({ model: modelId, threads: 1, shortlist: !noShortlist });
  await t.translate(lines.slice(0, 8));
  let all_ms = Infinity, t0;
  for (let i = 0; i < 3; i++) {  // the best of three, as for the engine alone
    t0 = performance.now();
    await t.translate(lines);
    all_ms = Math.min(all_ms, performance.now() - t0);
  }
  t0 = performance.now();
  for (const line of lines.slice(0, 40)) await t.translate(line);
  const one_sentence_ms = (performance.now() - t0) / 40;
  t.dispose();
  return { all_ms, one_sentence_ms };
}

export async function stageProfile(modelId, lines) {
  const n = native(modelId, lines), w = await wasm(modelId, lines), a = await api(modelId, lines);
  const names = Object.keys(n).filter((s) => s !== TOTAL)
    .sort((x, y) => ORDER.findIndex((o) => (o instanceof RegExp ? o.test(x) : o === x)) - ORDER.findIndex((o) => (o instanceof RegExp ? o.test(y) : o === y)));
  const row = (stage, nm, wm) => ({ stage, native_ms: nm, wasm_ms: wm });
  const rows = names.map((s) => row(s, n[s].ms, w.stages[s]?.ms ?? 0));
  const rest = (p) => p[TOTAL].ms - names.reduce((sum, s) => sum + (p[s]?.ms ?? 0), 0);
  rows.push(row('search and batching (the rest)', rest(n), rest(w.stages)));
  rows.push(row(TOTAL, n[TOTAL].ms, w.stages[TOTAL].ms));
  return {
    sentences: lines.length, rows,
    js_api: { all_ms: a.all_ms, overhead_ms: a.all_ms - w.stages[TOTAL].ms,
      one_sentence_ms: a.one_sentence_ms, one_sentence_overhead_ms: a.one_sentence_ms - w.one_sentence_ms, engine_one_sentence_ms: w.one_sentence_ms },
  };
}

export function printStageProfile(p) {
  const total = p.rows.at(-1);
  console.log(`stage profile, ${p.sentences} sentences, 1 thread (ms; share of the engine's total)`);
  console.log('stage                                        native            wasm   wasm/native');
  const pct = (ms, of) => `${ms.toFixed(1).padStart(8)} ${(100 * ms / of).toFixed(1).padStart(5)}%`;
  for (const r of p.rows)
    console.log(`${r.stage.padEnd(42)}${pct(r.native_ms, total.native_ms)}${pct(r.wasm_ms, total.wasm_ms)}${(r.wasm_ms / r.native_ms).toFixed(2).padStart(8)}`);
  const j = p.js_api;
  console.log(`JS API (worker, messages, text pipeline), Node: all sentences in one call ${j.all_ms.toFixed(1)} ms = engine + ${j.overhead_ms.toFixed(1)} ms; ` +
    `one-sentence calls ${j.one_sentence_ms.toFixed(2)} ms each = engine ${j.engine_one_sentence_ms.toFixed(2)} + ${j.one_sentence_overhead_ms.toFixed(2)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const modelId = process.argv[2] ?? 'en-de';
  const p = await stageProfile(modelId, benchSentences(modelId, Number(process.argv[3] ?? 500)));
  printStageProfile(p);
}
