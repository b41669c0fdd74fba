// Writes seed inputs for the model-file fuzzer: tiny valid models (f32, int8, and int8 with
// Marian's arithmetic, so the fuzzer reaches the multiplier checks).
#include <fstream>
#include <string>

#include "../engine/tiny_model.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  for (bool int8 : {false, true}) {
    tw::testing::TinySpec spec;
    spec.int8 = int8;
    auto bytes = tw::testing::TinyModelBytes(spec);
    std::ofstream(std::string(argv[1]) + (int8 ? "/tiny-int8.twm" : "/tiny-f32.twm"), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  }
  auto marian = tw::WriteModelFile(tw::testing::TinyMarianMeta(), tw::testing::TinyMarianTensors());
  std::ofstream(std::string(argv[1]) + "/tiny-marian-int8.twm", std::ios::binary)
      .write(reinterpret_cast<const char*>(marian.data()), marian.size());
  return 0;
}
