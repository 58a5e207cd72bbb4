// The PDF reader, internal: the runs payload parsed (pages, and items with their boxes and
// sanitised text), and the glyph classes the layout measures with. Defined in runs_parse.cpp;
// used by runs_pieces.cpp and the layout (runs_reader.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/error.hpp"

namespace nianbao::runs {

/// Glyphs about one em wide in CJK fonts (East Asian Wide and Fullwidth, and the quotes,
/// dashes and ellipsis that CJK fonts set full width); two columns on the text grid.
inline bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         (c >= 0x2018 && c <= 0x201D) || c == 0x2014 || c == 0x2026;
}

inline bool is_separator(char32_t c) { return c == U' ' || c == 0x3000 || c == 0xA0; }

/// Whether the first (last) character of `t` is a wide glyph.
bool wide_at(std::string_view t, bool first);

struct Item {
  float x, y, w, h;
  std::uint32_t begin, len;  // the sanitised text, in Parsed::text
};

struct Page {
  double width = 0, height = 0;
  std::size_t first = 0, last = 0;  // items [first, last)
};

struct Parsed {
  std::vector<Page> pages;
  std::vector<Item> items;
  std::string text;
};

/// Parses a runs payload (docs/contracts.md, "PDF text runs"): its header line, page lines and
/// items; nullopt with `*error` set (when not null) for a malformed line or too many items or pages.
std::optional<Parsed> parse(std::string_view payload, Error* error);

}  // namespace nianbao::runs
