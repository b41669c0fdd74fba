#include "core/profile.h"

#include <cstdio>

namespace tw::profile {
namespace {
bool enabled = false;
std::vector<Entry>& entries() {
  static std::vector<Entry> list;
  return list;
}
}  // namespace

bool Enabled() { return enabled; }

void Start() {
  entries().clear();
  enabled = true;
}

void Stop() { enabled = false; }

const std::vector<Entry>& Entries() { return entries(); }

void Add(const char* stage, int64_t nanoseconds) {
  for (Entry& e : entries())
    if (e.stage == stage) {
      e.nanoseconds += nanoseconds;
      e.calls += 1;
      return;
    }
  entries().push_back(Entry{stage, nanoseconds, 1});
}

const char* EncoderLayerName(int layer) {
  static const char* const names[] = {
      "encoder: layer 0",  "encoder: layer 1",  "encoder: layer 2",  "encoder: layer 3",
      "encoder: layer 4",  "encoder: layer 5",  "encoder: layer 6",  "encoder: layer 7",
      "encoder: layer 8",  "encoder: layer 9",  "encoder: layer 10", "encoder: layer 11",
      "encoder: layer 12", "encoder: layer 13", "encoder: layer 14", "encoder: layers 15+"};
  constexpr int n = sizeof names / sizeof names[0];
  return names[layer < 0 ? 0 : layer < n ? layer : n - 1];
}

std::string ToJson() {
  // Stage names are our own literals (no quotes or control characters to escape).
  std::string out = "{\"stages\":[";
  bool first = true;
  for (const Entry& e : entries()) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.3f", e.nanoseconds / 1e6);
    out += std::string(first ? "" : ",") + "{\"stage\":\"" + e.stage + "\",\"ms\":" + ms +
           ",\"calls\":" + std::to_string(e.calls) + "}";
    first = false;
  }
  return out + "]}";
}

}  // namespace tw::profile
