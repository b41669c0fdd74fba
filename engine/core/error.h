// Errors: every failure the engine reports is an Error with a code and a message that names the
// problem (which file, which tensor, which byte offset). Callers at the C/JS boundary map codes to
// typed errors; inside the engine they travel as exceptions.
#pragma once
#include <stdexcept>
#include <string>

namespace tw {

// The names (ErrorCodeName) are what callers outside C++ map (web/translator/errors.js); the
// numbers may change.
enum class ErrorCode {
  kIo = 1,            // cannot open/read a file
  kBadMagic,          // not one of our model files
  kTooNew,            // file version newer than this engine
  kTruncated,         // file ends before the data it declares
  kCorrupt,           // checksum mismatch or inconsistent header
  kBadShape,          // tensor shape does not match the configuration
  kMissingTensor,     // a required tensor is absent
  kBadConfig,         // metadata missing or out of range
  kVocabMismatch,     // tokenizer and model disagree
  kBadTokenizer,      // SentencePiece model cannot be parsed
  kInvalidArgument,   // caller error (unknown backend, beam size 0, ...)
};

const char* ErrorCodeName(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace tw
