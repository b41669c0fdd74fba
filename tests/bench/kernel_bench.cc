// Kernel benchmark (not a test): GOP/s of every GEMM kernel in the build (the enumerators of
// backends/kernels/gemm.h) on the decoder's shapes, GB/s of the quantization kernels
// (quantize.h) and of the per-step kernels (ops/kernels/step.h), GFLOP/s of the attention
// kernels (ops/kernels/attention.h), GB/s of add + layer norm (ops/kernels/layernorm.h).
// Natively: build/tw-kernel-bench; in WASM: node build/wasm/kernel_bench_wasm.cjs.
#include <chrono>
#include <cstdio>
#include <random>
#include <type_traits>
#include <vector>

#include <string>

#include "backends/kernels/gemm.h"
#include "backends/kernels/quantize.h"
#include "ops/kernels/attention.h"
#include "ops/kernels/layernorm.h"
#include "ops/kernels/step.h"

using namespace tw::kernels;

template <typename T, typename A, typename Fn>
double Gops(Fn fn, int rows, int k, int n) {
  std::mt19937 rng(1);
  std::vector<A> a((size_t)rows * k);
  std::vector<T> w((size_t)n * k);
  for (auto& v : a) v = static_cast<A>(int(rng() % 200) - 100);
  for (auto& v : w) v = static_cast<T>(int(rng() % 200) - 100);
  using Acc = std::conditional_t<std::is_same_v<T, float>, float, int32_t>;
  std::vector<Acc> acc((size_t)rows * n);
  int iters = 0;
  auto t0 = std::chrono::steady_clock::now();
  double s = 0;
  while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < 0.3) {
    for (int r0 = 0; r0 < 32; r0 += rows) fn(a.data(), rows, k, w.data(), n, acc.data());
    ++iters;
  }
  return 2.0 * 32 * k * n * iters / s / 1e9;
}

int main() {
  struct Shape { int k, n; const char* what; } shapes[] = {{256, 256, "attention projection"}, {256, 960, "ffn up"},
                                                          {960, 256, "ffn down"}, {256, 6000, "output layer"}};
  std::printf("%-26s %-22s %10s\n", "kernel", "shape (32 rows)", "GOP/s");
  for (const auto& sh : shapes) {
    for (const auto& kern : Qs8GemmKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f\n", kern.name, sh.what, Gops<int8_t, int16_t>(kern.fn, kMaxRows, sh.k, sh.n));
    for (const auto& kern : Qu8s8SatGemmKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f\n", kern.name, sh.what, Gops<int8_t, uint8_t>(kern.fn, kMaxRows, sh.k, sh.n));
    for (const auto& kern : F32GemmKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f\n", kern.name, sh.what, Gops<float, float>(kern.fn, kMaxRows, sh.k, sh.n));
  }
  // Quantization of one activation row (GB/s of f32 input read): the int8 path's prologue.
  for (const int k : {256, 960}) {
    std::vector<float> x((size_t)32 * k);
    std::mt19937 rng(2);
    std::normal_distribution<float> nd(0.f, 1.f);
    for (auto& v : x) v = nd(rng);
    std::vector<int16_t> q16(x.size());
    std::vector<uint8_t> q8(x.size());
    auto rate = [&](auto&& one_pass) {
      int iters = 0;
      auto t0 = std::chrono::steady_clock::now();
      double s = 0;
      while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < 0.2) {
        one_pass();
        ++iters;
      }
      return 4.0 * x.size() * iters / s / 1e9;
    };
    const std::string shape = "row of " + std::to_string(k);
    for (const auto& kern : Qs16QuantizeKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f GB/s\n", kern.name, shape.c_str(), rate([&] {
          for (int r = 0; r < 32; ++r) kern.fn(&x[(size_t)r * k], k, 4095.f, &q16[(size_t)r * k]);
        }));
    for (const auto& kern : Qu8QuantizeShiftedKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f GB/s\n", kern.name, shape.c_str(), rate([&] {
          for (int r = 0; r < 32; ++r) kern.fn(&x[(size_t)r * k], k, 20.f, &q8[(size_t)r * k]);
        }));
  }
  // Attention (GFLOP/s, 4 flops per query-key-channel: scores and outputs): a decoder step's
  // cross-attention over 24 source tokens, and an encoder's self-attention over 24 tokens.
  for (const int tq : {1, 24}) {
    const int d = 256, heads = 8, tk = 24;
    std::vector<float> q((size_t)tq * d), kt((size_t)d * tk), v((size_t)tk * d), out((size_t)tq * d), p(tk);
    std::mt19937 rng(3);
    std::normal_distribution<float> nd(0.f, 1.f);
    for (auto* a : {&q, &kt, &v})
      for (auto& x : *a) x = nd(rng);
    const std::string shape = tq == 1 ? "cross-attn step" : "encoder self-attn";
    for (const auto& kern : F32AttentionKernels()) {
      if (!kern.available()) continue;
      int iters = 0;
      auto t0 = std::chrono::steady_clock::now();
      double s = 0;
      while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < 0.2) {
        kern.fn(q.data(), tq, kt.data(), tk, v.data(), tk, heads, d, out.data(), p.data());
        ++iters;
      }
      std::printf("%-26s %-22s %10.1f\n", kern.name, shape.c_str(), 4.0 * tq * tk * d * iters / s / 1e9);
    }
  }
  // Per-step decoder kernels (GB/s of f32 read): the SSRU update of 32 rows, argmax over the vocabulary.
  {
    const size_t n = 32 * 256;
    std::vector<float> a(n), b(n, 0.5f), c(n, 0.1f), logits(6000);
    std::mt19937 rng(8);
    std::normal_distribution<float> nd(0.f, 1.f);
    for (auto& x : logits) x = nd(rng);
    auto rate = [](auto&& pass, double bytes) {
      int iters = 0;
      auto t0 = std::chrono::steady_clock::now();
      double s = 0;
      while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < 0.2) {
        pass();
        ++iters;
      }
      return bytes * iters / s / 1e9;
    };
    for (const auto& kern : F32SsruKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f GB/s\n", kern.name, "32 rows of 256", rate([&] {
          for (size_t i = 0; i < n; ++i) a[i] = 0.01f * static_cast<float>(i % 200) - 1.f;
          kern.fn(a.data(), b.data(), c.data(), n);
        }, 12.0 * n));
    volatile int sink = 0;
    for (const auto& kern : F32ArgmaxKernels())
      if (kern.available())
        std::printf("%-26s %-22s %10.1f GB/s\n", kern.name, "vocabulary of 6000", rate([&] {
          sink = sink + kern.fn(logits.data(), 6000, 1);
        }, 4.0 * 6000));
  }
  // Add + layer norm over 32 rows of 256 (GB/s of f32 read: x and the residual).
  {
    const int rows = 32, d = 256;
    std::vector<float> x((size_t)rows * d), res(x.size(), 0.f), scale(d, 1.f), bias(d, 0.f);
    std::mt19937 rng(9);
    std::normal_distribution<float> nd(0.f, 1.f);
    for (auto& v : x) v = nd(rng);
    for (const auto& kern : F32AddLayerNormKernels()) {
      if (!kern.available()) continue;
      int iters = 0;
      auto t0 = std::chrono::steady_clock::now();
      double s = 0;
      while ((s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) < 0.2) {
        kern.fn(x.data(), res.data(), rows, d, scale.data(), bias.data());
        ++iters;
      }
      std::printf("%-26s %-22s %10.1f GB/s\n", kern.name, "32 rows of 256", 8.0 * rows * d * iters / s / 1e9);
    }
  }
  return 0;
}
