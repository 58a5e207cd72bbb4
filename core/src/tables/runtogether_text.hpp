// Run-together cells, internal: reading a paragraph's text around a row's label (the label's
// characters, the number tokens after it, their spans), shared by runtogether_text.cpp, which
// defines these, runtogether_find.cpp (finding the rows) and runtogether.cpp (the findings).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nianbao/span.hpp"
#include "read/document.hpp"
#include "util/utf8.hpp"

namespace nianbao::runtogether {

using utf8::is_digit;

/// The characters a label's core is made of (label.cpp): Han, digits and ASCII letters. The
/// run-together search compares a label's core with the text's such characters, the others
/// (punctuation, spaces) passed over. Paragraph text is valid UTF-8 (normalised).
inline bool is_label_char(char32_t c) {
  return utf8::is_han(c) || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

/// The start of the character before byte `at` of `t` (at > 0).
inline std::size_t char_before(const std::string& t, std::size_t at) {
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
  return b;
}

/// Where the label `core` starts when its characters are the label characters of `t` before
/// byte `e` (the one ending at `e` is its last, as the caller checked), or npos.
std::size_t label_ending_at(const std::string& t, std::size_t e, const std::u32string& core);

/// The first place in `t` where the label characters spell `core` one after another: the byte
/// where it starts, or npos.
std::size_t find_label(const std::string& t, const std::u32string& core);

struct After {
  std::string digits;                                   // the run (see GluedRow::digits)
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // byte range per unit
  std::size_t end = 0;                                  // byte after the numbers
};

/// What follows a label at byte `at`: number tokens, run together or apart by spaces (a space
/// between two numbers is a cell boundary: "10 0 0 0 01" is 1, 0, 0, 0, 0, 0, 1), after an
/// optional space and (when `unit_first`) a unit word. Prose ("217件", "2016年") is not a row,
/// but an amount's row (`amount`) may end in its currency ("政府集中采购00元三、…") where no
/// sentence goes on after it.
std::optional<After> read_after(const std::string& t, std::size_t at, bool unit_first, bool amount = false);

/// From the start of `a` to the end of `b`.
inline Span join(const Span& a, const Span& b) {
  Span s = a;
  s.end = b.end;
  return s;
}

/// The span of bytes [b, e) of `p`, from the start of b's line (a label's numbering).
Span region(const Document& doc, const Paragraph& p, std::size_t b, std::size_t e);

/// The span of each unit of `a` (read from `p`).
std::vector<Span> spans_of(const Document& doc, const Paragraph& p, const After& a);

}  // namespace nianbao::runtogether
