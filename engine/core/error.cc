#include "core/error.h"

namespace tw {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kBadMagic: return "bad_magic";
    case ErrorCode::kTooNew: return "too_new";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kBadShape: return "bad_shape";
    case ErrorCode::kMissingTensor: return "missing_tensor";
    case ErrorCode::kBadConfig: return "bad_config";
    case ErrorCode::kVocabMismatch: return "vocab_mismatch";
    case ErrorCode::kBadTokenizer: return "bad_tokenizer";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
  }
  return "unknown";
}

}  // namespace tw
