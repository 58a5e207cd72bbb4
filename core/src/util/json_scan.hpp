// A small scanner of the JSON the core is given (options, cells, drafts): strings, numbers,
// cell values, skipping what it does not know. Not a general JSON parser: what it reads is
// small and written by the binding or the CLI's user; anything else is refused.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/check.hpp"
#include "util/number.hpp"
#include "util/utf8.hpp"

namespace nianbao {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view s) : s_(s) {}
  void ws() { while (i_ < s_.size() && utf8::is_ascii_space(s_[i_])) ++i_; }
  bool eat(char c) { ws(); if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; } return false; }
  bool string(std::string& out) {
    if (!eat('"')) return false;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') { out += c; continue; }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return false;
          char32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<char32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<char32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<char32_t>(h - 'A' + 10);
            else return false;
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = utf8::kReplacement;  // pairs are not needed here
          utf8::append(out, cp);
          break;
        }
        default: out += e;
      }
    }
    return false;
  }
  bool number(std::uint64_t& out) {
    ws();
    std::size_t start = i_;
    out = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && i_ - start < 15) out = out * 10 + static_cast<std::uint64_t>(s_[i_++] - '0');
    return i_ > start;
  }
  /// Skips a value: a string, a number or literal, or an object or array (nested).
  bool skip() {
    ws();
    if (i_ < s_.size() && s_[i_] == '"') { std::string tmp; return string(tmp); }
    if (i_ < s_.size() && (s_[i_] == '{' || s_[i_] == '[')) {
      int depth = 0;
      while (i_ < s_.size()) {
        const char c = s_[i_];
        if (c == '"') { std::string tmp; if (!string(tmp)) return false; continue; }
        ++i_;
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return true;
      }
      return false;
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']') ++i_;
    return i_ > start;
  }
  /// A number (sign, digits, decimals, as the output writes cell values) or null.
  bool value(std::optional<Decimal>& out) {
    ws();
    if (s_.substr(i_, 4) == "null") { i_ += 4; out.reset(); return true; }
    const std::size_t start = i_;
    while (i_ < s_.size() && (s_[i_] == '-' || s_[i_] == '.' || (s_[i_] >= '0' && s_[i_] <= '9'))) ++i_;
    const std::string_view token = s_.substr(start, i_ - start);
    const auto n = parse_number(token, true);
    if (!n || n->length != token.size()) return false;
    out = n->value;
    return true;
  }
  /// [{"table","row","col","value"}, …]; other keys of each object (raw, span) are passed over.
  bool cells(std::vector<CellCorrection>& out) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!eat('{')) return false;
      CellCorrection c;
      bool has_value = false;
      if (!eat('}')) {
        do {
          std::string key;
          if (!string(key) || !eat(':')) return false;
          if (key == "table") { if (!string(c.table)) return false; }
          else if (key == "row") { if (!string(c.row)) return false; }
          else if (key == "col") { if (!string(c.col)) return false; }
          else if (key == "value") { if (!value(c.value)) return false; has_value = true; }
          else if (!skip()) return false;
        } while (eat(','));
        if (!eat('}')) return false;
      }
      if (c.table.empty() || c.row.empty() || c.col.empty() || !has_value) return false;
      out.push_back(std::move(c));
    } while (eat(','));
    return eat(']');
  }
  bool at_end() { ws(); return i_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};


}  // namespace nianbao
