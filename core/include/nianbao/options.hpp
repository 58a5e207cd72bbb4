// Options from a JSON object, for bindings that pass them as text ({"file":"a.txt"}).
#pragma once
#include <string_view>

#include "nianbao/check.hpp"

namespace nianbao {

/// Reads "file" (string), "format" (auto|text|html|docx|pdf) and "max_input_bytes" (number) from a flat JSON object; unknown keys
/// and malformed text are ignored (the defaults stay).
Options options_from_json(std::string_view json);

}  // namespace nianbao
