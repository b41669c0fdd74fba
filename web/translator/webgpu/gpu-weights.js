// Uploads an int8 model's weights to the GPU in the layouts the kernels read (kernels/*.wgsl).
import { readModelFile } from './model-file.js';

const I8 = 2;

export class UnsupportedModel extends Error {}

// The model configuration as the engine reads it (engine/model/config.h).
function configOf(meta) {
  const int = (k) => Number.parseInt(meta[k], 10);
  return {
    vocab: int('vocab_size'), d: int('d_model'), heads: int('heads'), ffn: int('ffn'),
    encLayers: int('enc_layers'), decLayers: int('dec_layers'), eos: int('eos_id'), unk: int('unk_id'),
    cell: meta.dec_cell, activation: meta.activation, int8Arithmetic: meta.int8_arithmetic ?? 'ours',
    lengthFactor: Math.fround(Number.parseFloat(meta.max_length_factor ?? '2')),
  };
}

// What the WebGPU decoder runs: int8 weights, ReLU, SSRU decoder layers (the Firefox
// Translations tiny layout our models use). Anything else stays on the WASM engine.
function assertSupported(cfg, file) {
  if (file.dtype('embedding') !== I8) throw new UnsupportedModel('the WebGPU decoder runs int8 models; this one stores float32 weights');
  if (cfg.int8Arithmetic !== 'ours') throw new UnsupportedModel(`the WebGPU decoder runs our int8 arithmetic, not '${cfg.int8Arithmetic}' (an imported Marian model)`);
  if (cfg.cell !== 'ssru') throw new UnsupportedModel(`the WebGPU decoder runs SSRU decoders, not '${cfg.cell}'`);
  if (cfg.activation !== 'relu') throw new UnsupportedModel(`the WebGPU decoder runs ReLU models, not '${cfg.activation}'`);
  if (cfg.d % 4 || cfg.ffn % 4 || cfg.ffn > 2048 || cfg.d > 2048) throw new UnsupportedModel('the WebGPU decoder needs d_model and ffn to be multiples of 4, at most 2048');
}

// int8 rows [out, in] -> floats holding the same integers, as vec4s transposed to [in/4, out]
// (gemm_qs8.wgsl says why floats). Four times the bytes of int8 on the GPU: 31 MB for our
// 7.9 M-parameter models.
function transposeToFloat(q, out, inDim) {
  const k4 = inDim / 4;
  const t = new Float32Array(inDim * out);
  for (let n = 0; n < out; n++) {
    const row = n * inDim;
    for (let k = 0; k < k4; k++) {
      const dst = 4 * (k * out + n), src = row + 4 * k;
      t[dst] = q[src]; t[dst + 1] = q[src + 1]; t[dst + 2] = q[src + 2]; t[dst + 3] = q[src + 3];
    }
  }
  return t;
}

// Sinusoidal positions, non-interleaved (engine/ops/ops.cc PositionalSignal), in double then
// rounded to float like the C++.
function positionalTable(positions, d) {
  const half = d / 2, table = new Float32Array(positions * d);
  const step = Math.log(10000) / (half - 1);
  for (let p = 0; p < positions; p++)
    for (let i = 0; i < half; i++) {
      const angle = p * Math.exp(-i * step);
      table[p * d + i] = Math.sin(angle);
      table[p * d + half + i] = Math.cos(angle);
    }
  return table;
}

export const MAX_POSITIONS = 1024;

export function uploadModel(device, modelBytes) {
  const file = readModelFile(modelBytes);
  const cfg = configOf(file.meta);
  assertSupported(cfg, file);
  const buffers = [];
  const upload = (data) => {
    const buf = device.createBuffer({ size: Math.max(16, Math.ceil(data.byteLength / 4) * 4), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buf, 0, data.buffer, data.byteOffset, data.byteLength);
    buffers.push(buf);
    return buf;
  };
  const linear = (weight, bias, inDim, out) => {
    if (file.dtype(weight) !== I8) throw new UnsupportedModel(`tensor '${weight}' is not int8`);
    return {
      in: inDim, out,
      w: upload(transposeToFloat(file.i8(weight), out, inDim)),
      scale: upload(file.f32(`${weight}.scale`)),
      bias: upload(bias ? file.f32(bias) : new Float32Array(out)),  // adding 0 leaves every value as is
    };
  };
  const lin = (name, inDim, out) => linear(`${name}.weight`, `${name}.bias`, inDim, out);
  const norm = (name) => ({ scale: upload(file.f32(`${name}.scale`)), bias: upload(file.f32(`${name}.bias`)) });
  const { d, ffn } = cfg;
  const attention = (p, n) => ({ q: lin(`${p}.q`, d, d), k: lin(`${p}.k`, d, d), v: lin(`${p}.v`, d, d), o: lin(`${p}.o`, d, d), norm: norm(n) });
  const feedForward = (p) => ({ w1: lin(`${p}.w1`, d, ffn), w2: lin(`${p}.w2`, ffn, d), norm: norm(`${p}_norm`) });
  const emb = file.i8('embedding');
  const model = {
    cfg,
    embedding: upload(new Uint32Array(emb.buffer.slice(emb.byteOffset, emb.byteOffset + emb.byteLength))),
    embeddingScale: upload(file.f32('embedding.scale')),
    output: linear('embedding', 'output_bias', d, cfg.vocab),
    positional: upload(positionalTable(MAX_POSITIONS, d)),
    enc: Array.from({ length: cfg.encLayers }, (_, l) => ({ attn: attention(`enc.${l}.attn`, `enc.${l}.attn_norm`), ffn: feedForward(`enc.${l}.ffn`) })),
    dec: Array.from({ length: cfg.decLayers }, (_, l) => ({
      ssru: linear(`dec.${l}.ssru.weight`, null, d, d),
      forget: lin(`dec.${l}.ssru.forget`, d, d),
      ssruNorm: norm(`dec.${l}.ssru_norm`),
      cross: attention(`dec.${l}.cross`, `dec.${l}.cross_norm`),
      ffn: feedForward(`dec.${l}.ffn`),
    })),
    bytes: () => buffers.reduce((s, b) => s + b.size, 0),
    destroy: () => { for (const b of buffers) b.destroy(); },
  };
  return model;
}
