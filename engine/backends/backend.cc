#include "backends/backend.h"

#include "backends/backends_internal.h"
#include "core/error.h"

namespace tw {

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
