// Throughput and one-sentence latency of the engine per thread mode, shared by scripts/bench.mjs
// in Node and by the cross-origin-isolated Chromium page it opens (the same code in both places).
export const THREAD_MODES = [{ threads: 1, threadMode: 'auto' }, { threads: 2, threadMode: 'auto' }, { threads: 2, threadMode: 'workers' }];

export async function measureThreadModes(createTranslator, { model, lines, latencyLines = 40 }) {
  const out = [];
  for (const mode of THREAD_MODES) {
    const t = await createTranslator({ model, ...mode });
    await t.translate(lines.slice(0, 8));  // warm-up: first call compiles and allocates
    t.stats.sourceTokens = 0;
    const t0 = performance.now();
    await t.translate(lines);
    const seconds = (performance.now() - t0) / 1000;
    const l0 = performance.now();
    for (const line of lines.slice(0, latencyLines)) await t.translate(line);
    out.push({ threads: mode.threads, threading: t.threading, seconds, src_tokens_per_s: t.stats.sourceTokens / seconds,
      one_sentence_ms: (performance.now() - l0) / latencyLines });
    t.dispose();
  }
  return out;
}
