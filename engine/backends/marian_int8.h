// Marian's int8 arithmetic, reproduced exactly so that a Firefox Translations model imported
// from its intgemm8 + alphas `.bin` translates as Bergamot translates it (gemm-precision
// int8shiftAlphaAll, intgemm's "Int8Shift" path, the SSSE3 kernels Bergamot's WASM build runs).
// Models opt in with the metadata key int8_arithmetic = "marian-shifted"; every int8 matrix then
// carries two f32 [1] companions, NAME.a_mult (the model's static _QuantMultA) and NAME.b_mult
// (the file's per-tensor weight multiplier). Per matrix:
//   a[k]  = clamp(round-half-even(x[k] * a_mult), -127, 127) + 127   (uint8; kernels/quantize.h)
//   acc   = sum over pairs p of sat16(a[2p] w[2p] + a[2p+1] w[2p+1])         (pmaddubsw saturates)
//   bias' = float(sum_k w[k]) * (-(127 / a_mult) * (127 / b_mult) / 127) + bias   (once, at load)
//   y     = float(acc) * (1 / (a_mult * b_mult)) + bias'
// The +127 shift is undone exactly by bias' (up to float rounding, as in Marian); the int16
// saturation is what makes this differ from a plain int8 product, and why it is emulated.
#pragma once
#include <cstdint>
#include <vector>

namespace tw {

struct LinearWeights;

struct MarianInt8 {
  float a_mult = 0.f;       // activation multiplier (127 / alpha)
  float b_mult = 0.f;       // weight multiplier (127 / max|W|)
  float unquant = 0.f;      // 1 / (a_mult * b_mult), rounded as Marian rounds it
  std::vector<float> bias;  // bias' per output column
};

// w holds the int8 weights [out, in]; bias may be null (Marian's "fake bias" then).
MarianInt8 PrepareMarianInt8(const int8_t* w, int out, int in, float a_mult, float b_mult, const float* bias);

// y[rows, out] for a LinearWeights whose `marian` is set. `optimized` picks the best
// qu8s8sat GEMM kernel of this CPU (kernels/gemm.h) instead of the scalar one; the
// kernels are exact, so the result is the same bit for bit.
void MarianInt8Linear(const LinearWeights& w, const float* x, int rows, float* y, bool optimized);

}  // namespace tw
