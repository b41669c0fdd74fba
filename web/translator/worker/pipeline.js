// Every request, on either device: per stage of the chain (one, or two through English) the
// engine plans the lines into source chunks, a decoder turns each chunk into output ids, and the
// engine assembles the lines. The two decoders share one interface:
//   decoder.decode(stage, plan, beam, scored) -> { outputs: [Int32Array of ids without EOS, one per
//     plan.sources], scores: Float32Array (per source, the mean log-probability of its tokens and
//     EOS) when scored, else null }
// (cpuDecoder below: the WASM engine; webgpu/gpu-decoder.js: GpuDecoder, greedy only).
import { lowestScore } from '../confidence.js';

export const cpuDecoder = (host) => ({ decode: (stage, plan, beam, scored) => host.decode(stage, beam, scored) });

// lines -> { lines, sourceTokens, scores } (source tokens of the first stage, EOS included).
// scored: scores[i] is line i's confidence, the mean log-probability of its output tokens (the
// lower of the two stages through English), or null where no model output went into the line;
// otherwise scores is null.
export async function runPipeline(host, decoder, lines, beam, scored = false) {
  let text = lines, sourceTokens = 0, scores = null;
  for (let stage = 0; stage < host.stages.length; stage++) {
    const plan = host.plan(stage, text);
    if (stage === 0) sourceTokens = plan.sourceTokens;
    const decoded = await decoder.decode(stage, plan, beam, scored);
    if (scored) {
      const stageScores = host.lineScores(stage, plan, decoded);
      scores = scores ? scores.map((s, i) => lowestScore(s, stageScores[i])) : stageScores;
    }
    text = host.assemble(stage, decoded.outputs);
  }
  return { lines: text, sourceTokens, scores };
}
