// One side-by-side comparison of two engines on the same sentences, shared by
// scripts/bench-peer.mjs in Node and by the Chromium page it opens (web/bench/peer.js).
// Each engine is made and given one sentence (the first translation: load + first sentence), then
// both translate all sentences `rounds` times, alternately, so that a noisy moment of a shared
// machine falls on both; the figure kept per engine is its median round.
// engines: { name: async () => ({ translate(lines) -> outputs, dispose() }) }
// -> { name: { seconds, seconds_per_round, first_ms, out } }
export async function comparePeers(engines, lines, rounds = 3) {
  const live = [];
  for (const [name, make] of Object.entries(engines)) {
    const t0 = performance.now();
    const engine = await make();
    await engine.translate([lines[0]]);
    live.push({ name, engine, first_ms: performance.now() - t0, seconds_per_round: [], out: null });
  }
  for (let i = 0; i < rounds; i++)
    for (const e of live) {
      const t0 = performance.now();
      e.out = await e.engine.translate(lines);
      e.seconds_per_round.push((performance.now() - t0) / 1000);
    }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = {};
  for (const e of live) {
    e.engine.dispose();
    result[e.name] = { seconds: median(e.seconds_per_round), seconds_per_round: e.seconds_per_round, first_ms: e.first_ms, out: e.out };
  }
  return result;
}

// The report of one precision: tokens/s of each (median round), the ratio and its range over the
// rounds (round i of ours against round i of Bergamot), first translations, identical outputs.
export function peerReport(r, tokens) {
  const ratios = r.ours.seconds_per_round.map((s, i) => r.bergamot.seconds_per_round[i] / s);
  return {
    ours_tokens_per_s: tokens / r.ours.seconds, bergamot_tokens_per_s: tokens / r.bergamot.seconds,
    ratio: r.bergamot.seconds / r.ours.seconds, ratio_min: Math.min(...ratios), ratio_max: Math.max(...ratios),
    rounds: ratios.length,
    ours_first_translation_ms: r.ours.first_ms, bergamot_first_translation_ms: r.bergamot.first_ms,
    identical_outputs: r.ours.out.filter((o, i) => o === r.bergamot.out[i]).length,
  };
}
