// Byte spans into the text the user gave (before any normalisation).
#pragma once
#include <cstdint>

namespace nianbao {

/// A half-open byte range [start, end) in the original UTF-8 input, with the 1-based line of start.
struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t line = 1;  ///< 1-based, also for a default span (offset 0 is on line 1)
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace nianbao
