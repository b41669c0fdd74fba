// Decoding: batched greedy search and beam search with length normalization.
// scripts/nmt/search.py holds the Python twin of both; the parity tests compare them.
#pragma once
#include <vector>

#include "model/transformer.h"

namespace tw {

struct SearchOptions {
  int beam = 1;
  float length_penalty = 1.0f;  // final score = log-prob / (output length incl. EOS)^length_penalty
  int extra_length = 5;         // max output tokens = max_length_factor * source length + extra_length
};

// src: sentences of token ids, each ending in EOS. Returns output ids without EOS.
// scores (optional): per sentence, the mean log-probability of the tokens chosen, EOS included
// (the model's confidence in its output; UNK left out of the softmax, as from the search).
std::vector<std::vector<int>> GreedySearch(Transformer& model, const std::vector<std::vector<int>>& src,
                                           const SearchOptions& opt, std::vector<float>* scores = nullptr);
std::vector<int> BeamSearch(Transformer& model, const std::vector<int>& src, const SearchOptions& opt,
                            float* score = nullptr);

// Maximum number of output tokens for a source of `src_len` tokens.
int MaxOutputLength(const ModelConfig& cfg, int src_len, const SearchOptions& opt);

}  // namespace tw
