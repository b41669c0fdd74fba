#include "fuzz_targets.h"

#include <memory>
#include <string>

#include "core/error.h"
#include "format/model_file.h"
#include "model/shortlist.h"
#include "model/transformer.h"
#include "tokenizer/sentencepiece.h"

namespace tw::fuzz {

int ModelFile(const uint8_t* data, size_t size) {
  try {
    auto file = std::make_shared<const tw::ModelFile>(tw::ModelFile::FromBytes(std::vector<uint8_t>(data, data + size)));
    Transformer model(file, MakeBackend("reference"));
    if (model.config().vocab_size > 3 && model.config().d_model <= 512) {
      Encoded enc = model.Encode({{2, 3, model.config().eos_id}});
      DecoderState st = model.Start(enc, {0});
      std::vector<float> logits;
      model.Step(enc, st, {0}, logits);
    }
  } catch (const Error&) {
  }
  return 0;
}

int SentencePieceModel(const uint8_t* data, size_t size) {
  try {
    SentencePiece sp = SentencePiece::FromBytes(std::string(reinterpret_cast<const char*>(data), size));
    sp.Decode(sp.Encode("A man rides a bike."));
  } catch (const Error&) {
  }
  return 0;
}

int SentencePieceText(const uint8_t* data, size_t size) {
  static const SentencePiece sp = SentencePiece::FromPath(TW_FUZZ_SPM_MODEL);
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<int> ids = sp.Encode(text);
  for (int id : ids)
    if (id < 0 || id >= sp.size()) __builtin_trap();
  sp.Decode(ids);
  return 0;
}

int ShortlistFile(const uint8_t* data, size_t size) {
  constexpr int kVocab = 64;
  try {
    const Shortlist s = Shortlist::FromBytes(std::string(reinterpret_cast<const char*>(data), size), kVocab);
    std::vector<int> all;
    for (int i = -1; i <= kVocab; ++i) all.push_back(i);  // out-of-range ids are skipped, not read
    for (const auto& batch : std::vector<std::vector<std::vector<int>>>{{{}}, {{3, 5}}, {all}}) {
      const std::vector<int> ids = s.Allowed(batch);
      for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= kVocab || (i && ids[i] <= ids[i - 1])) __builtin_trap();
      if (ids.size() % 8 != 0 && ids.size() != kVocab) __builtin_trap();
    }
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace tw::fuzz
