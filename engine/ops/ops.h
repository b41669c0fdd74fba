// Element-wise and attention operations of the Transformer, in f32, shared by all backends.
// Shapes are given as [rows, cols] row-major.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tw {

// x[rows, d] = LayerNorm(x + residual) * scale + bias, eps 1e-6, biased variance (post-norm):
// the best f32_add_layernorm kernel of this CPU (kernels/layernorm.h); all give the same bits.
void AddLayerNorm(float* x, const float* residual, int rows, int d, const float* scale, const float* bias);

// The SSRU cell step over n values: a holds the forget-gate pre-activations and becomes the
// output, b = x W^T, c the cell state (kernels/step.h f32_ssru).
void SsruStep(float* a, const float* b, float* c, size_t n);

// Index of the largest of x[0..n), never `skip` (greedy search's top-1 without UNK).
int Argmax(const float* x, int n, int skip);

// log softmax(x)[best] over x[0..n) without `skip` (UNK), for confidence scores; best must be
// Argmax(x, n, skip), which greedy search has already found (its value is the softmax's shift).
// Our own Exp (the f32_exp_shifted kernels) and double sums in a fixed order, so native and WASM
// give the same bits.
double LogProbabilityOfBest(const float* x, int n, int best, int skip);

// out[d] = int8 embedding row q * row_scale * mult + signal (kernels/step.h qs8_embed).
void EmbedQs8Row(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);

void ReluInPlace(float* x, size_t n);
void SwishInPlace(float* x, size_t n);

// Marian's positional signal for position `pos` into out[d]: sines in the first half,
// cosines in the second, rate 10000^(-i/(d/2-1)), computed in double then rounded.
void PositionalSignal(int pos, int d, float* out);

// Multi-head attention for one sequence: out[tq, d] = concat_h softmax(q_h k_h^T / sqrt(dh)) v_h,
// keys at index >= valid_k are masked. q [tq, d], v [tk, d], heads are contiguous d/heads slices;
// keys come transposed, kt [d, ldk] (key j is column j: see TransposeKeys). Runs the best
// f32_attention kernel of this CPU (kernels/attention.h); all give the same bits.
void Attention(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads, int d,
               float* out, std::vector<float>& scratch);

// k [n, d] row-major -> kt [d, n].
void TransposeKeys(const float* k, int n, int d, float* kt);

}  // namespace tw
