// libFuzzer binary for tw::fuzz::ShortlistFile (built and run by scripts/fuzz).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return tw::fuzz::ShortlistFile(data, size); }
