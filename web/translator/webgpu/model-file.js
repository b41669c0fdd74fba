// Locates the tensors of one of our model files (engine/format/model_file.h holds the byte-level
// spec) for the WebGPU decoder. The WASM engine has already validated the same bytes (sizes,
// CRCs, finite values) when the translator was created, so this reader only indexes them.
export function readModelFile(buffer) {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 8;  // after the magic
  const u32 = () => { const v = dv.getUint32(at, true); at += 4; return v; };
  const u64 = () => { const v = Number(dv.getBigUint64(at, true)); at += 8; return v; };
  const str = () => { const n = u32(); const s = text.decode(bytes.subarray(at, at + n)); at += n; return s; };
  const version = u32();
  if (version !== 1) throw new Error(`model file version ${version} is not supported by the WebGPU decoder`);
  const metaCount = u32(), tensorCount = u32();
  u32();  // header_bytes
  const meta = {};
  for (let i = 0; i < metaCount; i++) { const k = str(); meta[k] = str(); }
  const tensors = new Map();
  for (let i = 0; i < tensorCount; i++) {
    const name = str(), dtype = u32(), ndim = u32();
    const shape = Array.from({ length: ndim }, u64);
    const offset = u64(), nbytes = u64();
    u32();  // crc
    tensors.set(name, { dtype, shape, offset, nbytes });
  }
  const view = (name, dtype, Type) => {
    const t = tensors.get(name);
    if (!t) throw new Error(`model file has no tensor '${name}'`);
    if (t.dtype !== dtype) throw new Error(`tensor '${name}' is not ${Type.name}`);
    const start = bytes.byteOffset + t.offset;
    if (start % Type.BYTES_PER_ELEMENT === 0) return new Type(bytes.buffer, start, t.nbytes / Type.BYTES_PER_ELEMENT);
    return new Type(bytes.slice(t.offset, t.offset + t.nbytes).buffer);
  };
  return {
    meta,
    has: (name) => tensors.has(name),
    dtype: (name) => tensors.get(name)?.dtype,
    f32: (name) => view(name, 1, Float32Array),
    i8: (name) => view(name, 2, Int8Array),
  };
}
