#include "backends/backend.h"

#include "backends/backends_internal.h"
#include "backends/marian_int8.h"
#include "core/error.h"

namespace tw {

void Backend::Prepare(LinearWeights& w) {
  if (w.quantized() && w.marian_a_mult > 0.f) {
    w.marian = std::make_shared<MarianInt8>(PrepareMarianInt8(w.q, w.out, w.in, w.marian_a_mult, w.marian_b_mult, w.bias));
    return;
  }
  PrepareOwn(w);
}

void Backend::Linear(const LinearWeights& w, const float* x, int rows, float* y) {
  if (w.marian) return MarianInt8Linear(w, x, rows, y, optimized());
  Compute(w, x, rows, y);
}

std::vector<std::string> AvailableBackends() {
  std::vector<std::string> names = {"reference", "native"};
#ifdef TW_HAVE_XNNPACK
  names.push_back("xnnpack");
#endif
  return names;
}

std::unique_ptr<Backend> MakeBackend(const std::string& name) {
  if (name == "reference") return MakeReferenceBackend();
  if (name == "native") return MakeNativeBackend();
#ifdef TW_HAVE_XNNPACK
  if (name == "xnnpack") return MakeXnnpackBackend();
#endif
  std::string known;
  for (const auto& n : AvailableBackends()) known += (known.empty() ? "" : ", ") + n;
  throw Error(ErrorCode::kInvalidArgument, "unknown backend '" + name + "' (available: " + known + ")");
}

}  // namespace tw
