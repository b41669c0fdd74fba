// The CPU result of each WebGPU kernel's operation (web/translator/worker/webgpu/kernels/), for
// tests/e2e/webgpu-ops.test.mjs: what the WASM engine computes from the same inputs, through the
// functions the engine's model calls (ops/ops.h, the best kernels of kernels/, the
// dequantization of backends/activation_quantization.h). Test-only: built as build/wasm/webgpu_op_reference.mjs.
#include <emscripten/emscripten.h>

#include <cmath>
#include <vector>

#include "kernels/gemm.h"
#include "backends/activation_quantization.h"
#include "ops/ops.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE float ref_activation_levels(int k) { return tw::ActivationLevels(k); }

// Marian's positional signal for positions [0, rows) (what the GPU reads as its table).
EMSCRIPTEN_KEEPALIVE void ref_positional(int rows, int d, float* out) {
  for (int p = 0; p < rows; ++p) tw::PositionalSignal(p, d, out + (size_t)p * d);
}

// quantize.wgsl: the integer activations (as floats, what gemm_qs8 reads) and scale of each row.
EMSCRIPTEN_KEEPALIVE void ref_quantize(const float* x, int rows, int k, float* xq, float* sx) {
  std::vector<int16_t> q(k);
  const auto quantize = tw::kernels::BestQs16Quantize();
  for (int r = 0; r < rows; ++r) {
    sx[r] = quantize(x + (size_t)r * k, k, tw::ActivationLevels(k), q.data());
    for (int c = 0; c < k; ++c) xq[(size_t)r * k + c] = q[c];
  }
}

// gemm_qs8.wgsl: y = Dequantize(exact sum of xq * w) then ReLU if asked, as the native backend and
// the feed-forward layer compute it.
EMSCRIPTEN_KEEPALIVE void ref_gemm(const float* xq, const float* sx, int rows, int k, const int8_t* w, const float* w_scale,
                                   const float* bias, int n, int relu, float* y) {
  std::vector<int16_t> a((size_t)rows * k);
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<int16_t>(xq[i]);
  std::vector<int32_t> acc(n);
  const auto gemm = tw::kernels::BestQs8Gemm();
  for (int r = 0; r < rows; ++r) {
    gemm(a.data() + (size_t)r * k, 1, k, w, n, acc.data());
    for (int j = 0; j < n; ++j) y[(size_t)r * n + j] = tw::Dequantize(acc[j], sx[r], w_scale[j], bias, j);
    if (relu) tw::ReluInPlace(y + (size_t)r * n, n);
  }
}

// add_layernorm.wgsl
EMSCRIPTEN_KEEPALIVE void ref_add_layernorm(float* x, const float* res, int rows, int d, const float* scale, const float* bias) {
  tw::AddLayerNorm(x, res, rows, d, scale, bias);
}

// attention.wgsl: sentence b has query rows [b tq, (b+1) tq) and key / value rows [b S, b S + lengths[b]).
EMSCRIPTEN_KEEPALIVE void ref_attention(const float* q, int qrows, int tq, const float* k, const float* v, const uint32_t* lengths,
                                        int S, int heads, int d, float* ctx) {
  std::vector<float> kt((size_t)d * S), scratch;
  for (int b = 0; b * tq < qrows; ++b) {
    tw::TransposeKeys(k + (size_t)b * S * d, S, d, kt.data());
    tw::Attention(q + (size_t)b * tq * d, tq, kt.data(), S, v + (size_t)b * S * d, static_cast<int>(lengths[b]), heads, d,
                  ctx + (size_t)b * tq * d, scratch);
  }
}

// embed_source.wgsl / embed_target.wgsl: row i is token ids[i] (-1: the decoder's zero start
// vector) at position positions[i], as Transformer::Embed makes it.
EMSCRIPTEN_KEEPALIVE void ref_embed(const int8_t* emb, const float* emb_scale, const int* ids, const int* positions, int rows, int d,
                                    float* out) {
  std::vector<float> pe(d);
  for (int i = 0; i < rows; ++i) {
    tw::PositionalSignal(positions[i], d, pe.data());
    float* o = out + (size_t)i * d;
    if (ids[i] < 0) {
      for (int c = 0; c < d; ++c) o[c] = 0.f + pe[c];
    } else {
      tw::EmbedQs8Row(emb + (size_t)ids[i] * d, emb_scale[ids[i]], std::sqrt(static_cast<float>(d)), pe.data(), d, o);
    }
  }
}

// ssru.wgsl
EMSCRIPTEN_KEEPALIVE void ref_ssru(float* a, const float* b, float* c, int n) { tw::SsruStep(a, b, c, static_cast<size_t>(n)); }

// argmax.wgsl: the greedy choice of each row, never `skip` (UNK).
EMSCRIPTEN_KEEPALIVE void ref_argmax(const float* logits, int rows, int v, int skip, int* out) {
  for (int r = 0; r < rows; ++r) out[r] = tw::Argmax(logits + (size_t)r * v, v, skip);
}

}  // extern "C"
