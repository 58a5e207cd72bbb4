// The first stage: the bytes a caller gives, read as text (spec §7). Decides the format (asking
// each reader), decodes GBK/UTF-16, renders PDF text runs, DOCX and HTML as text, and screens out
// what is not a report (binary data, too large, empty).
#pragma once
#include <string_view>
#include <variant>

#include "nianbao/check.hpp"
#include "nianbao/error.hpp"
#include "nianbao/report.hpp"

namespace nianbao {

/// How the input was read (InputInfo: format, encoding, and the text when it is not the bytes).
/// The text to check is `info.text` when there is one, else the bytes themselves.
std::variant<InputInfo, Error> read_input(std::string_view bytes, const Options& options);

}  // namespace nianbao
