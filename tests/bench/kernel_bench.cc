// Kernel benchmark (not a test): GOP/s of every GEMM kernel in the build (the enumerators of
// kernels/gemm.h) on the decoder's shapes, GB/s of the quantization kernels
// (quantize.h) and of the per-step kernels (kernels/step.h), GFLOP/s of the attention
// kernels (kernels/attention.h), GB/s of add + layer norm (kernels/layernorm.h).
// Natively: build/tw-kernel-bench; in WASM: node build/wasm/kernel_bench_wasm.cjs.
// Rows: "kernel shape value" (GOP/s) or "kernel shape value GB/s" (scripts/bench.mjs reads both).
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "kernels/gemm.h"
#include "kernels/quantize.h"
#include "kernels/attention.h"
#include "kernels/layernorm.h"
#include "kernels/step.h"

using namespace tw::kernels;

// How many times per second `pass` runs, timed over about `seconds`.
template <typename Pass>
double PassesPerSecond(Pass&& pass, double seconds = 0.2) {
  int iters = 0;
  const auto t0 = std::chrono::steady_clock::now();
  double s = 0;
  while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < seconds) {
    pass();
    ++iters;
  }
  return iters / s;
}

std::vector<float> Normal(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> nd(0.f, 1.f);
  std::vector<float> v(n);
  for (auto& x : v) x = nd(rng);
  return v;
}

void Row(const char* kernel, const std::string& shape, double value, const char* unit = "") {
  std::printf("%-26s %-22s %10.1f%s\n", kernel, shape.c_str(), value, unit);
}

template <typename T, typename A, typename Fn>
double Gops(Fn fn, int rows, int k, int n) {
  std::mt19937 rng(1);
  std::vector<A> a((size_t)rows * k);
  std::vector<T> w((size_t)n * k);
  for (auto& v : a) v = static_cast<A>(int(rng() % 200) - 100);
  for (auto& v : w) v = static_cast<T>(int(rng() % 200) - 100);
  using Acc = std::conditional_t<std::is_same_v<T, float>, float, int32_t>;
  std::vector<Acc> acc((size_t)rows * n);
  const double per_s = PassesPerSecond([&] {
    for (int r0 = 0; r0 < 32; r0 += rows) fn(a.data(), rows, k, w.data(), n, acc.data());
  }, 0.3);
  return 2.0 * 32 * k * n * per_s / 1e9;
}

int main() {
  struct Shape { int k, n; const char* what; } shapes[] = {{256, 256, "attention projection"}, {256, 960, "ffn up"},
                                                          {960, 256, "ffn down"}, {256, 6000, "output layer"}};
  std::printf("%-26s %-22s %10s\n", "kernel", "shape (32 rows)", "GOP/s");
  for (const auto& sh : shapes) {
    for (const auto& kern : Qs8GemmKernels())
      if (kern.available()) Row(kern.name, sh.what, Gops<int8_t, int16_t>(kern.fn, kMaxRows, sh.k, sh.n));
    // The packed layout has the same size as the plain one here: every n is a multiple of 16.
    for (const auto& kern : Qs8c2GemmKernels())
      if (kern.available()) Row(kern.name, sh.what, Gops<int8_t, int16_t>(kern.fn, kMaxRows, sh.k, sh.n));
    for (const auto& kern : Qu8s8SatGemmKernels())
      if (kern.available()) Row(kern.name, sh.what, Gops<int8_t, uint8_t>(kern.fn, kMaxRows, sh.k, sh.n));
    for (const auto& kern : F32GemmKernels())
      if (kern.available()) Row(kern.name, sh.what, Gops<float, float>(kern.fn, kMaxRows, sh.k, sh.n));
  }
  // Quantization of 32 activation rows (GB/s of f32 input read): the int8 path's prologue.
  for (const int k : {256, 960}) {
    const std::vector<float> x = Normal((size_t)32 * k, 2);
    std::vector<int16_t> q16(x.size());
    std::vector<uint8_t> q8(x.size());
    const double bytes = 4.0 * x.size();
    const std::string shape = "row of " + std::to_string(k);
    for (const auto& kern : Qs16QuantizeKernels())
      if (kern.available())
        Row(kern.name, shape, bytes * PassesPerSecond([&] {
          for (int r = 0; r < 32; ++r) kern.fn(&x[(size_t)r * k], k, 4095.f, &q16[(size_t)r * k]);
        }) / 1e9, " GB/s");
    for (const auto& kern : Qu8QuantizeShiftedKernels())
      if (kern.available())
        Row(kern.name, shape, bytes * PassesPerSecond([&] {
          for (int r = 0; r < 32; ++r) kern.fn(&x[(size_t)r * k], k, 20.f, &q8[(size_t)r * k]);
        }) / 1e9, " GB/s");
  }
  // Attention (GFLOP/s, 4 flops per query-key-channel: scores and outputs): a decoder step's
  // cross-attention over 24 source tokens, and an encoder's self-attention over 24 tokens.
  for (const int tq : {1, 24}) {
    const int d = 256, heads = 8, tk = 24;
    const std::vector<float> q = Normal((size_t)tq * d, 3), kt = Normal((size_t)d * tk, 4), v = Normal((size_t)tk * d, 5);
    std::vector<float> out((size_t)tq * d), p(tk);
    for (const auto& kern : F32AttentionKernels())
      if (kern.available())
        Row(kern.name, tq == 1 ? "cross-attn step" : "encoder self-attn", 4.0 * tq * tk * d * PassesPerSecond([&] {
          kern.fn(q.data(), tq, kt.data(), tk, v.data(), tk, heads, d, out.data(), p.data());
        }) / 1e9);
  }
  // Per-step decoder kernels (GB/s of f32 read): the SSRU update of 32 rows, argmax over the vocabulary.
  {
    const size_t n = 32 * 256;
    std::vector<float> a(n), b(n, 0.5f), c(n, 0.1f);
    const std::vector<float> logits = Normal(6000, 8);
    for (const auto& kern : F32SsruKernels())
      if (kern.available())
        Row(kern.name, "32 rows of 256", 12.0 * n * PassesPerSecond([&] {
          for (size_t i = 0; i < n; ++i) a[i] = 0.01f * static_cast<float>(i % 200) - 1.f;
          kern.fn(a.data(), b.data(), c.data(), n);
        }) / 1e9, " GB/s");
    volatile int sink = 0;
    for (const auto& kern : F32ArgmaxKernels())
      if (kern.available())
        Row(kern.name, "vocabulary of 6000", 4.0 * 6000 * PassesPerSecond([&] {
          sink = sink + kern.fn(logits.data(), 6000, 1);
        }) / 1e9, " GB/s");
  }
  // Add + layer norm over 32 rows of 256 (GB/s of f32 read: x and the residual).
  {
    const int rows = 32, d = 256;
    std::vector<float> x = Normal((size_t)rows * d, 9), res(x.size(), 0.f), scale(d, 1.f), bias(d, 0.f);
    for (const auto& kern : F32AddLayerNormKernels())
      if (kern.available())
        Row(kern.name, "32 rows of 256", 8.0 * rows * d * PassesPerSecond([&] {
          kern.fn(x.data(), res.data(), rows, d, scale.data(), bias.data());
        }) / 1e9, " GB/s");
  }
  return 0;
}
