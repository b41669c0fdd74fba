#!/usr/bin/env node
// Throughput benchmark (not a test): the same 500 test_2016_flickr sentences and the same int8
// model through the native engine (each backend, 1 and 2 threads) and the WASM engine in Node
// and in cross-origin-isolated Chromium (the JS API: 1 thread, 2 pthreads, 2 engine workers),
// in one run so the figures compare. Also the latency of one-sentence calls (what a page does
// for a single paragraph) per mode, and the stage profile (scripts/bench-stages.mjs). Writes
// build/bench/latest.json.
// Usage: node scripts/bench.mjs [model-id] [sentences]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator } from '../web/translator/index.js';
import { measureThreadModes } from '../web/bench/thread-modes.js';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { benchSentences, printStageProfile, stageProfile } from './bench-stages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelId = process.argv[2] ?? 'en-de';
const count = Number(process.argv[3] ?? 500);
const lines = benchSentences(modelId, count);
const words = lines.reduce((s, l) => s + l.split(/\s+/).filter(Boolean).length, 0);
mkdirSync(join(root, 'build', 'bench'), { recursive: true });
const input = join(root, 'build', 'bench', 'input.txt');
writeFileSync(input, lines.join('\n') + '\n');

const results = [];
const native = JSON.parse(execFileSync(join(root, 'build', 'tw-bench'), [join(root, 'models', modelId), input, 'native', 'xnnpack'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
for (const r of native.results) results.push({ engine: `native-${r.backend}`, threads: r.threads, seconds: r.seconds, src_tokens_per_s: r.src_tokens_per_s, words_per_s: r.words_per_s });

for (const r of await measureThreadModes(createTranslator, { model: modelId, lines }))
  results.push({ engine: 'wasm-node', ...r, words_per_s: words / r.seconds });

// Where the time goes, stage by stage, natively and in WASM (scripts/bench-stages.mjs).
const stages = await stageProfile(modelId, lines);

// Kernel families (GOP/s per kernel, natively and in WASM under Node).
const parseKernels = (text) => text.split('\n').slice(1).filter(Boolean).map((l) => {
  const m = l.match(/^(\S+)\s+(.+?)\s+([\d.]+)( GB\/s)?$/);
  return m[4] ? { kernel: m[1], shape: m[2], gb_per_s: Number(m[3]) } : { kernel: m[1], shape: m[2], gops: Number(m[3]) };
});
const kernels = {
  native: parseKernels(execFileSync(join(root, 'build', 'tw-kernel-bench'), { encoding: 'utf8' })),
  wasm: parseKernels(execFileSync(process.execPath, [join(root, 'build', 'wasm', 'kernel_bench_wasm.cjs')], { encoding: 'utf8' })),
};

// Devices in headless Chromium (web/bench/devices.html): WASM vs WebGPU for calls of 1, 8 and 64
// sentences. Here WebGPU is SwiftShader (software); on a machine with a GPU the same page measures it.
const deviceCount = Number(process.env.TW_BENCH_DEVICE_SENTENCES ?? 64);
writeFileSync(join(root, 'build', 'bench', 'sentences.json'), JSON.stringify(lines.slice(0, deviceCount)));
const server = await startServer({ port: 0, mounts: { '/benchdata/': join(root, 'build', 'bench') } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
let devices;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/devices.html?model=${modelId}&n=${deviceCount}&sentences=/benchdata/sentences.json`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 1_800_000 });
  devices = await page.evaluate(() => window.benchResult);
} finally {
  await browser.close();
  server.close();
}
if (devices.error) throw new Error(`device benchmark failed: ${devices.error}`);

// The same modes in a cross-origin-isolated Chromium page (where the pthread engine may run).
{
  const isolated = await startServer({ port: 0, isolate: true, mounts: { '/benchdata/': join(root, 'build', 'bench') } });
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await b.newPage();
    await page.goto(`http://127.0.0.1:${isolated.address().port}/`);  // any page of the origin
    const rows = await page.evaluate(async ({ model, lines }) => {
      const [{ createTranslator }, { measureThreadModes }] = await Promise.all([
        import('/translator/index.js'), import('/bench/thread-modes.js')]);
      return measureThreadModes(createTranslator, { model, lines });
    }, { model: modelId, lines });
    for (const r of rows) results.push({ engine: 'wasm-chromium', ...r, words_per_s: words / r.seconds });
  } finally {
    await b.close();
    isolated.close();
  }
}

const wasmBytes = readFileSync(join(root, 'web', 'engine', 'engine.wasm'));
const report = { date: new Date().toISOString(), model: modelId, sentences: lines.length, words, results, stages, kernels, devices,
  note: 'threading: pthreads = one engine whose pool splits each large product and the attention rows; workers = one engine (and model copy) per thread, each taking a share of the request' };
writeFileSync(join(root, 'build', 'bench', 'latest.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`model ${modelId}, ${lines.length} sentences, ${words} words (wasm ${wasmBytes.length} bytes)`);
console.log('engine            threads  threading  src tok/s   words/s   seconds  1-sentence ms');
for (const r of results) console.log(`${r.engine.padEnd(18)}${String(r.threads).padStart(7)}  ${(r.threading ?? '').padEnd(9)}${r.src_tokens_per_s.toFixed(0).padStart(11)}` +
  `${r.words_per_s.toFixed(0).padStart(10)}${r.seconds.toFixed(2).padStart(10)}${r.one_sentence_ms ? r.one_sentence_ms.toFixed(1).padStart(15) : ''}`);
const wasm = results.find((r) => r.engine === 'wasm-node' && r.threads === 1), nat = results.find((r) => r.engine === 'native-native');
for (const [where, list] of Object.entries(kernels))
  for (const k of list.filter((x) => ['output layer', 'row of 256', 'cross-attn step'].includes(x.shape)))
    console.log(`kernel ${where.padEnd(7)}${k.kernel.padEnd(30)}${(k.gops ?? k.gb_per_s).toFixed(1).padStart(7)} ${k.gb_per_s ? 'GB/s (rows of 256)' : `GOP/s (${k.shape})`}`);
console.log(`browser devices (${deviceCount} sentences; WebGPU adapter ${JSON.stringify(devices.find((d) => d.adapter)?.adapter ?? null)})`);
for (const b of [...new Set(devices.map((d) => d.batch))]) {
  const row = devices.filter((d) => d.batch === b);
  const tps = (dev) => row.find((d) => d.device === dev && d.ran_on === dev)?.src_tokens_per_s;
  const [w, g] = [tps('wasm'), tps('webgpu')];
  console.log(`  batch ${String(b).padStart(3)}: wasm ${w?.toFixed(0) ?? '-'} src tok/s, webgpu ${g?.toFixed(0) ?? '-'} src tok/s${w && g ? `, webgpu/wasm ${(g / w).toFixed(2)}` : ''}`);
}
printStageProfile(stages);
console.log(`wasm / native ratio: ${(wasm.src_tokens_per_s / nat.src_tokens_per_s).toFixed(2)}`);
