// String tests shared by every stage: byte-exact prefix, suffix and substring, eight bytes at a
// time (utf8::same, utf8::find) on the normalised UTF-8 text.
#pragma once
#include <algorithm>
#include <span>
#include <string_view>

#include "util/utf8.hpp"

namespace nianbao {

inline bool starts_with(std::string_view s, std::string_view prefix) { return utf8::same(s.substr(0, prefix.size()), prefix); }
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && utf8::same(s.substr(s.size() - suffix.size()), suffix);
}
inline bool contains(std::string_view s, std::string_view part) { return utf8::find(s, part) != std::string_view::npos; }
/// `s` ends with one of `list` (the name endings of lexicon/body_words.hpp).
inline bool ends_with_any(std::string_view s, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view x) { return ends_with(s, x); });
}

}  // namespace nianbao
