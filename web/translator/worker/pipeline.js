// Every request, on either device: per stage of the chain (one, or two through English) the
// engine plans the lines into source chunks, a decoder turns each chunk into output ids, and the
// engine assembles the lines. The two decoders share one interface:
//   decoder.decode(stage, plan, beam) -> [Int32Array of ids without EOS, one per plan.sources]
// (cpuDecoder below: the WASM engine; webgpu/gpu-decoder.js: GpuDecoder, greedy only).
export const cpuDecoder = (host) => ({ decode: (stage, plan, beam) => host.decode(stage, beam) });

// lines -> { lines, sourceTokens } (source tokens of the first stage, EOS included).
export async function runPipeline(host, decoder, lines, beam) {
  let text = lines, sourceTokens = 0;
  for (let stage = 0; stage < host.stages.length; stage++) {
    const plan = host.plan(stage, text);
    if (stage === 0) sourceTokens = plan.sourceTokens;
    text = host.assemble(stage, await decoder.decode(stage, plan, beam));
  }
  return { lines: text, sourceTokens };
}
