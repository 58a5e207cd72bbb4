// Options from a JSON object, for bindings that pass them as text ({"file":"a.txt"}).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "nianbao/check.hpp"

namespace nianbao {

/// Reads "file" (string), "format" (auto|text|html|docx|pdf), "max_input_bytes" (number) and
/// "cells" (corrections: [{"table","row","col","value"}], value a number or null) from a JSON
/// object; unknown keys and malformed text are ignored (the defaults stay).
Options options_from_json(std::string_view json);

/// A JSON array of cell corrections, as the CLI's --cells FILE holds them (the objects may carry
/// the output's other keys, raw and span); nothing when it is not one.
std::optional<std::vector<CellCorrection>> cells_from_json(std::string_view json);

}  // namespace nianbao
