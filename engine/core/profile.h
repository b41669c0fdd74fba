// Where a translation's time goes, stage by stage (tw-translate --profile, tw_profile_json, and
// the stage table of `npm run bench`). Off by default; a scope costs one branch when off.
//
// Stages are named by string literals (the pointer is the key) and kept in first-seen order:
//   { tw::profile::Scope s("decoder: output layer"); ... }
// Timings are wall-clock on the calling thread: scopes sit only on the thread that calls the
// engine (the thread pool's workers run inside them), so one engine instance has one timeline.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tw::profile {

struct Entry {
  const char* stage;
  int64_t nanoseconds = 0;
  int64_t calls = 0;
};

bool Enabled();
void Start();  // clears the entries and switches timing on
void Stop();
const std::vector<Entry>& Entries();
// {"stages":[{"stage":"...","ms":1.234,"calls":n},...]} in first-seen order.
std::string ToJson();

void Add(const char* stage, int64_t nanoseconds);
// "encoder: layer 3": one name per layer index (up to 16; the last name takes the rest).
const char* EncoderLayerName(int layer);

class Scope {
 public:
  explicit Scope(const char* stage) : stage_(Enabled() ? stage : nullptr) {
    if (stage_) start_ = std::chrono::steady_clock::now();
  }
  ~Scope() {
    if (stage_)
      Add(stage_, std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count());
  }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  const char* stage_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace tw::profile
