// Greedy translation of token-id sequences on WebGPU: the encoder over a whole batch, then
// decoder steps queued several at a time with the chosen tokens kept on the GPU (a step counter
// and a token history the kernels read), read back once per chunk of steps to see who finished.
// Arithmetic follows the WASM engine's int8 path (dynamic 13-bit activations, exact int32 sums),
// so outputs match it; see docs/ARCHITECTURE.md.
import { GpuUnavailable, openGpuDevice } from './gpu-device.js';
import { uploadModel } from './gpu-weights.js';

const MAX_ROWS = 4096;        // encoder rows (sentences x padded length) per batch
const STEPS_PER_READBACK = 8;

const f32 = Float32Array, u32 = Uint32Array;

export class GpuDecoder {
  // shaders: { name: WGSL source } (web/engine/wgsl.mjs, built from webgpu/kernels/*.wgsl).
  // hardwareOnly: refuse a software adapter before compiling or uploading anything.
  // models: the engine's description of each stage's model (EngineHost.describe).
  static async create(shaders, models, { maxBatch = 64, hardwareOnly = false } = {}) {
    const gpu = await openGpuDevice();
    if (hardwareOnly && gpu.software) {
      gpu.device.destroy();
      const name = Object.values(gpu.adapterInfo).filter(Boolean).join(', ') || 'fallback adapter';
      throw new GpuUnavailable(`the WebGPU adapter is software-rendered (${name}), slower than WASM`);
    }
    const dec = new GpuDecoder(gpu, shaders, maxBatch);
    try {
      await dec.compile({ maxKeys: Math.max(...models.map((m) => m.limits.max_source_tokens)) });
      dec.models = models.map((model) => uploadModel(gpu.device, model));
      await dec.checkErrors();
    } catch (e) {
      dec.destroy();
      throw e;
    }
    return dec;
  }

  constructor({ device, adapterInfo, software }, shaders, maxBatch) {
    this.device = device;
    this.adapterInfo = adapterInfo;
    this.software = software;
    this.shaders = shaders;
    this.maxBatch = Math.max(1, Math.min(maxBatch, 256));
    this.lostReason = null;
    device.lost.then((info) => { this.lostReason = `WebGPU device lost (${info.reason ?? 'unknown'}): ${info.message}`; });
    device.pushErrorScope('validation');
    device.pushErrorScope('out-of-memory');
  }

  async checkErrors() {
    const oom = await this.device.popErrorScope();
    const invalid = await this.device.popErrorScope();
    this.device.pushErrorScope('validation');
    this.device.pushErrorScope('out-of-memory');
    const e = oom ?? invalid;
    if (e) throw new Error(`WebGPU error: ${e.message}`);
  }

  // maxKeys: the longest source the kernels must attend over, the engine's max_source_tokens
  // (attention.wgsl keeps one score per key in a fixed-size array).
  async compile({ maxKeys }) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new Error(`compile: maxKeys must be a positive integer, not ${maxKeys}`);
    const withExp = new Set(['attention', 'ssru', 'argmax']);
    const withEmbedding = new Set(['embed_source', 'embed_target']);
    const names = ['quantize', 'gemm_qs8', 'add_layernorm', 'attention', 'embed_source', 'embed_target', 'ssru', 'argmax', 'advance'];
    const prelude = { attention: `const MAX_KEYS: u32 = ${maxKeys}u;\n` };
    this.pipelines = {};
    await Promise.all(names.map(async (name) => {
      const code = (prelude[name] ?? '') + (withExp.has(name) ? this.shaders.exp + '\n' : '') +
        (withEmbedding.has(name) ? this.shaders.embedding + '\n' : '') + this.shaders[name];
      const module = this.device.createShaderModule({ code, label: name });
      const info = await module.getCompilationInfo();
      const errors = info.messages.filter((m) => m.type === 'error');
      if (errors.length) throw new Error(`WGSL kernel '${name}' does not compile: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
      this.pipelines[name] = await this.device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' }, label: name });
    }));
  }

  buffer(size, usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST) {
    return this.device.createBuffer({ size: Math.max(16, Math.ceil(size / 4) * 4), usage });
  }

  // Scratch buffers sized for the largest batch, made once per model configuration.
  workspace({ cfg, limits }) {
    const key = `${cfg.d_model}/${cfg.ffn}/${cfg.vocab_size}/${cfg.dec_layers}/${limits.max_target_tokens}`;
    if (this.ws?.key === key) return this.ws;
    this.ws?.destroy();
    const { d_model: d, ffn, vocab_size: vocab } = cfg, R = this.maxBatch, wide = Math.max(d, ffn);
    const maxSteps = limits.max_target_tokens + 1;  // the last step only reads EOS or the limit
    const b = (n) => this.buffer(4 * n);
    const ws = {
      key, maxSteps,
      ids: b(MAX_ROWS), lengths: b(R),
      x: b(MAX_ROWS * d), q: b(MAX_ROWS * d), k: b(MAX_ROWS * d), v: b(MAX_ROWS * d), ctx: b(MAX_ROWS * d), tmp: b(MAX_ROWS * d),
      hidden: b(MAX_ROWS * ffn), xq: b(MAX_ROWS * wide), sx: b(MAX_ROWS),
      crossK: Array.from({ length: cfg.dec_layers }, () => b(MAX_ROWS * d)),
      crossV: Array.from({ length: cfg.dec_layers }, () => b(MAX_ROWS * d)),
      cells: Array.from({ length: cfg.dec_layers }, () => b(R * d)),
      y: b(R * d), a: b(R * d), bb: b(R * d), logits: b(R * vocab),
      history: b(maxSteps * R), logprob: b(maxSteps * R), step: b(1),
      // chosen ids of STEPS_PER_READBACK steps, then (scored) their log-probabilities
      readback: this.buffer(8 * STEPS_PER_READBACK * R, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
    };
    ws.destroy = () => { for (const v of Object.values(ws)) for (const x of [v].flat()) if (x instanceof GPUBuffer) x.destroy(); };
    this.ws = ws;
    return ws;
  }

  // One dispatch: kernel name, uniform values ([type, value] pairs), storage buffers in binding order.
  op(name, uniforms, buffers, groups) {
    const entries = [];
    if (uniforms) {
      const data = new ArrayBuffer(Math.max(16, Math.ceil(uniforms.length / 4) * 16));
      const iv = new u32(data), fv = new f32(data);
      uniforms.forEach(([type, v], i) => { if (type === 'f') fv[i] = v; else iv[i] = v; });
      const ub = this.device.createBuffer({ size: data.byteLength, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
      this.device.queue.writeBuffer(ub, 0, data);
      this.batchBuffers.push(ub);
      entries.push({ binding: 0, resource: { buffer: ub } });
    }
    buffers.forEach((buffer, i) => entries.push({ binding: entries.length, resource: { buffer } }));
    const pipeline = this.pipelines[name];
    const bindGroup = this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    return { pipeline, bindGroup, groups };
  }

  // With the engine's activation levels for rows of k values (backends/activation_quantization.h ActivationLevels).
  quantize(x, rows, k, ws, m) {
    return this.op('quantize', [['u', rows], ['u', k], ['f', m.activationLevels[k]]], [x, ws.xq, ws.sx], [Math.ceil(rows / 64), 1]);
  }

  gemm(w, rows, y, ws, relu = false) {
    return this.op('gemm_qs8', [['u', rows], ['u', w.in / 4], ['u', w.out], ['u', relu ? 1 : 0]],
      [ws.xq, ws.sx, w.w, w.scale, w.bias, y], [Math.ceil(w.out / 64), Math.ceil(rows / 8)]);
  }

  addNorm(x, res, norm, rows, d) {
    return this.op('add_layernorm', [['u', rows], ['u', d]], [x, res, norm.scale, norm.bias], [Math.ceil(rows / 64), 1]);
  }

  attention(q, k, v, ws, qrows, tq, S, cfg) {
    const inv = Math.fround(1 / Math.fround(Math.sqrt(cfg.d_model / cfg.heads)));
    return this.op('attention', [['u', qrows], ['u', tq], ['u', S], ['u', cfg.heads], ['u', cfg.d_model], ['f', inv]],
      [q, k, v, ws.lengths, ws.ctx], [Math.ceil((qrows * cfg.heads) / 64), 1]);
  }

  // Encoder input: rows = B * S token ids of ws.ids -> ws.x (embedding * sqrt(d) + PE[row % S]).
  embedSource(m, ws, rows, S) {
    const d = m.cfg.d_model;
    return this.op('embed_source', [['u', rows], ['u', d], ['u', S], ['f', Math.fround(Math.sqrt(d))]],
      [m.embedding, m.embeddingScale, m.positional, ws.ids, ws.x], [Math.ceil((rows * d) / 64), 1]);
  }

  // Decoder input of the step the GPU-side counter ws.step is at, from the token history -> ws.y.
  embedTarget(m, ws, B) {
    const d = m.cfg.d_model;
    return this.op('embed_target', [['u', B], ['u', d], ['f', Math.fround(Math.sqrt(d))]],
      [m.embedding, m.embeddingScale, m.positional, ws.history, ws.step, ws.y], [Math.ceil((B * d) / 64), 1]);
  }

  ssru(a, b, cell, n) {
    return this.op('ssru', [['u', n]], [a, b, cell], [Math.ceil(n / 64), 1]);
  }

  // history[step, r] = the greedy choice of logits row r (never UNK); scored: logprob[step, r] its log-probability.
  argmax(m, ws, B, scored) {
    return this.op('argmax', [['u', B], ['u', m.cfg.vocab_size], ['u', m.cfg.unk_id], ['u', scored ? 1 : 0]],
      [ws.logits, ws.step, ws.history, ws.logprob], [Math.ceil(B / 64), 1]);
  }

  advance(ws) {
    return this.op('advance', null, [ws.step], [1, 1]);
  }

  // x = LayerNorm(x + FFN(x)) for `rows` rows of x.
  feedForward(m, f, x, rows, ws) {
    const { d_model: d, ffn } = m.cfg;
    return [
      this.quantize(x, rows, d, ws, m), this.gemm(f.w1, rows, ws.hidden, ws, true),
      this.quantize(ws.hidden, rows, ffn, ws, m), this.gemm(f.w2, rows, ws.tmp, ws),
      this.addNorm(x, ws.tmp, f.norm, rows, d),
    ];
  }

  encoderOps(m, ws, B, S) {
    const { cfg } = m, d = cfg.d_model, rows = B * S;
    const ops = [this.embedSource(m, ws, rows, S)];
    for (const L of m.enc) {
      ops.push(this.quantize(ws.x, rows, d, ws, m),
        this.gemm(L.attn.q, rows, ws.q, ws), this.gemm(L.attn.k, rows, ws.k, ws), this.gemm(L.attn.v, rows, ws.v, ws),
        this.attention(ws.q, ws.k, ws.v, ws, rows, S, S, cfg),
        this.quantize(ws.ctx, rows, d, ws, m), this.gemm(L.attn.o, rows, ws.tmp, ws),
        this.addNorm(ws.x, ws.tmp, L.attn.norm, rows, d),
        ...this.feedForward(m, L.ffn, ws.x, rows, ws));
    }
    ops.push(this.quantize(ws.x, rows, d, ws, m));
    m.dec.forEach((L, l) => ops.push(this.gemm(L.cross.k, rows, ws.crossK[l], ws), this.gemm(L.cross.v, rows, ws.crossV[l], ws)));
    return ops;
  }

  stepOps(m, ws, B, S, scored) {
    const { cfg } = m, d = cfg.d_model;
    const ops = [this.embedTarget(m, ws, B)];
    m.dec.forEach((L, l) => {
      ops.push(this.quantize(ws.y, B, d, ws, m), this.gemm(L.forget, B, ws.a, ws), this.gemm(L.ssru, B, ws.bb, ws),
        this.ssru(ws.a, ws.bb, ws.cells[l], B * d),
        this.addNorm(ws.y, ws.a, L.ssruNorm, B, d),
        this.quantize(ws.y, B, d, ws, m), this.gemm(L.cross.q, B, ws.q, ws),
        this.attention(ws.q, ws.crossK[l], ws.crossV[l], ws, B, 1, S, cfg),
        this.quantize(ws.ctx, B, d, ws, m), this.gemm(L.cross.o, B, ws.a, ws),
        this.addNorm(ws.y, ws.a, L.cross.norm, B, d),
        ...this.feedForward(m, L.ffn, ws.y, B, ws));
    });
    ops.push(this.quantize(ws.y, B, d, ws, m), this.gemm(m.output, B, ws.logits, ws),
      this.argmax(m, ws, B, scored), this.advance(ws));
    return ops;
  }

  record(encoder, ops) {
    const pass = encoder.beginComputePass();
    for (const o of ops) {
      pass.setPipeline(o.pipeline);
      pass.setBindGroup(0, o.bindGroup);
      pass.dispatchWorkgroups(o.groups[0], o.groups[1]);
    }
    pass.end();
  }

  // plan: { sources, maxTarget } of EngineHost.plan: token-id arrays ending in EOS and the most
  // output tokens the engine's greedy search gives each -> { outputs: ids without EOS per source,
  // scores: per source the mean log-probability of its tokens and EOS when scored, else null }
  // (the decoder interface of ../pipeline.js).
  async decode(stage, { sources, maxTarget }, beam = 1, scored = false) {
    if (this.lostReason) throw new Error(this.lostReason);
    const m = this.models[stage];
    const ws = this.workspace(m);
    const order = sources.map((_, i) => i).sort((a, b) => sources[a].length - sources[b].length);
    const outputs = new Array(sources.length);
    const scores = scored ? new Float32Array(sources.length) : null;
    for (let i = 0; i < order.length;) {
      const S = sources[order[Math.min(order.length, i + this.maxBatch) - 1]].length;
      const B = Math.max(1, Math.min(this.maxBatch, Math.floor(MAX_ROWS / S), order.length - i));
      const batch = order.slice(i, i + B);
      const res = await this.decodeBatch(m, ws, batch.map((j) => sources[j]), batch.map((j) => maxTarget[j]), scored);
      batch.forEach((j, k) => {
        outputs[j] = res.outputs[k];
        if (scored) scores[j] = res.scores[k];
      });
      i += batch.length;
    }
    await this.checkErrors();
    return { outputs, scores };
  }

  async decodeBatch(m, ws, src, limit, scored) {
    const { cfg, limits } = m, { device } = this, B = src.length;
    const S = Math.max(...src.map((s) => s.length));
    if (S > limits.max_source_tokens) throw new Error(`source of ${S} tokens exceeds the engine's ${limits.max_source_tokens}`);
    const ids = new Int32Array(B * S).fill(cfg.eos_id);
    src.forEach((s, b) => ids.set(s, b * S));
    device.queue.writeBuffer(ws.ids, 0, ids);
    device.queue.writeBuffer(ws.lengths, 0, new u32(src.map((s) => s.length)));
    device.queue.writeBuffer(ws.step, 0, new u32([0]));
    this.batchBuffers = [];
    try {
      const encOps = this.encoderOps(m, ws, B, S), stepOps = this.stepOps(m, ws, B, S, scored);
      const steps = Math.min(Math.max(...limit) + 1, ws.maxSteps, limits.max_positions);
      const out = src.map(() => []);
      const logpSum = new Float64Array(B), scoredTokens = new Int32Array(B);
      const done = new Array(B).fill(false);
      let live = B;
      for (let t = 0; t < steps && live > 0;) {
        const n = Math.min(t === 0 ? 4 : STEPS_PER_READBACK, steps - t);
        const bytes = 4 * n * B;
        const encoder = device.createCommandEncoder();
        if (t === 0) {
          for (const c of ws.cells) encoder.clearBuffer(c);
          this.record(encoder, encOps);
        }
        for (let s = 0; s < n; s++) this.record(encoder, stepOps);
        encoder.copyBufferToBuffer(ws.history, 4 * t * B, ws.readback, 0, bytes);
        if (scored) encoder.copyBufferToBuffer(ws.logprob, 4 * t * B, ws.readback, bytes, bytes);
        device.queue.submit([encoder.finish()]);
        const size = scored ? 2 * bytes : bytes;
        await ws.readback.mapAsync(GPUMapMode.READ, 0, size);
        const mapped = ws.readback.getMappedRange(0, size).slice(0);
        ws.readback.unmap();
        const chosen = new Int32Array(mapped, 0, n * B), logp = scored ? new Float32Array(mapped, bytes, n * B) : null;
        for (let s = 0; s < n; s++)
          for (let r = 0; r < B; r++) {
            if (done[r]) continue;
            const tok = chosen[s * B + r];
            // As GreedySearch: a token cut off by the length limit is not scored; stop at EOS or
            // at the limit, before adding the token.
            const atLimit = out[r].length >= limit[r];
            if (scored && !atLimit) { logpSum[r] += logp[s * B + r]; scoredTokens[r]++; }
            if (tok === cfg.eos_id || atLimit) { done[r] = true; live--; continue; }
            out[r].push(tok);
          }
        t += n;
      }
      return {
        outputs: out.map((o) => Int32Array.from(o)),
        scores: scored ? Array.from(logpSum, (sum, r) => (scoredTokens[r] ? sum / scoredTokens[r] : 0)) : null,
      };
    } finally {
      for (const b of this.batchBuffers) b.destroy();
      this.batchBuffers = [];
    }
  }

  // For tests: what happens when the GPU goes away (driver reset, tab in background, ...).
  loseDevice() {
    this.device.destroy();
  }

  destroy() {
    this.ws?.destroy();
    for (const m of this.models ?? []) m.destroy();
    this.device.destroy();
  }
}
