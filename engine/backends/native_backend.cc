// Optimized CPU backend: quantizes activations (activation_quantization.h), calls the best GEMM kernel of this CPU
// (kernels/gemm.h: AVX-512 VNNI or AVX2 natively, SIMD128 in WASM, scalar elsewhere) on tiles of up to
// 4 rows, dequantizes; int8 weights are packed at load for the qs8c2 kernels (PrepareOwn).
// Same arithmetic as the reference: int8 results are bit-identical (integer accumulation is
// exact and dequantization is done in the same order); f32 results differ only by summation order. Large products are split by output columns across the thread pool
// (core/thread_pool.h); a column's result does not depend on the split.
#include <memory>
#include <vector>

#include "backends/backend.h"
#include "backends/backends_internal.h"
#include "backends/column_split.h"
#include "kernels/gemm.h"
#include "backends/activation_quantization.h"

namespace tw {
namespace {

constexpr int kRowTile = kernels::kMaxRows;

class NativeBackend : public Backend {
 public:
  NativeBackend()
      : gemm_i8_(kernels::BestQs8Gemm()), gemm_f32_(kernels::BestF32Gemm()), quantize_(kernels::BestQs16Quantize()) {}
  const char* name() const override { return "native"; }

  // int8 weights with an even k are packed once for the qs8c2 kernels (kernels/gemm.h).
  // Not yet in the pthread WASM build: with it, Firefox's cross-origin-isolated threads test hung
  // 2 times in 6 runs (tests/e2e/threads.test.mjs), never before; until that is understood, the
  // pthread engine keeps the plain qs8 kernels (the same integers, so the same output).
  void PrepareOwn(LinearWeights& w) override {
#if defined(__EMSCRIPTEN_PTHREADS__)
    (void)w;
#else
    if (!w.quantized() || w.in % 2 != 0) return;
    auto packed = std::make_shared<std::vector<int8_t>>((size_t)kernels::Qs8c2PaddedColumns(w.out) * w.in);
    kernels::PackQs8c2(w.q, w.out, w.in, packed->data());
    w.prepared = packed;
#endif
  }

  void Compute(const LinearWeights& w, const float* x, int rows, float* y) override {
    if (w.quantized()) {
      a16_.resize((size_t)rows * w.in);
      sx_.resize(rows);
      const float levels = ActivationLevels(w.in);
      for (int r = 0; r < rows; ++r) sx_[r] = quantize_(x + (size_t)r * w.in, w.in, levels, a16_.data() + (size_t)r * w.in);
      if (w.prepared) return ComputePacked(w, rows, y);
      ForColumnBlocks(rows, w.in, w.out, [&](int n0, int n1) {
        thread_local std::vector<int32_t> acc;
        const int nb = n1 - n0;
        acc.resize((size_t)kRowTile * nb);
        for (int r0 = 0; r0 < rows; r0 += kRowTile) {
          const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
          gemm_i8_(a16_.data() + (size_t)r0 * w.in, nr, w.in, w.q + (size_t)n0 * w.in, nb, acc.data());
          for (int r = 0; r < nr; ++r)
            for (int n = n0; n < n1; ++n)
              y[(size_t)(r0 + r) * w.out + n] = Dequantize(acc[r * nb + (n - n0)], sx_[r0 + r], w.scale[n], w.bias, n);
        }
      });
      return;
    }
    ForColumnBlocks(rows, w.in, w.out, [&](int n0, int n1) {
      thread_local std::vector<float> acc;
      const int nb = n1 - n0;
      acc.resize((size_t)kRowTile * nb);
      for (int r0 = 0; r0 < rows; r0 += kRowTile) {
        const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
        gemm_f32_(x + (size_t)r0 * w.in, nr, w.in, w.w + (size_t)n0 * w.in, nb, acc.data());
        for (int r = 0; r < nr; ++r)
          for (int n = n0; n < n1; ++n) {
            const float v = acc[r * nb + (n - n0)];
            y[(size_t)(r0 + r) * w.out + n] = w.bias ? v + w.bias[n] : v;
          }
      }
    });
  }

 private:
  // The qs8c2 product on packed weights, split across the thread pool in whole 16-column blocks.
  void ComputePacked(const LinearWeights& w, int rows, float* y) {
    const int8_t* packed = static_cast<const std::vector<int8_t>*>(w.prepared.get())->data();
    const int padded = kernels::Qs8c2PaddedColumns(w.out);
    ForColumnBlocks(rows, w.in, padded, [&](int c0, int c1) {
      thread_local std::vector<int32_t> acc;
      const int n_pad = c1 - c0, cols = (w.out < c1 ? w.out : c1) - c0;
      acc.resize((size_t)kRowTile * n_pad);
      for (int r0 = 0; r0 < rows; r0 += kRowTile) {
        const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
        gemm_c2_(a16_.data() + (size_t)r0 * w.in, nr, w.in, packed + (size_t)c0 * w.in, n_pad, acc.data());
        for (int r = 0; r < nr; ++r)
          DequantizeRow(acc.data() + (size_t)r * n_pad, cols, sx_[r0 + r], w.scale + c0, w.bias ? w.bias + c0 : nullptr,
                        y + (size_t)(r0 + r) * w.out + c0);
      }
    }, kernels::kQs8c2Columns);
  }

  kernels::Qs8c2GemmFn gemm_c2_ = kernels::BestQs8c2Gemm();
  kernels::Qs8GemmFn gemm_i8_;
  kernels::F32GemmFn gemm_f32_;
  kernels::Qs16QuantizeFn quantize_;
  std::vector<int16_t> a16_;
  std::vector<float> sx_;
};

}  // namespace

std::unique_ptr<Backend> MakeNativeBackend() { return std::make_unique<NativeBackend>(); }

}  // namespace tw
