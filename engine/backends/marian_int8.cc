#include "backends/marian_int8.h"

#include "backends/backend.h"
#include "backends/column_split.h"
#include "kernels/gemm.h"
#include "kernels/quantize.h"

namespace tw {

MarianInt8 PrepareMarianInt8(const int8_t* w, int out, int in, float a_mult, float b_mult, const float* bias) {
  MarianInt8 m;
  m.a_mult = a_mult;
  m.b_mult = b_mult;
  m.unquant = 1.0f / (a_mult * b_mult);
  // Marian multiplies a row of ones by B (exact column sums) and unquantizes with this factor.
  const float t = (127.0f / a_mult) * (127.0f / b_mult);
  const float factor = -t / 127.0f;
  m.bias.resize(out);
  for (int n = 0; n < out; ++n) {
    int32_t sum = 0;
    for (int k = 0; k < in; ++k) sum += w[(size_t)n * in + k];
    const float v = static_cast<float>(sum) * factor;
    m.bias[n] = bias ? v + bias[n] : v;
  }
  return m;
}

void MarianInt8Linear(const LinearWeights& w, const float* x, int rows, float* y, bool optimized) {
  const MarianInt8& m = *w.marian;
  const kernels::Qu8s8SatGemmFn gemm = optimized ? kernels::BestQu8s8SatGemm() : kernels::qu8s8sat_gemm_1x1__scalar;
  const kernels::Qu8QuantizeShiftedFn quantize =
      optimized ? kernels::BestQu8QuantizeShifted() : kernels::qu8_quantize_shifted__scalar;
  constexpr int kTile = kernels::kMaxRows;
  std::vector<uint8_t> a((size_t)rows * w.in);
  for (int r = 0; r < rows; ++r) quantize(x + (size_t)r * w.in, w.in, m.a_mult, &a[(size_t)r * w.in]);
  auto columns = [&](int n0, int n1) {
    thread_local std::vector<int32_t> acc;
    const int nb = n1 - n0;
    acc.resize((size_t)kTile * nb);
    for (int r0 = 0; r0 < rows; r0 += kTile) {
      const int nr = rows - r0 < kTile ? rows - r0 : kTile;
      gemm(&a[(size_t)r0 * w.in], nr, w.in, w.q + (size_t)n0 * w.in, nb, acc.data());
      for (int r = 0; r < nr; ++r)
        for (int n = n0; n < n1; ++n)
          y[(size_t)(r0 + r) * w.out + n] = static_cast<float>(acc[(size_t)r * nb + (n - n0)]) * m.unquant + m.bias[n];
    }
  };
  if (optimized) ForColumnBlocks(rows, w.in, w.out, columns);
  else columns(0, w.out);
}

}  // namespace tw
