// Dynamic int8 quantization of activation rows, as engine/backends/quantize.h:
// scale = max|x| / 127, q = round-half-even(clamp(x * (127 / max|x|), -127, 127)), packed four
// to a u32 (byte j of word w holds column 4w + j). One workgroup per row.
struct Params { rows: u32, k: u32 }  // k: columns, a multiple of 4

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> xq: array<u32>;
@group(0) @binding(3) var<storage, read_write> sx: array<f32>;

var<workgroup> part: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x;
  let base = r * p.k;
  var m = 0.0;
  for (var i = lid; i < p.k; i += 64u) {
    let a = abs(x[base + i]);
    if (a > m) { m = a; }  // max is exact in any order; NaN never wins, as in the C++ loop
  }
  part[lid] = m;
  workgroupBarrier();
  for (var s = 32u; s > 0u; s >>= 1u) {
    if (lid < s && part[lid + s] > part[lid]) { part[lid] = part[lid + s]; }
    workgroupBarrier();
  }
  let amax = part[0];
  let words = p.k / 4u;
  let inv = select(0.0, 127.0 / amax, amax != 0.0);
  for (var w = lid; w < words; w += 64u) {
    var packed = 0u;
    for (var j = 0u; j < 4u; j++) {
      var v = x[base + 4u * w + j] * inv;
      if (v != v) { v = 0.0; }
      v = min(max(v, -127.0), 127.0);
      packed |= (u32(i32(round(v))) & 0xffu) << (8u * j);
    }
    xq[r * words + w] = packed;
  }
  if (lid == 0u) { sx[r] = amax / 127.0; }
}
