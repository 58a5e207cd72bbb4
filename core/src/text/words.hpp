// The words of running text (internal): numbers with units ("8359条"), Chinese numerals and
// dates, clauses and sentences, brackets, and shares recomputed at a stated precision. Shared
// by the tables (figures the text states settle run-together splits) and the narrative rules.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decimal.hpp"

namespace nianbao {

std::u32string to_u32(std::string_view s);

/// The first ASCII digit of t[from, to), or `to` (to <= t.size(); `from` itself when past it).
/// Eight bytes at a time are passed over while none of them is a digit: figures are far apart in
/// running text.
inline std::size_t next_digit(std::string_view t, std::size_t from, std::size_t to) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kLow7 = kOnes * 0x7F, kHigh = kOnes * 0x80;
  if (from >= to) return from;
  std::size_t i = from;
  while (to - i >= 8) {
    std::uint64_t x;
    std::memcpy(&x, t.data() + i, 8);
    // Some byte in '0'..'9' (the usual "byte between 0x2F and 0x3A" trick, exact as a whole).
    const std::uint64_t low = x & kLow7;
    if (((kOnes * (127 + 0x3A) - low) & ~x & (low + kOnes * (127 - 0x2F)) & kHigh) != 0) break;
    i += 8;
  }
  while (i < to && !(t[i] >= '0' && t[i] <= '9')) ++i;
  return i;
}

/// 一 … 九 (also 〇/○/零 as 0); -1 otherwise.
int cn_digit(char32_t c);
/// 1–99 written 一 … 十二 … 九十九, or with Arabic digits.
std::optional<int> small_number(std::u32string_view s);

struct Date {
  int y = 0, m = 0, d = 0;  ///< d == 0: the day is not given
  std::string iso() const;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// A date filling the whole string: "2017年3月1日", "二○一三年三月十二日", "二〇二四年一月",
/// "2013-03-15".
std::optional<Date> whole_date(std::string_view text);

/// Unit words of running text: the table units (kUnitWords) and the counters reports use in
/// prose ("747名公务员", "2起", "3场").
std::span<const std::string_view> text_units();

/// A number with a unit in running text: "8359条", "2022人次", "35.6万元".
struct Mention {
  Decimal value;
  std::string_view unit;
  std::size_t start = 0, end = 0;  ///< bytes in the paragraph text, the unit included
  bool approximate = false;        ///< 约/近/超过/逾 before it, 余/多 after it
  /// A share stated right after it ("，占总数的41.31%"): the value, its decimals, and where the
  /// percentage stands.
  struct Share {
    Decimal value;
    int decimals = 0;
    std::size_t start = 0, end = 0;
  };
  std::optional<Share> share;
};

/// Numbers followed by a unit in [from, to) of `t`; years, dates and numbers glued to other
/// digits are not mentions.
std::vector<Mention> find_mentions(std::string_view t, std::size_t from, std::size_t to);

/// Where the clause or sentence around byte `at` of `t` starts and ends. A clause ends at
/// ， ； 。 ： 、 (and their ASCII forms after NFKC); a sentence at 。 ； ! ? and line ends.
std::size_t clause_start(std::string_view t, std::size_t at, bool split_on_dun = true);
std::size_t clause_end(std::string_view t, std::size_t at, bool split_on_dun = true);
std::size_t sentence_start(std::string_view t, std::size_t at);
std::size_t sentence_end(std::string_view t, std::size_t at);
/// Where the text after a clause or sentence end `i` resumes: past its punctuation, if any.
std::size_t past_stop(std::string_view t, std::size_t i);

/// Whether byte `at` of `t` stands inside brackets opened at or after `from` ("受理222件（含上年
/// 结转5件）": the 5 is an aside, not the sentence's figure).
bool in_brackets(std::string_view t, std::size_t from, std::size_t at);

/// share×10^decimals rounded half up equals `stated` (a percentage with `decimals` places).
bool share_holds(Decimal part, Decimal total, Decimal stated, int decimals);
/// part÷total as a percentage rounded half up to `decimals` places.
Decimal share_of(Decimal part, Decimal total, int decimals);

}  // namespace nianbao
