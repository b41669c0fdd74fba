// The loaded model as other layers need it, in one JSON document (tw_model_description in
// c_api.h, `tw-translate --describe`): the configuration, the length limits and activation levels
// the engine decodes with, the tensor table of model/layout.h with each tensor's place in the
// model bytes, and the positional table. The WebGPU decoder builds itself from this instead of
// parsing the model file or copying the engine's constants.
#pragma once
#include <string>

#include "translator/translator.h"

namespace tw {

std::string DescribeModel(const Translator& translator);

}  // namespace tw
