// Factories of the individual backends, gathered by MakeBackend (backend.cc).
#pragma once
#include <memory>

#include "backends/backend.h"

namespace tw {
std::unique_ptr<Backend> MakeReferenceBackend();
std::unique_ptr<Backend> MakeNativeBackend();
#ifdef TW_HAVE_XNNPACK
std::unique_ptr<Backend> MakeXnnpackBackend();
#endif
}  // namespace tw
