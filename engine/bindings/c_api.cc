#include "bindings/c_api.h"

#include <memory>
#include <string>

#include "bindings/model_description.h"
#include "core/error.h"
#include "core/profile.h"
#include "core/thread_pool.h"
#include "translator/translator.h"

struct tw_translator {
  std::unique_ptr<tw::Translator> impl;
  std::shared_ptr<const tw::ModelFile> file;
  std::string result;
  size_t source_tokens = 0;
  tw::Translator::Plan plan;  // of the last tw_plan call
  std::vector<std::vector<int>> decoded;  // of the last tw_decode call
  std::vector<float> decoded_scores;      // of the last tw_decode_scored call
  std::vector<float> line_scores;         // of the last tw_line_scores call
};

namespace {
thread_local std::string g_error;
thread_local int g_code = 0;

void Fail(int code, const std::string& msg) {
  g_code = code;
  g_error = msg;
}

template <typename F>
auto Guard(F f) -> decltype(f()) {
  try {
    g_code = 0;
    g_error.clear();
    return f();
  } catch (const tw::Error& e) {
    Fail(static_cast<int>(e.code()), std::string(tw::ErrorCodeName(e.code())) + ": " + e.what());
  } catch (const std::bad_alloc&) {
    Fail(-2, "out of memory");
  } catch (const std::exception& e) {
    Fail(-1, std::string("internal error: ") + e.what());
  }
  return {};
}
std::vector<std::string> SplitLines(const char* text) {
  std::vector<std::string> lines;
  std::string cur;
  for (const char* p = text; *p; ++p) {
    if (*p == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += *p;
    }
  }
  lines.push_back(cur);
  return lines;
}

const char* JoinLines(tw_translator* t, const std::vector<std::string>& out) {
  t->result.clear();
  for (size_t i = 0; i < out.size(); ++i) {
    if (i) t->result += '\n';
    t->result += out[i];
  }
  return t->result.c_str();
}
}  // namespace

extern "C" {

tw_translator* tw_translator_create(const void* model, size_t model_len, const void* vocab, size_t vocab_len,
                                    const char* backend) {
  return Guard([&]() -> tw_translator* {
    if (!model || !vocab) throw tw::Error(tw::ErrorCode::kInvalidArgument, "model and vocab bytes are required");
    auto t = std::make_unique<tw_translator>();
    const auto* m = static_cast<const uint8_t*>(model);
    t->file = std::make_shared<const tw::ModelFile>(tw::ModelFile::FromBytes(std::vector<uint8_t>(m, m + model_len), "model file"));
    tw::TranslatorOptions opt;
    opt.backend = backend && *backend ? backend : "native";
    t->impl = std::make_unique<tw::Translator>(
        t->file, tw::SentencePiece::FromBytes(std::string(static_cast<const char*>(vocab), vocab_len)), opt);
    return t.release();
  });
}

void tw_translator_free(tw_translator* t) { delete t; }

const char* tw_translate(tw_translator* t, const char* text, int beam) {
  return Guard([&]() -> const char* {
    if (!t || !text) throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator and text are required");
    if (beam < 1 || beam > 16) throw tw::Error(tw::ErrorCode::kInvalidArgument, "beam must be in [1, 16]");
    t->impl->SetBeam(beam);
    auto out = t->impl->Translate(SplitLines(text));
    t->source_tokens = t->impl->last_source_tokens();
    return JoinLines(t, out);
  });
}

int tw_translator_set_shortlist(tw_translator* t, const void* bytes, size_t len) {
  Guard([&]() -> int {
    if (!t || !bytes) throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator and shortlist bytes are required");
    t->impl->SetShortlist(std::make_shared<const tw::Shortlist>(tw::Shortlist::FromBytes(
        std::string(static_cast<const char*>(bytes), len), t->impl->model().config().vocab_size)));
    return 0;
  });
  return g_code;
}

int tw_plan(tw_translator* t, const char* text) {
  int n = Guard([&]() -> int {
    if (!t || !text) throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator and text are required");
    t->plan = t->impl->MakePlan(SplitLines(text));
    t->source_tokens = 0;
    for (const auto& s : t->plan.sources) t->source_tokens += s.size();
    return static_cast<int>(t->plan.sources.size());
  });
  return g_code ? -1 : n;
}

const int* tw_plan_source(const tw_translator* t, int i, int* length) {
  if (!t || i < 0 || static_cast<size_t>(i) >= t->plan.sources.size()) {
    if (length) *length = 0;
    return nullptr;
  }
  if (length) *length = static_cast<int>(t->plan.sources[i].size());
  return t->plan.sources[i].data();
}

namespace {
int Decode(tw_translator* t, int beam, bool scored) {
  int n = Guard([&]() -> int {
    if (!t) throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator is required");
    if (beam < 1 || beam > 16) throw tw::Error(tw::ErrorCode::kInvalidArgument, "beam must be in [1, 16]");
    t->impl->SetBeam(beam);
    t->decoded_scores.clear();
    t->decoded = t->impl->TranslateIds(t->plan.sources, scored ? &t->decoded_scores : nullptr);
    return static_cast<int>(t->decoded.size());
  });
  return g_code ? -1 : n;
}
}  // namespace

int tw_decode(tw_translator* t, int beam) { return Decode(t, beam, false); }
int tw_decode_scored(tw_translator* t, int beam) { return Decode(t, beam, true); }

float tw_decoded_score(const tw_translator* t, int i) {
  if (!t || i < 0 || static_cast<size_t>(i) >= t->decoded_scores.size()) return 0.f;
  return t->decoded_scores[i];
}

const float* tw_line_scores(tw_translator* t, const int* lengths, const float* scores, int count) {
  return Guard([&]() -> const float* {
    if (!t || count < 0 || (count > 0 && (!lengths || !scores)))
      throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator, lengths and scores are required");
    t->line_scores = t->impl->LineScores(t->plan, std::vector<int>(lengths, lengths + count),
                                         std::vector<float>(scores, scores + count));
    return t->line_scores.empty() ? nullptr : t->line_scores.data();
  });
}

const int* tw_decoded(const tw_translator* t, int i, int* length) {
  if (!t || i < 0 || static_cast<size_t>(i) >= t->decoded.size()) {
    if (length) *length = 0;
    return nullptr;
  }
  if (length) *length = static_cast<int>(t->decoded[i].size());
  return t->decoded[i].data();
}

int tw_plan_max_target(const tw_translator* t, int i) {
  if (!t || i < 0 || static_cast<size_t>(i) >= t->plan.sources.size()) return 0;
  const auto& opt = t->impl->options().search;
  return tw::MaxOutputLength(t->impl->model().config(), static_cast<int>(t->plan.sources[i].size()), opt);
}

const char* tw_assemble(tw_translator* t, const int* ids, const int* lengths, int count) {
  return Guard([&]() -> const char* {
    if (!t || count < 0 || (count > 0 && (!ids || !lengths)))
      throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator, ids and lengths are required");
    std::vector<std::vector<int>> outputs(count);
    size_t at = 0;
    for (int i = 0; i < count; ++i) {
      if (lengths[i] < 0) throw tw::Error(tw::ErrorCode::kInvalidArgument, "negative output length");
      outputs[i].assign(ids + at, ids + at + lengths[i]);
      at += lengths[i];
    }
    return JoinLines(t, t->impl->Assemble(t->plan, outputs));
  });
}

const char* tw_model_description(tw_translator* t) {
  return Guard([&]() -> const char* {
    if (!t) throw tw::Error(tw::ErrorCode::kInvalidArgument, "translator is required");
    t->result = tw::DescribeModel(*t->impl);
    return t->result.c_str();
  });
}

size_t tw_last_source_tokens(const tw_translator* t) { return t ? t->source_tokens : 0; }

const char* tw_model_meta(const tw_translator* t, const char* key) {
  if (!t || !key) return "";
  const auto& meta = t->file->metadata();
  auto it = meta.find(key);
  return it == meta.end() ? "" : it->second.c_str();
}

int tw_set_threads(int threads) { return tw::SetThreadCount(threads); }

void tw_profile_start(void) { tw::profile::Start(); }
void tw_profile_stop(void) { tw::profile::Stop(); }
const char* tw_profile_json(void) {
  static std::string json;
  json = tw::profile::ToJson();
  return json.c_str();
}

const char* tw_last_error(void) { return g_error.c_str(); }
int tw_last_error_code(void) { return g_code; }

const char* tw_error_code_name(int code) {
  if (code == -2) return "out_of_memory";
  if (code < static_cast<int>(tw::ErrorCode::kIo) || code > static_cast<int>(tw::ErrorCode::kInvalidArgument)) return "internal";
  return tw::ErrorCodeName(static_cast<tw::ErrorCode>(code));
}

}  // extern "C"
