// Input text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK/GB2312
// through ICU's converter where its data is linked (the native build; the page decodes such
// files with TextDecoder before calling the core).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nianbao/error.hpp"

namespace nianbao {

enum class Encoding { utf8, utf16le, utf16be, gb18030 };
std::string_view encoding_name(Encoding e);

struct Decoded {
  Encoding encoding = Encoding::utf8;
  std::string text;  ///< UTF-8; empty when the input already was UTF-8 (use the input itself)
  /// For UTF-8 input: its characters and the bytes of them that are not UTF-8 (each invalid
  /// byte one character), as counted to decide the encoding.
  std::size_t chars = 0, invalid = 0;
};

/// Decides the encoding and, when it is not UTF-8, converts to UTF-8. UTF-8 is assumed unless
/// the bytes are not valid UTF-8 (or carry a UTF-16 BOM). Returns an error for bytes that are
/// neither UTF-8 nor GB18030 text.
std::optional<Decoded> decode_input(std::string_view bytes, Error* error);

}  // namespace nianbao
