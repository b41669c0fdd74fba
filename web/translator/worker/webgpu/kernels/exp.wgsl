// tw_exp: the engine's own expf (engine/kernels/exp.h), operation for operation, so that softmax and
// sigmoid round like the CPU path. Constants are the exact float32 values the C++ code uses.
const EXP_LOG2E = 0x1.715476p+0f;
const EXP_LN2_HI = 0x1.62e4p-1f;
const EXP_LN2_LO = 0x1.7f7d1cp-20f;
const EXP_C7 = 0x1.a01a02p-13f;  // 1/5040
const EXP_C6 = 0x1.6c16c2p-10f;  // 1/720
const EXP_C5 = 0x1.111112p-7f;   // 1/120
const EXP_C4 = 0x1.555556p-5f;   // 1/24
const EXP_C3 = 0x1.555556p-3f;   // 1/6
const EXP_MIN = -0x1.5d3334p+6f; // -87.3

fn tw_exp(x_in: f32) -> f32 {
  var x = x_in;
  if (x != x) { return x; }
  if (x > 88.0) { x = 88.0; }
  if (x < EXP_MIN) { return 0.0; }
  let n = round(x * EXP_LOG2E);  // half to even, like nearbyintf
  let r = (x - n * EXP_LN2_HI) - n * EXP_LN2_LO;
  var p = EXP_C7;
  p = p * r + EXP_C6;
  p = p * r + EXP_C5;
  p = p * r + EXP_C4;
  p = p * r + EXP_C3;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  return p * bitcast<f32>((i32(n) + 127) << 23u);
}
