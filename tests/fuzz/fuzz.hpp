// Shared by the fuzz targets of tests/fuzz (docs/fuzzing.md). Each target defines
// LLVMFuzzerTestOneInput; it is linked either with libFuzzer (-fsanitize=fuzzer: the fuzz_*
// programs, NIANBAO_FUZZ builds) or with replay_main.cpp (the replay_* programs that ctest runs
// on the committed regression inputs and the seeds, in every native build).
// Besides not crashing, the targets check the readers' contracts (docs/contracts.md); a broken
// one aborts with a message, which libFuzzer reports as a crash and keeps the input.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/span.hpp"

#define FUZZ_CHECK(cond, what)                                                                   \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::fprintf(stderr, "fuzz invariant failed at %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   std::string(what).c_str());                                                   \
      std::abort();                                                                              \
    }                                                                                            \
  } while (0)

namespace fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

/// Checks spans against the text they point into (the input, or the rendition a result carries):
/// inside it, ordered, on character boundaries, and on the line that holds their start (1-based,
/// lines end at '\n').
class Spans {
 public:
  explicit Spans(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') newlines_.push_back(i);
  }
  void check(const nianbao::Span& s, const char* what) const {
    const bool inside = s.start <= s.end && s.end <= text_.size();
    if (inside && boundary(s.start) && boundary(s.end) && s.line == line_of(s.start)) return;
    FUZZ_CHECK(false, std::string(what) + " span " + std::to_string(s.start) + "-" + std::to_string(s.end) +
                          " line " + std::to_string(s.line) + " (inside: " + (inside ? "yes" : "no") +
                          ", line of start: " + std::to_string(line_of(s.start)) + ") in a text of " +
                          std::to_string(text_.size()) + " bytes");
  }
  std::size_t line_of(std::size_t offset) const {
    return 1 + static_cast<std::size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
  }

 private:
  /// Not inside a valid UTF-8 sequence (stray bytes of invalid UTF-8 are characters of their own).
  bool boundary(std::size_t at) const {
    for (std::size_t back = 1; back <= 3 && back <= at; ++back) {
      const std::size_t lead = at - back;
      const auto c = static_cast<unsigned char>(text_[lead]);
      const std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      if (n > back && lead + n <= text_.size() && valid_utf8(text_.substr(lead, n))) return false;
      if ((c & 0xC0) != 0x80) break;  // the only byte that could have led
    }
    return true;
  }
  std::string_view text_;
  std::vector<std::size_t> newlines_;
};

}  // namespace fuzz
