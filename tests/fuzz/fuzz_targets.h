// Fuzz entry points, shared by the libFuzzer binaries (scripts/fuzz) and the regression test that
// replays every saved reproducer in npm test (regression_test.cc).
#pragma once
#include <cstddef>
#include <cstdint>

namespace tw::fuzz {
int ModelFile(const uint8_t* data, size_t size);        // our model loader + config + shapes
int SentencePieceModel(const uint8_t* data, size_t size);  // .model protobuf parsing
int SentencePieceText(const uint8_t* data, size_t size);   // encode/decode arbitrary bytes
int ShortlistFile(const uint8_t* data, size_t size);        // Marian lex shortlist reader + Allowed()
}  // namespace tw::fuzz
