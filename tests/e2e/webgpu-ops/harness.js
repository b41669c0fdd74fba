// Runs in Chromium: each WGSL kernel, dispatched by the GpuDecoder's own op methods, against the
// CPU result of the same operation from the WASM engine's functions (reference.cc), on random
// inputs shaped like the model's (tile edges included). Returns, per case, how many values
// differ in their bits (any NaN equals any NaN) and the first difference.
import { GpuDecoder } from '/translator/worker/webgpu/gpu-decoder.js';
import { openGpuDevice } from '/translator/worker/webgpu/gpu-device.js';
import { transposeToFloat } from '/translator/worker/webgpu/gpu-weights.js';
import shaders from '/engine/wgsl.mjs';
import createReference from '/build-wasm/webgpu_op_reference.mjs';

// Deterministic inputs (mulberry32).
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const normals = (rnd, n, spread = 1) => Float32Array.from({ length: n }, () => spread * (rnd() + rnd() + rnd() - 1.5) * 2);
const int8s = (rnd, n) => Int8Array.from({ length: n }, () => Math.floor(rnd() * 255) - 127);

// The WASM reference: typed arrays in, named outputs back.
class Reference {
  constructor(mod) { this.mod = mod; this.ptrs = []; }
  put(arr) {
    const p = this.mod._malloc(Math.max(4, arr.byteLength));
    this.mod.HEAPU8.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), p);
    this.ptrs.push(p);
    return p;
  }
  space(Type, n) { return { p: this.put(new Type(n)), Type, n }; }
  get({ p, Type, n }) { return new Type(this.mod.HEAPU8.buffer.slice(p, p + n * Type.BYTES_PER_ELEMENT)); }
  free() { for (const p of this.ptrs) this.mod._free(p); this.ptrs = []; }
}

function compare(name, got, want) {
  const a = new Uint32Array(got.buffer, got.byteOffset, got.length), b = new Uint32Array(want.buffer, want.byteOffset, want.length);
  let differing = 0, first = null;
  for (let i = 0; i < want.length; i++) {
    if (a[i] === b[i] || (Number.isNaN(got[i]) && Number.isNaN(want[i]))) continue;
    differing++;
    first ??= `${name}[${i}]: webgpu ${got[i]}, cpu ${want[i]}`;
  }
  return { name, values: want.length, differing, first };
}

export async function runOpTests() {
  const ref = new Reference(await createReference());
  const gpu = await openGpuDevice();
  const dec = new GpuDecoder(gpu, shaders, 64);
  await dec.compile({ maxKeys: 16 });  // the longest S the attention cases below use is 12
  const { device } = dec;
  const buf = (arr) => {
    const b = dec.buffer(arr.byteLength);
    device.queue.writeBuffer(b, 0, arr.buffer, arr.byteOffset, arr.byteLength);
    return b;
  };
  // Records the ops, runs them, reads the buffers back as the given array types.
  const run = async (ops, reads) => {
    const encoder = device.createCommandEncoder();
    dec.record(encoder, ops);
    const staging = reads.map(([b]) => {
      const s = device.createBuffer({ size: b.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
      encoder.copyBufferToBuffer(b, 0, s, 0, b.size);
      return s;
    });
    device.queue.submit([encoder.finish()]);
    const out = [];
    for (let i = 0; i < reads.length; i++) {
      await staging[i].mapAsync(GPUMapMode.READ);
      const [, Type, n] = reads[i];
      out.push(new Type(staging[i].getMappedRange().slice(0, n * Type.BYTES_PER_ELEMENT)));
      staging[i].destroy();
    }
    await dec.checkErrors();
    return out;
  };
  const levels = (k) => ref.mod._ref_activation_levels(k);
  const results = [];
  const rnd = random(2026);
  dec.batchBuffers = [];

  // quantize: rows of the model's widths, one of them holding a value far larger than the rest.
  for (const [rows, k] of [[5, 256], [3, 1024], [1, 36]]) {
    const x = normals(rnd, rows * k, 3);
    x[7] = 900;
    const xq = ref.space(Float32Array, rows * k), sx = ref.space(Float32Array, rows);
    ref.mod._ref_quantize(ref.put(x), rows, k, xq.p, sx.p);
    const ws = { xq: dec.buffer(4 * rows * k), sx: dec.buffer(4 * rows) };
    const [gq, gs] = await run([dec.quantize(buf(x), rows, k, ws, { activationLevels: { [k]: levels(k) } })],
      [[ws.xq, Float32Array, rows * k], [ws.sx, Float32Array, rows]]);
    // The values are integers carried as floats (gemm_qs8.wgsl): compared as integers, since
    // WGSL's round() may give -0 where the CPU's int16 gives 0, the same integer to the GEMM.
    results.push(compare(`quantize ${rows}x${k} values`, Int32Array.from(gq), Int32Array.from(ref.get(xq))),
      compare(`quantize ${rows}x${k} scales`, gs, ref.get(sx)));
  }

  // gemm_qs8: 9 and 17 rows cross the kernel's 8-row tiles; 70 outputs are not a multiple of 64.
  for (const [rows, k, n, relu] of [[9, 256, 70, false], [17, 1024, 256, true], [1, 256, 8000, false]]) {
    const x = normals(rnd, rows * k, 2), w = int8s(rnd, n * k);
    const scale = Float32Array.from({ length: n }, () => 0.001 + rnd() * 0.01), bias = normals(rnd, n);
    const xq = ref.space(Float32Array, rows * k), sx = ref.space(Float32Array, rows), y = ref.space(Float32Array, rows * n);
    ref.mod._ref_quantize(ref.put(x), rows, k, xq.p, sx.p);
    ref.mod._ref_gemm(xq.p, sx.p, rows, k, ref.put(w), ref.put(scale), ref.put(bias), n, relu ? 1 : 0, y.p);
    const ws = { xq: buf(ref.get(xq)), sx: buf(ref.get(sx)) };
    const linear = { in: k, out: n, w: buf(transposeToFloat(w, n, k)), scale: buf(scale), bias: buf(bias) };
    const out = dec.buffer(4 * rows * n);
    const [gy] = await run([dec.gemm(linear, rows, out, ws, relu)], [[out, Float32Array, rows * n]]);
    results.push(compare(`gemm_qs8 ${rows}x${k}x${n}${relu ? ' relu' : ''}`, gy, ref.get(y)));
  }

  // add_layernorm
  for (const [rows, d, spread] of [[5, 256, 1], [3, 256, 300]]) {
    const x = normals(rnd, rows * d, spread), res = normals(rnd, rows * d, spread), scale = normals(rnd, d), bias = normals(rnd, d);
    const cx = ref.put(x);
    ref.mod._ref_add_layernorm(cx, ref.put(res), rows, d, ref.put(scale), ref.put(bias));
    const gx = buf(x);
    const [got] = await run([dec.addNorm(gx, buf(res), { scale: buf(scale), bias: buf(bias) }, rows, d)], [[gx, Float32Array, rows * d]]);
    results.push(compare(`add_layernorm ${rows}x${d} spread ${spread}`, got, ref.get({ p: cx, Type: Float32Array, n: rows * d })));
  }

  // attention: self-attention (tq = S) and cross-attention (tq = 1), sentences shorter than S.
  const cfg = { d_model: 256, heads: 8 };
  for (const [B, S, tq, lengths] of [[2, 7, 7, [7, 4]], [3, 12, 1, [12, 1, 9]]]) {
    const d = cfg.d_model, qrows = B * tq;
    const q = normals(rnd, qrows * d), k = normals(rnd, B * S * d), v = normals(rnd, B * S * d), len = Uint32Array.from(lengths);
    const ctx = ref.space(Float32Array, qrows * d);
    ref.mod._ref_attention(ref.put(q), qrows, tq, ref.put(k), ref.put(v), ref.put(len), S, cfg.heads, d, ctx.p);
    const ws = { lengths: buf(len), ctx: dec.buffer(4 * qrows * d) };
    const [got] = await run([dec.attention(buf(q), buf(k), buf(v), ws, qrows, tq, S, cfg)], [[ws.ctx, Float32Array, qrows * d]]);
    results.push(compare(`attention B ${B} S ${S} tq ${tq}`, got, ref.get(ctx)));
  }

  // embed_source / embed_target over an int8 embedding with per-row scales.
  const V = 300, d = 256, maxPos = 64;
  const emb = int8s(rnd, V * d), embScale = Float32Array.from({ length: V }, () => 0.001 + rnd() * 0.05);
  const pe = ref.space(Float32Array, maxPos * d);
  ref.mod._ref_positional(maxPos, d, pe.p);
  const m = {
    cfg: { d_model: d, vocab_size: V, unk_id: 1 },
    embedding: buf(new Uint32Array(emb.buffer)), embeddingScale: buf(embScale), positional: buf(ref.get(pe)),
  };
  const cEmb = ref.put(emb), cScale = ref.put(embScale);
  const embedRef = (ids, positions) => {
    const out = ref.space(Float32Array, ids.length * d);
    ref.mod._ref_embed(cEmb, cScale, ref.put(Int32Array.from(ids)), ref.put(Int32Array.from(positions)), ids.length, d, out.p);
    return ref.get(out);
  };
  {
    const B = 3, S = 5, ids = Array.from({ length: B * S }, () => Math.floor(rnd() * V));
    const ws = { ids: buf(Int32Array.from(ids)), x: dec.buffer(4 * B * S * d) };
    const [got] = await run([dec.embedSource(m, ws, B * S, S)], [[ws.x, Float32Array, B * S * d]]);
    results.push(compare(`embed_source ${B}x${S}`, got, embedRef(ids, ids.map((_, i) => i % S))));
  }
  for (const t of [0, 3]) {
    const B = 4, history = Int32Array.from({ length: 8 * B }, () => Math.floor(rnd() * V));
    const ws = { history: buf(history), step: buf(Uint32Array.of(t)), y: dec.buffer(4 * B * d) };
    const [got] = await run([dec.embedTarget(m, ws, B)], [[ws.y, Float32Array, B * d]]);
    const ids = Array.from({ length: B }, (_, r) => (t === 0 ? -1 : history[(t - 1) * B + r]));
    results.push(compare(`embed_target step ${t}`, got, embedRef(ids, ids.map(() => t))));
  }

  // ssru, with large pre-activations (the sigmoid's clamps).
  {
    const n = 4 * 256, a = normals(rnd, n, 30), b = normals(rnd, n), c = normals(rnd, n);
    const ca = ref.put(a), cc = ref.put(c);
    ref.mod._ref_ssru(ca, ref.put(b), cc, n);
    const ga = buf(a), gc = buf(c);
    const [oa, oc] = await run([dec.ssru(ga, buf(b), gc, n)], [[ga, Float32Array, n], [gc, Float32Array, n]]);
    results.push(compare('ssru output', oa, ref.get({ p: ca, Type: Float32Array, n })), compare('ssru cell', oc, ref.get({ p: cc, Type: Float32Array, n })));
  }

  // argmax then advance: ties (rounded logits), UNK holding the largest value in one row.
  {
    const B = 5, t = 2, logits = normals(rnd, B * V, 3).map(Math.round);
    logits[2 * V + 1] = 1000;
    const chosen = ref.space(Int32Array, B);
    ref.mod._ref_argmax(ref.put(logits), B, V, m.cfg.unk_id, chosen.p);
    const fresh = () => ({ logits: buf(logits), step: buf(Uint32Array.of(t)), history: buf(new Int32Array(4 * B).fill(-7)),
      logprob: buf(new Float32Array(4 * B)) });
    const ws = fresh();
    const [hist, step] = await run([dec.argmax(m, ws, B), dec.advance(ws)], [[ws.history, Int32Array, 4 * B], [ws.step, Uint32Array, 1]]);
    results.push(compare('argmax', hist.slice(t * B, (t + 1) * B), ref.get(chosen)));
    results.push(compare('advance', step, Uint32Array.of(t + 1)));
    // Scored (confidence): the same choice, and its log-probability (UNK out of the softmax) as
    // the engine's LogProbabilityOfBest computes it in double, to f32 summation (the GPU sums in f32).
    const scoredWs = fresh();
    const [hist2, logp] = await run([dec.argmax(m, scoredWs, B, true)], [[scoredWs.history, Int32Array, 4 * B], [scoredWs.logprob, Float32Array, 4 * B]]);
    results.push(compare('argmax scored', hist2.slice(t * B, (t + 1) * B), ref.get(chosen)));
    const want = Array.from({ length: B }, (_, r) => {
      const row = logits.slice(r * V, (r + 1) * V);
      let mx = -Infinity, sum = 0;
      row.forEach((x, v) => { if (v !== m.cfg.unk_id) mx = Math.max(mx, x); });
      row.forEach((x, v) => { if (v !== m.cfg.unk_id) sum += Math.exp(x - mx); });
      return row[hist2[t * B + r]] - mx - Math.log(sum);
    });
    const got = logp.slice(t * B, (t + 1) * B);
    const far = want.map((w, r) => Math.abs(got[r] - w)).filter((gap) => !(gap < 1e-5)).length;
    results.push({ name: 'argmax logprob (within 1e-5)', values: B, differing: far, first: far ? `webgpu ${[...got]}, cpu ${want}` : null });
  }

  for (const b of dec.batchBuffers) b.destroy();
  ref.free();
  device.destroy();
  return { adapter: gpu.adapterInfo, results };
}
