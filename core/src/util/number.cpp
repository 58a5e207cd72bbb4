#include "util/number.hpp"

#include <array>
#include <limits>

#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace nianbao {

std::string Decimal::to_string() const {
  std::int64_t v = scaled_;
  std::string out;
  if (v < 0) { out.push_back('-'); v = -v; }
  out += std::to_string(v / kScale);
  std::int64_t frac = v % kScale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(kPlaces) - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += '.';
    out += f;
  }
  return out;
}

std::optional<ParsedNumber> parse_number(std::string_view text, bool allow_sign,
                                         bool allow_multiplier) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max() / (Decimal::kScale * 10);
  std::size_t i = 0;
  bool neg = false;
  if (allow_sign && i < text.size() && (text[i] == '+' || text[i] == '-')) {
    neg = text[i] == '-';
    ++i;
  }
  if (i >= text.size() || !utf8::is_digit(text[i])) return std::nullopt;
  std::int64_t whole = 0;
  std::size_t digits = 0;
  while (i < text.size()) {
    if (utf8::is_digit(text[i])) {
      if (whole > kMax) return std::nullopt;  // absurdly long digit run: not a number we can check
      whole = whole * 10 + (text[i] - '0');
      ++digits;
      ++i;
    } else if (text[i] == ',' && digits > 0 && i + 3 < text.size() + 0 && utf8::is_digit(text[i + 1]) &&
               utf8::is_digit(text[i + 2]) && utf8::is_digit(text[i + 3]) &&
               (i + 4 >= text.size() || !utf8::is_digit(text[i + 4]))) {
      ++i;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  std::int64_t frac = 0;
  if (i + 1 < text.size() && text[i] == '.' && utf8::is_digit(text[i + 1])) {
    ++i;
    std::int64_t scale = Decimal::kScale / 10;
    while (i < text.size() && utf8::is_digit(text[i])) {
      // A digit past the places a Decimal keeps would be dropped: not a number we can hold
      // exactly, so none rather than a value cut short.
      if (scale == 0 && text[i] != '0') return std::nullopt;
      frac += (text[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
  }
  std::int64_t scaled = whole * Decimal::kScale + frac;
  if (allow_multiplier) {
    if (starts_with(text.substr(i), "万")) {
      if (scaled > std::numeric_limits<std::int64_t>::max() / 10000) return std::nullopt;
      scaled *= 10000;
      i += 3;
    }
    else if (starts_with(text.substr(i), "亿")) {
      if (scaled > std::numeric_limits<std::int64_t>::max() / 100000000) return std::nullopt;
      scaled *= 100000000;
      i += 3;
    }
  }
  ParsedNumber p;
  p.value = Decimal::from_scaled(neg ? -scaled : scaled);
  p.length = i;
  p.approximate = starts_with(text.substr(i), "余") || starts_with(text.substr(i), "多");
  return p;
}

namespace {

constexpr std::array<std::string_view, 8> kBlankMarkers = {"—", "-", "/", "无", "——", "--", "－", "\\"};

}  // namespace

CellValue classify_cell(std::string_view raw, bool allow_sign) {
  const std::string_view t = utf8::trim(raw);
  if (t.empty()) return {CellKind::blank, {}};
  for (std::string_view m : kBlankMarkers)
    if (t == m) return {CellKind::blank, {}};
  auto p = parse_number(t, allow_sign, false);
  if (!p) return {CellKind::text, {}};
  std::string_view rest = utf8::trim(t.substr(p->length));
  if (rest.empty()) return {CellKind::number, p->value};
  for (std::string_view u : kUnitWords)
    if (rest == u) return {CellKind::number, p->value, u};
  // A note after the number: "22(其中修订16件)", "55(含自然失效29件)".
  if (rest.front() == '(' || rest.front() == '[' || rest.substr(0, 3) == "【") return {CellKind::number, p->value};
  return {CellKind::text, {}};
}

}  // namespace nianbao
