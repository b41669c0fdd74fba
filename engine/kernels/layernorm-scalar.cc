// Scalar add + layer norm: the definition of the family (layernorm.h).
#include <cmath>

#include "kernels/layernorm.h"

namespace tw::kernels {

void f32_add_layernorm__scalar(float* x, const float* residual, int rows, int d, const float* scale, const float* bias) {
  for (int r = 0; r < rows; ++r) {
    float* v = x + (size_t)r * d;
    const float* res = residual + (size_t)r * d;
    float mean = 0.f;
    for (int i = 0; i < d; ++i) {
      v[i] += res[i];
      mean += v[i];
    }
    mean /= d;
    float var = 0.f;
    for (int i = 0; i < d; ++i) var += (v[i] - mean) * (v[i] - mean);
    var /= d;
    const float inv = 1.f / std::sqrt(var + 1e-6f);
    for (int i = 0; i < d; ++i) v[i] = (v[i] - mean) * inv * scale[i] + bias[i];
  }
}

}  // namespace tw::kernels
