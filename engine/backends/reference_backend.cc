// The scalar reference Linear: the definition of every backend's result (the other ops do not
// depend on the backend; backend.h).
#include <vector>

#include "backends/backend.h"
#include "backends/backends_internal.h"
#include "backends/activation_quantization.h"

namespace tw {
namespace {

class ReferenceBackend : public Backend {
 public:
  const char* name() const override { return "reference"; }
  bool optimized() const override { return false; }
  void Compute(const LinearWeights& w, const float* x, int rows, float* y) override {
    if (w.quantized()) {
      std::vector<int16_t> qx(w.in);
      for (int r = 0; r < rows; ++r) {
        float sx = QuantizeRow(x + (size_t)r * w.in, w.in, qx.data());
        for (int n = 0; n < w.out; ++n) {
          const int8_t* wr = w.q + (size_t)n * w.in;
          int32_t acc = 0;
          for (int k = 0; k < w.in; ++k) acc += int32_t(qx[k]) * int32_t(wr[k]);
          y[(size_t)r * w.out + n] = Dequantize(acc, sx, w.scale[n], w.bias, n);
        }
      }
      return;
    }
    for (int r = 0; r < rows; ++r)
      for (int n = 0; n < w.out; ++n) {
        const float* xr = x + (size_t)r * w.in;
        const float* wr = w.w + (size_t)n * w.in;
        float acc = 0.f;
        for (int k = 0; k < w.in; ++k) acc += xr[k] * wr[k];
        y[(size_t)r * w.out + n] = w.bias ? acc + w.bias[n] : acc;
      }
  }
};

}  // namespace

std::unique_ptr<Backend> MakeReferenceBackend() { return std::make_unique<ReferenceBackend>(); }

}  // namespace tw
