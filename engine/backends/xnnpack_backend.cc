// XNNPACK backend (native builds only): every linear layer becomes an XNNPACK f32
// fully-connected operator created once at load. Int8 weights are dequantized to f32 there:
// this XNNPACK release's qs8 operator wants static per-tensor scales, which our per-channel
// dynamically quantized layers do not have.
#include <pthreadpool.h>
#include <xnnpack.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <vector>

#include "backends/backend.h"
#include "backends/backends_internal.h"
#include "core/error.h"
#include "core/thread_pool.h"

namespace tw {
namespace {

struct XnnLinear {
  std::vector<float> dequantized;  // owns the f32 weights when the file held int8
  xnn_operator_t op = nullptr;
  ~XnnLinear() {
    if (op) xnn_delete_operator(op);
  }
};

void Check(xnn_status s, const char* what) {
  if (s != xnn_status_success) throw Error(ErrorCode::kInvalidArgument, std::string("XNNPACK ") + what + " failed (status " + std::to_string(int(s)) + ")");
}

class XnnpackBackend : public Backend {
 public:
  XnnpackBackend() {
    static std::once_flag once;
    static xnn_status init = xnn_status_success;
    std::call_once(once, [] { init = xnn_initialize(nullptr); });
    Check(init, "initialization");
  }
  const char* name() const override { return "xnnpack"; }

  void PrepareOwn(LinearWeights& w) override {
    auto p = std::make_shared<XnnLinear>();
    const float* weights = w.w;
    if (w.quantized()) {
      p->dequantized.resize((size_t)w.in * w.out);
      for (int n = 0; n < w.out; ++n)
        for (int k = 0; k < w.in; ++k) p->dequantized[(size_t)n * w.in + k] = float(w.q[(size_t)n * w.in + k]) * w.scale[n];
      weights = p->dequantized.data();
    }
    Check(xnn_create_fully_connected_nc_f32(w.in, w.out, w.in, w.out, weights, w.bias,
                                            -std::numeric_limits<float>::infinity(),
                                            std::numeric_limits<float>::infinity(), 0, &p->op),
          "create fully-connected");
    w.prepared = p;
  }

  void Compute(const LinearWeights& w, const float* x, int rows, float* y) override {
    if (!w.prepared) PrepareOwn(const_cast<LinearWeights&>(w));
    auto* p = static_cast<XnnLinear*>(w.prepared.get());
    Check(xnn_setup_fully_connected_nc_f32(p->op, rows, x, y, nullptr), "setup");
    Check(xnn_run_operator(p->op, Threads()), "run");
  }

  ~XnnpackBackend() override {
    if (threads_) pthreadpool_destroy(threads_);
  }

 private:
  // XNNPACK parallelizes through its own pthreadpool, sized like the engine's pool.
  pthreadpool_t Threads() {
    const int n = ThreadCount();
    if (n != thread_count_) {
      if (threads_) pthreadpool_destroy(threads_);
      threads_ = n > 1 ? pthreadpool_create(n) : nullptr;
      thread_count_ = n;
    }
    return threads_;
  }
  pthreadpool_t threads_ = nullptr;
  int thread_count_ = 1;
};

}  // namespace

std::unique_ptr<Backend> MakeXnnpackBackend() { return std::make_unique<XnnpackBackend>(); }

}  // namespace tw
