// Uploads an int8 model's weights to the GPU in the layouts the kernels read (kernels/*.wgsl).
export class UnsupportedModel extends Error {}

// What the WebGPU decoder runs: int8 weights, ReLU, SSRU decoder layers (the Firefox
// Translations tiny layout our models use). Anything else stays on the WASM engine.
function assertSupported(model) {
  const cfg = model.config;
  if (model.dtype(model.layout.output.weight) !== 'i8') throw new UnsupportedModel('the WebGPU decoder runs int8 models; this one stores float32 weights');
  if (cfg.int8_arithmetic !== 'ours') throw new UnsupportedModel(`the WebGPU decoder runs our int8 arithmetic, not '${cfg.int8_arithmetic}' (an imported Marian model)`);
  if (cfg.dec_cell !== 'ssru') throw new UnsupportedModel(`the WebGPU decoder runs SSRU decoders, not '${cfg.dec_cell}'`);
  if (cfg.activation !== 'relu') throw new UnsupportedModel(`the WebGPU decoder runs ReLU models, not '${cfg.activation}'`);
  if (cfg.d_model % 4 || cfg.ffn % 4 || cfg.ffn > 2048 || cfg.d_model > 2048) throw new UnsupportedModel('the WebGPU decoder needs d_model and ffn to be multiples of 4, at most 2048');
}

// int8 rows [out, in] -> floats holding the same integers, as vec4s transposed to [in/4, out]
// (gemm_qs8.wgsl says why floats). Four times the bytes of int8 on the GPU: 31 MB for our
// 7.9 M-parameter models.
export function transposeToFloat(q, out, inDim) {
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

// model: the engine's description of one stage's model (EngineHost.describe): tensor names and
// shapes come from its layout (engine/model/layout.h), never from a reading of the file here.
export function uploadModel(device, model) {
  assertSupported(model);
  const buffers = [];
  const upload = (data) => {
    const buf = device.createBuffer({ size: Math.max(16, Math.ceil(data.byteLength / 4) * 4), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(buf, 0, data.buffer, data.byteOffset, data.byteLength);
    buffers.push(buf);
    return buf;
  };
  const linear = ({ weight, bias, in: inDim, out }) => {
    if (model.dtype(weight) !== 'i8') throw new UnsupportedModel(`tensor '${weight}' is not int8`);
    return {
      in: inDim, out,
      w: upload(transposeToFloat(model.tensor(weight), out, inDim)),
      scale: upload(model.tensor(`${weight}.scale`)),
      bias: upload(bias ? model.tensor(bias) : new Float32Array(out)),  // adding 0 leaves every value as is
    };
  };
  const norm = ({ scale, bias }) => ({ scale: upload(model.tensor(scale)), bias: upload(model.tensor(bias)) });
  const attention = ({ q, k, v, o, norm: n }) => ({ q: linear(q), k: linear(k), v: linear(v), o: linear(o), norm: norm(n) });
  const feedForward = ({ w1, w2, norm: n }) => ({ w1: linear(w1), w2: linear(w2), norm: norm(n) });
  const { layout } = model;
  const emb = model.tensor(layout.output.weight);
  return {
    cfg: model.config, limits: model.limits, activationLevels: model.activationLevels,
    embedding: upload(new Uint32Array(emb.buffer, emb.byteOffset, emb.byteLength / 4)),
    embeddingScale: upload(model.tensor(`${layout.output.weight}.scale`)),
    output: linear(layout.output),
    positional: upload(model.positional),
    enc: layout.enc.map((l) => ({ attn: attention(l.attn), ffn: feedForward(l.ffn) })),
    dec: layout.dec.map((l) => ({
      ssru: linear(l.ssru), forget: linear(l.forget), ssruNorm: norm(l.ssru_norm),
      cross: attention(l.cross), ffn: feedForward(l.ffn),
    })),
    bytes: () => buffers.reduce((s, b) => s + b.size, 0),
    destroy: () => { for (const b of buffers) b.destroy(); },
  };
}
