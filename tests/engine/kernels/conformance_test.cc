// The kernel conformance suite: every kernel of every family in this build (the lists of
// kernels/kernel.h) against its family's scalar reference, through the family's check
// (checks.h). A kernel added to a list is tested here with no edit; a new family adds one line to
// Everything(). Runs natively and, compiled to WASM, under Node.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>

#include "checks.h"

namespace tw::kernels {
namespace {

// A SIMD (or other non-reference) kernel and its family's check against the reference.
struct Entry {
  std::string kernel, reference;
  bool (*available)();
  std::function<::testing::AssertionResult()> check;
};

void PrintTo(const Entry& e, std::ostream* os) { *os << e.kernel; }  // test names, not bytes

struct Family {
  std::string name, reference;
  size_t kernels;
};

struct Registry {
  std::vector<Entry> entries;
  std::vector<Family> families;

  template <typename Fn>
  void Add(const char* family, const std::vector<Kernel<Fn>>& list, ::testing::AssertionResult (*check)(Fn, Fn)) {
    families.push_back({family, list.front().name, list.size()});
    for (size_t i = 1; i < list.size(); ++i)
      entries.push_back({list[i].name, list.front().name, list[i].available,
                         [check, fn = list[i].fn, ref = list.front().fn] { return check(fn, ref); }});
  }
};

const Registry& Everything() {
  static const Registry all = [] {
    Registry r;
    r.Add("qs8_gemm", Qs8GemmKernels(), checks::Qs8Gemm);
    r.Add("qs8c2_gemm", Qs8c2GemmKernels(), checks::Qs8c2Gemm);
    r.Add("f32_gemm", F32GemmKernels(), checks::F32Gemm);
    r.Add("qu8s8sat_gemm", Qu8s8SatGemmKernels(), checks::Qu8s8SatGemm);
    r.Add("qs16_quantize", Qs16QuantizeKernels(), checks::Qs16Quantize);
    r.Add("qu8_quantize_shifted", Qu8QuantizeShiftedKernels(), checks::Qu8QuantizeShifted);
    r.Add("f32_attention", F32AttentionKernels(), checks::F32Attention);
    r.Add("f32_add_layernorm", F32AddLayerNormKernels(), checks::F32AddLayerNorm);
    r.Add("f32_ssru", F32SsruKernels(), checks::F32Ssru);
    r.Add("f32_argmax", F32ArgmaxKernels(), checks::F32Argmax);
    r.Add("f32_exp_shifted", F32ExpShiftedKernels(), checks::F32ExpShifted);
    r.Add("qs8_embed", Qs8EmbedKernels(), checks::Qs8Embed);
    return r;
  }();
  return all;
}

class Conformance : public ::testing::TestWithParam<Entry> {};

TEST_P(Conformance, EqualsTheScalarReference) {
  const Entry& e = GetParam();
  if (!e.available()) GTEST_SKIP() << e.kernel << ": not supported by this CPU";
  EXPECT_TRUE(e.check()) << e.kernel << " vs " << e.reference;
}

INSTANTIATE_TEST_SUITE_P(EveryKernel, Conformance, ::testing::ValuesIn(Everything().entries),
                         [](const ::testing::TestParamInfo<Entry>& info) { return info.param.kernel; });

// Each list starts with the family's scalar reference (<family>__scalar, or <family>_1x1__scalar
// for GEMM tiles), and every family has a SIMD kernel in this build (native: AVX2 or SSE2; WASM:
// SIMD128), so the suite above compares something.
TEST(KernelLists, EachFamilyStartsWithItsScalarReferenceAndHasASimdKernel) {
  for (const Family& f : Everything().families) {
    EXPECT_EQ(f.reference.rfind(f.name, 0), 0u) << f.reference;
    EXPECT_EQ(f.reference.substr(f.reference.size() - 8), "__scalar") << f.reference;
    EXPECT_GE(f.kernels, 2u) << f.name;
  }
}

}  // namespace
}  // namespace tw::kernels
