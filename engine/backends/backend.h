// Backends compute the fully-connected layers (Linear), where nearly all of the time goes; that is
// all a backend chooses. The other ops (attention, layer norm, SSRU, embedding, argmax) call the best
// kernel of this CPU on every backend, each checked bit for bit against its scalar reference by the
// kernel conformance suite (tests/engine/kernels/). Every backend's Linear is checked against the
// reference backend's by tests/engine/backend_test.cc.
//
// Storage type (how a weight sits in the file: f32, or i8 with per-row scales) is kept apart
// from compute type (how a backend multiplies it). Int8 weights on the reference and native
// backends use dynamic int8 activations (see activation_quantization.h) with exact int32 accumulation;
// the XNNPACK backend dequantizes them once at load and multiplies in f32.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tw {

struct MarianInt8;  // marian_int8.h

// y[rows, out] = x[rows, in] W^T + b, W stored [out, in] row-major.
struct LinearWeights {
  int in = 0, out = 0;
  const float* w = nullptr;      // [out, in] f32 weights, or null when quantized
  const int8_t* q = nullptr;     // [out, in] i8 weights
  const float* scale = nullptr;  // [out] per-row scale of q
  const float* bias = nullptr;   // [out] or null
  // Models with int8_arithmetic = "marian-shifted": the file's multipliers of this matrix (both
  // positive), or 0 for our own int8 arithmetic.
  float marian_a_mult = 0.f, marian_b_mult = 0.f;
  // Made once by Backend::Prepare: how this weight is computed.
  std::shared_ptr<void> prepared;            // the backend's own form of the weight
  std::shared_ptr<const MarianInt8> marian;  // Marian's int8 arithmetic (marian_int8.h) instead

  bool quantized() const { return q != nullptr; }
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;
  // Called once per weight at load, before any Linear on it: a weight with Marian multipliers is
  // set up for Marian's int8 arithmetic (the same on every backend); any other gets the
  // backend's own form (PrepareOwn).
  void Prepare(LinearWeights& w);
  void Linear(const LinearWeights& w, const float* x, int rows, float* y);

 protected:
  virtual void PrepareOwn(LinearWeights& w) { (void)w; }
  virtual void Compute(const LinearWeights& w, const float* x, int rows, float* y) = 0;
  // Marian's arithmetic with the scalar kernels (the reference) or the best of this CPU; both exact.
  virtual bool optimized() const { return true; }
};

// "reference" (Linear with the scalar GEMM kernels: the definition), "native" (the best GEMM kernels
// of this CPU, same integer arithmetic),
// "xnnpack" (native builds only). Throws kInvalidArgument for anything else.
std::unique_ptr<Backend> MakeBackend(const std::string& name);
std::vector<std::string> AvailableBackends();

}  // namespace tw
