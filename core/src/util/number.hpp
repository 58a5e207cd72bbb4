// Number parsing for table cells and running text (after NFKC normalisation).
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "nianbao/decimal.hpp"

namespace nianbao {

struct ParsedNumber {
  Decimal value;
  std::size_t length = 0;    ///< bytes consumed from the start of the text
  bool approximate = false;  ///< followed by 余/多 or preceded by 约/近 (not summed exactly)
};

/// Parses a number at the start of `text`: digits with optional thousands commas ("1,234"),
/// a decimal part ("0.5"), a sign when `allow_sign`, and a 万/亿 multiplier when `allow_multiplier`.
/// Returns nothing when `text` does not start with a number.
std::optional<ParsedNumber> parse_number(std::string_view text, bool allow_sign = false,
                                         bool allow_multiplier = false);

/// Unit words written after counts and amounts, longest first so that a prefix test never
/// reads 人次 as 人 or 万元 as 万.
inline constexpr std::array<std::string_view, 13> kUnitWords = {"人次", "万元", "件", "条", "次", "篇", "个",
                                                                "项", "份", "期", "人", "元", "卷"};

/// What a table cell holds.
enum class CellKind {
  number,  ///< a number, possibly followed by a unit or a note: "217", "22(其中修订16件)", "46 条"
  blank,   ///< empty or a blank marker: "", "—", "-", "/", "无"
  text,    ///< anything else
};

struct CellValue {
  CellKind kind = CellKind::text;
  Decimal value;          ///< when kind == number
  std::string_view unit;  ///< a unit written after the number ("件", "万元", "元"), if any
};

/// Classifies normalised cell text. Signed values are accepted only when `allow_sign`.
CellValue classify_cell(std::string_view text, bool allow_sign = false);

}  // namespace nianbao
