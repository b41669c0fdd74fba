// Optimized CPU backend. Same arithmetic as the reference: int8 results are bit-identical
// (integer accumulation is exact and dequantization is done in the same order); f32 results
// differ only by summation order. Kernels are compiled for AVX2 and a portable baseline and
// picked at run time by the compiler's function multi-versioning.
#include <vector>

#include "backends/backend.h"
#include "backends/backends_internal.h"
#include "backends/quantize.h"

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__)
#define TW_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define TW_CLONES
#endif

namespace tw {
namespace {

constexpr int kRowTile = 4;  // activation rows sharing one pass over a weight row

TW_CLONES void DotI8Rows(const int8_t* qx, int rows, int k, const int8_t* wr, int32_t* out) {
  for (int r = 0; r < rows; ++r) {
    const int8_t* a = qx + (size_t)r * k;
    int32_t acc[16] = {0};
    int i = 0;
    for (; i + 16 <= k; i += 16)
      for (int j = 0; j < 16; ++j) acc[j] += int16_t(a[i + j]) * int16_t(wr[i + j]);
    int32_t s = 0;
    for (int j = 0; j < 16; ++j) s += acc[j];
    for (; i < k; ++i) s += int32_t(a[i]) * int32_t(wr[i]);
    out[r] = s;
  }
}

TW_CLONES void DotF32Rows(const float* x, int rows, int k, const float* wr, float* out) {
  for (int r = 0; r < rows; ++r) {
    const float* a = x + (size_t)r * k;
    float acc[16] = {0};
    int i = 0;
    for (; i + 16 <= k; i += 16)
      for (int j = 0; j < 16; ++j) acc[j] += a[i + j] * wr[i + j];
    float s = 0.f;
    for (int j = 0; j < 16; ++j) s += acc[j];
    for (; i < k; ++i) s += a[i] * wr[i];
    out[r] = s;
  }
}

class NativeBackend : public Backend {
 public:
  const char* name() const override { return "native"; }
  void Linear(const LinearWeights& w, const float* x, int rows, float* y) override {
    if (w.quantized()) {
      qx_.resize((size_t)rows * w.in);
      sx_.resize(rows);
      for (int r = 0; r < rows; ++r) sx_[r] = QuantizeRow(x + (size_t)r * w.in, w.in, qx_.data() + (size_t)r * w.in);
      for (int r0 = 0; r0 < rows; r0 += kRowTile) {
        int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
        for (int n = 0; n < w.out; ++n) {
          int32_t acc[kRowTile];
          DotI8Rows(qx_.data() + (size_t)r0 * w.in, nr, w.in, w.q + (size_t)n * w.in, acc);
          for (int r = 0; r < nr; ++r) y[(size_t)(r0 + r) * w.out + n] = Dequantize(acc[r], sx_[r0 + r], w.scale[n], w.bias, n);
        }
      }
      return;
    }
    for (int r0 = 0; r0 < rows; r0 += kRowTile) {
      int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
      for (int n = 0; n < w.out; ++n) {
        float acc[kRowTile];
        DotF32Rows(x + (size_t)r0 * w.in, nr, w.in, w.w + (size_t)n * w.in, acc);
        for (int r = 0; r < nr; ++r) y[(size_t)(r0 + r) * w.out + n] = w.bias ? acc[r] + w.bias[n] : acc[r];
      }
    }
  }

 private:
  std::vector<int8_t> qx_;
  std::vector<float> sx_;
};

}  // namespace

std::unique_ptr<Backend> MakeNativeBackend() { return std::make_unique<NativeBackend>(); }

}  // namespace tw
