#!/usr/bin/env node
// Two WASM engine builds side by side (not a test): how much one engine change gains, measured in
// one process with the runs interleaved, so that the noise of a shared machine hits both alike.
// Each build translates the same sentences on one thread, several rounds, A B A B ...; prints the
// best and median of each, their ratio, per-stage bests (engine/core/profile.h), and whether the
// two outputs are identical (an optimisation must not change them).
// Usage: node scripts/bench-ab.mjs DIR_A DIR_B [model-id] [sentences] [rounds]
//   DIR_A, DIR_B: folders holding engine.mjs + engine.wasm (e.g. a copy of web/engine/ before a
//   change, and web/engine/ after it).
//   TW_BENCH_SHORTLIST_B=lex.s2t.bin: B restricts its output layer to this lexical shortlist (and A
//   to TW_BENCH_SHORTLIST_A's, if set)
//   (then DIR_A may equal DIR_B: what the shortlist gains, and how many outputs it changes).
import { resolve } from 'node:path';
import { benchSentences, wasmEngine } from './bench-stages.mjs';

const [dirA, dirB, modelId = 'en-de', count = '500', rounds = '5'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench-ab.mjs DIR_A DIR_B [model-id] [sentences] [rounds]');
  process.exit(2);
}
const lines = benchSentences(modelId, Number(count));
const TOTAL = 'translate (all stages)';

async function load(dir, shortlist) {
  const engine = await wasmEngine(resolve(dir), modelId, shortlist);
  return (text) => {
    engine.m._tw_profile_start();
    const out = engine.run(text);
    const stages = Object.fromEntries(Object.values(engine.profile()).map((s) => [s.stage, s.ms]));
    engine.m._tw_profile_stop();
    return { text: out, stages };
  };
}

const builds = [{ name: 'A', dir: dirA, run: await load(dirA, process.env.TW_BENCH_SHORTLIST_A || null), runs: [] },
  { name: 'B', dir: dirB, run: await load(dirB, process.env.TW_BENCH_SHORTLIST_B || null), runs: [] }];
for (const b of builds) b.run(lines.slice(0, 8).join('\n'));  // warm-up: compiles, allocates
for (let i = 0; i < Number(rounds); i++)
  for (const b of builds) b.runs.push(b.run(lines.join('\n')));

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const best = (b, stage) => Math.min(...b.runs.map((r) => r.stages[stage] ?? 0));
console.log(`${lines.length} sentences, model ${modelId}, ${rounds} interleaved rounds, 1 thread, Node ${process.version}`);
for (const b of builds)
  console.log(`${b.name} ${b.dir}: best ${best(b, TOTAL).toFixed(1)} ms, median ${median(b.runs.map((r) => r.stages[TOTAL])).toFixed(1)} ms`);
const [A, B] = builds;
console.log(`A / B (best): ${(best(A, TOTAL) / best(B, TOTAL)).toFixed(3)}  (above 1: B is faster)`);
console.log('stage (best ms)                               A          B      A/B');
for (const stage of Object.keys(A.runs[0].stages))
  console.log(`${stage.padEnd(42)}${best(A, stage).toFixed(1).padStart(8)}${best(B, stage).toFixed(1).padStart(11)}${(best(A, stage) / best(B, stage)).toFixed(2).padStart(9)}`);
const outA = A.runs[0].text.split('\n'), outB = B.runs[0].text.split('\n');
const same = outA.filter((t, i) => t === outB[i]).length;
console.log(`identical outputs: ${same}/${outA.length}`);
process.exit(same === outA.length ? 0 : 1);
