// Writes seed inputs for the model-file fuzzer: tiny valid models (f32 and int8).
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
  return 0;
}
